import type { Expect } from '../support/access-grid.js';

/**
 * Access rows of the hot-work permits routes (临时动火): one per route of the app ("METHOD /path"), columns as
 * in tests/support/access-grid.ts. The route-coverage check in src/http/routes/access.test.ts reads them.
 */
// biome-ignore format: a table reads best aligned
export const hotWorkAccess: Record<string, Expect[]> = {};
