import { and, asc, desc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.js';
import { communities, counters, repairOrders, ticketEvents, ticketPhotos, tickets, timers, users, visits } from '../schema/index.js';

export type TicketInsert = typeof tickets.$inferInsert;
export type RepairInsert = typeof repairOrders.$inferInsert;
export type TicketRow = typeof tickets.$inferSelect;
export type RepairRow = typeof repairOrders.$inferSelect;

/** The next number of a sequence (per community and day for order numbers). */
export async function nextCounter(ex: Executor, key: string): Promise<number> {
  const [row] = await ex
    .insert(counters)
    .values({ key, value: 1 })
    .onConflictDoUpdate({ target: counters.key, set: { value: sql`${counters.value} + 1` } })
    .returning({ value: counters.value });
  return row!.value;
}

export async function insertRepairOrder(ex: Executor, ticket: TicketInsert, repair: RepairInsert): Promise<void> {
  await ex.insert(tickets).values(ticket);
  await ex.insert(repairOrders).values(repair);
}

/** Loads an order and locks its row until the transaction ends, so two actions never race. */
export async function lockRepairOrder(ex: Executor, id: string): Promise<{ ticket: TicketRow; repair: RepairRow } | null> {
  const [ticket] = await ex.select().from(tickets).where(eq(tickets.id, id)).for('update');
  if (ticket?.kind !== 'repair') return null;
  const [repair] = await ex.select().from(repairOrders).where(eq(repairOrders.ticketId, id));
  return repair ? { ticket, repair } : null;
}

export async function updateTicket(ex: Executor, id: string, patch: Partial<TicketInsert>): Promise<void> {
  await ex
    .update(tickets)
    .set({ ...patch, version: sql`${tickets.version} + 1` })
    .where(eq(tickets.id, id));
}

export async function updateRepair(ex: Executor, ticketId: string, patch: Partial<RepairInsert>): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await ex.update(repairOrders).set(patch).where(eq(repairOrders.ticketId, ticketId));
}

export interface EventInsert {
  id: string;
  companyId: string;
  communityId: string;
  ticketId: string;
  type: string;
  actorKind: string;
  actorId: string;
  actorName: string;
  actorRole: string;
  fromStatus: string | null;
  toStatus: string;
  data: Record<string, unknown>;
  at: Date;
}

/** Appends to the ticket's history. The ticket row must be locked by the caller. */
export async function appendEvent(ex: Executor, e: EventInsert): Promise<void> {
  // One statement: the next number in the ticket's history is computed where it is written.
  await ex.execute(sql`
    insert into ${ticketEvents} (id, company_id, community_id, ticket_id, seq, type, actor_kind, actor_id, actor_name, actor_role, from_status, to_status, data, at)
    select ${e.id}, ${e.companyId}, ${e.communityId}, ${e.ticketId}, coalesce(max(seq), 0) + 1, ${e.type}, ${e.actorKind}, ${e.actorId},
      ${e.actorName}, ${e.actorRole}, ${e.fromStatus}, ${e.toStatus}, ${JSON.stringify(e.data)}::jsonb, ${e.at.toISOString()}::timestamptz
    from ${ticketEvents} where ticket_id = ${e.ticketId}`);
}

export async function listEvents(ex: Executor, ticketId: string) {
  return ex.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).orderBy(asc(ticketEvents.seq));
}

export interface ListFilter {
  companyId: string;
  communityIds: string[] | null;
  statuses?: string[] | undefined;
  excludeStatuses?: string[] | undefined;
  assigneeId?: string | undefined;
  createdById?: string | undefined;
  /** Technicians: open orders of their community or their own. */
  poolOrAssignee?: string | undefined;
  residentRoomIds?: string[] | undefined;
  residentId?: string | undefined;
  hasFlags?: boolean;
  q?: string | undefined;
  limit: number;
  offset: number;
}

const assignee = alias(users, 'assignee');

const nextTimerSql = sql<{ kind: string; due_at: string; level: number; status: string } | null>`(
  select json_build_object('kind', ${timers.kind}, 'dueAt', ${timers.dueAt}, 'level', ${timers.level}, 'status', ${timers.status})
  from ${timers} where ${timers.ticketId} = ${tickets.id} and ${timers.status} = 'pending'
  order by ${timers.dueAt} limit 1)`;

