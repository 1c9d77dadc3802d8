import { and, arrayOverlaps, asc, desc, eq, gte, ilike, inArray, lte, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { ComplaintListQuery } from '../../contract/complaint.js';
import type { Department } from '../../domain/access/roles.js';
import { rungAt } from '../../domain/complaint/escalation.js';
import { type ComplaintAction, type ComplaintStatus, actionsFor, terminalStatuses } from '../../domain/complaint/machine.js';
import { notFound } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { listEvents, listTimersOf, listVisitsOf, type TicketRow } from '../../db/repositories/repair-orders.js';
import { communities, complaints, tickets, timers } from '../../db/schema/index.js';
import { communityScope, type Deps, isOwner, type Principal, policyOf, requirePermission } from '../context.js';
import { type ComplaintRow, canSeeComplaint, isOwnDepartment } from '../tickets/complaint-kind.js';

const departmentBound = ['department_staff', 'finance', 'developer_liaison'];

/** The next pending timer of a ticket, for countdowns. */
const nextTimer = sql<{ kind: string; dueAt: string; level: number; status: string } | null>`(
  select json_build_object('kind', ${timers.kind}, 'dueAt', ${timers.dueAt}, 'level', ${timers.level}, 'status', ${timers.status})
  from ${timers} where ${timers.ticketId} = ${tickets.id} and ${timers.status} = 'pending'
  order by ${timers.dueAt} asc limit 1)`;

/** Complaints the person may see, narrowed by the list's filters. */
export async function queryComplaints(deps: Deps, p: Principal, q: ComplaintListQuery) {
  requirePermission(p, 'complaint.view');
  const ex = deps.database.db;
  const communityIds = await communityScope(ex, p, q.communityId);
  const where: (SQL | undefined)[] = [eq(tickets.companyId, p.companyId), eq(tickets.kind, 'complaint')];
  if (communityIds)
    where.push(inArray(tickets.communityId, communityIds.length > 0 ? communityIds : ['00000000-0000-0000-0000-000000000000']));
  if (p.role === 'resident') {
    const rooms = p.roomIds.length > 0 ? p.roomIds : ['00000000-0000-0000-0000-000000000000'];
    where.push(
      or(
        inArray(tickets.roomId, rooms),
        p.residentIds.length > 0 ? inArray(tickets.residentId, p.residentIds) : undefined,
        arrayOverlaps(tickets.partyRoomIds, rooms),
      ),
    );
  }
  if (departmentBound.includes(p.role)) {
    const dept = p.department ?? '';
    where.push(or(eq(complaints.solvingDepartment, dept), sql`${complaints.referral}->>'department' = ${dept}`));
  }
  if (q.status) where.push(inArray(tickets.status, Array.isArray(q.status) ? q.status : [q.status]));
  if (q.complaintClass) where.push(eq(complaints.complaintClass, q.complaintClass));
  if (q.from) where.push(gte(tickets.createdAt, new Date(q.from)));
  if (q.to) where.push(lte(tickets.createdAt, new Date(q.to)));
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(ilike(tickets.number, like), ilike(tickets.reporterName, like), ilike(tickets.content, like), ilike(tickets.location, like)),
    );
  }
  switch (q.view) {
    case 'active':
      where.push(notInArray(tickets.status, [...terminalStatuses]));
      break;
    case 'overdue':
      where.push(notInArray(tickets.status, [...terminalStatuses]), sql`cardinality(${tickets.flags}) > 0`);
      break;
    case 'closed':
      where.push(inArray(tickets.status, [...terminalStatuses]));
      break;
    case 'all':
      break;
  }
  const cond = and(...where);
  const [items, [count]] = await Promise.all([
    ex
      .select({ ticket: tickets, complaint: complaints, communityName: communities.name, nextTimer })
      .from(tickets)
      .innerJoin(complaints, eq(complaints.ticketId, tickets.id))
      .innerJoin(communities, eq(communities.id, tickets.communityId))
      .where(cond)
      .orderBy(desc(tickets.createdAt), desc(tickets.number))
      .limit(q.limit)
      .offset(q.offset),
    ex.select({ n: sql<number>`count(*)::int` }).from(tickets).innerJoin(complaints, eq(complaints.ticketId, tickets.id)).where(cond),
  ]);
  return { items, total: Number(count?.n ?? 0) };
}

export type ComplaintListRow = Awaited<ReturnType<typeof queryComplaints>>['items'][number];

/** One complaint with its community's name and next timer. */
export async function complaintRow(ex: Executor, id: string): Promise<ComplaintListRow | null> {
  const [row] = await ex
    .select({ ticket: tickets, complaint: complaints, communityName: communities.name, nextTimer })
    .from(tickets)
    .innerJoin(complaints, eq(complaints.ticketId, tickets.id))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .where(and(eq(tickets.id, id), eq(tickets.kind, 'complaint')));
  return row ?? null;
}

/** What this person may do next on this complaint. */
export function allowedComplaintActions(p: Principal, ticket: TicketRow, row: ComplaintRow): ComplaintAction[] {
  return actionsFor(ticket.status as ComplaintStatus, p.role).filter((a) => {
    if (a === 'withdraw' && p.role === 'resident' && !isOwner(p, ticket)) return false;
    if (a === 'contact' && row.complaintClass === 'collective' && p.role !== 'director') return false;
    if (a === 'file_incident_report' && (row.complaintClass !== 'collective' || row.incidentReportFiledAt)) return false;
    if (a === 'report_to_centre' && (!row.isForwarded || row.centreReportedAt)) return false;
    if ((a === 'sign_off' || a === 'return_result') && p.role !== 'director') {
      return row.solvingDepartment !== null && row.solvingDepartment === (p.department as Department | null);
    }
    if ((a === 'update_progress' || a === 'escalate') && departmentBound.includes(p.role) && !isOwnDepartment(p, row)) return false;
    return true;
  });
}

async function links(ex: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return ex
    .select({ id: tickets.id, number: tickets.number, status: tickets.status })
    .from(tickets)
    .where(inArray(tickets.id, ids))
    .orderBy(asc(tickets.createdAt));
}

/** One complaint with its history, timers, visits and linked or merged cases. */
export async function getComplaint(deps: Deps, p: Principal, id: string) {
  requirePermission(p, 'complaint.view');
  const ex = deps.database.db;
  const row = await complaintRow(ex, id);
  if (!row || !canSeeComplaint(p, row.ticket, row.complaint)) throw notFound({ zh: '投诉', en: 'Complaint' });
  const c = row.complaint;
  const [events, timerRows, visits, linkedFrom, mergedFrom, mergedInto, successors] = await Promise.all([
    listEvents(ex, id),
    listTimersOf(ex, id),
    listVisitsOf(ex, id),
    links(ex, c.linkedFromId ? [c.linkedFromId] : []),
    links(ex, c.mergedFromIds),
    links(ex, c.mergedIntoId ? [c.mergedIntoId] : []),
    ex
      .select({ id: tickets.id, number: tickets.number, status: tickets.status })
      .from(complaints)
      .innerJoin(tickets, eq(tickets.id, complaints.ticketId))
      .where(eq(complaints.linkedFromId, id)),
  ]);
  return {
    row,
    events,
    timers: timerRows,
    visits,
    linkedFrom: linkedFrom[0] ?? null,
    mergedFrom,
    mergedInto: mergedInto[0] ?? null,
    successors,
    escalationRung: rungAt(policyOf(row.ticket).complaint, c.escalationLevel),
    allowedActions: allowedComplaintActions(p, row.ticket, c),
  };
}
