import { and, desc, eq, gte, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { contactListQuery } from '../../contract/intake.js';
import { type IntakeAction, type IntakeStatus, intakeActionsFor, intakeOverseers, intakeRules } from '../../domain/intake/machine.js';
import { forbidden, notFound } from '../../domain/shared/errors.js';
import { zoneOffsetMinutes } from '../../domain/shared/time-of-day.js';
import type { Executor } from '../../db/client.js';
import { listEvents, listTimersOf, type TicketRow } from '../../db/repositories/repair-orders.js';
import { communities, contacts, tickets } from '../../db/schema/index.js';
import { communityScope, type Deps, loadPolicy, type Principal, requirePermission } from '../context.js';
import { namesOf } from '../matters/query-matters.js';
import { type ContactRow, canSeeContact, dutyLogReaders } from '../tickets/contact-kind.js';

type ListQuery = z.infer<typeof contactListQuery>;

export interface ContactListRow {
  ticket: TicketRow;
  contact: ContactRow;
  communityName: string;
  names: Map<string, string>;
  linked: { number: string; status: string } | null;
}

const linkedTicket = sql<{ number: string; status: string } | null>`(
  select json_build_object('number', lt.number, 'status', lt.status) from ${tickets} lt where lt.id = ${contacts.linkedTicketId})`;

/** The start of the local day of an instant. */
function startOfLocalDay(now: Date, timeZone: string): Date {
  const offset = zoneOffsetMinutes(now, timeZone) * 60_000;
  const local = now.getTime() + offset;
  return new Date(local - (local % 86_400_000) - offset);
}

async function listRows(ex: Executor, where: SQL | undefined, limit: number, offset: number) {
  const rows = await ex
    .select({ ticket: tickets, contact: contacts, communityName: communities.name, linked: linkedTicket })
    .from(tickets)
    .innerJoin(contacts, eq(contacts.ticketId, tickets.id))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .where(where)
    .orderBy(desc(sql`(${tickets.status} = 'emergency')`), desc(tickets.createdAt), desc(tickets.number))
    .limit(limit)
    .offset(offset);
  const names = await namesOf(
    ex,
    rows.flatMap((r) => [r.contact.firstOwnerId, r.contact.ownerId, r.contact.responderId, r.contact.departmentHeadId]),
  );
  return rows.map((r) => ({ ...r, names }));
}

/** Entries of the duty log the person may see, narrowed by the list's view and filters. */
export async function queryContacts(deps: Deps, p: Principal, q: ListQuery): Promise<{ items: ContactListRow[]; total: number }> {
  requirePermission(p, 'contact.view');
  const ex = deps.database.db;
  const communityIds = await communityScope(ex, p, q.communityId);
  const like = q.q ? `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  const open = sql`${tickets.status} not in ('closed', 'voided')`;
  const where: (SQL | undefined)[] = [
    eq(tickets.companyId, p.companyId),
    eq(tickets.kind, 'contact'),
    communityIds ? inArray(tickets.communityId, communityIds) : undefined,
    // Beyond the desk and its supervisors, people see the entries they answer for and open emergencies.
    dutyLogReaders.includes(p.role)
      ? undefined
      : or(
          eq(contacts.firstOwnerId, p.id),
          eq(contacts.ownerId, p.id),
          eq(contacts.responderId, p.id),
          eq(contacts.departmentHeadId, p.id),
          inArray(tickets.status, ['emergency', 'responding']),
        ),
    q.category ? eq(contacts.category, q.category) : undefined,
    q.status ? eq(tickets.status, q.status) : undefined,
    q.channel ? eq(tickets.channel, q.channel) : undefined,
    like
      ? or(
          sql`${tickets.number} ilike ${like}`,
          sql`${tickets.content} ilike ${like}`,
          sql`${tickets.reporterName} ilike ${like}`,
          sql`${tickets.reporterPhone} ilike ${like}`,
          sql`${tickets.location} ilike ${like}`,
        )
      : undefined,
  ];
  switch (q.view) {
    case 'today': {
      const timeZone = communityIds?.length === 1 ? (await loadPolicy(ex, p.companyId, communityIds[0]!)).timezone : 'Asia/Shanghai';
      where.push(gte(tickets.createdAt, startOfLocalDay(deps.clock.now(), timeZone)));
      break;
    }
    case 'mine':
      // 首问责任制: what I was first asked, or now answer for, until it closes.
      where.push(open, or(eq(contacts.ownerId, p.id), eq(contacts.firstOwnerId, p.id), eq(contacts.responderId, p.id)));
      break;
    case 'open':
      where.push(open);
      break;
    case 'emergencies':
      where.push(inArray(tickets.status, ['emergency', 'responding']));
      break;
    case 'overdue':
      where.push(open, sql`cardinality(${tickets.flags}) > 0`);
      break;
    case 'all':
      break;
  }
  const cond = and(...where);
  const items = await listRows(ex, cond, q.limit, q.offset);
  const [total] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .innerJoin(contacts, eq(contacts.ticketId, tickets.id))
    .where(cond);
  return { items, total: Number(total?.n ?? 0) };
}

/** Open emergencies nobody has taken yet, for the red banner above every desk page. */
export async function openEmergencies(deps: Deps, p: Principal, communityId?: string): Promise<ContactListRow[]> {
  requirePermission(p, 'contact.view');
  const ex = deps.database.db;
  const communityIds = await communityScope(ex, p, communityId);
  return listRows(
    ex,
    and(
      eq(tickets.companyId, p.companyId),
      eq(tickets.kind, 'contact'),
      communityIds ? inArray(tickets.communityId, communityIds) : undefined,
      eq(tickets.status, 'emergency'),
    ),
    50,
    0,
  );
}

const isOverseer = (p: Principal) => intakeOverseers.includes(p.role);

/** What this person may do next on an entry (linking is the system's, after a triage). */
export function allowedContactActions(p: Principal, row: ContactListRow): IntakeAction[] {
  const c = row.contact;
  return intakeActionsFor(row.ticket.status as IntakeStatus, p.role).filter((a) => {
    if (a === 'link_ticket') return false;
    if (a === 'escalate' && c.isEscalated) return false;
    switch (intakeRules[a].by) {
      case 'owner':
        return c.ownerId === p.id || isOverseer(p);
      case 'first_owner':
        return c.firstOwnerId === p.id;
      case 'responder':
        return c.responderId === p.id || c.ownerId === p.id || isOverseer(p);
      default:
        return true;
    }
  });
}

/** One entry with its history and timers. */
export async function getContact(deps: Deps, p: Principal, id: string) {
  requirePermission(p, 'contact.view');
  const ex = deps.database.db;
  const [row] = await listRows(ex, and(eq(tickets.id, id), eq(tickets.kind, 'contact')), 1, 0);
  if (!row || row.ticket.companyId !== p.companyId || !canSeeContact(p, row.ticket, row.contact)) {
    throw notFound({ zh: '值班记录', en: 'Duty-log entry' });
  }
  const [events, timers] = await Promise.all([listEvents(ex, id), listTimersOf(ex, id)]);
  return { row, events, timers, allowedActions: allowedContactActions(p, row) };
}

/**
 * A resident's own contacts: those logged for one of their rooms, or from their phone number.
 * Voided entries (logged by mistake) are left out.
 */
export async function residentContacts(deps: Deps, p: Principal, id?: string): Promise<ContactListRow[]> {
  if (p.role !== 'resident') throw forbidden();
  const ex = deps.database.db;
  if (p.roomIds.length === 0 && p.residentIds.length === 0 && !p.phone) return [];
  return listRows(
    ex,
    and(
      eq(tickets.companyId, p.companyId),
      eq(tickets.kind, 'contact'),
      sql`${tickets.status} <> 'voided'`,
      or(
        p.roomIds.length ? inArray(tickets.roomId, p.roomIds) : undefined,
        p.residentIds.length ? inArray(tickets.residentId, p.residentIds) : undefined,
        p.phone ? eq(tickets.reporterPhone, p.phone) : undefined,
      ),
      id ? eq(tickets.id, id) : undefined,
    ),
    100,
    0,
  );
}
