import { ok, type Expect } from '../support/access-grid.js';

/**
 * Access rows of the monthly reports (月报): one per route of the app ("METHOD /path"), columns as
 * in tests/support/access-grid.ts. The reports are YG's and CH's of 2026-09: community staff see
 * their own community's (CH is 404 for YG staff), the company roles every community's. The
 * `receive` row's report was submitted beforehand; submitting twice is a 409 (`ok`).
 */
// biome-ignore format: a table reads best aligned
export const reportsAccess: Record<string, Expect[]> = {
  //                                                  anon adm  gm   ctr  dir  csm  css  clk  eng  tec  dep  fin  dev  res
  'GET /api/reports':                                 [401, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/reports (CH community)':                  [401, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/reports/generate':                       [401, 200, 403, 200, 200, 403, 200, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/reports/generate (CH community)':        [401, 200, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/reports/:id':                             [401, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/reports/:id (CH report)':                 [401, 200, 200, 200, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/reports/:id/regenerate':                 [401, 403, 403, 403, 200, 403, 200, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/reports/:id/regenerate (CH report)':     [401, 403, 403, 403, 404, 403, 404, 403, 403, 403, 403, 403, 403, 403],
  'PUT /api/reports/:id/analysis':                    [401, 403, 403, 403, 200, 403, 200, 403, 403, 403, 403, 403, 403, 403],
  'PUT /api/reports/:id/analysis (CH report)':        [401, 403, 403, 403, 404, 403, 404, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/reports/:id/submit':                     [401, 403, 403, 403, ok,  403, ok,  403, 403, 403, 403, 403, 403, 403],
  'POST /api/reports/:id/submit (CH report)':         [401, 403, 403, 403, 404, 403, 404, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/reports/:id/receive':                    [401, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/reports/:id/receive (CH report)':        [401, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/reports/:id/export':                      [401, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/reports/:id/export (CH report)':          [401, 200, 200, 200, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403],
  'GET /print/reports/:id':                           [401, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403],
  'GET /print/reports/:id (CH report)':               [401, 200, 200, 200, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403],
};
