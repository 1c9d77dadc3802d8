import type { Expect } from '../support/access-grid.js';

/**
 * Access rows of the arrears routes (欠费催缴): one per route of the app ("METHOD /path"), columns as
 * in tests/support/access-grid.ts. The route-coverage check in src/http/routes/access.test.ts reads them.
 * Arrears are recorded by yg.finance; the household rows are assigned to yg.clerk (clk), who sees
 * only the households assigned to them.
 */
// biome-ignore format: a table reads best aligned
export const arrearsAccess: Record<string, Expect[]> = {
  //                                                  anon adm  gm   ctr  dir  csm  css  clk  eng  tec  dep  fin  dev  res
  'GET /api/arrears':                                 [401, 200, 200, 403, 200, 200, 200, 200, 403, 403, 403, 200, 403, 403],
  'GET /api/arrears/export':                          [401, 200, 200, 403, 200, 200, 200, 200, 403, 403, 403, 200, 403, 403],
  'GET /api/arrears/template':                        [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403],
  'POST /api/arrears/import':                         [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403],
  'POST /api/arrears':                                [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 201, 403, 403],
  'GET /api/arrears/clerks':                          [401, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/arrears/assign':                         [401, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/arrears/households/:id':                  [401, 200, 200, 403, 200, 200, 200, 200, 403, 403, 403, 200, 403, 403],
  'GET /api/arrears/households/:id (not assigned to the clerk)': [401, 200, 200, 403, 200, 200, 200, 404, 403, 403, 403, 200, 403, 403],
  'GET /api/arrears/households/:id (CH household)':   [401, 200, 200, 403, 404, 404, 404, 404, 403, 403, 403, 404, 403, 403],
  'POST /api/arrears/households/:id/chases':          [401, 403, 403, 403, 403, 403, 201, 201, 403, 403, 403, 403, 403, 403],
  'POST /api/arrears/households/:id/chases (CH household)': [401, 403, 403, 403, 403, 403, 404, 404, 403, 403, 403, 403, 403, 403],
  'POST /api/arrears/lines/:id/payments':             [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 201, 403, 403],
  'POST /api/arrears/lines/:id/payments (CH line)':   [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 404, 403, 403],
};
