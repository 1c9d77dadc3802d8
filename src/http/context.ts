import type { Deps } from '../commands/context.js';
import type { LiveHub } from '../notify/live.js';

/** What routes get besides the request. */
export interface AppContext {
  deps: Deps;
  hub: LiveHub;
  sessionHours: number;
  cookieSecure: boolean;
}
