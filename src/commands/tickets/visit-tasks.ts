import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type Actor, systemActor } from '../../domain/access/roles.js';
import { createVisitTask, decideVisit, type VisitDecision, type VisitTask, type VisitTimerKind } from '../../domain/visit/decide.js';
import type { VisitFlags, VisitTicketKind } from '../../domain/visit/due.js';
import { fireVisitTimer } from '../../domain/visit/fire-timer.js';
import type { VisitFlag, VisitStatus } from '../../domain/visit/machine.js';
import type { Executor } from '../../db/client.js';
import { type TicketRow, updateTicket } from '../../db/repositories/repair-orders.js';
import { cancelVisitTimers, insertVisitTask, openDeskTaskOf, updateVisitTask, type VisitRow } from '../../db/repositories/visits.js';
import { visits } from '../../db/schema/index.js';
import { publishLive, ticketChanged } from '../../notify/live.js';
import { deliverNotices, policyOf } from '../context.js';
import { type EventActor, recordEvent, scheduleFor } from './history.js';
import { type EngineTimer, moot, type TicketKind, type VisitRequest, withFlag } from './kind.js';

/*
 * Follow-up visit tasks (回访) of every ticket kind. The task owns the visit's deadline: its timers
 * are the ticket's timers named `visit.<kind>` that carry the visit's id, so a ticket's own rules
 * never cancel them by accident and the visit module fires them.
 */

const timerPrefix = 'visit.';
export const visitTimerName = (kind: VisitTimerKind): string => `${timerPrefix}${kind}`;
const visitTimerKindOf = (name: string): VisitTimerKind => name.slice(timerPrefix.length) as VisitTimerKind;

/** The rules' view of a stored task. */
export function toVisitTask(row: VisitRow): VisitTask {
  return {
    status: row.status as VisitStatus,
    ticketKind: row.ticketKind as VisitTicketKind,
    ticketId: row.ticketId,
    category: row.category,
    caseFlags: row.caseFlags as VisitFlags,
    isHomeVisitRequired: row.isHomeVisitRequired,
    dueAt: row.dueAt,
    visitorId: row.visitorId,
    duty: row.duty as VisitTask['duty'],
    technicianId: row.technicianId,
    appointmentAt: row.appointmentAt,
    round: row.round,
    lastOutcome: (row.outcome as VisitTask['lastOutcome']) ?? null,
    rectificationDueAt: row.rectificationDueAt,
    flags: row.flags as VisitFlag[],
  };
}

/** The stored columns of the rules' patch. */
function rowPatchOf(patch: Partial<VisitTask>): Partial<VisitRow> {
  const out: Partial<VisitRow> = {};
  if (patch.dueAt !== undefined) out.dueAt = patch.dueAt;
  if (patch.visitorId !== undefined) out.visitorId = patch.visitorId;
  if (patch.duty !== undefined) out.duty = patch.duty;
  if (patch.appointmentAt !== undefined) out.appointmentAt = patch.appointmentAt;
  if (patch.round !== undefined) out.round = patch.round;
  if (patch.lastOutcome !== undefined) out.outcome = patch.lastOutcome;
  if (patch.rectificationDueAt !== undefined) out.rectificationDueAt = patch.rectificationDueAt;
  if (patch.flags !== undefined) out.flags = patch.flags;
  if (patch.technicianId !== undefined) out.technicianId = patch.technicianId;
  return out;
}

const visitTimers = (visitId: string, specs: VisitDecision['schedule']): EngineTimer[] =>
  specs.map((s) => ({ kind: visitTimerName(s.kind), dueAt: s.dueAt, level: s.level, visitId }));

/**
 * Writes what the rules decided for a task in the caller's transaction: the task's row (with
 * `extra` columns the caller sets, e.g. what a visit recorded), its timers, one step on the
 * ticket's timeline and the notices.
 */
export async function applyVisitDecision(
  tx: Executor,
  ticket: TicketRow,
  row: VisitRow,
  actor: EventActor,
  decision: Pick<VisitDecision, 'to' | 'patch' | 'event' | 'schedule' | 'cancel' | 'notices'>,
  now: Date,
  extra: Partial<VisitRow> = {},
  options: { isEventRecorded?: boolean } = {},
): Promise<void> {
  await updateVisitTask(tx, row.id, { status: decision.to, ...rowPatchOf(decision.patch), ...extra });
  await cancelVisitTimers(tx, row.id, decision.cancel.map(visitTimerName));
  await scheduleFor(tx, ticket, visitTimers(row.id, decision.schedule), now);
  if (options.isEventRecorded !== false) {
    await recordEvent(
      tx,
      ticket,
      actor,
      ticket.status,
      ticket.status,
      { type: decision.event.type, data: { ...decision.event.data, visitId: row.id, visitFrom: row.status, visitTo: decision.to } },
      now,
    );
  }
  await deliverNotices(tx, ticket, decision.notices, decision.event.type, now);
}

/**
 * Opens the follow-up visit task of a finished ticket, due by kind and category (planVisit). A
 * ticket reprocessed after an unsatisfied visit is finished again: its task goes back to pending
 * for the next round instead of a second task being opened.
 */
