import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { hotWorkListQuery } from '../../contract/hot-work.js';
import { type HotWorkStatus, hotWorkActionsFor } from '../../domain/hot-work/machine.js';
import { localDateOf, startOfLocalDay, addDays } from '../../domain/parking/validity.js';
import { notFound } from '../../domain/shared/errors.js';
import { listEvents, listTimersOf, type TicketRow } from '../../db/repositories/repair-orders.js';
import { attachments, communities, hotWorkInspections, hotWorkPermits, tickets } from '../../db/schema/index.js';
import { communityScope, type Deps, loadPolicy, type Principal, requirePermission } from '../context.js';
import { canSeeHotWork, type HotWorkRow } from '../tickets/hot-work-kind.js';

type ListQuery = z.infer<typeof hotWorkListQuery>;

export interface HotWorkListRow {
  ticket: TicketRow;
  permit: HotWorkRow;
  communityName: string;
}

const escapeLike = (q: string) => `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/** Hot-work permits the person may see, narrowed by the list's view. */
export async function queryHotWork(deps: Deps, p: Principal, q: ListQuery): Promise<{ items: HotWorkListRow[]; total: number }> {
  requirePermission(p, 'hot_work.view');
  if (p.role === 'department_staff' && p.department !== 'security') return { items: [], total: 0 };
  const ex = deps.database.db;
  const communityIds = await communityScope(ex, p, q.communityId);
  const where: (SQL | undefined)[] = [
    eq(tickets.companyId, p.companyId),
    eq(tickets.kind, 'hot_work'),
    communityIds ? inArray(tickets.communityId, communityIds) : undefined,
    q.status ? eq(tickets.status, q.status) : undefined,
    q.q
      ? or(
          sql`${tickets.number} ilike ${escapeLike(q.q)}`,
          sql`${hotWorkPermits.applicantCompany} ilike ${escapeLike(q.q)}`,
          sql`${tickets.location} ilike ${escapeLike(q.q)}`,
        )
      : undefined,
  ];
  if (q.view === 'open') where.push(sql`${tickets.status} not in ('closed', 'rejected', 'cancelled')`);
  if (q.view === 'review') where.push(inArray(tickets.status, ['pending_cs', 'pending_engineering']));
  if (q.view === 'today') {
    // Today in the caller's community: permits issued whose window overlaps the local day.
    const now = deps.clock.now();
    const tz = p.communityId ? (await loadPolicy(ex, p.companyId, p.communityId)).timezone : 'Asia/Shanghai';
    const today = localDateOf(now, tz);
    const dayStart = startOfLocalDay(today, tz);
    const dayEnd = startOfLocalDay(addDays(today, 1), tz);
    where.push(
      inArray(tickets.status, ['issued', 'active', 'suspended', 'finished']),
      sql`${hotWorkPermits.windowStartAt} < ${dayEnd.toISOString()}`,
      sql`${hotWorkPermits.windowEndAt} > ${dayStart.toISOString()}`,
    );
  }
  const cond = and(...where);
  const rows = await ex
    .select({ ticket: tickets, permit: hotWorkPermits, communityName: communities.name })
    .from(tickets)
    .innerJoin(hotWorkPermits, eq(hotWorkPermits.ticketId, tickets.id))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .where(cond)
    .orderBy(q.view === 'today' ? asc(hotWorkPermits.windowStartAt) : desc(tickets.createdAt), desc(tickets.number))
    .limit(q.limit)
    .offset(q.offset);
  const [total] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .innerJoin(hotWorkPermits, eq(hotWorkPermits.ticketId, tickets.id))
    .where(cond);
  return { items: rows, total: Number(total?.n ?? 0) };
}

/** One permit with its inspections (and their photos), history and timers. */
export async function getHotWork(deps: Deps, p: Principal, id: string) {
  requirePermission(p, 'hot_work.view');
  const ex = deps.database.db;
  const [found] = await ex
    .select({ ticket: tickets, permit: hotWorkPermits, communityName: communities.name })
    .from(tickets)
    .innerJoin(hotWorkPermits, eq(hotWorkPermits.ticketId, tickets.id))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .where(eq(tickets.id, id));
  if (!found || found.ticket.companyId !== p.companyId || !canSeeHotWork(p, found.ticket))
    throw notFound({ zh: '动火申请', en: 'Hot-work permit' });
  const [events, timers, inspections] = await Promise.all([
    listEvents(ex, id),
    listTimersOf(ex, id),
    ex.select().from(hotWorkInspections).where(eq(hotWorkInspections.ticketId, id)).orderBy(asc(hotWorkInspections.at)),
  ]);
  const photos =
    inspections.length === 0
      ? []
      : await ex
          .select({ id: attachments.id, ownerId: attachments.ownerId, filename: attachments.filename, mime: attachments.mime })
          .from(attachments)
          .where(
            and(
              eq(attachments.ownerKind, 'hot_work_inspection'),
              inArray(
                attachments.ownerId,
                inspections.map((i) => i.id),
              ),
            ),
          )
          .orderBy(asc(attachments.createdAt));
  return {
    row: found as HotWorkListRow,
    events,
    timers,
    inspections: inspections.map((i) => ({ ...i, photos: photos.filter((ph) => ph.ownerId === i.id) })),
    allowedActions: hotWorkActionsFor(found.ticket.status as HotWorkStatus, p.role, p.department).filter(
      (a) => a !== 'start' && a !== 'end',
    ),
  };
}
