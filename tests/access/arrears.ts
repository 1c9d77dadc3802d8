import type { Expect } from '../support/access-grid.js';

/**
 * Access rows of the arrears routes (欠费催缴): one per route of the app ("METHOD /path"), columns as
 * in tests/support/access-grid.ts. The route-coverage check in src/http/routes/access.test.ts reads them.
 */
// biome-ignore format: a table reads best aligned
export const arrearsAccess: Record<string, Expect[]> = {};
