import type { z } from 'zod';
import type { ActionPath, actionBodies } from '../contract/repair.js';
import type { Deps, Principal } from './context.js';
import { runTicketAction } from './tickets/engine.js';

type Bodies = { [K in ActionPath]: z.infer<(typeof actionBodies)[K]> };

/** Takes one lifecycle action on a repair order through the ticket engine. */
export async function runRepairAction<K extends ActionPath>(
  deps: Deps,
  p: Principal,
  ticketId: string,
  path: K,
  body: Bodies[K],
): Promise<void> {
  await runTicketAction(deps, p, ticketId, 'repair', path.replaceAll('-', '_'), body);
}
