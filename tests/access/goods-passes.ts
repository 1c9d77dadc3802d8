import { type Expect, ok } from '../support/access-grid.js';

/**
 * Access rows of the goods release passes routes (物品放行): one per route of the app ("METHOD /path"), columns as
 * in tests/support/access-grid.ts. The route-coverage check in src/http/routes/access.test.ts reads them.
 * Passes are applied for by yg.clerk for the resident column's own room, in the state each action
 * starts from; dep is yg.security (the gate and the daily check). The daily check is signed on a
 * different day by each caller, so one caller's signature does not refuse the next.
 */
// biome-ignore format: a table reads best aligned
export const goodsPassesAccess: Record<string, Expect[]> = {
  //                                                  anon adm  gm   ctr  dir  csm  css  clk  eng  tec  dep  fin  dev  res
  'POST /api/goods-passes':                           [401, 403, 403, 403, 403, 403, 201, 201, 403, 403, 403, 403, 403, 201],
  'GET /api/goods-passes':                            [401, 200, 200, 403, 200, 200, 200, 200, 403, 403, 200, 403, 403, 200],
  'GET /api/goods-passes/lookup':                     [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403],
  'GET /api/goods-passes/lookup (CH pass)':           [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 404, 403, 403, 403],
  'GET /api/goods-passes/daily-review':               [401, 200, 200, 403, 200, 200, 200, 200, 403, 403, 200, 403, 403, 403],
  'POST /api/goods-passes/daily-review':              [401, 403, 403, 403, 200, 403, 403, 403, 403, 403, 200, 403, 403, 403],
  'GET /api/goods-passes/:id':                        [401, 200, 200, 403, 200, 200, 200, 200, 403, 403, 200, 403, 403, 200],
  'GET /api/goods-passes/:id (another household)':    [401, 200, 200, 403, 200, 200, 200, 200, 403, 403, 200, 403, 403, 404],
  'GET /api/goods-passes/:id (CH pass)':              [401, 200, 200, 403, 404, 404, 404, 404, 403, 403, 404, 403, 403, 404],
  'POST /api/goods-passes/:id/issue':                 [401, 403, 403, 403, 403, 403,  ok,  ok, 403, 403, 403, 403, 403, 403],
  'POST /api/goods-passes/:id/override':              [401, 403, 403, 403, 403, 403,  ok, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/goods-passes/:id/release':               [401, 403, 403, 403, 403, 403, 403, 403, 403, 403,  ok, 403, 403, 403],
  'POST /api/goods-passes/:id/return':                [401, 403, 403, 403, 403, 403, 403, 403, 403, 403,  ok, 403, 403, 403],
  'POST /api/goods-passes/:id/cancel':                [401, 403, 403, 403, 403, 403,  ok,  ok, 403, 403, 403, 403, 403,  ok],
  'POST /api/goods-passes/:id/issue (CH pass)':       [401, 403, 403, 403, 404, 404, 404, 404, 403, 403, 404, 403, 403, 404],
  'GET /print/goods-passes/:id':                      [401, 403, 403, 403, 403, 403, 200, 200, 403, 403, 403, 403, 403, 403],
};
