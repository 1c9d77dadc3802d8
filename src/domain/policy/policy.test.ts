import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPolicy, effectivePolicy, type PolicyOverride, policyOverrideSchema, policySchema, repairPolicySchema } from './policy.js';

describe('policy defaults: the numbers of domain.md §3', () => {
  it('has the procedure’s numbers unless a company or community changes them', () => {
    // Every section but the repair's is tested with its own process; the deposit's deadline is §6's.
    const { repair, timezone, ...sections } = defaultPolicy();
    expect(Object.values(sections).every((section) => typeof section === 'object')).toBe(true);
    expect(sections.renovation.depositRefundWorkingDays).toBe(7);
    const repairAndZone = { repair, timezone };
    expect(repairAndZone).toEqual({
      repair: {
        grabMinutes: 5, // nobody grabs within 5 min → chase the supervisor [002]
        acceptMinutes: 15, // order in the technician's hands within 15 min [000]
        urgentArrivalMinutes: 20, // urgent: on site within 20 min or apologise [002]
        immediateArrivalMinutes: 15, // immediate repairs on site within 15 min [003]
        progressChaseMinutes: 120, // 2 h with no progress → chase the team lead [002]
        sameDayCutoff: '24:00', // not done the same day → escalate [002]
        escalationIntervalMinutes: 240,
        escalationChain: ['eng_supervisor', 'director', 'company_manager'], // supervisor → project manager → up
        quoteMinutes: 5, // out-of-scope: feasibility and fee within 5 min [002]
        visitWithinHours: 24,
        codeMaxAttempts: 5,
        maxPromiseChanges: 3, // T3 rewritable up to three times [002]
        paidCopies: 3, // desk, finance, resident [002]
        freeCopies: 2,
      },
      timezone: 'Asia/Shanghai',
    });
  });

  it('is what you get with no overrides at all', () => {
    expect(effectivePolicy()).toEqual(defaultPolicy());
    expect(effectivePolicy(null, undefined, {})).toEqual(defaultPolicy());
    expect(effectivePolicy({ repair: {} }, { repair: {} })).toEqual(defaultPolicy());
  });

  it('hands every caller its own copy', () => {
    const a = defaultPolicy();
    a.repair.grabMinutes = 99;
    a.repair.escalationChain.push('cs_manager');
    const b = effectivePolicy();
    b.repair.escalationChain.pop();
    expect(defaultPolicy()).toEqual(effectivePolicy());
    expect(defaultPolicy().repair.escalationChain).toEqual(['eng_supervisor', 'director', 'company_manager']);
    expect(defaultPolicy().repair.grabMinutes).toBe(5);
  });
});

describe('effectivePolicy: defaults, then the company, then the community', () => {
  it('uses the community override of the grab time', () => {
    const company: PolicyOverride = { repair: { grabMinutes: 10, acceptMinutes: 30 } };
    const community: PolicyOverride = { repair: { grabMinutes: 3 } };
    const p = effectivePolicy(company, community).repair;
    expect(p.grabMinutes).toBe(3);
    expect(p.acceptMinutes).toBe(30); // the company's, untouched by the community
    expect(p.urgentArrivalMinutes).toBe(20); // the default, untouched by either
  });

  it('uses the company’s setting where the community says nothing', () => {
    expect(effectivePolicy({ repair: { sameDayCutoff: '18:00' } }, null).repair.sameDayCutoff).toBe('18:00');
    expect(effectivePolicy({ repair: { sameDayCutoff: '18:00' } }, { repair: { grabMinutes: 7 } }).repair.sameDayCutoff).toBe('18:00');
  });

  it('does not let a field the community left undefined erase the company’s value', () => {
    expect(effectivePolicy({ repair: { grabMinutes: 10 } }, { repair: { grabMinutes: undefined } }).repair.grabMinutes).toBe(10);
  });

  it('keeps the company’s other numbers after the community’s override has been validated', () => {
    // The server validates what an administrator sends with policyOverrideSchema before storing it.
    const company = policyOverrideSchema.parse({ repair: { acceptMinutes: 30, codeMaxAttempts: 3 }, timezone: 'Asia/Urumqi' });
    const community = policyOverrideSchema.parse({ repair: { grabMinutes: 3 } });
    expect(community).toEqual({ repair: { grabMinutes: 3 } });
    const p = effectivePolicy(company, community);
    expect(p.repair).toMatchObject({ grabMinutes: 3, acceptMinutes: 30, codeMaxAttempts: 3 });
    expect(p.timezone).toBe('Asia/Urumqi');
  });

  it('replaces the escalation chain as a whole', () => {
    const p = effectivePolicy(
      { repair: { escalationChain: ['eng_supervisor', 'cs_manager'] } },
      { repair: { escalationChain: ['director'] } },
    );
    expect(p.repair.escalationChain).toEqual(['director']);
  });

  it('lets the community change the time zone, and the last word wins', () => {
    expect(effectivePolicy({ timezone: 'Asia/Hong_Kong' }, { timezone: 'Asia/Urumqi' }).timezone).toBe('Asia/Urumqi');
    expect(effectivePolicy({ timezone: 'Asia/Hong_Kong' }, {}).timezone).toBe('Asia/Hong_Kong');
  });

  it('does not change the overrides it is given', () => {
    const company = Object.freeze({ repair: Object.freeze({ grabMinutes: 10 }) });
    const community = Object.freeze({ repair: Object.freeze({ acceptMinutes: 20 }) });
    expect(effectivePolicy(company, community).repair).toMatchObject({ grabMinutes: 10, acceptMinutes: 20 });
    expect(company).toEqual({ repair: { grabMinutes: 10 } });
  });

  it('applies overrides field by field, the later one winning (property)', () => {
    const fields = {
      grabMinutes: fc.integer({ min: 1, max: 600 }),
      acceptMinutes: fc.integer({ min: 1, max: 600 }),
      progressChaseMinutes: fc.integer({ min: 1, max: 6000 }),
      codeMaxAttempts: fc.integer({ min: 1, max: 20 }),
      maxPromiseChanges: fc.integer({ min: 0, max: 10 }),
      sameDayCutoff: fc.constantFrom('00:00', '12:30', '18:00', '23:59', '24:00'),
    };
    const override = fc.record(fields, { requiredKeys: [] });
    fc.assert(
      fc.property(override, override, (company, community) => {
        const p = effectivePolicy({ repair: company }, { repair: community }).repair;
        const d = defaultPolicy().repair;
        for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
          expect(p[key]).toEqual(community[key] ?? company[key] ?? d[key]);
        }
        // Validating the overrides first changes nothing.
        const parsed = effectivePolicy(
          policyOverrideSchema.parse({ repair: company }),
          policyOverrideSchema.parse({ repair: community }),
        ).repair;
        expect(parsed).toEqual(p);
      }),
      { numRuns: 300 },
    );
  });
});

