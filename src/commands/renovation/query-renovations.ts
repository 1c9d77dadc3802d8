import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { renovationListQuery } from '../../contract/renovation.js';
import { localDateOf } from '../../domain/calendar/work-calendar.js';
import { depositBalance, type PatrolDuty, patrolDays, patrolDutyOf } from '../../domain/renovation/decide.js';
import { completenessOf, type WorkItems } from '../../domain/renovation/documents.js';
import { type RenovationAction, type RenovationStatus, renovationActionsFor, worksStatuses } from '../../domain/renovation/machine.js';
import { forbidden, notFound } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { listEvents, listTimersOf, type TicketRow } from '../../db/repositories/repair-orders.js';
import { attachments, communities, renovationPatrols, renovations, tickets } from '../../db/schema/index.js';
import { communityScope, type Deps, loadPolicy, type Principal, policyOf, requirePermission } from '../context.js';
import {
  canSeeRenovation,
  type DocumentRow,
  loadRenovation,
  type RenovationBundle,
  type RenovationRow,
  toViolation,
} from '../tickets/renovation-kind.js';

type ListQuery = z.infer<typeof renovationListQuery>;

/** What the list shows of one renovation. */
export interface RenovationListRow {
  ticket: TicketRow;
  row: RenovationRow;
  communityName: string;
  isComplete: boolean;
  depositBalanceCents: number;
}

