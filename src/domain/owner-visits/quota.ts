import type { OwnerVisitPolicy } from './policy.js';

export interface Quota {
  occupiedHouseholds: number;
  /** The band's share, in percent. */
  percent: number;
  /** Households to visit this month: the share, rounded up (不低于). */
  quota: number;
}

/** The band's percent for a community of `occupied` households: the first band whose upper bound it does not exceed. */
export function quotaPercent(occupied: number, policy: OwnerVisitPolicy): number {
  if (occupied <= policy.firstBandUpTo) return policy.firstBandPercent;
  if (occupied <= policy.secondBandUpTo) return policy.secondBandPercent;
  if (occupied <= policy.thirdBandUpTo) return policy.thirdBandPercent;
  return policy.aboveBandsPercent;
}

/** The month's quota of owner visits for a community with `occupied` occupied households. */
export function monthlyQuota(occupied: number, policy: OwnerVisitPolicy): Quota {
  const households = Math.max(0, Math.floor(occupied));
  const percent = quotaPercent(households, policy);
  // Whole numbers only, so 300 × 4% is exactly 12 and not 12.000000001 rounded up to 13.
  return { occupiedHouseholds: households, percent, quota: Math.floor((households * percent + 99) / 100) };
}
