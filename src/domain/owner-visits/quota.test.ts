import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type OwnerVisitPolicy, ownerVisitPolicySchema } from './policy.js';
import { monthlyQuota, quotaPercent } from './quota.js';

const policy = (over: Partial<OwnerVisitPolicy> = {}) => ownerVisitPolicySchema.parse(over);

describe('the monthly owner-visit quota (客服主管每月访问业户数量)', () => {
  it.each([
    [1, 4, 1],
    [25, 4, 1],
    [26, 4, 2],
    [299, 4, 12],
    [300, 4, 12],
    [301, 5, 16],
    [320, 5, 16],
    [500, 5, 25],
    [501, 6, 31],
    [800, 6, 48],
    [801, 7, 57],
    [1000, 7, 70],
    [2001, 7, 141],
  ])('visits at least the band share of %i occupied households: %i%% → %i, rounded up', (occupied, percent, quota) => {
    expect(monthlyQuota(occupied, policy())).toEqual({ occupiedHouseholds: occupied, percent, quota });
  });

  it('asks nothing of a community nobody lives in yet', () => {
    expect(monthlyQuota(0, policy())).toEqual({ occupiedHouseholds: 0, percent: 4, quota: 0 });
  });

  it('reads the band bounds and shares from the policy', () => {
    const own = policy({
      firstBandUpTo: 100,
      firstBandPercent: 10,
      secondBandUpTo: 200,
      secondBandPercent: 8,
      thirdBandUpTo: 400,
      thirdBandPercent: 6,
      aboveBandsPercent: 3,
    });
    expect(quotaPercent(100, own)).toBe(10);
    expect(quotaPercent(101, own)).toBe(8);
    expect(quotaPercent(200, own)).toBe(8);
    expect(quotaPercent(201, own)).toBe(6);
    expect(quotaPercent(400, own)).toBe(6);
    expect(quotaPercent(401, own)).toBe(3);
    expect(monthlyQuota(401, own).quota).toBe(13);
  });

  it('never rounds a whole share up by a floating-point crumb, and never falls short of the share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
        const q = monthlyQuota(n, policy());
        expect(q.quota * 100).toBeGreaterThanOrEqual(n * q.percent);
        expect((q.quota - 1) * 100).toBeLessThan(n * q.percent);
      }),
    );
  });
});
