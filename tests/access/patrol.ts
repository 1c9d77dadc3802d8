import type { Expect } from '../support/access-grid.js';

/**
 * Access rows of the building patrol routes (巡楼): one per route of the app ("METHOD /path"), columns as
 * in tests/support/access-grid.ts. The route-coverage check in src/http/routes/access.test.ts reads them.
 */
// biome-ignore format: a table reads best aligned
export const patrolAccess: Record<string, Expect[]> = {};
