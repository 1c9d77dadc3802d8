import type { Deps } from '../commands/context.js';
import { drawDueSampling } from '../commands/visits/sampling.js';

/**
 * The scheduler's periodic duties, run hourly and at start-up: each is idempotent (it does what is
 * due and not yet done, so a second run or a second server process does nothing twice) and
 * resolves with how much it did. Adding a duty is adding one line here.
 */
export const periodicDuties: readonly { name: string; run: (deps: Deps) => Promise<number> }[] = [
  // 抽样回访: last month's sampling visits, drawn once a month.
  { name: 'sampling', run: drawDueSampling },
];
