import { type Expect, ok } from '../support/access-grid.js';

/**
 * Access rows of the renovation routes (装修): one per route of the app ("METHOD /path"), columns as
 * in tests/support/access-grid.ts. The route-coverage check in src/http/routes/access.test.ts reads them.
 * Renovations are applied for by yg.clerk for the resident column's own room, in the state each
 * action starts from; dep is security (patrols daily); every patrol row uses the caller's own duty.
 */
// biome-ignore format: a table reads best aligned
export const renovationAccess: Record<string, Expect[]> = {
  //                                                                anon adm  gm   ctr  dir  csm  css  clk  eng  tec  dep  fin  dev  res
  'GET /api/renovations':                                           [401, 200, 200, 403, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200],
  'POST /api/renovations':                                          [401, 403, 403, 403, 403, 403, 201, 201, 403, 403, 403, 403, 403, 201],
  'GET /api/renovation-patrols':                                    [401, 403, 403, 403, 403, 403, 200, 200, 200, 200, 200, 403, 403, 403],
  'GET /api/renovations/:id':                                       [401, 200, 200, 403, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200],
  'GET /api/renovations/:id (another household)':                   [401, 200, 200, 403, 200, 200, 200, 200, 200, 200, 200, 200, 403, 404],
  'GET /api/renovations/:id (CH renovation)':                       [401, 200, 200, 403, 404, 404, 404, 404, 404, 404, 404, 404, 403, 404],
  'POST /api/renovations/:id/edit':                                 [401, 403, 403, 403, 403, 403,  ok,  ok, 403, 403, 403, 403, 403,  ok],
  'POST /api/renovations/:id/pass-check':                           [401, 403, 403, 403, 403, 403,  ok,  ok, 403, 403, 403, 403, 403, 403],
  'POST /api/renovations/:id/return':                               [401, 403, 403, 403, 403, 403,  ok,  ok, 403, 403, 403, 403, 403, 403],
  // At the CS manager's step: the engineering manager's turn comes next.
  'POST /api/renovations/:id/approve':                              [401, 403, 403, 403, 403,  ok, 403, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/renovations/:id/reject':                               [401, 403, 403, 403, 403,  ok, 403, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/renovations/:id/resubmit':                             [401, 403, 403, 403, 403, 403,  ok,  ok, 403, 403, 403, 403, 403,  ok],
  'POST /api/renovations/:id/withdraw':                             [401, 403, 403, 403, 403, 403,  ok,  ok, 403, 403, 403, 403, 403,  ok],
  'POST /api/renovations/:id/record-payment':                       [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,  ok, 403, 403],
  'POST /api/renovations/:id/record-patrol':                        [401, 403, 403, 403, 403, 403,  ok,  ok,  ok,  ok,  ok, 403, 403, 403],
  'POST /api/renovations/:id/record-violation':                     [401, 403, 403, 403, 403,  ok,  ok,  ok,  ok,  ok,  ok, 403, 403, 403],
  'POST /api/renovations/:id/issue-notice':                         [401, 403, 403, 403, 403,  ok,  ok,  ok,  ok, 403, 403, 403, 403, 403],
  'POST /api/renovations/:id/recheck':                              [401, 403, 403, 403, 403,  ok,  ok,  ok,  ok,  ok,  ok, 403, 403, 403],
  'POST /api/renovations/:id/decide-penalty':                       [401, 403, 403, 403, 403, 403, 403, 403,  ok, 403, 403, 403, 403, 403],
  'POST /api/renovations/:id/resume-work':                          [401, 403, 403, 403, 403,  ok, 403, 403,  ok, 403, 403, 403, 403, 403],
  'POST /api/renovations/:id/book-inspection':                      [401, 403, 403, 403, 403, 403,  ok,  ok, 403, 403, 403, 403, 403,  ok],
  'POST /api/renovations/:id/record-acceptance':                    [401, 403, 403, 403, 403, 403,  ok,  ok,  ok,  ok, 403, 403, 403, 403],
  'POST /api/renovations/:id/book-refund':                          [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,  ok, 403, 403],
  'POST /api/renovations/:id/record-refund':                        [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,  ok, 403, 403],
  'POST /api/renovations/:id/documents':                            [401, 403, 403, 403, 403, 403, 201, 201, 403, 403, 403, 403, 403, 201],
  'POST /api/renovations/:id/documents/:documentId/signed':         [401, 403, 403, 403, 403, 403, 200, 200, 403, 403, 403, 403, 403, 200],
  'POST /api/renovations/:id/photos':                               [401, 403, 403, 403, 403, 201, 201, 201, 201, 201, 201, 403, 403, 403],
  'GET /api/renovations/:id/files/:fileId':                         [401, 200, 200, 403, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200],
  'GET /api/renovations/:id/files/:fileId (another household)':     [401, 200, 200, 403, 200, 200, 200, 200, 200, 200, 200, 200, 403, 404],
  'GET /print/renovations/:id/application':                         [401, 200, 200, 403, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200],
  'GET /print/renovations/:id/application (CH renovation)':         [401, 200, 200, 403, 404, 404, 404, 404, 404, 404, 404, 404, 403, 404],
  'GET /print/renovations/:id/permit':                              [401, 200, 200, 403, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200],
  'GET /print/renovations/:id/acceptance':                          [401, 200, 200, 403, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200],
  'GET /print/renovations/:id/violations/:violationId/notice':      [401, 200, 200, 403, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200],
};
