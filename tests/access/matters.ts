import { type Expect, ok } from '../support/access-grid.js';

/**
 * Access rows of the matters routes: one per route of the app ("METHOD /path"), columns as in
 * tests/support/access-grid.ts. The route-coverage check in src/http/routes/access.test.ts reads them.
 * Matters are created by yg.clerk in YG and sent to yg.cssup. Department members (tec, dep) see only
 * what was handed to their department: dep is security, tec engineering.
 */
// biome-ignore format: a table reads best aligned
export const mattersRoutes: Record<string, Expect[]> = {
  //                                                  anon adm  gm   ctr  dir  csm  css  clk  eng  tec  dep  fin  dev  res
  'POST /api/matters':                                [401, 403, 403, 403, 403, 403, 201, 201, 403, 403, 403, 403, 403, 403],
  'GET /api/matters':                                 [401, 200, 200, 403, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403],
  'GET /api/matters/supervisors':                     [401, 403, 403, 403, 403, 403, 200, 200, 403, 403, 403, 403, 403, 403],
  // With the supervisor: no department yet, so department members do not see it.
  'GET /api/matters/:id':                             [401, 200, 200, 403, 200, 200, 200, 200, 200, 404, 404, 403, 403, 403],
  'GET /api/matters/:id (handed to security)':        [401, 200, 200, 403, 200, 200, 200, 200, 200, 404, 200, 403, 403, 403],
  'GET /api/matters/:id (CH matter)':                 [401, 200, 200, 403, 404, 404, 404, 404, 404, 404, 404, 403, 403, 403],
  'POST /api/matters/:id/send':                       [401, 403, 403, 403, 403, 403,  ok,  ok, 403, 404, 404, 403, 403, 403],
  'POST /api/matters/:id/hand-over':                  [401, 403, 403, 403,  ok, 403,  ok, 403, 403, 404, 404, 403, 403, 403],
  'POST /api/matters/:id/decline':                    [401, 403, 403, 403, 403, 403, 403, 403, 403, 404,  ok, 403, 403, 403],
  'POST /api/matters/:id/accept':                     [401, 403, 403, 403, 403, 403, 403, 403, 403, 404,  ok, 403, 403, 403],
  'POST /api/matters/:id/complete':                   [401, 403, 403, 403, 403, 403, 403, 403, 403, 404,  ok, 403, 403, 403],
  'POST /api/matters/:id/chase':                      [401, 403, 403, 403, 403, 403,  ok,  ok, 403, 404, 404, 403, 403, 403],
  'POST /api/matters/:id/reopen':                     [401, 403, 403, 403, 403, 403,  ok,  ok, 403, 404, 403, 403, 403, 403],
  'POST /api/matters/:id/close':                      [401, 403, 403, 403, 403, 403,  ok,  ok, 403, 404, 403, 403, 403, 403],
  'POST /api/matters/:id/cancel':                     [401, 403, 403, 403,  ok, 403,  ok,  ok, 403, 404, 404, 403, 403, 403],
};
