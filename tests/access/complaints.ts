import type { Expect } from '../support/access-grid.js';

const ok = 'ok';

/**
 * Access rows of the complaints routes: one per route of the app ("METHOD /path"), columns as in
 * tests/support/access-grid.ts. The route-coverage check in src/http/routes/access.test.ts reads them.
 * The rows are tried on a complaint of the grid's resident's household in 阳光花园 (YG): the
 * technician holds no complaint view (404 on actions), department staff, finance and the developer
 * see only complaints solved by or referred to their department (404 here).
 */
// biome-ignore format: a table reads best aligned
export const complaintsRoutes: Record<string, Expect[]> = {
  //                                                          anon adm  gm   ctr  dir  csm  css  clk  eng  tec  dep  fin  dev  res
  'POST /api/complaints':                                    [401, 403, 403, 403, 201, 201, 201, 201, 403, 403, 403, 403, 403, 201],
  'POST /api/complaints/forward':                            [401, 201, 201, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/complaints':                                     [401, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200, 200, 200, 200],
  'GET /api/complaints/collective-proposals':                [401, 403, 403, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/complaints/merge-collective':                   [401, 403, 403, 403,  ok, 403,  ok, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/complaints/:id':                                 [401, 200, 200, 200, 200, 200, 200, 200, 200, 403, 404, 404, 404, 200],
  'POST /api/complaints/:id/classify':                       [401, 403, 403, 403,  ok, 403,  ok, 403, 403, 404, 404, 404, 404, 403],
  'POST /api/complaints/:id/contact':                        [401, 403, 403, 403,  ok, 403,  ok, 403, 403, 404, 404, 404, 404, 403],
  'POST /api/complaints/:id/refer':                          [401, 403, 403, 403,  ok, 403,  ok,  ok, 403, 404, 404, 404, 404, 403],
  'POST /api/complaints/:id/update-progress':                [401, 403, 403, 403,  ok, 403,  ok,  ok, 403, 404, 404, 404, 404, 403],
  'POST /api/complaints/:id/escalate':                       [401, 403,  ok,  ok,  ok,  ok,  ok,  ok, 403, 404, 404, 404, 404, 403],
  'POST /api/complaints/:id/file-incident-report':           [401, 403, 403, 403,  ok, 403, 403, 403, 403, 404, 404, 404, 404, 403],
  'POST /api/complaints/:id/record-result':                  [401, 403, 403, 403,  ok, 403,  ok,  ok, 403, 404, 404, 404, 404, 403],
  'POST /api/complaints/:id/return-result':                  [401, 403, 403, 403,  ok,  ok,  ok, 403,  ok, 404, 404, 404, 404, 403],
  'POST /api/complaints/:id/sign-off':                       [401, 403, 403, 403,  ok,  ok,  ok, 403,  ok, 404, 404, 404, 404, 403],
  'POST /api/complaints/:id/reply':                          [401, 403, 403, 403,  ok, 403,  ok,  ok, 403, 404, 404, 404, 404, 403],
  'POST /api/complaints/:id/report-to-centre':               [401, 403, 403, 403,  ok, 403,  ok, 403, 403, 404, 404, 404, 404, 403],
  'POST /api/complaints/:id/visit':                          [401, 403, 403, 403,  ok,  ok,  ok,  ok, 403, 404, 404, 404, 404, 403],
  'POST /api/complaints/:id/merge':                          [401, 403, 403, 403,  ok, 403,  ok, 403, 403, 404, 404, 404, 404, 403],
  'POST /api/complaints/:id/withdraw':                       [401, 403, 403, 403, 403, 403,  ok,  ok, 403, 404, 404, 404, 404,  ok],
};
