import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.js';
import { communities, repairOrders, ticketEvents, tickets, timers, users, visits } from '../schema/index.js';

export type VisitRow = typeof visits.$inferSelect;
export type VisitInsert = typeof visits.$inferInsert;

const visitor = alias(users, 'visitor');
const technician = alias(users, 'technician');
const assignee = alias(users, 'assignee');

const listColumns = {
  visit: visits,
  ticketNumber: tickets.number,
  ticketStatus: tickets.status,
  content: tickets.content,
  location: tickets.location,
  reporterName: tickets.reporterName,
  reporterPhone: tickets.reporterPhone,
  assigneeName: assignee.name,
  communityName: communities.name,
  visitorName: visitor.name,
  technicianName: technician.name,
};

export type VisitListRow = {
  visit: VisitRow;
  ticketNumber: string;
  ticketStatus: string;
  content: string;
  location: string;
  reporterName: string;
  reporterPhone: string;
  assigneeName: string | null;
  communityName: string;
  visitorName: string | null;
  technicianName: string | null;
};

/** Which tasks a list shows: `overdue` is an open task past its due time or its notice's. */
export type VisitView = 'open' | 'pending' | 'booked' | 'overdue' | 'rectifying' | 'reprocessing' | 'closed' | 'cancelled' | 'all';

export interface VisitFilter {
  companyId: string;
  communityIds: string[] | null;
  view: VisitView;
  ticketKind?: string;
  visitorId?: string;
  duty?: string;
  samplingPeriod?: string;
  now: Date;
  limit: number;
}

const openStatuses = ['pending', 'booked', 'rectifying', 'reprocessing'];

function viewCondition(view: VisitView, now: Date): SQL | undefined {
  switch (view) {
    case 'all':
      return undefined;
    case 'open':
      return inArray(visits.status, openStatuses);
    case 'overdue':
      return or(
        and(inArray(visits.status, ['pending', 'booked']), lte(visits.dueAt, now)),
        and(isNotNull(visits.rectificationDueAt), lte(visits.rectificationDueAt, now), inArray(visits.status, openStatuses)),
      );
    default:
      return eq(visits.status, view);
  }
}

export async function listVisitTasks(ex: Executor, f: VisitFilter): Promise<VisitListRow[]> {
  const isDone = f.view === 'closed' || f.view === 'cancelled';
  return ex
    .select(listColumns)
    .from(visits)
    .innerJoin(tickets, eq(tickets.id, visits.ticketId))
    .innerJoin(communities, eq(communities.id, visits.communityId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .leftJoin(visitor, eq(visitor.id, visits.visitorId))
    .leftJoin(technician, eq(technician.id, visits.technicianId))
    .where(
      and(
        eq(visits.companyId, f.companyId),
        f.communityIds ? inArray(visits.communityId, f.communityIds) : undefined,
        viewCondition(f.view, f.now),
        f.ticketKind ? eq(visits.ticketKind, f.ticketKind) : undefined,
        f.visitorId ? eq(visits.visitorId, f.visitorId) : undefined,
        f.duty ? eq(visits.duty, f.duty) : undefined,
        f.samplingPeriod ? eq(visits.samplingPeriod, f.samplingPeriod) : undefined,
      ),
    )
    .orderBy(isDone ? desc(sql`coalesce(${visits.visitedAt}, ${visits.createdAt})`) : asc(visits.dueAt))
    .limit(f.limit);
}

export async function getVisitTask(ex: Executor, id: string): Promise<VisitListRow | null> {
  const [row] = await ex
    .select(listColumns)
    .from(visits)
    .innerJoin(tickets, eq(tickets.id, visits.ticketId))
    .innerJoin(communities, eq(communities.id, visits.communityId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .leftJoin(visitor, eq(visitor.id, visits.visitorId))
    .leftJoin(technician, eq(technician.id, visits.technicianId))
    .where(eq(visits.id, id));
  return row ?? null;
}

export async function lockVisitTask(ex: Executor, id: string): Promise<VisitRow | null> {
  const [row] = await ex.select().from(visits).where(eq(visits.id, id)).for('update');
  return row ?? null;
}

export async function insertVisitTask(ex: Executor, row: VisitInsert): Promise<void> {
  await ex.insert(visits).values(row);
}

export async function updateVisitTask(ex: Executor, id: string, patch: Partial<VisitInsert>): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await ex.update(visits).set(patch).where(eq(visits.id, id));
}

/** The ticket's own (desk) task still open, newest first; sampling tasks are not the ticket's. */
export async function openDeskTaskOf(ex: Executor, ticketId: string, statuses: string[]): Promise<VisitRow | null> {
  const [row] = await ex
    .select()
    .from(visits)
    .where(and(eq(visits.ticketId, ticketId), eq(visits.duty, 'desk'), inArray(visits.status, statuses)))
    .orderBy(desc(visits.createdAt))
    .limit(1)
    .for('update');
  return row ?? null;
}

/** Cancels a visit's pending timers of these kinds. */
export async function cancelVisitTimers(ex: Executor, visitId: string, kinds: string[]): Promise<void> {
  if (kinds.length === 0) return;
  await ex
    .update(timers)
    .set({ status: 'cancelled' })
    .where(and(eq(timers.visitId, visitId), eq(timers.status, 'pending'), inArray(timers.kind, kinds)));
}

/** Repair orders of a community closed in [from, to): the pool sampling duties draw from. */
export async function closedRepairOrdersBetween(ex: Executor, companyId: string, communityId: string, from: Date, to: Date) {
  return ex
    .select({ id: tickets.id, technicianId: tickets.assigneeId, category: repairOrders.category })
    .from(tickets)
    .innerJoin(repairOrders, eq(repairOrders.ticketId, tickets.id))
    .where(
      and(
        eq(tickets.companyId, companyId),
        eq(tickets.communityId, communityId),
        eq(tickets.kind, 'repair'),
        eq(tickets.status, 'closed'),
        gte(tickets.closedAt, from),
        lt(tickets.closedAt, to),
      ),
    );
}

/** Active staff of a community in these roles. */
export async function staffOf(ex: Executor, companyId: string, communityId: string, roles: string[]) {
  return ex
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.companyId, companyId), eq(users.communityId, communityId), inArray(users.role, roles), eq(users.isActive, true)))
    .orderBy(asc(users.username));
}

export async function namesOf(ex: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ex.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The sampling tasks of a community and period. */
export async function samplingTasksOf(ex: Executor, companyId: string, communityId: string, period: string) {
  return ex
    .select()
    .from(visits)
    .where(and(eq(visits.companyId, companyId), eq(visits.communityId, communityId), eq(visits.samplingPeriod, period)));
}

/** Serialises draws of one community: the community row is locked for the transaction. */
export async function lockCommunity(ex: Executor, communityId: string): Promise<void> {
  await ex.select({ id: communities.id }).from(communities).where(eq(communities.id, communityId)).for('update');
}

/** The steps of one visit task on its ticket's timeline. */
export async function eventsOfVisit(ex: Executor, ticketId: string, visitId: string) {
  return ex
    .select({ type: ticketEvents.type, actorName: ticketEvents.actorName, at: ticketEvents.at, data: ticketEvents.data })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), sql`${ticketEvents.data}->>'visitId' = ${visitId}`))
    .orderBy(asc(ticketEvents.seq));
}
