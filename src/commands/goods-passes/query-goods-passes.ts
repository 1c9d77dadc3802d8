import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { GoodsPassDetail, GoodsPassSummary, goodsPassListQuery } from '../../contract/goods-pass.js';
import { can } from '../../domain/access/permissions.js';
import { type GoodsItem, gateVerdict } from '../../domain/goods-passes/decide.js';
import { type GoodsPassStatus, goodsPassActionsFor } from '../../domain/goods-passes/machine.js';
import { forbidden, notFound } from '../../domain/shared/errors.js';
import { listEvents, listTimersOf, type TicketRow } from '../../db/repositories/repair-orders.js';
import { communities, goodsPasses, tickets } from '../../db/schema/index.js';
import { householdArrears } from '../arrears/household-arrears.js';
import { communityScope, type Deps, type Principal, requirePermission } from '../context.js';
import { canSeeGoodsPass, type GoodsPassRow, isSecurity, toGoodsPass } from '../tickets/goods-pass-kind.js';

type ListQuery = z.infer<typeof goodsPassListQuery>;
export interface GoodsPassListRow {
  ticket: TicketRow;
  pass: GoodsPassRow;
  communityName: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A pass as lists show it. */
export function presentGoodsPass(r: GoodsPassListRow): GoodsPassSummary {
  const { ticket: t, pass: g } = r;
  return {
    id: t.id,
    number: t.number,
    communityId: t.communityId,
    communityName: r.communityName,
    status: t.status as GoodsPassStatus,
    roomId: t.roomId,
    location: t.location,
    applicantName: g.applicantName ?? t.reporterName,
    items: g.items as GoodsItem[],
    carrierName: g.carrierName,
    vehiclePlate: g.vehiclePlate,
    plannedAt: iso(g.plannedAt),
    validUntil: iso(g.validUntil),
    issuedAt: iso(g.issuedAt),
    issuedByName: g.issuedByName,
    releasedAt: iso(g.releasedAt),
    releasedByName: g.releasedByName,
    returnedAt: iso(g.returnedAt),
    returnReason: g.returnReason,
    isOverridden: g.overrideReason !== null,
    channel: t.channel,
    createdAt: t.createdAt.toISOString(),
  };
}

/** Department staff other than security do not work with passes at all. */
function requireViewer(p: Principal): void {
  requirePermission(p, 'goods_pass.view');
  if (p.role === 'department_staff' && !isSecurity(p)) throw forbidden();
}

function escapeLike(q: string): string {
  return `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

const selectRows = (deps: Deps) =>
  deps.database.db
    .select({ ticket: tickets, pass: goodsPasses, communityName: communities.name })
    .from(tickets)
    .innerJoin(goodsPasses, eq(goodsPasses.ticketId, tickets.id))
    .innerJoin(communities, eq(communities.id, tickets.communityId));

/** Passes the person may see: staff their community's (company roles every community's), residents their households'. */
export async function queryGoodsPasses(deps: Deps, p: Principal, q: ListQuery): Promise<{ items: GoodsPassSummary[]; total: number }> {
  requireViewer(p);
  const ex = deps.database.db;
  const communityIds = await communityScope(ex, p, q.communityId);
  const where: (SQL | undefined)[] = [
    eq(tickets.companyId, p.companyId),
    eq(tickets.kind, 'goods_pass'),
    communityIds ? inArray(tickets.communityId, communityIds) : undefined,
    p.role === 'resident'
      ? or(
          p.roomIds.length ? inArray(tickets.roomId, p.roomIds) : sql`false`,
          p.residentIds.length ? inArray(tickets.residentId, p.residentIds) : sql`false`,
        )
      : undefined,
    q.status ? eq(tickets.status, q.status) : undefined,
    q.view === 'active' ? inArray(tickets.status, ['applied', 'issued']) : undefined,
    q.q
      ? or(
          sql`${tickets.number} ilike ${escapeLike(q.q)}`,
          sql`${tickets.location} ilike ${escapeLike(q.q)}`,
          sql`${tickets.reporterName} ilike ${escapeLike(q.q)}`,
          sql`${goodsPasses.vehiclePlate} ilike ${escapeLike(q.q)}`,
        )
      : undefined,
  ];
  const cond = and(...where);
  const rows = await selectRows(deps).where(cond).orderBy(desc(tickets.createdAt), desc(tickets.number)).limit(q.limit).offset(q.offset);
  const [total] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .innerJoin(goodsPasses, eq(goodsPasses.ticketId, tickets.id))
    .where(cond);
  return { items: rows.map(presentGoodsPass), total: Number(total?.n ?? 0) };
}

/** One pass with its timeline, what the gate would find now, and (for the desk) what the household owes. */
export async function getGoodsPass(deps: Deps, p: Principal, id: string): Promise<GoodsPassDetail> {
  requireViewer(p);
  const ex = deps.database.db;
  const [found] = await selectRows(deps).where(and(eq(tickets.id, id), eq(tickets.kind, 'goods_pass')));
  if (!found || found.ticket.companyId !== p.companyId || !canSeeGoodsPass(p, found.ticket))
    throw notFound({ zh: '放行条', en: 'Goods pass' });
  return detailOf(deps, p, found, ex);
}

async function detailOf(deps: Deps, p: Principal, found: GoodsPassListRow, ex: Deps['database']['db']): Promise<GoodsPassDetail> {
  const { ticket, pass } = found;
  const [events, timers] = await Promise.all([listEvents(ex, ticket.id), listTimersOf(ex, ticket.id)]);
  const isDesk = can(p.role, 'goods_pass.issue');
  const owed = isDesk && ticket.status === 'applied' ? (await householdArrears(ex, ticket.roomId)).owedCents : null;
  const now = deps.clock.now();
  const allowed = goodsPassActionsFor(ticket.status as GoodsPassStatus, p.role).filter(
    (a) => (a !== 'release' && a !== 'return') || isSecurity(p),
  );
  return {
    ...presentGoodsPass(found),
    reporterPhone: ticket.reporterPhone,
    relation: (pass.applicantRelation as GoodsPassDetail['relation']) ?? null,
    idType: (pass.idType as GoodsPassDetail['idType']) ?? null,
    idLast4: pass.idLast4,
    authorisation: pass.authorisation,
    arrearsAtIssueCents: pass.arrearsAtIssueCents,
    overrideReason: pass.overrideReason,
    overrideByName: pass.overrideByName,
    gateNote: pass.gateNote,
    createdByName: ticket.createdByName,
    householdOwedCents: owed,
    verdict: gateVerdict(toGoodsPass(ticket, pass), now),
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      actorName: e.actorName,
      actorRole: e.actorRole,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      data: e.data as Record<string, unknown>,
      at: e.at.toISOString(),
    })),
    timers: timers.map((t) => ({ kind: t.kind, dueAt: t.dueAt.toISOString(), level: t.level, status: t.status })),
    allowedActions: allowed,
  };
}

/** A pass number in whatever a scanner or a guard gave: the full number, or its day and sequence. */
export function passNumberIn(text: string): { exact: string } | { tail: string } | null {
  const s = text.toUpperCase();
  const full = /[A-Z0-9]+-FX-\d{8}-\d{4}/.exec(s);
  if (full) return { exact: full[0] };
  const tail = /(?:FX-?)?(\d{8})-?(\d{4})/.exec(s.replace(/\s/g, ''));
  return tail ? { tail: `FX-${tail[1]}-${tail[2]}` } : null;
}

/**
 * 门岗查验: the gate looks a pass up by number among its community's passes. Unknown, or of
 * another community, is "not found" alike.
 */
export async function lookUpGoodsPass(deps: Deps, p: Principal, text: string): Promise<GoodsPassDetail> {
  requirePermission(p, 'goods_pass.gate');
  if (!isSecurity(p)) throw forbidden();
  const missing = notFound({ zh: '放行条', en: 'Goods pass' });
  const wanted = passNumberIn(text);
  if (!wanted || !p.communityId) throw missing;
  const ex = deps.database.db;
  const rows = await selectRows(deps)
    .where(
      and(
        eq(tickets.companyId, p.companyId),
        eq(tickets.communityId, p.communityId),
        eq(tickets.kind, 'goods_pass'),
        'exact' in wanted ? eq(tickets.number, wanted.exact) : sql`${tickets.number} like ${`%-${wanted.tail}`}`,
      ),
    )
    .limit(2);
  if (rows.length !== 1) throw missing;
  return detailOf(deps, p, rows[0]!, ex);
}
