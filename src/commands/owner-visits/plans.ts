import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { planView, proposalList } from '../../contract/owner-visits.js';
import { monthOf } from '../../domain/owner-visits/month.js';
import { proposeHouseholds } from '../../domain/owner-visits/proposals.js';
import { monthlyQuota } from '../../domain/owner-visits/quota.js';
import { invalid } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { getCommunity, listCommunities } from '../../db/repositories/org.js';
import { communities, residents } from '../../db/schema/index.js';
import { inArray } from 'drizzle-orm';
import { communityScope, type Deps, loadPolicy, type Principal, requirePermission, writableCommunity } from '../context.js';
import { countOccupied, findPlan, insertPlanOnce, occupiedHouseholds, type PlanRow, pastVisits, visitsOfMonth } from './store.js';

export type PlanView = z.infer<typeof planView>;

/** The community a read covers: the one asked for (checked), the reader's own, or the company's first. */
export async function readableCommunity(ex: Executor, p: Principal, requested?: string): Promise<string> {
  const scope = await communityScope(ex, p, requested);
  const id = requested ?? scope?.[0] ?? (await listCommunities(ex, p.companyId, null))[0]?.id;
  if (!id)
    throw invalid('no_community', { zh: '没有小区', en: 'No community' }, [
      { field: 'communityId', message: { zh: '请选择小区', en: 'Choose a community' } },
    ]);
  return id;
}

/** The month asked for, or this month in the community's time zone. */
export async function monthOrCurrent(ex: Executor, companyId: string, communityId: string, now: Date, month?: string) {
  const policy = await loadPolicy(ex, companyId, communityId);
  return { month: month ?? monthOf(now, policy.timezone), policy };
}

export function presentPlan(
  plan: PlanRow | null,
  communityId: string,
  communityName: string,
  month: string,
  fallback: { occupiedHouseholds: number; percent: number; quota: number },
): PlanView {
  return {
    id: plan?.id ?? null,
    communityId,
    communityName,
    month,
    isPlanned: plan !== null,
    occupiedHouseholds: plan?.occupiedHouseholds ?? fallback.occupiedHouseholds,
    quotaPercent: plan?.quotaPercent ?? fallback.percent,
    quota: plan?.quota ?? fallback.quota,
    createdByName: plan?.createdByName ?? null,
    createdAt: plan?.createdAt.toISOString() ?? null,
  };
}

/**
 * The month's plan of a community, made once (客服主管每月必须访问业户): the quota is computed from
 * the occupied households of the moment and then kept, so the month's target does not move.
 */
export async function ensurePlan(
  ex: Executor,
  by: { companyId: string; id: string | null; name: string },
  communityId: string,
  month: string,
  now: Date,
): Promise<{ plan: PlanRow; isNew: boolean }> {
  const existing = await findPlan(ex, by.companyId, communityId, month);
  if (existing) return { plan: existing, isNew: false };
  const policy = await loadPolicy(ex, by.companyId, communityId);
  const quota = monthlyQuota(await countOccupied(ex, by.companyId, communityId), policy.ownerVisit);
  return insertPlanOnce(ex, {
    id: randomUUID(),
    companyId: by.companyId,
    communityId,
    month,
    occupiedHouseholds: quota.occupiedHouseholds,
    quotaPercent: quota.percent,
    quota: quota.quota,
    createdById: by.id,
    createdByName: by.name,
    createdAt: now,
  });
}

/** The supervisor's button: makes the month's plan now (idempotent: a second press returns the same plan). */
export async function makeOwnerVisitPlan(deps: Deps, p: Principal, communityId: string, month?: string): Promise<PlanView> {
  requirePermission(p, 'ownerVisit.book');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const community = await writableCommunity(tx, p, communityId);
    const m = await monthOrCurrent(tx, p.companyId, community.id, now, month);
    const { plan } = await ensurePlan(tx, { companyId: p.companyId, id: p.id, name: p.name }, community.id, m.month, now);
    return presentPlan(plan, community.id, community.name, m.month, { occupiedHouseholds: 0, percent: 0, quota: 0 });
  });
}

/**
 * The periodic duty: this month's plan of every community that has none yet, so the quota is
 * there on the 1st without anyone pressing a button. Resolves with how many plans it made.
 */
export async function makeDueOwnerVisitPlans(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  let made = 0;
  const all = await deps.database.db.select({ id: communities.id, companyId: communities.companyId }).from(communities);
  for (const c of all) {
    const isNew = await deps.database.db.transaction(async (tx) => {
      const { month } = await monthOrCurrent(tx, c.companyId, c.id, now);
      return (await ensurePlan(tx, { companyId: c.companyId, id: null, name: 'system' }, c.id, month, now)).isNew;
    });
    if (isNew) made += 1;
  }
  return made;
}

/**
 * Households to visit this month: occupied, not visited within the repeat window, spread over the
 * buildings; as many as the quota still lacks unless `count` says otherwise.
 */
export async function proposeOwnerVisits(
  deps: Deps,
  p: Principal,
  q: { communityId?: string | undefined; month?: string | undefined; count?: number | undefined },
): Promise<z.infer<typeof proposalList>> {
  requirePermission(p, 'ownerVisit.view');
  const ex = deps.database.db;
  const communityId = await readableCommunity(ex, p, q.communityId);
  const { month, policy } = await monthOrCurrent(ex, p.companyId, communityId, deps.clock.now(), q.month);
  const households = await occupiedHouseholds(ex, p.companyId, communityId);
  const plan = await findPlan(ex, p.companyId, communityId, month);
  const quota = plan?.quota ?? monthlyQuota(households.length, policy.ownerVisit).quota;
  const active = (await visitsOfMonth(ex, p.companyId, communityId, month)).filter((v) => v.status !== 'cancelled');
  const count = q.count ?? Math.max(0, quota - active.length);
  const picked = proposeHouseholds(
    households,
    await pastVisits(ex, p.companyId, communityId),
    month,
    policy.ownerVisit.repeatWindowMonths,
    count,
    communityId,
  );
  const byRoom = new Map(households.map((h) => [h.roomId, h]));
  const people = picked.length
    ? await ex
        .select({ roomId: residents.roomId, name: residents.name })
        .from(residents)
        .where(
          inArray(
            residents.roomId,
            picked.map((h) => h.roomId),
          ),
        )
    : [];
  return {
    month,
    repeatWindowMonths: policy.ownerVisit.repeatWindowMonths,
    items: picked.map((h) => {
      const room = byRoom.get(h.roomId)!;
      return {
        roomId: h.roomId,
        buildingId: h.buildingId,
        buildingName: room.buildingName,
        label: room.label,
        residentNames: people.filter((r) => r.roomId === h.roomId).map((r) => r.name),
      };
    }),
  };
}

/** The community's name, for views. */
export async function communityName(ex: Executor, id: string): Promise<string> {
  return (await getCommunity(ex, id))?.name ?? '';
}
