import { type Expect, ok } from '../support/access-grid.js';

/**
 * Access rows of the building patrol routes (巡楼): one per route of the app ("METHOD /path"), columns as
 * in tests/support/access-grid.ts. The route-coverage check in src/http/routes/access.test.ts reads them.
 * Rounds are started by yg.cssup (the patroller); only the patroller or the director record on a round.
 */
// biome-ignore format: a table reads best aligned
export const patrolAccess: Record<string, Expect[]> = {
  //                                                            anon adm  gm   ctr  dir  csm  css  clk  eng  tec  dep  fin  dev  res
  'GET /api/patrol/routes':                                     [401, 200, 200, 403, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403],
  'POST /api/patrol/routes':                                    [401, 403, 403, 403, 201, 403, 201, 403, 403, 403, 403, 403, 403, 403],
  'PUT /api/patrol/routes/:id':                                 [401, 403, 403, 403, 200, 403, 200, 403, 403, 403, 403, 403, 403, 403],
  'PUT /api/patrol/routes/:id (CH route)':                      [401, 403, 403, 403, 404, 403, 404, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/patrol/rounds':                                     [401, 200, 200, 403, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403],
  'POST /api/patrol/rounds':                                    [401, 403, 403, 403, 201, 403, 201, 201, 403, 403, 403, 403, 403, 403],
  'GET /api/patrol/rounds/:id':                                 [401, 200, 200, 403, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403],
  'GET /api/patrol/rounds/:id (CH round)':                      [401, 200, 200, 403, 404, 404, 404, 404, 404, 403, 403, 403, 403, 403],
  'POST /api/patrol/rounds/:id/checkpoints':                    [401, 403, 403, 403,  ok, 403,  ok, 404, 403, 403, 403, 403, 403, 403],
  'POST /api/patrol/rounds/:id/finish':                         [401, 403, 403, 403,  ok, 403,  ok, 404, 403, 403, 403, 403, 403, 403],
  'POST /api/patrol/rounds/:id/findings/:findingId/photos':     [401, 403, 403, 403, 201, 403, 201, 404, 403, 403, 403, 403, 403, 403],
  'GET /api/patrol/rounds/:id/photos/:photoId':                 [401, 200, 200, 403, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403],
  'GET /api/patrol/rounds/:id/photos/:photoId (CH round)':      [401, 200, 200, 403, 404, 404, 404, 404, 404, 403, 403, 403, 403, 403],
  'GET /api/patrol/fulfilment':                                 [401, 200, 200, 403, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403],
  'GET /api/patrol/daily-report':                               [401, 200, 200, 403, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403],
  'GET /api/patrol/daily-report (CH)':                          [401, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'GET /print/patrol/daily-report':                             [401, 200, 200, 403, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403],
};