function escapeLike(q: string): string {
  return `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

/** The roles whose step a status waits for ("mine"). */
const waitingFor: Partial<Record<RenovationStatus, string[]>> = {
  submitted: ['clerk', 'cs_supervisor'],
  cs_review: ['cs_manager'],
  eng_review: ['eng_supervisor'],
  returned: ['resident'],
  approved: ['finance'],
  inspection_booked: ['clerk', 'cs_supervisor', 'eng_supervisor', 'technician'],
  refund_due: ['finance'],
};

/** Renovations the person may see: staff their community's (or the company's), residents their households'. */
export async function queryRenovations(deps: Deps, p: Principal, q: ListQuery): Promise<{ items: RenovationListRow[]; total: number }> {
  requirePermission(p, 'renovation.view');
  const ex = deps.database.db;
  const communityIds = await communityScope(ex, p, q.communityId);
  const where: (SQL | undefined)[] = [
    eq(tickets.companyId, p.companyId),
    eq(tickets.kind, 'renovation'),
    communityIds ? inArray(tickets.communityId, communityIds) : undefined,
    p.role === 'resident'
      ? or(
          p.roomIds.length > 0 ? inArray(tickets.roomId, p.roomIds) : sql`false`,
          p.residentIds.length > 0 ? inArray(tickets.residentId, p.residentIds) : sql`false`,
        )
      : undefined,
    q.status ? eq(tickets.status, q.status) : undefined,
    q.buildingId ? eq(tickets.buildingId, q.buildingId) : undefined,
    q.q
      ? or(
          sql`${tickets.number} ilike ${escapeLike(q.q)}`,
          sql`${tickets.location} ilike ${escapeLike(q.q)}`,
          sql`${renovations.contractorCompany} ilike ${escapeLike(q.q)}`,
          sql`${renovations.applicantName} ilike ${escapeLike(q.q)}`,
        )
      : undefined,
  ];
  const active = sql`${tickets.status} not in ('closed', 'withdrawn')`;
  if (q.view === 'active') where.push(active);
  if (q.view === 'overdue') where.push(active, sql`cardinality(${tickets.flags}) > 0`);
  if (q.view === 'mine') {
    const statuses = Object.entries(waitingFor)
      .filter(([, roles]) => roles.includes(p.role))
      .map(([s]) => s);
    where.push(statuses.length > 0 ? inArray(tickets.status, statuses) : sql`false`);
  }
  const cond = and(...where);
  const rows = await ex
    .select({ ticket: tickets, row: renovations, communityName: communities.name })
    .from(tickets)
    .innerJoin(renovations, eq(renovations.ticketId, tickets.id))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .where(cond)
    .orderBy(desc(tickets.createdAt), desc(tickets.number))
    .limit(q.limit)
    .offset(q.offset);
  const [total] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .innerJoin(renovations, eq(renovations.ticketId, tickets.id))
    .where(cond);
  const items: RenovationListRow[] = [];
  for (const r of rows) {
    const b = await loadRenovation(ex, r.ticket.id);
    items.push(summaryOf(r.ticket, b!, r.communityName));
  }
  return { items, total: Number(total?.n ?? 0) };
}

function summaryOf(ticket: TicketRow, b: RenovationBundle, communityName: string): RenovationListRow {
  const current = b.documents.filter((d) => d.isCurrent);
  const completeness = completenessOf(b.row.workItems as WorkItems, current, b.row.isAgreementSigned);
  const deposit = b.row.refundedAt ? 0 : depositBalance(b.row.depositCents, b.violations);
  return { ticket, row: b.row, communityName, isComplete: completeness.isComplete, depositBalanceCents: deposit };
}

/** One renovation the person may see, with its records; 404 otherwise. */
export async function findRenovation(
  ex: Executor,
  p: Principal,
  id: string,
): Promise<{ ticket: TicketRow; bundle: RenovationBundle; communityName: string }> {
  requirePermission(p, 'renovation.view');
  const [found] = await ex
    .select({ ticket: tickets, communityName: communities.name })
    .from(tickets)
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .where(eq(tickets.id, id));
  if (found?.ticket.kind !== 'renovation' || !canSeeRenovation(p, found.ticket)) throw notFound({ zh: '装修申请', en: 'Renovation' });
  const bundle = await loadRenovation(ex, id);
  if (!bundle) throw notFound({ zh: '装修申请', en: 'Renovation' });
  return { ticket: found.ticket, bundle, communityName: found.communityName };
}

/** What this person may do next. */
export function allowedRenovationActions(p: Principal, ticket: TicketRow): RenovationAction[] {
  const duty = patrolDutyOf(p.role, p.department);
  return renovationActionsFor(ticket.status as RenovationStatus, p.role).filter((a) => a !== 'record_patrol' || duty !== null);
}

/** One renovation with documents, completeness, patrols, violations, inspections, ledger and history. */
export async function getRenovation(deps: Deps, p: Principal, id: string) {
  const ex = deps.database.db;
  const { ticket, bundle, communityName } = await findRenovation(ex, p, id);
  await ensurePatrols(ex, ticket, bundle.row, deps.clock.now());
  const [events, timers, patrols, files] = await Promise.all([
    listEvents(ex, id),
    listTimersOf(ex, id),
    ex
      .select()
      .from(renovationPatrols)
      .where(eq(renovationPatrols.ticketId, id))
      .orderBy(desc(renovationPatrols.patrolDate), asc(renovationPatrols.duty)),
    ex
      .select({ id: attachments.id, filename: attachments.filename, mime: attachments.mime, sizeBytes: attachments.sizeBytes })
      .from(attachments)
      .where(and(eq(attachments.ownerKind, 'renovation'), eq(attachments.ownerId, id))),
  ]);
  const current = bundle.documents.filter((d) => d.isCurrent);
  const completeness = completenessOf(bundle.row.workItems as WorkItems, current, bundle.row.isAgreementSigned);
  const fileOf = new Map(files.map((f) => [f.id, f]));
  const policy = policyOf(ticket);
  const today = localDateOf(deps.clock.now(), policy.timezone);
  return {
    ...summaryOf(ticket, bundle, communityName),
    bundle,
    completeness,
    documents: bundle.documents.map((d: DocumentRow) => ({ doc: d, file: fileOf.get(d.attachmentId) })),
    patrols: patrols.map((pt) => ({ ...pt, isMissed: pt.status === 'due' && pt.patrolDate < today })),
    violations: bundle.violations,
    inspections: bundle.inspections,
    deductions: bundle.violations.filter((v) => v.deductionCents > 0).map(toViolation),
    events,
    timers,
    allowedActions: allowedRenovationActions(p, ticket),
  };
}

/** How far back missed patrols are generated, in days. */
const patrolLookbackDays = 31;

/**
 * The patrols due on an active site up to today, generated on read: one row per duty and day
 * (unique), so reading twice or after a restart adds nothing twice and loses nothing.
 */
export async function ensurePatrols(ex: Executor, ticket: TicketRow, row: RenovationRow, now: Date): Promise<void> {
  if (!worksStatuses.includes(ticket.status as RenovationStatus) || !row.permitValidFrom || !row.paidAt) return;
  const policy = policyOf(ticket);
  const today = localDateOf(now, policy.timezone);
  const paidOn = localDateOf(row.paidAt, policy.timezone);
  // Patrols start with the permit, or with the payment when the permit was issued late.
  const start = [row.permitValidFrom, paidOn].sort().at(-1)!;
  const values = (['cs', 'security', 'engineering'] as PatrolDuty[]).flatMap((duty) =>
    patrolDays(start, today, duty, policy.renovation.engineeringPatrolIntervalDays)
      .slice(-patrolLookbackDays)
      .map((date) => ({
        id: randomUUID(),
        companyId: ticket.companyId,
        communityId: ticket.communityId,
        ticketId: ticket.id,
        duty,
        patrolDate: date,
        status: 'due',
        createdAt: now,
      })),
  );
  if (values.length > 0) await ex.insert(renovationPatrols).values(values).onConflictDoNothing();
}

/** Today's (or a day's) patrols of the caller's duty over the community's active renovations. */
export async function patrolTasks(
  deps: Deps,
  p: Principal,
  q: { communityId?: string | undefined; date?: string | undefined; duty?: PatrolDuty | undefined },
) {
  requirePermission(p, 'renovation.patrol');
  const ex = deps.database.db;
  const own = patrolDutyOf(p.role, p.department);
  const duty = q.duty ?? own;
  if (!duty || (own !== duty && p.role !== 'cs_supervisor'))
    throw forbidden('not_your_patrol', { zh: '这不是您负责的巡查', en: 'This patrol is not your duty' });
  const communityIds = await communityScope(ex, p, q.communityId);
  const communityId = q.communityId ?? communityIds?.[0] ?? p.communityId!;
  const policy = await loadPolicy(ex, p.companyId, communityId);
  const now = deps.clock.now();
  const today = localDateOf(now, policy.timezone);
  const date = q.date ?? today;
  const active = await ex
    .select({ ticket: tickets, row: renovations })
    .from(tickets)
    .innerJoin(renovations, eq(renovations.ticketId, tickets.id))
    .where(
      and(
        eq(tickets.companyId, p.companyId),
        eq(tickets.communityId, communityId),
        eq(tickets.kind, 'renovation'),
        inArray(tickets.status, [...worksStatuses]),
      ),
    );
  for (const a of active) await ensurePatrols(ex, a.ticket, a.row, now);
  const rows = await ex
    .select({ patrol: renovationPatrols, ticket: tickets, row: renovations })
    .from(renovationPatrols)
    .innerJoin(tickets, eq(tickets.id, renovationPatrols.ticketId))
    .innerJoin(renovations, eq(renovations.ticketId, renovationPatrols.ticketId))
    .where(
      and(
        eq(renovationPatrols.companyId, p.companyId),
        eq(renovationPatrols.communityId, communityId),
        eq(renovationPatrols.patrolDate, date),
        eq(renovationPatrols.duty, duty),
      ),
    )
    .orderBy(asc(tickets.location));
  return {
    date,
    duty,
    items: rows.map((r) => ({ ...r, isMissed: r.patrol.status === 'due' && r.patrol.patrolDate < today })),
  };
}
