import { type Expect, ok } from '../support/access-grid.js';

/**
 * Access rows of the hot-work permits routes (临时动火): one per route of the app ("METHOD /path"), columns as
 * in tests/support/access-grid.ts. The route-coverage check in src/http/routes/access.test.ts reads them.
 * Applications are entered by yg.clerk in YG; dep is security (who inspects); each action is tried on a
 * permit in the state it starts from.
 */
// biome-ignore format: a table reads best aligned
export const hotWorkAccess: Record<string, Expect[]> = {
  //                                                  anon adm  gm   ctr  dir  csm  css  clk  eng  tec  dep  fin  dev  res
  'POST /api/hot-work':                               [401, 403, 403, 403, 403, 403, 201, 201, 403, 403, 403, 403, 403, 403],
  'GET /api/hot-work':                                [401, 200, 200, 403, 200, 200, 200, 200, 200, 403, 200, 403, 403, 403],
  'GET /api/hot-work/:id':                            [401, 200, 200, 403, 200, 200, 200, 200, 200, 403, 200, 403, 403, 403],
  'GET /api/hot-work/:id (CH permit)':                [401, 200, 200, 403, 404, 404, 404, 404, 404, 403, 404, 403, 403, 403],
  'POST /api/hot-work/:id/approve-cs':                [401, 403, 403, 403, 403,  ok,  ok, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/hot-work/:id/approve-engineering':       [401, 403, 403, 403, 403, 403, 403, 403,  ok, 403, 403, 403, 403, 403],
  // At the CS stage: only CS may reject; engineering's turn comes later.
  'POST /api/hot-work/:id/reject':                    [401, 403, 403, 403, 403,  ok,  ok, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/hot-work/:id/inspect':                   [401, 403, 403, 403, 403, 403, 403, 403, 403, 403,  ok, 403, 403, 403],
  'POST /api/hot-work/:id/close':                     [401, 403, 403, 403, 403, 403,  ok,  ok, 403, 403,  ok, 403, 403, 403],
  'POST /api/hot-work/:id/cancel':                    [401, 403, 403, 403, 403, 403,  ok,  ok, 403, 403, 403, 403, 403, 403],
  'POST /api/hot-work/:id/cancel (CH permit)':        [401, 403, 403, 403, 404, 404, 404, 404, 404, 403, 404, 403, 403, 403],
  // Photos go on one's own inspection (dep recorded it).
  'POST /api/hot-work/:id/photos':                    [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 201, 403, 403, 403],
  'GET /api/hot-work/:id/photos/:fileId':             [401, 200, 200, 403, 200, 200, 200, 200, 200, 403, 200, 403, 403, 403],
  'GET /print/hot-work/:id/application':              [401, 200, 200, 403, 200, 200, 200, 200, 200, 403, 200, 403, 403, 403],
  'GET /print/hot-work/:id/permit':                   [401, 200, 200, 403, 200, 200, 200, 200, 200, 403, 200, 403, 403, 403],
  'GET /print/hot-work/:id/permit (CH permit)':       [401, 200, 200, 403, 404, 404, 404, 404, 404, 403, 404, 403, 403, 403],
};
