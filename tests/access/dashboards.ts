import type { Expect } from '../support/access-grid.js';

/**
 * Access rows of the dashboard routes (统计看板): one per route of the app ("METHOD /path"), columns
 * as in tests/support/access-grid.ts. The route-coverage check in src/http/routes/access.test.ts
 * reads them. Community managers (dir csm css eng) see their own community; asking for another
 * community is refused (403) and for a community of another company not found (404), as every
 * community filter of the app does. Company roles (adm gm ctr) see every community of their company.
 */
// biome-ignore format: a table reads best aligned
export const dashboardsAccess: Record<string, Expect[]> = {
  //                                                       anon adm  gm   ctr  dir  csm  css  clk  eng  tec  dep  fin  dev  res
  'GET /api/dashboards':                                   [401, 200, 200, 200, 200, 200, 200, 403, 200, 403, 403, 403, 403, 403],
  'GET /api/dashboards (YG)':                              [401, 200, 200, 200, 200, 200, 200, 403, 200, 403, 403, 403, 403, 403],
  'GET /api/dashboards (CH)':                              [401, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/dashboards (another company)':                 [401, 404, 404, 404, 404, 404, 404, 403, 404, 403, 403, 403, 403, 403],
  'GET /api/dashboards/export':                            [401, 200, 200, 200, 200, 200, 200, 403, 200, 403, 403, 403, 403, 403],
  'GET /api/dashboards/export (CH)':                       [401, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/dashboards/export (another company)':          [401, 404, 404, 404, 404, 404, 404, 403, 404, 403, 403, 403, 403, 403],
};
