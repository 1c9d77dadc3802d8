import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHomeVisitTimeAllowed, planVisit, visitDueAt } from './due.js';
import { visitPolicySchema } from './policy.js';
import { bj, iso, TZ, visitPolicy } from './test-support.js';

const DONE = bj('2026-11-25T10:00:00');

describe('when the follow-up visit is due', () => {
  it('visits a repair within 24 hours of the resident’s confirmation: confirmed 2026-11-25 10:00 → due 2026-11-26 10:00 [003]', () => {
    expect(iso(visitDueAt('repair', 'plumbing', {}, DONE, visitPolicy()))).toBe(iso(bj('2026-11-26T10:00:00')));
  });

  it('visits a leak within 3 days: completed 2026-11-25 10:00 → due 2026-11-28 10:00 [004]', () => {
    expect(iso(visitDueAt('repair', 'plumbing', { isLeak: true }, DONE, visitPolicy()))).toBe(iso(bj('2026-11-28T10:00:00')));
    expect(iso(visitDueAt('repair', 'leak', {}, DONE, visitPolicy()))).toBe(iso(bj('2026-11-28T10:00:00')));
  });

  it('visits a safety facility within 2 days: completed 2026-11-25 10:00 → due 2026-11-27 10:00 [004]', () => {
    expect(iso(visitDueAt('repair', 'equipment', { isSafetyFacility: true }, DONE, visitPolicy()))).toBe(iso(bj('2026-11-27T10:00:00')));
    expect(iso(visitDueAt('repair', 'fire_safety', {}, DONE, visitPolicy()))).toBe(iso(bj('2026-11-27T10:00:00')));
  });

  it('takes the shorter window when a leak is also a safety facility', () => {
    const plan = planVisit('repair', 'leak', { isSafetyFacility: true }, DONE, visitPolicy());
    expect(plan.rule).toBe('safety_facility');
    expect(plan.withinHours).toBe(48);
  });

  it.each(['matter', 'complaint', 'renovation', 'warranty', 'other'] as const)(
    'visits a %s within a week: 2026-11-25 10:00 → 2026-12-02 10:00',
    (kind) => {
      expect(iso(visitDueAt(kind, 'x', {}, DONE, visitPolicy()))).toBe(iso(bj('2026-12-02T10:00:00')));
    },
  );

  it('applies the leak window to a leak reported as a matter too', () => {
    expect(iso(visitDueAt('matter', 'seepage', {}, DONE, visitPolicy()))).toBe(iso(bj('2026-11-28T10:00:00')));
  });

  it('books a home visit for a major case or a collective complaint, a phone call otherwise', () => {
    expect(planVisit('repair', 'plumbing', { isMajor: true }, DONE, visitPolicy()).isHomeVisitRequired).toBe(true);
    expect(planVisit('complaint', 'noise', { isCollective: true }, DONE, visitPolicy()).isHomeVisitRequired).toBe(true);
    expect(planVisit('repair', 'plumbing', {}, DONE, visitPolicy()).isHomeVisitRequired).toBe(false);
  });

  it('follows the community’s own windows and categories', () => {
    const policy = visitPolicySchema.parse({ withinHoursByKind: { repair: 48 }, leakCategories: ['roof'], leakHours: 96 });
    expect(iso(visitDueAt('repair', 'plumbing', {}, DONE, policy))).toBe(iso(bj('2026-11-27T10:00:00')));
    expect(iso(visitDueAt('repair', 'roof', {}, DONE, policy))).toBe(iso(bj('2026-11-29T10:00:00')));
    expect(iso(visitDueAt('repair', 'leak', {}, DONE, policy))).toBe(iso(bj('2026-11-27T10:00:00')));
  });

  it('is always after the work was done, by exactly the window of its rule (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('repair', 'complaint', 'matter', 'other') as fc.Arbitrary<'repair'>,
        fc.constantFrom('plumbing', 'leak', 'fire_safety', 'x'),
        fc.record({ isLeak: fc.boolean(), isSafetyFacility: fc.boolean(), isMajor: fc.boolean() }),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
        (kind, category, flags, done) => {
          const plan = planVisit(kind, category, flags, done, visitPolicy());
          expect(plan.dueAt.getTime() - done.getTime()).toBe(plan.withinHours * 3_600_000);
          expect(plan.withinHours).toBeLessThanOrEqual(7 * 24);
          if (flags.isSafetyFacility) expect(plan.withinHours).toBe(48);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('home visits are booked within visiting hours [003]', () => {
  const allowed = (local: string, over = {}) => isHomeVisitTimeAllowed(bj(local), visitPolicy(over), TZ);

  it('refuses a home visit at 22:00 and allows one at 21:30', () => {
    expect(allowed('2026-11-25T22:00:00')).toBe(false);
    expect(allowed('2026-11-25T21:30:00')).toBe(true);
  });

  it('allows the last minute before 22:00 and refuses anything later that night', () => {
    expect(allowed('2026-11-25T21:59:00')).toBe(true);
    expect(allowed('2026-11-25T22:00:01')).toBe(false);
    expect(allowed('2026-11-25T23:30:00')).toBe(false);
    expect(allowed('2026-11-26T00:00:00')).toBe(false);
  });

  it('refuses before the morning hour (08:00) and allows from it', () => {
    expect(allowed('2026-11-25T07:59:00')).toBe(false);
    expect(allowed('2026-11-25T07:59:59')).toBe(false);
    expect(allowed('2026-11-25T08:00:00')).toBe(true);
  });

  it('follows the community’s own hours', () => {
    expect(allowed('2026-11-25T21:00:00', { homeVisitLatest: '21:00' })).toBe(false);
    expect(allowed('2026-11-25T08:30:00', { homeVisitEarliest: '09:00' })).toBe(false);
  });

  it('reads the hour on the Beijing clock, not the machine’s', () => {
    // 14:30 UTC is 22:30 in Beijing.
    expect(isHomeVisitTimeAllowed(new Date('2026-11-25T14:30:00Z'), visitPolicy(), TZ)).toBe(false);
    expect(isHomeVisitTimeAllowed(new Date('2026-11-25T14:30:00Z'), visitPolicy(), 'UTC')).toBe(true);
  });
});
