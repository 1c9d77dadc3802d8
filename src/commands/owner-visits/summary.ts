import { fulfilmentOf } from '../../domain/owner-visits/fulfilment.js';
import { addMonths, localDate } from '../../domain/owner-visits/month.js';
import { monthlyQuota } from '../../domain/owner-visits/quota.js';
import type { SignatureOutcome, VisitMethod, VisitStatus } from '../../domain/owner-visits/visit.js';
import type { Executor } from '../../db/client.js';
import { loadPolicy } from '../context.js';
import { countOccupied, findPlan, visitsOfMonth } from './store.js';

/** A community's month of owner visits (业户访问总结), as the monthly reports read it. */
export interface OwnerVisitSummary {
  communityId: string;
  month: string;
  /** Whether the month's plan exists; without one the quota is computed from today's occupied households. */
  isPlanned: boolean;
  occupiedHouseholds: number;
  quotaPercent: number;
  quota: number;
  /** Visit records written. */
  done: number;
  /** Households that refused to sign the record (拒绝签名). */
  refused: number;
  signed: number;
  /** Distinct households visited: what counts against the quota. */
  householdsVisited: number;
  /** Visits booked and not yet recorded. */
  booked: number;
  cancelled: number;
  byMethod: Record<VisitMethod, number>;
  /** Opinions and issues the residents raised, and how many became a repair order or a complaint. */
  issuesRaised: number;
  issuesToRepair: number;
  issuesToComplaint: number;
  /** Households visited / quota × 100, one decimal. */
  fulfilmentPercent: number;
  isFulfilled: boolean;
  byDay: { date: string; done: number; cumulative: number }[];
  /** The summary is due to the director by this local date (每月5日前). */
  summaryDueOn: string;
}

/**
 * The owner-visit summary of one community's month: quota, visits done, refusals to sign,
 * households visited, by method, issues raised, fulfilment. Reads only; the caller has checked
 * the reader may see this community.
 */
export async function ownerVisitSummary(
  ex: Executor,
  { companyId, communityId, month }: { companyId: string; communityId: string; month: string },
): Promise<OwnerVisitSummary> {
  const policy = await loadPolicy(ex, companyId, communityId);
  const plan = await findPlan(ex, companyId, communityId, month);
  const quota = plan
    ? { occupiedHouseholds: plan.occupiedHouseholds, percent: plan.quotaPercent, quota: plan.quota }
    : monthlyQuota(await countOccupied(ex, companyId, communityId), policy.ownerVisit);
  const visits = await visitsOfMonth(ex, companyId, communityId, month);
  const f = fulfilmentOf(
    quota.quota,
    visits.map((v) => ({
      roomId: v.roomId,
      status: v.status as VisitStatus,
      method: v.method as VisitMethod | null,
      visitedOn: v.visitedAt ? localDate(v.visitedAt, policy.timezone) : null,
      signature: v.signature as SignatureOutcome | null,
      issues: v.issues,
    })),
  );
  return {
    communityId,
    month,
    isPlanned: plan !== null,
    occupiedHouseholds: quota.occupiedHouseholds,
    quotaPercent: quota.percent,
    ...f,
    summaryDueOn: `${addMonths(month, 1)}-${String(policy.ownerVisit.summaryDay).padStart(2, '0')}`,
  };
}
