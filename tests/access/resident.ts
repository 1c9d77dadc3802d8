import { ok, type Expect } from '../support/access-grid.js';

/**
 * Access rows of the resident's own routes (columns in tests/support/access-grid.ts). The rating
 * row is tried on a finished repair of the resident's household. Staff have no household: 403.
 */
// biome-ignore format: a table reads best aligned
export const residentRoutes: Record<string, Expect[]> = {
  //                                                  anon adm  gm   ctr  dir  csm  css  clk  eng  tec  dep  fin  dev  res
  'GET /api/my/tickets':                              [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  'POST /api/tickets/:id/rating':                     [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, ok ],
};
