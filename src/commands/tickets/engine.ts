import { eq } from 'drizzle-orm';
import { systemActor } from '../../domain/access/roles.js';
import { type DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { type TicketRow, updateTicket } from '../../db/repositories/repair-orders.js';
import { cancelTimers, claimDueTimers, markTimerFired } from '../../db/repositories/timers.js';
import { tickets } from '../../db/schema/index.js';
import { publishLive, ticketChanged } from '../../notify/live.js';
import { type Deps, deliverNotices, type Principal, policyOf } from '../context.js';
import { recordEvent, scheduleFor } from './history.js';
import { closeReferringEntries } from '../intake/close-referring.js';
import { type EngineNotice, moot, systemPrincipal, type TicketKind, type TimerOutcome } from './kind.js';
import { kindOf, visitTimerKind } from './registry.js';
import { openVisitTask } from './visit-tasks.js';

const terminal = new Set(['closed', 'cancelled', 'merged', 'withdrawn', 'voided']);

/** Locks a ticket of the expected kind with its kind row, or null when there is none. */
export async function lockTicket(ex: Executor, id: string, kind: string): Promise<{ ticket: TicketRow; row: unknown } | null> {
  const [ticket] = await ex.select().from(tickets).where(eq(tickets.id, id)).for('update');
  if (ticket?.kind !== kind) return null;
  const row = await kindOf(kind).load(ex, id);
  return row ? { ticket, row } : null;
}

/**
 * Takes one action on a ticket of any kind: the kind's rules decide, then in one transaction the
 * ticket and its kind row change, its history gains the event, its timers are cancelled or
 * scheduled, a follow-up visit is opened if one is due, and the people concerned are told.
 */
export async function runTicketAction(
  deps: Deps,
  p: Principal,
  ticketId: string,
  kind: string,
  action: string,
  body: unknown,
): Promise<{ ticketId: string; status: string }> {
  const now = deps.clock.now();
  const result = await deps.database.db.transaction((tx) => applyTicketAction(tx, p, ticketId, kind, action, body, now));
  // A refused action whose attempt is stored (a wrong code counts) is reported after the commit.
  if (result.refusal) throw result.refusal;
  return { ticketId, status: result.status };
}

/**
 * The same inside the caller's transaction (a visit recorded on a task runs the ticket's own
 * visit action with it). A stored refusal is returned, not thrown, so the caller may commit it.
 */
export async function applyTicketAction(
  tx: Executor,
  p: Principal,
  ticketId: string,
  kind: string,
  action: string,
  body: unknown,
  now: Date,
): Promise<{ status: string; ticket: TicketRow; refusal: DomainError | null }> {
  const handler = kindOf(kind) as TicketKind<unknown, Record<string, unknown>>;
  const loaded = await lockTicket(tx, ticketId, kind);
  if (!loaded || loaded.ticket.companyId !== p.companyId || !handler.canSee(p, loaded.ticket, loaded.row, action)) {
    throw notFound({ zh: '工单', en: 'Ticket' });
  }
  const { ticket, row } = loaded;
  // Who may act is settled before the payload is looked at, so a refusal reveals nothing of it.
  const who = handler.whoMay(action);
  if (!who?.includes(p.role)) throw forbidden();
  const policy = policyOf(ticket);
  const outcome = await handler.decide({ tx, p, ticket, row, action, body, policy, now });

  const patch = outcome.ticket ?? {};
  const isClosing = terminal.has(outcome.to) && !terminal.has(ticket.status);
  const isReopening = !terminal.has(outcome.to) && terminal.has(ticket.status);
  await updateTicket(tx, ticket.id, {
    status: outcome.to,
    updatedAt: now,
    ...patch,
    ...(patch.closedAt === undefined && isClosing ? { closedAt: now } : {}),
    ...(patch.closedAt === undefined && isReopening ? { closedAt: null } : {}),
  });
  if (outcome.row && Object.keys(outcome.row).length > 0) await handler.save(tx, ticket.id, outcome.row);
  await recordEvent(tx, ticket, p, ticket.status, outcome.to, outcome.event, now);
  await cancelTimers(tx, ticket.id, outcome.cancel);
  await scheduleFor(tx, ticket, outcome.schedule, now);
  const after: TicketRow = { ...ticket, ...patch, status: outcome.to } as TicketRow;
  if (outcome.visit) await openVisitTask(tx, after, outcome.visit, now);
  await deliverNotices(tx, ticket, outcome.notices as EngineNotice[], outcome.event.type, now);
  if (outcome.after) await outcome.after(tx, after);
  // A duty-log entry referred to this ticket closes with it.
  if (isClosing) await closeReferringEntries(tx, after, now);
  await publishLive(tx, ticketChanged(after, outcome.to));
  return { status: outcome.to, ticket: after, refusal: outcome.refusal ?? null };
}

/**
 * Fires timers that are due, one transaction each: the timer row is claimed with SKIP LOCKED
 * and marked in the same transaction, so across any number of processes each fires once. A
 * ticket busy in another transaction is left for the next round rather than waited on. The
 * ticket's kind (or the visit module, for a visit's timer) decides what the timer does.
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
        // Either the ticket is mid-action elsewhere (try again next round) or gone.
        const [exists] = await tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.id, timer.ticketId));
        if (exists) return 'busy' as const;
        await markTimerFired(tx, timer.id, now, workerId, 'moot');
        return 'fired' as const;
      }
      const handler = (timer.visitId ? visitTimerKind : kindOf(ticket.kind)) as TicketKind<unknown, Record<string, unknown>>;
      const row = await handler.load(tx, timer.visitId ?? ticket.id);
      const result: TimerOutcome<Record<string, unknown>> = row
        ? await handler.fireTimer({ tx, ticket, row, timer, policy: policyOf(ticket), now })
        : moot;
      await markTimerFired(tx, timer.id, now, workerId, result.isRelevant ? 'fired' : 'moot');
      if (!result.isRelevant) return 'fired' as const;
      await updateTicket(tx, ticket.id, { updatedAt: now, ...(result.ticket ?? {}) });
      if (result.row && Object.keys(result.row).length > 0) await handler.save(tx, timer.visitId ?? ticket.id, result.row);
      const system = systemActor(ticket.companyId, ticket.communityId);
      if (result.event) {
        await recordEvent(
          tx,
          ticket,
          system,
          ticket.status,
          ticket.status,
          { type: result.event.type, data: { ...result.event.data, dueAt: timer.dueAt.toISOString() } },
          now,
        );
      }
      await cancelTimers(tx, ticket.id, result.cancel);
      await scheduleFor(tx, ticket, result.schedule, now);
      await deliverNotices(tx, ticket, result.notices, timer.kind, now);
      const after = { ...ticket, ...(result.ticket ?? {}) } as TicketRow;
      if (result.after) await result.after(tx, after);
      await publishLive(tx, ticketChanged(after, ticket.status));
      if (result.systemAction) await applyTicketAction(tx, systemPrincipal(ticket), ticket.id, ticket.kind, result.systemAction, {}, now);
      return 'fired' as const;
    });
    if (outcome !== 'fired') break;
    fired++;
  }
  return fired;
}
