import { type Expect, ok } from '../support/access-grid.js';

/**
 * Access rows of the parking routes (车位): one per route of the app ("METHOD /path"), columns as
 * in tests/support/access-grid.ts. The route-coverage check in src/http/routes/access.test.ts reads them.
 * Applications are entered by yg.clerk for the household of the res column; dep is security (who checks
 * cards at the gate); each action is tried on an application in the state it starts from.
 */
// biome-ignore format: a table reads best aligned
export const parkingAccess: Record<string, Expect[]> = {
  //                                                          anon adm  gm   ctr  dir  csm  css  clk  eng  tec  dep  fin  dev  res
  'GET /api/parking/spaces':                                  [401, 200, 200, 403, 200, 200, 200, 200, 403, 403, 200, 200, 403, 403],
  'POST /api/parking/spaces':                                 [401, 403, 403, 403, 403, 403, 201, 201, 403, 403, 403, 403, 403, 403],
  'PATCH /api/parking/spaces/:id':                            [401, 403, 403, 403, 403, 403, 200, 200, 403, 403, 403, 403, 403, 403],
  'PATCH /api/parking/spaces/:id (CH space)':                 [401, 403, 403, 403, 403, 403, 404, 404, 403, 403, 403, 403, 403, 403],
  'POST /api/parking/applications':                           [401, 403, 403, 403, 403, 403, 201, 201, 403, 403, 403, 403, 403, 201],
  'GET /api/parking/applications':                            [401, 200, 200, 403, 200, 200, 200, 200, 403, 403, 200, 200, 403, 200],
  'GET /api/parking/applications/:id':                        [401, 200, 200, 403, 200, 200, 200, 200, 403, 403, 200, 200, 403, 200],
  'GET /api/parking/applications/:id (another household)':    [401, 200, 200, 403, 200, 200, 200, 200, 403, 403, 200, 200, 403, 404],
  'GET /api/parking/applications/:id (CH application)':       [401, 200, 200, 403, 404, 404, 404, 404, 403, 403, 404, 404, 403, 404],
  'POST /api/parking/applications/:id/assign':                [401, 403, 403, 403, 403, 403,  ok,  ok, 403, 403, 403, 403, 403, 403],
  'POST /api/parking/applications/:id/reject':                [401, 403, 403, 403, 403, 403,  ok,  ok, 403, 403, 403, 403, 403, 403],
  'POST /api/parking/applications/:id/sign-agreement':        [401, 403, 403, 403, 403, 403,  ok,  ok, 403, 403, 403, 403, 403, 403],
  'POST /api/parking/applications/:id/pay':                   [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,  ok, 403, 403],
  'POST /api/parking/applications/:id/issue-card':            [401, 403, 403, 403, 403, 403,  ok,  ok, 403, 403, 403, 403, 403, 403],
  'POST /api/parking/applications/:id/renew':                 [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,  ok, 403, 403],
  'POST /api/parking/applications/:id/cancel':                [401, 403, 403, 403, 403, 403,  ok,  ok, 403, 403, 403, 403, 403,  ok],
  'POST /api/parking/applications/:id/cancel (another household)': [401, 403, 403, 403, 403, 403, ok, ok, 403, 403, 403, 403, 403, 404],
  'POST /api/parking/applications/:id/documents':             [401, 403, 403, 403, 403, 403, 201, 201, 403, 403, 403, 403, 403, 201],
  'GET /api/parking/applications/:id/documents/:fileId':      [401, 200, 200, 403, 200, 200, 200, 200, 403, 403, 200, 200, 403, 200],
  'GET /print/parking/:id/agreement':                         [401, 200, 200, 403, 200, 200, 200, 200, 403, 403, 200, 200, 403, 200],
  'GET /print/parking/:id/card':                              [401, 200, 200, 403, 200, 200, 200, 200, 403, 403, 200, 200, 403, 200],
  'GET /print/parking/:id/card (another household)':          [401, 200, 200, 403, 200, 200, 200, 200, 403, 403, 200, 200, 403, 404],
};
