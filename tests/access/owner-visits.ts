import type { Expect } from '../support/access-grid.js';

/**
 * Access rows of the owner-visit routes (业户访问): one per route of the app ("METHOD /path"), columns as
 * in tests/support/access-grid.ts. The route-coverage check in src/http/routes/access.test.ts reads them.
 * The CS supervisor plans and books; the clerk may record; the director, the CS manager and the
 * company's roles read. Residents see no owner visits, not even their own household's (the records are
 * the office's notes). A CH visit is 404 for YG staff; asking for CH's month is 403.
 */
// biome-ignore format: a table reads best aligned
export const ownerVisitsAccess: Record<string, Expect[]> = {
  //                                                   anon adm  gm   ctr  dir  csm  css  clk  eng  tec  dep  fin  dev  res
  'GET /api/owner-visits':                             [401, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403],
  'GET /api/owner-visits (CH)':                        [401, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/owner-visits/plans':                      [401, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/owner-visits/plans (CH)':                 [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/owner-visits/proposals':                   [401, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403],
  'POST /api/owner-visits/bookings':                   [401, 403, 403, 403, 403, 403, 201, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/owner-visits/records':                    [401, 403, 403, 403, 403, 403, 201, 201, 403, 403, 403, 403, 403, 403],
  'GET /api/owner-visits/:id':                         [401, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403],
  'GET /api/owner-visits/:id (CH visit)':              [401, 200, 200, 200, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403],
  'POST /api/owner-visits/:id/reschedule':             [401, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/owner-visits/:id/cancel':                 [401, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/owner-visits/:id/cancel (CH visit)':      [401, 403, 403, 403, 403, 403, 404, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/owner-visits/:id/record':                 [401, 403, 403, 403, 403, 403, 200, 200, 403, 403, 403, 403, 403, 403],
  'POST /api/owner-visits/:id/record (CH visit)':      [401, 403, 403, 403, 403, 403, 404, 404, 403, 403, 403, 403, 403, 403],
  'POST /api/owner-visits/:id/issues/:index/follow-up':[401, 403, 403, 403, 403, 403, 200, 200, 403, 403, 403, 403, 403, 403],
  'GET /print/owner-visits/:id':                       [401, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403],
  'GET /print/owner-visits/:id (CH visit)':            [401, 200, 200, 200, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403],
  'GET /print/owner-visits':                           [401, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403],
};