const summaryColumns = {
  ticket: tickets,
  repair: repairOrders,
  communityName: communities.name,
  assigneeName: assignee.name,
  nextTimer: nextTimerSql,
};

function whereOf(f: ListFilter): SQL | undefined {
  const like = f.q ? `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  return and(
    eq(tickets.companyId, f.companyId),
    eq(tickets.kind, 'repair'),
    f.communityIds ? inArray(tickets.communityId, f.communityIds) : undefined,
    f.statuses?.length ? inArray(tickets.status, f.statuses) : undefined,
    f.excludeStatuses?.length
      ? sql`${tickets.status} not in (${sql.join(
          f.excludeStatuses.map((s) => sql`${s}`),
          sql`, `,
        )})`
      : undefined,
    f.assigneeId ? eq(tickets.assigneeId, f.assigneeId) : undefined,
    f.createdById ? eq(tickets.createdById, f.createdById) : undefined,
    f.poolOrAssignee ? or(eq(tickets.status, 'open'), eq(tickets.assigneeId, f.poolOrAssignee)) : undefined,
    f.residentRoomIds || f.residentId
      ? or(
          f.residentRoomIds?.length ? inArray(tickets.roomId, f.residentRoomIds) : undefined,
          f.residentId ? eq(tickets.residentId, f.residentId) : undefined,
        )
      : undefined,
    f.hasFlags ? sql`cardinality(${tickets.flags}) > 0` : undefined,
    like
      ? or(
          sql`${tickets.number} ilike ${like}`,
          sql`${tickets.location} ilike ${like}`,
          sql`${tickets.reporterName} ilike ${like}`,
          sql`${tickets.reporterPhone} ilike ${like}`,
          sql`${tickets.content} ilike ${like}`,
        )
      : undefined,
  );
}

/** Orders for lists and boards, newest first, urgent ones ahead of the rest. */
export async function listRepairOrders(ex: Executor, f: ListFilter) {
  const where = whereOf(f);
  const items = await ex
    .select(summaryColumns)
    .from(tickets)
    .innerJoin(repairOrders, eq(repairOrders.ticketId, tickets.id))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .where(where)
    .orderBy(desc(sql`(${tickets.urgency} = 'urgent' and ${tickets.status} not in ('closed','cancelled'))`), desc(tickets.createdAt))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await ex.select({ n: sql<number>`count(*)::int` }).from(tickets).where(where);
  return { items, total: Number(total?.n ?? 0) };
}

export type RepairListRow = Awaited<ReturnType<typeof listRepairOrders>>['items'][number];

export async function getRepairOrderRow(ex: Executor, id: string): Promise<RepairListRow | null> {
  const [row] = await ex
    .select(summaryColumns)
    .from(tickets)
    .innerJoin(repairOrders, eq(repairOrders.ticketId, tickets.id))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .where(eq(tickets.id, id));
  return row ?? null;
}

export async function listTimersOf(ex: Executor, ticketId: string) {
  return ex.select().from(timers).where(eq(timers.ticketId, ticketId)).orderBy(asc(timers.dueAt));
}

export async function listPhotosOf(ex: Executor, ticketId: string) {
  return ex
    .select({ id: ticketPhotos.id, mime: ticketPhotos.mime })
    .from(ticketPhotos)
    .where(eq(ticketPhotos.ticketId, ticketId))
    .orderBy(asc(ticketPhotos.createdAt));
}

export async function insertPhoto(ex: Executor, photo: typeof ticketPhotos.$inferInsert): Promise<void> {
  await ex.insert(ticketPhotos).values(photo);
}

export async function getPhoto(ex: Executor, id: string) {
  const [row] = await ex.select().from(ticketPhotos).where(eq(ticketPhotos.id, id));
  return row ?? null;
}

export async function listVisitsOf(ex: Executor, ticketId: string) {
  return ex.select().from(visits).where(eq(visits.ticketId, ticketId)).orderBy(asc(visits.createdAt));
}

/** Count of orders per status, for the front-desk board. */
export async function countByStatus(ex: Executor, companyId: string, communityIds: string[] | null) {
  const rows = await ex
    .select({ status: tickets.status, n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(
      and(
        eq(tickets.companyId, companyId),
        eq(tickets.kind, 'repair'),
        communityIds ? inArray(tickets.communityId, communityIds) : undefined,
        ne(tickets.status, 'closed'),
        ne(tickets.status, 'cancelled'),
      ),
    )
    .groupBy(tickets.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
