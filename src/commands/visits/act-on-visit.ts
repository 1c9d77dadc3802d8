import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { VisitActionPath, visitBodies } from '../../contract/visit.js';
import { isCompanyLevel } from '../../domain/access/roles.js';
import { addMinutes } from '../../domain/shared/clock.js';
import { invalid, notFound } from '../../domain/shared/errors.js';
import { decideVisit, type VisitCommand, type VisitDecision, type VisitDuty } from '../../domain/visit/decide.js';
import { visitors } from '../../domain/visit/machine.js';
import type { Executor } from '../../db/client.js';
import { getUser } from '../../db/repositories/org.js';
import type { TicketRow } from '../../db/repositories/repair-orders.js';
import { lockVisitTask, type VisitRow } from '../../db/repositories/visits.js';
import { tickets, visits } from '../../db/schema/index.js';
import { publishLive, ticketChanged } from '../../notify/live.js';
import { type Deps, type Principal, policyOf } from '../context.js';
import { applyTicketAction } from '../tickets/engine.js';
import { applyVisitDecision, clearTicketVisitFlag, toVisitTask } from '../tickets/visit-tasks.js';
import { assertCanSeeVisit } from './scope.js';

type Bodies = { [K in VisitActionPath]: z.infer<(typeof visitBodies)[K]> };
type RecordBody = Bodies['record'];

const terminal = new Set(['closed', 'cancelled', 'merged', 'withdrawn', 'voided']);

/**
 * The ticket's own step when its visit is recorded: a repair closes or reopens through its visit
 * action, a complaint through its own (which opens a linked successor when unsatisfied), a
 * matter closes or reopens. Null when the ticket is past that point (a sampling visit of a
 * closed order, a matter already closed): the visit is then recorded on the task alone.
 */
function ticketStepFor(ticket: TicketRow, b: RecordBody): { action: string; body: Record<string, unknown> } | null {
  switch (ticket.kind) {
    case 'repair':
      return ticket.status === 'confirmed' ? { action: 'visit', body: { outcome: b.outcome, method: b.method, comment: b.comment } } : null;
    case 'complaint':
      return terminal.has(ticket.status)
        ? null
        : { action: 'visit', body: { outcome: b.outcome, method: b.method === 'phone' ? 'phone' : 'home_visit', comment: b.comment } };
    case 'matter':
      if (ticket.status !== 'returned') return null;
      return b.outcome === 'unsatisfied'
        ? { action: 'reopen', body: { reason: b.apology ?? b.comment } }
        : { action: 'close', body: { note: b.comment } };
    default:
      return null;
  }
}

async function checkVisitor(ex: Executor, p: Principal, row: VisitRow, visitorId: string, duty: VisitDuty): Promise<void> {
  const user = await getUser(ex, visitorId);
  const fail = (zh: string, en: string) => invalid('invalid_visitor', { zh, en }, [{ field: 'visitorId', message: { zh, en } }]);
  if (!user || user.companyId !== p.companyId || !user.isActive || !(visitors as readonly string[]).includes(user.role)) {
    throw fail('请选择本公司的回访人员', 'Choose a visitor of this company');
  }
  if (!isCompanyLevel(user.role as never) && user.communityId !== row.communityId)
    throw fail('回访人不属于本小区', 'The visitor works in another community');
  if (duty === 'repairer' && user.role !== 'technician')
    throw fail('维修人员抽样回访须由维修人员进行', 'A repairer’s sample is visited by a technician');
  if (duty !== 'repairer' && user.role === 'technician')
    throw fail('维修人员只回访本人的抽样工单', 'A technician visits only their own samples');
}

/**
 * Takes one step on a visit task, in one transaction with its timers, the ticket's timeline and,
 * when a visit is recorded, the ticket's own step (closing it, or reopening it when unsatisfied).
 */
