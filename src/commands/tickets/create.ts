import { localDateStamp } from '../../domain/shared/time-of-day.js';
import type { Executor } from '../../db/client.js';
import { nextCounter, type TicketInsert } from '../../db/repositories/repair-orders.js';
import { tickets } from '../../db/schema/index.js';
import { publishLive, ticketChanged } from '../../notify/live.js';
import { deliverNotices, type Principal } from '../context.js';
import { recordEvent, scheduleFor } from './history.js';
import type { EngineNotice, EngineTimer } from './kind.js';

/**
 * The next number of a ticket kind in a community and (local) day: `YG-TS-20261125-0001`.
 * Taken in its own short statement (see decision 002): a refused create leaves a gap.
 */
export async function nextTicketNumber(
  ex: Executor,
  community: { id: string; code: string },
  prefix: string,
  timezone: string,
  now: Date,
): Promise<string> {
  const stamp = localDateStamp(now, timezone);
  const seq = await nextCounter(ex, `${prefix}:${community.id}:${stamp}`);
  return `${community.code}-${prefix}-${stamp}-${String(seq).padStart(4, '0')}`;
}

/**
 * Writes a new ticket of any kind in the caller's transaction: the shared row, the kind's row
 * (`insertKindRow`), the first step of its history, its first timers and notices, and the live
 * update.
 */
export async function insertTicket(
  tx: Executor,
  input: {
    ticket: TicketInsert;
    insertKindRow: (tx: Executor) => Promise<void>;
    actor: Pick<Principal, 'kind' | 'id' | 'name' | 'role'>;
    event: { type: string; data: Record<string, unknown> };
    schedule: EngineTimer[];
    notices: EngineNotice[];
    now: Date;
  },
): Promise<void> {
  const { ticket, now } = input;
  await tx.insert(tickets).values(ticket);
  await input.insertKindRow(tx);
  await recordEvent(tx, ticket, input.actor, null, ticket.status, input.event, now);
  await scheduleFor(tx, ticket, input.schedule, now);
  await deliverNotices(tx, ticket, input.notices, input.event.type, now);
  await publishLive(
    tx,
    ticketChanged(
      {
        id: ticket.id,
        kind: ticket.kind,
        partyRoomIds: ticket.partyRoomIds ?? [],
        companyId: ticket.companyId,
        communityId: ticket.communityId,
        assigneeId: ticket.assigneeId ?? null,
        roomId: ticket.roomId ?? null,
        residentId: ticket.residentId ?? null,
      },
      ticket.status,
    ),
  );
}