export async function openVisitTask(ex: Executor, ticket: TicketRow, request: VisitRequest, now: Date): Promise<string> {
  const policy = policyOf(ticket);
  const system = systemActor(ticket.companyId, ticket.communityId);
  const reprocessing = await openDeskTaskOf(ex, ticket.id, ['reprocessing']);
  if (reprocessing) {
    const decision = decideVisit(
      toVisitTask(reprocessing),
      { action: 'rework_done', completedAt: now },
      { actor: system, policy: policy.visit, timezone: policy.timezone, now },
    );
    await applyVisitDecision(ex, ticket, reprocessing, system, decision, now, {
      ...(request.technicianId !== undefined ? { technicianId: request.technicianId } : {}),
    });
    return reprocessing.id;
  }
  const open = await openDeskTaskOf(ex, ticket.id, ['pending', 'booked']);
  if (open) return open.id;

  const id = randomUUID();
  const { task, schedule, event } = createVisitTask(
    {
      ticketKind: ticket.kind as VisitTicketKind,
      ticketId: ticket.id,
      category: request.category,
      caseFlags: request.caseFlags ?? {},
      completedAt: now,
      technicianId: request.technicianId ?? null,
    },
    policy.visit,
    now,
  );
  await insertVisitTask(ex, {
    id,
    companyId: ticket.companyId,
    communityId: ticket.communityId,
    ticketId: ticket.id,
    ticketKind: task.ticketKind,
    category: task.category,
    caseFlags: task.caseFlags,
    isHomeVisitRequired: task.isHomeVisitRequired || request.isHomeVisitRequired === true,
    duty: 'desk',
    technicianId: task.technicianId,
    status: 'pending',
    dueAt: task.dueAt,
    round: 1,
    createdAt: now,
  });
  await scheduleFor(ex, ticket, visitTimers(id, schedule), now);
  await recordEvent(ex, ticket, system, ticket.status, ticket.status, { type: event.type, data: { ...event.data, visitId: id } }, now);
  return id;
}

/**
 * A ticket's own visit action taken directly (the repair order's visit, recorded from the order
 * page): the open task takes its outcome. The ticket's event is the timeline's record of it.
 * Unsatisfied puts the task in reprocessing, to be visited again when the work is done again.
 */
export async function settleVisitFromTicket(
  ex: Executor,
  ticket: Pick<TicketRow, 'id'>,
  visitor: Pick<Actor, 'id' | 'name'>,
  record: { method: string; outcome: string; comment: string },
  now: Date,
): Promise<void> {
  const open = await openDeskTaskOf(ex, ticket.id, ['pending', 'booked']);
  if (!open) return;
  const isUnsatisfied = record.outcome === 'unsatisfied';
  await updateVisitTask(ex, open.id, {
    status: isUnsatisfied ? 'reprocessing' : 'closed',
    method: record.method,
    outcome: record.outcome,
    comment: record.comment,
    visitedById: visitor.id,
    visitedByName: visitor.name,
    visitedAt: now,
    visitorId: open.visitorId ?? (visitor.id === 'system' ? null : visitor.id),
    flags: (open.flags as VisitFlag[]).filter((f) => f !== 'visit_overdue'),
  });
  await cancelVisitTimers(ex, open.id, [visitTimerName('visit_due')]);
}

/** The visit module as the timer engine sees it: a visit's own timers. */
export const visitTaskKind: TicketKind<VisitRow, Partial<VisitRow>> = {
  kind: 'visit',
  viewPermission: 'visit.view',
  load: async (ex, visitId) => (await ex.select().from(visits).where(eq(visits.id, visitId)))[0] ?? null,
  save: async (ex, visitId, patch) => {
    await updateVisitTask(ex, visitId, patch);
  },
  canSee: () => false,
  whoMay: () => null,
  decide: () => Promise.reject(new Error('visit actions are taken through the visit commands')),
  async fireTimer({ ticket, row, timer }) {
    const kind = visitTimerKindOf(timer.kind);
    const result = fireVisitTimer(toVisitTask(row), { kind, level: timer.level });
    if (!result.isRelevant || !result.flag) return moot;
    const flag = result.flag;
    const flags = withFlag(row.flags, flag);
    // The ticket shows an overdue visit too, on boards that know nothing of visit tasks.
    const ticketFlags = flag === 'visit_overdue' ? withFlag(ticket.flags, flag) : ticket.flags;
    return {
      isRelevant: true,
      row: { flags },
      ticket: { flags: ticketFlags },
      event: result.event ? { type: result.event.type, data: { ...result.event.data, visitId: row.id } } : null,
      cancel: [],
      schedule: result.next ? visitTimers(row.id, [result.next]) : [],
      notices: result.notices,
    };
  },
};

/** Clears the ticket's overdue-visit flag once the visit is made. */
export async function clearTicketVisitFlag(ex: Executor, ticket: TicketRow, now: Date): Promise<void> {
  if (!ticket.flags.includes('visit_overdue')) return;
  await updateTicket(ex, ticket.id, { flags: ticket.flags.filter((f) => f !== 'visit_overdue'), updatedAt: now });
  await publishLive(ex, ticketChanged(ticket, ticket.status));
}
