import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { matterListQuery } from '../../contract/matter.js';
import { type MatterAction, type MatterStatus, matterActionsFor, matterRules } from '../../domain/matter/machine.js';
import { notFound } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { listEvents, listTimersOf, listVisitsOf, type TicketRow } from '../../db/repositories/repair-orders.js';
import { communities, contacts, matters, tickets, users } from '../../db/schema/index.js';
import { communityScope, type Deps, type Principal, requirePermission } from '../context.js';
import { matterDepartmentOf } from '../intake/people.js';
import { canSeeMatter, type MatterRow } from '../tickets/matter-kind.js';

type ListQuery = z.infer<typeof matterListQuery>;
const terminal = ['closed', 'cancelled'];

/** Names of people by id, for presenting owners, supervisors and handlers. */
export async function namesOf(ex: Executor, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i && /^[0-9a-f-]{36}$/i.test(i)))];
  if (wanted.length === 0) return new Map();
  const rows = await ex.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface MatterListRow {
  ticket: TicketRow;
  matter: MatterRow;
  communityName: string;
  names: Map<string, string>;
}

function escapeLike(q: string): string {
  return `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

/** Matters the person may see, narrowed by the list's view. */
export async function queryMatters(deps: Deps, p: Principal, q: ListQuery): Promise<{ items: MatterListRow[]; total: number }> {
  requirePermission(p, 'matter.view');
  const ex = deps.database.db;
  const communityIds = await communityScope(ex, p, q.communityId);
  const myDepartment = matterDepartmentOf(p.department);
  const isDepartmentMember = p.role === 'technician' || p.role === 'department_staff';
  const where: (SQL | undefined)[] = [
    eq(tickets.companyId, p.companyId),
    eq(tickets.kind, 'matter'),
    communityIds ? inArray(tickets.communityId, communityIds) : undefined,
    isDepartmentMember ? or(eq(matters.handlerId, p.id), myDepartment ? eq(matters.department, myDepartment) : undefined) : undefined,
    q.status ? eq(tickets.status, q.status) : undefined,
    q.department ? eq(matters.department, q.department) : undefined,
    q.q
      ? or(
          sql`${tickets.number} ilike ${escapeLike(q.q)}`,
          sql`${tickets.content} ilike ${escapeLike(q.q)}`,
          sql`${tickets.location} ilike ${escapeLike(q.q)}`,
        )
      : undefined,
  ];
  const notTerminal = sql`${tickets.status} not in ('closed', 'cancelled')`;
  switch (q.view) {
    case 'active':
      where.push(notTerminal);
      break;
    case 'mine':
      where.push(
        notTerminal,
        or(
          eq(matters.ownerId, p.id),
          eq(matters.supervisorId, p.id),
          eq(matters.handlerId, p.id),
          myDepartment && !['clerk', 'cs_supervisor', 'cs_manager', 'director'].includes(p.role)
            ? eq(matters.department, myDepartment)
            : undefined,
        ),
      );
      break;
    case 'overdue':
      where.push(notTerminal, sql`cardinality(${tickets.flags}) > 0`);
      break;
    case 'returned':
      where.push(eq(tickets.status, 'returned'));
      break;
    case 'all':
      break;
  }
  const cond = and(...where);
  const rows = await ex
    .select({ ticket: tickets, matter: matters, communityName: communities.name })
    .from(tickets)
    .innerJoin(matters, eq(matters.ticketId, tickets.id))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .where(cond)
    .orderBy(desc(tickets.createdAt), desc(tickets.number))
    .limit(q.limit)
    .offset(q.offset);
  const [total] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .innerJoin(matters, eq(matters.ticketId, tickets.id))
    .where(cond);
  const names = await namesOf(
    ex,
    rows.flatMap((r) => [r.matter.ownerId, r.matter.supervisorId, r.matter.handlerId]),
  );
  return { items: rows.map((r) => ({ ...r, names })), total: Number(total?.n ?? 0) };
}

/** What this person may do next on this matter, as far as role, person and department go. */
export function allowedMatterActions(p: Principal, row: MatterListRow): MatterAction[] {
  return matterActionsFor(row.ticket.status as MatterStatus, p.role).filter((a) => {
    const rule = matterRules[a];
    if (rule.by === 'supervisor') return p.role === 'director' || row.matter.supervisorId === p.id;
    if (rule.by === 'department') return row.matter.department !== null && row.matter.department === matterDepartmentOf(p.department);
    return true;
  });
}

/**
 * One matter with its history, timers, visits and the duty-log entry it came from. Right after
 * an action the actor is shown the result even when it left their sight (a department gave it back).
 */
export async function getMatter(deps: Deps, p: Principal, id: string, options: { hasJustActed?: boolean } = {}) {
  requirePermission(p, 'matter.view');
  const ex = deps.database.db;
  const [found] = await ex
    .select({ ticket: tickets, matter: matters, communityName: communities.name })
    .from(tickets)
    .innerJoin(matters, eq(matters.ticketId, tickets.id))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .where(eq(tickets.id, id));
  if (!found || found.ticket.companyId !== p.companyId || (!options.hasJustActed && !canSeeMatter(p, found.ticket, found.matter)))
    throw notFound({ zh: '报事', en: 'Matter' });
  const names = await namesOf(ex, [found.matter.ownerId, found.matter.supervisorId, found.matter.handlerId]);
  const row: MatterListRow = { ...found, names };
  const [events, timers, visits, from] = await Promise.all([
    listEvents(ex, id),
    listTimersOf(ex, id),
    listVisitsOf(ex, id),
    ex
      .select({ id: tickets.id, number: tickets.number })
      .from(contacts)
      .innerJoin(tickets, eq(tickets.id, contacts.ticketId))
      .where(eq(contacts.linkedTicketId, id))
      .limit(1),
  ]);
  return { row, events, timers, visits, fromContact: from[0] ?? null, allowedActions: allowedMatterActions(p, row) };
}

/** The specialist supervisors of a community a matter can be sent to. */
export async function matterSupervisors(deps: Deps, p: Principal, communityId: string | undefined) {
  requirePermission(p, 'matter.create');
  const ex = deps.database.db;
  const scope = await communityScope(ex, p, communityId);
  const community = communityId ?? scope?.[0];
  if (!community) return [];
  return ex
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(
      and(
        eq(users.companyId, p.companyId),
        eq(users.communityId, community),
        eq(users.isActive, true),
        inArray(users.role, ['cs_supervisor', 'eng_supervisor', 'director']),
      ),
    );
}

export const isTerminalMatter = (status: string) => terminal.includes(status);
