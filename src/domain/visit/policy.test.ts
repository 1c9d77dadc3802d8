import { describe, expect, it } from 'vitest';
import { policyOverrideSchema } from '../policy/policy.js';
import { defaultVisitPolicy, visitPolicySchema } from './policy.js';

describe('visit policy', () => {
  it('defaults to the seeds’ numbers: repair 24 h, safety 2 days, leaks 3 days, a week otherwise, 08:00–22:00, notice in 24 h, 5/10/20%', () => {
    const p = defaultVisitPolicy();
    expect(p.withinHoursByKind).toEqual({ repair: 24, complaint: 168, matter: 168 });
    expect([p.defaultWithinHours, p.safetyFacilityHours, p.leakHours, p.rectificationNoticeHours]).toEqual([168, 48, 72, 24]);
    expect([p.homeVisitEarliest, p.homeVisitLatest]).toEqual(['08:00', '22:00']);
    expect(p.samplingPercent).toEqual({ office: 5, engineeringHead: 10, repairer: 20 });
  });

  it('gives every caller its own default lists', () => {
    const a = defaultVisitPolicy();
    a.leakCategories.push('x');
    expect(defaultVisitPolicy().leakCategories).not.toContain('x');
  });

  it('keeps an override to the fields it names', () => {
    expect(policyOverrideSchema.parse({ visit: { leakHours: 48 } })).toEqual({ visit: { leakHours: 48 } });
  });

  it('refuses nonsense', () => {
    expect(visitPolicySchema.safeParse({ homeVisitLatest: '25:00' }).success).toBe(false);
    expect(visitPolicySchema.safeParse({ samplingPercent: { office: 101 } }).success).toBe(false);
  });
});
