import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { TimerKind } from '../domain/repair/decide.js';
import { fireTimer } from '../domain/repair/fire-timer.js';
import type { OverdueFlag, RepairStatus } from '../domain/repair/machine.js';
import { systemActor } from '../domain/access/roles.js';
import { tickets } from '../db/schema/index.js';
import { appendEvent, updateTicket } from '../db/repositories/repair-orders.js';
import { claimDueTimers, markTimerFired } from '../db/repositories/timers.js';
import { publishLive, ticketChanged } from '../notify/live.js';
import { type Deps, deliverNotices, policyOf, scheduleTicketTimers } from './context.js';

/**
 * Fires timers that are due, one transaction each: the timer row is claimed with SKIP LOCKED
 * and marked in the same transaction, so across any number of processes each fires once. An
 * order busy in another transaction is left for the next round rather than waited on.
 */
export async function fireDueTimers(deps: Deps, workerId: string, maxTimers = 100): Promise<number> {
  let fired = 0;
  for (let i = 0; i < maxTimers; i++) {
    const outcome = await deps.database.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const [timer] = await claimDueTimers(tx, now, 1);
      if (!timer) return 'none' as const;
      const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, timer.ticketId)).for('update', { skipLocked: true });
      if (!ticket) {
        // Either the order is mid-action elsewhere (try again next round) or gone.
        const [exists] = await tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.id, timer.ticketId));
        if (exists) return 'busy' as const;
        await markTimerFired(tx, timer.id, now, workerId, 'moot');
        return 'fired' as const;
      }
      const policy = policyOf(ticket);
      const result = fireTimer(
        { status: ticket.status as RepairStatus, flags: ticket.flags as OverdueFlag[] },
        { kind: timer.kind as TimerKind, level: timer.level },
        policy.repair,
        now,
      );
      await markTimerFired(tx, timer.id, now, workerId, result.isRelevant ? 'fired' : 'moot');
      if (!result.isRelevant) return 'fired' as const;
      const flags = result.flag && !ticket.flags.includes(result.flag) ? [...ticket.flags, result.flag] : ticket.flags;
      await updateTicket(tx, ticket.id, { flags, updatedAt: now });
      const system = systemActor(ticket.companyId, ticket.communityId);
      if (result.event) {
        await appendEvent(tx, {
          id: randomUUID(),
          companyId: ticket.companyId,
          communityId: ticket.communityId,
          ticketId: ticket.id,
          type: result.event.type,
          actorKind: 'system',
          actorId: system.id,
          actorName: system.name,
          actorRole: 'system',
          fromStatus: ticket.status,
          toStatus: ticket.status,
          data: { ...result.event.data, dueAt: timer.dueAt.toISOString() },
          at: now,
        });
      }
      if (result.next) {
        await scheduleTicketTimers(tx, ticket, [result.next], now);
      }
      await deliverNotices(tx, ticket, result.notices, timer.kind, now);
      await publishLive(tx, ticketChanged(ticket, ticket.status));
      return 'fired' as const;
    });
    if (outcome !== 'fired') break;
    fired++;
  }
  return fired;
}
