import { describe, expect, it } from 'vitest';
import { policyOverrideSchema } from '../policy/policy.js';
import { complaintPolicySchema, defaultComplaintPolicy } from './policy.js';

describe('complaint policy defaults: the numbers of domain.md §4', () => {
  it('has the procedure’s numbers unless a company or community changes them', () => {
    expect(defaultComplaintPolicy()).toEqual({
      classifyMinutes: 120,
      contactMinutes: 120, // valid: contact within 2 h [003]
      referralMinutes: 120,
      invalidReplyMinutes: 120, // invalid: reply within 2 h [003]
      onSpotReportMinutes: 60, // handled on the spot: report within 1 h [003]
      onSpotReplyMinutes: 120, // …and reply within 2 h [003]
      forwardedReportHours: 12, // forwarded by the centre: result back within 12 h [003]
      progressUpdateHours: 24,
      collectiveMinHouseholds: 5, // five or more households [003]
      collectiveWindowHours: 24,
      collectiveSimilarity: 0.15,
      escalationChain: ['cs_supervisor', 'director', 'deputy_gm', 'gm'], // handler → superior → deputy GM → GM [003]
      escalationIntervalMinutes: 240,
      visitWithinHours: 168,
      monthlyReportDay: 5, // monthly report by the 5th [003]
      targetComplaintRatePercent: 1, // below 1% of households [004]
    });
  });

  it('hands every caller its own copy', () => {
    const a = defaultComplaintPolicy();
    a.escalationChain.push('cs_manager');
    expect(defaultComplaintPolicy().escalationChain).toHaveLength(4);
  });

  it('takes a community’s own numbers and keeps the rest', () => {
    const p = complaintPolicySchema.parse({ contactMinutes: 60, collectiveMinHouseholds: 10 });
    expect(p.contactMinutes).toBe(60);
    expect(p.collectiveMinHouseholds).toBe(10);
    expect(p.invalidReplyMinutes).toBe(120);
  });

  it.each([
    [{ contactMinutes: 0 }],
    [{ contactMinutes: 1.5 }],
    [{ collectiveMinHouseholds: 1 }],
    [{ collectiveSimilarity: 0 }],
    [{ collectiveSimilarity: 1.5 }],
    [{ escalationChain: [] }],
    [{ escalationChain: ['cs_supervisor', 'janitor'] }],
    [{ monthlyReportDay: 31 }],
    [{ targetComplaintRatePercent: -1 }],
  ])('refuses %j', (bad) => {
    expect(complaintPolicySchema.safeParse(bad).success).toBe(false);
  });

  it('stores an override that names one field as that field only, without the defaults', () => {
    expect(policyOverrideSchema.parse({ complaint: { contactMinutes: 30 } })).toEqual({ complaint: { contactMinutes: 30 } });
    expect(policyOverrideSchema.parse({ complaint: {} })).toEqual({ complaint: {} });
    expect(policyOverrideSchema.safeParse({ complaint: { contactMinutes: -5 } }).success).toBe(false);
  });
});
