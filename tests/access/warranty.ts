import { type Expect, ok } from '../support/access-grid.js';

/**
 * Access rows of the in-warranty defect routes (保修期内维修, 工作联系单): one per route of the app
 * ("METHOD /path"), columns as in tests/support/access-grid.ts. The route-coverage check in
 * src/http/routes/access.test.ts reads them. Forms are compiled by yg.clerk; the developer's liaison
 * (yg.developer) sees only YG's forms and takes the developer's steps.
 */
// biome-ignore format: a table reads best aligned
export const warrantyAccess: Record<string, Expect[]> = {
  //                                                            anon adm  gm   ctr  dir  csm  css  clk  eng  tec  dep  fin  dev  res
  'GET /api/warranty/repair-orders/:id':                        [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200, 403, 403],
  'GET /api/warranty/repair-orders/:id (CH order)':             [401, 200, 200, 200, 404, 404, 404, 404, 404, 404, 403, 404, 403, 403],
  'GET /api/warranty/candidates':                               [401, 403, 403, 403, 200, 403, 200, 200, 403, 403, 403, 403, 403, 403],
  'POST /api/liaison-forms':                                    [401, 403, 403, 403, 201, 403, 201, 201, 403, 403, 403, 403, 403, 403],
  'GET /api/liaison-forms':                                     [401, 200, 200, 403, 200, 200, 200, 200, 200, 403, 403, 403, 200, 403],
  'GET /api/liaison-forms/:id':                                 [401, 200, 200, 403, 200, 200, 200, 200, 200, 403, 403, 403, 200, 403],
  'GET /api/liaison-forms/:id (CH form)':                       [401, 200, 200, 403, 404, 404, 404, 404, 404, 403, 403, 403, 404, 403],
  'POST /api/liaison-forms/:id/receive':                        [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,  ok, 403],
  'POST /api/liaison-forms/:id/receive (CH form)':              [401, 403, 403, 403, 404, 404, 404, 404, 404, 403, 403, 403, 404, 403],
  'POST /api/liaison-forms/:id/reply':                          [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,  ok, 403],
  'POST /api/liaison-forms/:id/report-repaired':                [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,  ok, 403],
  'POST /api/liaison-forms/:id/record-visit':                   [401, 403, 403, 403,  ok, 403,  ok,  ok, 403, 403, 403, 403, 403, 403],
  'POST /api/liaison-forms/:id/chase':                          [401, 403, 403, 403,  ok, 403,  ok,  ok, 403, 403, 403, 403, 403, 403],
  'POST /api/liaison-forms/:id/cancel':                         [401, 403, 403, 403,  ok, 403,  ok, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/liaison-forms/:id/items/:itemId/photos':           [401, 403, 403, 403, 201, 403, 201, 201, 403, 403, 403, 403, 403, 403],
  'GET /api/liaison-forms/:id/photos/:photoId':                 [401, 200, 200, 403, 200, 200, 200, 200, 200, 403, 403, 403, 200, 403],
  'GET /print/liaison-forms/:id':                               [401, 200, 200, 403, 200, 200, 200, 200, 200, 403, 403, 403, 200, 403],
};