describe('refusing nonsense policies', () => {
  it.each([
    ['grabMinutes', 0],
    ['grabMinutes', -5],
    ['grabMinutes', 2.5],
    ['grabMinutes', 60 * 24 * 30 + 1],
    ['codeMaxAttempts', 0],
    ['maxPromiseChanges', -1],
    ['maxPromiseChanges', 11],
    ['visitWithinHours', 0],
    ['sameDayCutoff', '24:30'],
    ['sameDayCutoff', '25:00'],
    ['sameDayCutoff', '7:00'],
    ['sameDayCutoff', '18:60'],
    ['sameDayCutoff', '18:00 '],
    ['escalationChain', []],
    ['escalationChain', ['technician']],
  ])('refuses %s = %j', (field, value) => {
    expect(() => effectivePolicy({ repair: { [field]: value } as PolicyOverride['repair'] })).toThrow();
    expect(() => policyOverrideSchema.parse({ repair: { [field]: value } })).toThrow();
  });

  it.each(['00:00', '09:30', '18:00', '23:59', '24:00'])('accepts the cutoff %s', (cutoff) => {
    expect(effectivePolicy({ repair: { sameDayCutoff: cutoff } }).repair.sameDayCutoff).toBe(cutoff);
  });

  it('accepts the extremes of every number', () => {
    expect(() =>
      repairPolicySchema.parse({ grabMinutes: 1, maxPromiseChanges: 0, codeMaxAttempts: 20, visitWithinHours: 720 }),
    ).not.toThrow();
  });

  it('refuses a time zone that does not exist, which would otherwise break every deadline', () => {
    expect(() => effectivePolicy({ timezone: 'Asia/Beijing' })).toThrow();
    expect(() => policyOverrideSchema.parse({ timezone: 'Mars/Olympus' })).toThrow();
    expect(() => policySchema.parse({ timezone: '' })).toThrow();
    expect(effectivePolicy({ timezone: 'UTC' }).timezone).toBe('UTC');
  });
});

describe('policy sections of the other ticket kinds', () => {
  it('merges nested values field by field, so a community changing one leaves the company’s others', () => {
    const company = { visit: { withinHoursByKind: { complaint: 72 } }, complaint: { contactMinutes: 90 } };
    const community = { visit: { withinHoursByKind: { repair: 12 } } };
    const p = effectivePolicy(policyOverrideSchema.parse(company), policyOverrideSchema.parse(community));
    expect(p.visit.withinHoursByKind).toEqual({ repair: 12, complaint: 72, matter: 168 });
    expect(p.complaint.contactMinutes).toBe(90);
    expect(p.repair.grabMinutes).toBe(5);
  });

  it('stores only what an override names, and refuses fields it does not know', () => {
    expect(policyOverrideSchema.parse({ visit: { samplingPercent: { office: 8 } } })).toEqual({
      visit: { samplingPercent: { office: 8 } },
    });
    expect(policyOverrideSchema.safeParse({ repair: { grabMinute: 3 } }).success).toBe(false);
  });
});