export async function actOnVisit<K extends VisitActionPath>(deps: Deps, p: Principal, id: string, path: K, body: Bodies[K]): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const peek = (await tx.select().from(visits).where(eq(visits.id, id)))[0] ?? null;
    assertCanSeeVisit(p, peek);
    // The ticket first, then the task: the order every ticket action takes its locks in.
    const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, peek.ticketId)).for('update');
    const row = await lockVisitTask(tx, id);
    if (!ticket || !row) throw notFound({ zh: '回访任务', en: 'Visit task' });
    const policy = policyOf(ticket);
    const ctx = { actor: p, policy: policy.visit, timezone: policy.timezone, now };
    const task = toVisitTask(row);

    switch (path) {
      case 'assign': {
        const b = body as Bodies['assign'];
        const duty = b.duty ?? task.duty;
        const decision = decideVisit(task, { action: 'assign', visitorId: b.visitorId, duty }, ctx);
        await checkVisitor(tx, p, row, b.visitorId, duty);
        await applyVisitDecision(tx, ticket, row, p, decision, now);
        break;
      }
      case 'book': {
        const b = body as Bodies['book'];
        const decision = decideVisit(task, { action: 'book', appointmentAt: new Date(b.appointmentAt) }, ctx);
        await applyVisitDecision(tx, ticket, row, p, decision, now);
        break;
      }
      case 'record':
        await record(tx, p, ticket, row, body as RecordBody, now);
        break;
      case 'rectification-notice': {
        const b = body as Bodies['rectification-notice'];
        const technicianId = b.technicianId ?? row.technicianId ?? '';
        const decision = decideVisit(task, { action: 'issue_rectification_notice', technicianId, text: b.text }, ctx);
        const tech = await getUser(tx, technicianId);
        if (!tech || tech.companyId !== p.companyId) {
          const text = { zh: '请选择维修人员', en: 'Choose the technician' };
          throw invalid('invalid_technician', text, [{ field: 'technicianId', message: text }]);
        }
        await applyVisitDecision(tx, ticket, row, p, decision, now, { rectificationNotice: b.text, technicianId });
        break;
      }
      case 'cancel': {
        const b = body as Bodies['cancel'];
        await applyVisitDecision(tx, ticket, row, p, decideVisit(task, { action: 'cancel', reason: b.reason }, ctx), now);
        break;
      }
    }
    await publishLive(tx, ticketChanged(ticket, ticket.status));
  });
}

async function record(tx: Executor, p: Principal, ticket: TicketRow, row: VisitRow, b: RecordBody, now: Date): Promise<void> {
  const policy = policyOf(ticket);
  const command: VisitCommand = { action: 'record', ...b };
  const decision: VisitDecision = decideVisit(toVisitTask(row), command, {
    actor: p,
    policy: policy.visit,
    timezone: policy.timezone,
    now,
  });
  const step = row.duty === 'desk' ? ticketStepFor(ticket, b) : null;
  if (decision.to === 'reprocessing' && !step) {
    // Nothing to reopen (a sampling visit of a closed order): the technician is told in writing
    // to put it right, as for problems found [004].
    decision.to = 'rectifying';
    if (!decision.patch.rectificationDueAt && !row.rectificationDueAt) {
      const dueAt = addMinutes(now, policy.visit.rectificationNoticeHours * 60);
      decision.patch.rectificationDueAt = dueAt;
      decision.schedule.push({ kind: 'rectification_due', dueAt, level: 0 });
    }
    delete decision.reprocess;
  }
  const isInPerson = b.method !== 'phone';
  const hasSignature = Boolean(b.signature && b.signature.length > 0);
  await applyVisitDecision(tx, ticket, row, p, decision, now, {
    method: b.method,
    outcome: b.outcome,
    chargeCheck: b.chargeCheck,
    comment: b.comment,
    signature: isInPerson && hasSignature ? (b.signature ?? null) : null,
    hasRefusedToSign: isInPerson && !hasSignature,
    apology: b.apology ?? null,
    problems: b.problems ?? null,
    visitedById: p.id,
    visitedByName: p.name,
    visitedAt: now,
  });
  if (!step) {
    await clearTicketVisitFlag(tx, ticket, now);
    return;
  }
  const result = await applyTicketAction(tx, p, ticket.id, ticket.kind, step.action, step.body, now);
  if (result.refusal) throw result.refusal;
  if (decision.to === 'reprocessing' && terminal.has(result.status)) {
    // The ticket closed on an unsatisfied visit (a complaint continues in a linked successor,
    // which is visited in its turn): this task is done.
    await tx.update(visits).set({ status: 'closed' }).where(eq(visits.id, row.id));
  }
  const [after] = await tx.select().from(tickets).where(eq(tickets.id, ticket.id));
  if (after) await clearTicketVisitFlag(tx, after, now);
}
