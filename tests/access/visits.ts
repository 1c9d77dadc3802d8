import type { Expect } from '../support/access-grid.js';

/**
 * Access rows of the visits routes: one per route of the app ("METHOD /path"), columns as in
 * tests/support/access-grid.ts. The route-coverage check in src/http/routes/access.test.ts reads them.
 * GET /api/visits keeps its rows in access.test.ts. Each action row is tried on a fresh task of a
 * confirmed YG repair; `ok` for whoever visitRules[action].who lets act. Recording a repair's visit
 * also takes the order's own visit step, which the director may not take (403).
 */
// biome-ignore format: a table reads best aligned
export const visitsRoutes: Record<string, Expect[]> = {
  //                                                  anon adm  gm   ctr  dir  csm  css  clk  eng  tec  dep  fin  dev  res
  'GET /api/visits/mine':                             [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403],
  'GET /api/visits/:id':                              [401, 200, 403, 403, 200, 200, 200, 200, 200, 404, 403, 403, 403, 403],
  'POST /api/visits/:id/assign':                      [401, 403, 403, 403, 'ok', 'ok', 'ok', 403, 'ok', 404, 403, 403, 403, 403],
  'POST /api/visits/:id/book':                        [401, 403, 403, 403, 'ok', 'ok', 'ok', 'ok', 'ok', 404, 403, 403, 403, 403],
  'POST /api/visits/:id/record':                      [401, 403, 403, 403, 403, 'ok', 'ok', 'ok', 'ok', 404, 403, 403, 403, 403],
  'POST /api/visits/:id/rectification-notice':        [401, 403, 403, 403, 'ok', 'ok', 'ok', 'ok', 'ok', 404, 403, 403, 403, 403],
  'POST /api/visits/:id/cancel':                      [401, 403, 403, 403, 'ok', 'ok', 'ok', 'ok', 403, 404, 403, 403, 403, 403],
  'POST /api/visit-sampling/draw':                    [401, 403, 403, 403, 200, 200, 200, 403, 200, 403, 403, 403, 403, 403],
  'GET /api/visit-sampling':                          [401, 200, 403, 403, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403],
};
