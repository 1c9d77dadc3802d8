import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { liaisonListQuery } from '../../contract/warranty.js';
import { can } from '../../domain/access/permissions.js';
import { notFound } from '../../domain/shared/errors.js';
import { type LiaisonStatus, liaisonActionsFor } from '../../domain/warranty/machine.js';
import { listEvents, listPhotosOf, listTimersOf, type TicketRow } from '../../db/repositories/repair-orders.js';
import { communities, liaisonForms, liaisonItems, tickets } from '../../db/schema/index.js';
import { listAttachments } from '../attachments.js';
import { communityScope, type Deps, type Principal, requirePermission } from '../context.js';
import { canSeeLiaison } from '../tickets/liaison-kind.js';

type ListQuery = z.infer<typeof liaisonListQuery>;
export type LiaisonFormRow = typeof liaisonForms.$inferSelect;

export interface LiaisonListRow {
  ticket: TicketRow;
  form: LiaisonFormRow;
  communityName: string;
  itemCount: number;
}

const itemCount = sql<number>`(select count(*)::int from ${liaisonItems} where ${liaisonItems.ticketId} = ${tickets.id})`;

/** Liaison forms the person may see: the office's community, the developer's liaison's own community. */
export async function queryLiaisons(deps: Deps, p: Principal, q: ListQuery): Promise<{ items: LiaisonListRow[]; total: number }> {
  requirePermission(p, 'warranty.view');
  const ex = deps.database.db;
  const scope = await communityScope(ex, p, q.communityId);
  const where: (SQL | undefined)[] = [
    eq(tickets.companyId, p.companyId),
    eq(tickets.kind, 'liaison'),
    scope ? inArray(tickets.communityId, scope) : undefined,
    q.status ? eq(tickets.status, q.status) : undefined,
  ];
  if (q.view === 'active') where.push(sql`${tickets.status} not in ('closed', 'cancelled')`);
  if (q.view === 'overdue') where.push(sql`${tickets.status} not in ('closed', 'cancelled')`, sql`cardinality(${tickets.flags}) > 0`);
  const cond = and(...where);
  const rows = await ex
    .select({ ticket: tickets, form: liaisonForms, communityName: communities.name, itemCount })
    .from(tickets)
    .innerJoin(liaisonForms, eq(liaisonForms.ticketId, tickets.id))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .where(cond)
    .orderBy(desc(tickets.createdAt), desc(tickets.number))
    .limit(q.limit)
    .offset(q.offset);
  const [total] = await ex.select({ n: sql<number>`count(*)::int` }).from(tickets).where(cond);
  return { items: rows.map((r) => ({ ...r, itemCount: Number(r.itemCount) })), total: Number(total?.n ?? 0) };
}

/** One liaison form the person may see, with its items and their photos, history and timers. */
export async function getLiaison(deps: Deps, p: Principal, id: string) {
  requirePermission(p, 'warranty.view');
  const ex = deps.database.db;
  const [found] = await ex
    .select({ ticket: tickets, form: liaisonForms, communityName: communities.name, itemCount })
    .from(tickets)
    .innerJoin(liaisonForms, eq(liaisonForms.ticketId, tickets.id))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .where(eq(tickets.id, id));
  if (!found || !canSeeLiaison(p, found.ticket)) throw notFound({ zh: '工作联系单', en: 'Liaison form' });
  const items = await ex
    .select({ item: liaisonItems, sourceNumber: tickets.number })
    .from(liaisonItems)
    .leftJoin(tickets, eq(tickets.id, liaisonItems.sourceTicketId))
    .where(eq(liaisonItems.ticketId, id))
    .orderBy(asc(liaisonItems.seq));
  const withPhotos = await Promise.all(
    items.map(async ({ item, sourceNumber }) => {
      const fromOrder = item.source === 'repair' && item.sourceTicketId ? await listPhotosOf(ex, item.sourceTicketId) : [];
      const added = await listAttachments(ex, 'liaison_item', item.id);
      return { item, sourceNumber, photoIds: [...fromOrder.map((ph) => ph.id), ...added.map((a) => a.id)] };
    }),
  );
  const [events, timers] = await Promise.all([listEvents(ex, id), listTimersOf(ex, id)]);
  const open = !['closed', 'cancelled'].includes(found.ticket.status);
  return {
    row: { ...found, itemCount: Number(found.itemCount) },
    items: withPhotos,
    events,
    timers,
    allowedActions: liaisonActionsFor(found.ticket.status as LiaisonStatus, p.role),
    canAddPhotos: open && can(p.role, 'warranty.create'),
  };
}
