import type { Expect } from '../support/access-grid.js';

/**
 * Access rows of the in-warranty defects routes (保修期内维修): one per route of the app ("METHOD /path"), columns as
 * in tests/support/access-grid.ts. The route-coverage check in src/http/routes/access.test.ts reads them.
 */
// biome-ignore format: a table reads best aligned
export const warrantyAccess: Record<string, Expect[]> = {};
