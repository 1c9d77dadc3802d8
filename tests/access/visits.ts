import type { Expect } from '../support/access-grid.js';

/**
 * Access rows of the visits routes: one per route of the app ("METHOD /path"), columns as in
 * tests/support/access-grid.ts. The route-coverage check in src/http/routes/access.test.ts reads them.
 */
// biome-ignore format: a table reads best aligned
export const visitsRoutes: Record<string, Expect[]> = {
  //                                                  anon adm  gm   ctr  dir  csm  css  clk  eng  tec  dep  fin  dev  res
};
