import { randomUUID } from 'node:crypto';
import { type AnyColumn, and, asc, eq, gte, lt, or } from 'drizzle-orm';
import type { DailyReview } from '../../contract/goods-pass.js';
import { can } from '../../domain/access/permissions.js';
import { countDay, localDay, localDayBounds } from '../../domain/goods-passes/daily-review.js';
import { conflict, forbidden, invalid } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { communities, goodsPasses, goodsPassReviews, tickets } from '../../db/schema/index.js';
import { communityScope, type Deps, loadPolicy, type Principal, requirePermission, writableCommunity } from '../context.js';
import { isSecurity } from '../tickets/goods-pass-kind.js';
import { presentGoodsPass } from './query-goods-passes.js';

/** The daily check is for the security manager (security staff) and the office director. */
function requireReviewer(p: Principal, permission: 'goods_pass.view' | 'goods_pass.review'): void {
  requirePermission(p, permission);
  if (p.role === 'department_staff' && !isSecurity(p)) throw forbidden();
  if (p.role === 'resident') throw forbidden();
}

async function dayOf(ex: Executor, p: Principal, communityId: string, day: string, now: Date): Promise<DailyReview> {
  const policy = await loadPolicy(ex, p.companyId, communityId);
  const bounds = localDayBounds(day, policy.timezone);
  const inDay = (col: AnyColumn) => and(gte(col, bounds.start), lt(col, bounds.end));
  const rows = await ex
    .select({ ticket: tickets, pass: goodsPasses, communityName: communities.name })
    .from(goodsPasses)
    .innerJoin(tickets, eq(tickets.id, goodsPasses.ticketId))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .where(
      and(
        eq(goodsPasses.companyId, p.companyId),
        eq(goodsPasses.communityId, communityId),
        or(inDay(goodsPasses.issuedAt), inDay(goodsPasses.releasedAt), inDay(goodsPasses.returnedAt), inDay(goodsPasses.endedAt)),
      ),
    )
    .orderBy(asc(tickets.number));
  const [review] = await ex
    .select()
    .from(goodsPassReviews)
    .where(and(eq(goodsPassReviews.companyId, p.companyId), eq(goodsPassReviews.communityId, communityId), eq(goodsPassReviews.day, day)));
  const counts = countDay(
    rows.map((r) => ({
      status: r.ticket.status,
      issuedAt: r.pass.issuedAt,
      releasedAt: r.pass.releasedAt,
      returnedAt: r.pass.returnedAt,
      endedAt: r.pass.endedAt,
    })),
    bounds,
  );
  const today = localDay(now, policy.timezone);
  return {
    communityId,
    day,
    counts,
    passes: rows.map(presentGoodsPass),
    review: review ? { reviewedByName: review.reviewedByName, reviewedAt: review.reviewedAt.toISOString(), note: review.note } : null,
    canReview: !review && day <= today && can(p.role, 'goods_pass.review') && (p.role !== 'department_staff' || isSecurity(p)),
  };
}

/** 保安经理每天核对: one day's passes of a community, counted, with whether the day was checked. */
export async function dailyGoodsPassReview(deps: Deps, p: Principal, q: { communityId?: string | undefined; day?: string | undefined }) {
  requireReviewer(p, 'goods_pass.view');
  const ex = deps.database.db;
  const scope = await communityScope(ex, p, q.communityId);
  const communityId = q.communityId ?? scope?.[0];
  if (!communityId)
    throw invalid('community_required', { zh: '请选择小区', en: 'Choose a community' }, [
      { field: 'communityId', message: { zh: '请选择小区', en: 'Choose a community' } },
    ]);
  const now = deps.clock.now();
  const policy = await loadPolicy(ex, p.companyId, communityId);
  return dayOf(ex, p, communityId, q.day ?? localDay(now, policy.timezone), now);
}

/** The security manager signs the day's passes off as checked (签名确认), once per day. */
export async function markDayReviewed(deps: Deps, p: Principal, body: { communityId: string; day: string; note?: string | undefined }) {
  requireReviewer(p, 'goods_pass.review');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const community = await writableCommunity(tx, p, body.communityId);
    const policy = await loadPolicy(tx, p.companyId, community.id);
    if (body.day > localDay(now, policy.timezone)) {
      throw invalid('future_day', { zh: '不能核对未来的日期', en: 'A day still to come cannot be checked' }, [
        { field: 'day', message: { zh: '不能核对未来的日期', en: 'A day still to come cannot be checked' } },
      ]);
    }
    const current = await dayOf(tx, p, community.id, body.day, now);
    const inserted = await tx
      .insert(goodsPassReviews)
      .values({
        id: randomUUID(),
        companyId: p.companyId,
        communityId: community.id,
        day: body.day,
        reviewedById: p.id,
        reviewedByName: p.name,
        note: body.note ?? '',
        counts: current.counts,
        reviewedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: goodsPassReviews.id });
    if (inserted.length === 0) throw conflict('already_reviewed', { zh: '该日已核对', en: 'This day has already been checked' });
    return dayOf(tx, p, community.id, body.day, now);
  });
}
