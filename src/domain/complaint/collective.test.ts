import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { bigrams, type CollectiveCandidate, mergeIntoCollective, proposeCollectiveCases, textSimilarity } from './collective.js';
import { recordComplaint } from './decide.js';
import { bj, CLERK, complaintPolicy, household, newComplaint, T0 } from './test-support.js';

const policy = complaintPolicy();

/** How residents of building 3 described the lift breaking down on the morning of 25 November. */
const liftTexts = [
  '3号楼电梯坏了，困了人，一直没人来修',
  '3号楼的电梯又坏了，到现在没人修',
  '电梯坏了一上午了，3号楼老人下不了楼',
  '3号楼电梯停运，没人修理，太不负责',
  '投诉3号楼电梯坏了没人修',
  '3号楼电梯坏了！！！',
];

const candidate = (n: number, over: Partial<CollectiveCandidate> = {}): CollectiveCandidate => ({
  complaintId: `cmp-${n}`,
  householdIds: [`hh-${n}`],
  placeKey: 'building:3',
  at: bj(`2026-11-25T${String(8 + n).padStart(2, '0')}:00:00`),
  text: liftTexts[(n - 1) % liftTexts.length] as string,
  ...over,
});
const five = () => [1, 2, 3, 4, 5].map((n) => candidate(n));

describe('text similarity without spaces: character bigrams', () => {
  it('cuts Chinese into overlapping pairs of characters, ignoring punctuation and spaces', () => {
    expect([...bigrams('电梯坏了！')]).toEqual(['电梯', '梯坏', '坏了']);
    expect([...bigrams(' 电 梯 ')]).toEqual(['电梯']);
    expect([...bigrams('漏')]).toEqual(['漏']);
    expect(bigrams('，。！').size).toBe(0);
  });

  it('folds full-width letters and digits and case', () => {
    expect(textSimilarity('３号楼ＡＢ', '3号楼ab')).toBe(1);
  });

  it('scores one event told differently above the threshold, and different matters below it', () => {
    expect(textSimilarity(liftTexts[0]!, liftTexts[4]!)).toBeGreaterThanOrEqual(policy.collectiveSimilarity);
    expect(textSimilarity(liftTexts[1]!, liftTexts[3]!)).toBeGreaterThanOrEqual(policy.collectiveSimilarity);
    expect(textSimilarity(liftTexts[0]!, '楼下烧烤店油烟太大，晚上吵得睡不着')).toBeLessThan(policy.collectiveSimilarity);
    expect(textSimilarity(liftTexts[0]!, '物业费为什么又涨了')).toBeLessThan(policy.collectiveSimilarity);
    expect(textSimilarity('', '电梯')).toBe(0);
  });

  it('is symmetric, between 0 and 1, and 1 for the same text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }), (a, b) => {
        const s = textSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(textSimilarity(b, a)).toBe(s);
        if (bigrams(a).size > 0) expect(textSimilarity(a, a)).toBe(1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('proposing collective cases (五户或以上，同一事件，同时 [003])', () => {
  it('proposes five households of one building complaining of the lift within the morning', () => {
    expect(proposeCollectiveCases(five(), policy)).toEqual([
      {
        complaintIds: ['cmp-1', 'cmp-2', 'cmp-3', 'cmp-4', 'cmp-5'],
        householdIds: ['hh-1', 'hh-2', 'hh-3', 'hh-4', 'hh-5'],
        placeKey: 'building:3',
        firstAt: bj('2026-11-25T09:00:00'),
        lastAt: bj('2026-11-25T13:00:00'),
      },
    ]);
  });

  it('proposes nothing for four households', () => {
    expect(proposeCollectiveCases(five().slice(0, 4), policy)).toEqual([]);
  });

  it('counts households, not complaints: one household calling five times is not collective', () => {
    const sameHousehold = five().map((c) => ({ ...c, householdIds: ['hh-1'] }));
    expect(proposeCollectiveCases(sameHousehold, policy)).toEqual([]);
    // …while three complaints signed by five households are.
    const joint = [
      candidate(1, { householdIds: ['hh-1', 'hh-2'] }),
      candidate(2, { householdIds: ['hh-3', 'hh-4'] }),
      candidate(3, { householdIds: ['hh-5', 'hh-1'] }),
    ];
    expect(proposeCollectiveCases(joint, policy)[0]?.householdIds).toEqual(['hh-1', 'hh-2', 'hh-3', 'hh-4', 'hh-5']);
  });

  it('proposes nothing when the five are about different buildings', () => {
    const spread = five().map((c, i) => ({ ...c, placeKey: i < 3 ? 'building:3' : 'building:4' }));
    expect(proposeCollectiveCases(spread, policy)).toEqual([]);
  });

  it('never groups complaints that name no building or facility', () => {
    expect(
      proposeCollectiveCases(
        five().map((c) => ({ ...c, placeKey: null })),
        policy,
      ),
    ).toEqual([]);
  });

  it('proposes nothing when the fifth comes outside the 24 h window, and does with a longer window', () => {
    const late = [...five().slice(0, 4), candidate(5, { at: bj('2026-11-26T09:00:01') })];
    expect(proposeCollectiveCases(late, policy)).toEqual([]);
    // Exactly 24 h after the first is still the same time.
    expect(proposeCollectiveCases([...five().slice(0, 4), candidate(5, { at: bj('2026-11-26T09:00:00') })], policy)).toHaveLength(1);
    expect(proposeCollectiveCases(late, complaintPolicy({ collectiveWindowHours: 48 }))).toHaveLength(1);
  });

  it('keeps a different matter of the same building out of the case', () => {
    const withNoise = [...five(), candidate(6, { householdIds: ['hh-9'], text: '楼下烧烤店油烟太大，晚上吵得睡不着' })];
    const [p] = proposeCollectiveCases(withNoise, policy);
    expect(p?.complaintIds).toEqual(['cmp-1', 'cmp-2', 'cmp-3', 'cmp-4', 'cmp-5']);
  });

  it('proposes nothing when five households complain of five different things', () => {
    const texts = ['电梯坏了', '物业费涨了', '绿化带没人修剪', '地下车库漏水', '晚上广场舞太吵'];
    expect(
      proposeCollectiveCases(
        texts.map((text, i) => candidate(i + 1, { text })),
        policy,
      ),
    ).toEqual([]);
  });

  it('finds two cases at once, in two buildings, and ignores the order complaints are given in', () => {
    const b4 = five().map((c) => ({
      ...c,
      complaintId: `${c.complaintId}-b4`,
      householdIds: [`b4-${c.householdIds[0]}`],
      placeKey: 'building:4',
    }));
    const all = [...b4, ...five()].reverse();
    const cases = proposeCollectiveCases(all, policy);
    expect(cases.map((c) => c.placeKey).sort()).toEqual(['building:3', 'building:4']);
    // Every third complaint: another order, the same cases.
    const interleaved = all.map((_, i) => all[(i * 3) % all.length]!);
    expect(new Set(interleaved).size).toBe(all.length);
    expect(proposeCollectiveCases(interleaved, policy)).toEqual(cases);
  });

  it('only proposes groups that meet the policy (property)', () => {
    const textArb = fc.constantFrom(...liftTexts, '物业费涨了', '油烟太大', '车库漏水严重');
    const candArb = fc.record({
      complaintId: fc.uuid(),
      householdIds: fc.array(fc.constantFrom('h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7'), { minLength: 1, maxLength: 2 }),
      placeKey: fc.constantFrom('building:3', 'building:4', null),
      at: fc.integer({ min: 0, max: 72 * 60 }).map((m) => new Date(T0.getTime() + m * 60_000)),
      text: textArb,
    });
    fc.assert(
      fc.property(fc.uniqueArray(candArb, { selector: (c) => c.complaintId, maxLength: 25 }), (cands) => {
        const byId = new Map(cands.map((c) => [c.complaintId, c]));
        const seen = new Set<string>();
        for (const p of proposeCollectiveCases(cands, policy)) {
          const members = p.complaintIds.map((id) => byId.get(id)!);
          expect(new Set(p.householdIds).size).toBeGreaterThanOrEqual(policy.collectiveMinHouseholds);
          expect(new Set(p.householdIds)).toEqual(new Set(members.flatMap((m) => m.householdIds)));
          for (const m of members) {
            expect(m.placeKey).toBe(p.placeKey);
            expect(m.at.getTime() - p.firstAt.getTime()).toBeLessThanOrEqual(policy.collectiveWindowHours * 3_600_000);
            expect(seen.has(m.complaintId)).toBe(false);
            seen.add(m.complaintId);
            if (members.length > 1) {
              expect(members.some((o) => o !== m && textSimilarity(o.text, m.text) >= policy.collectiveSimilarity)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('merging into one collective case, keeping every household', () => {
  const complaintOf = (n: number, hh: number[], over = {}) =>
    newComplaint({
      id: `cmp-${n}`,
      complainant: { name: `业主${n}`, phone: null, residentId: `res-${n}` },
      households: hh.map((h) => household(h, `res-${h}`)),
      content: liftTexts[n - 1] as string,
      createdAt: bj(`2026-11-25T${String(8 + n).padStart(2, '0')}:00:00`),
      ...over,
    });

  it('keeps every household once, in the order they complained, and every complaint’s words', () => {
    const merged = mergeIntoCollective([complaintOf(3, [3, 1]), complaintOf(1, [1]), complaintOf(2, [2]), complaintOf(4, [4, 5])]);
    expect(merged.households.map((h) => h.householdId)).toEqual(['hh-1', 'hh-2', 'hh-3', 'hh-4', 'hh-5']);
    expect(merged.mergedFromIds).toEqual(['cmp-1', 'cmp-2', 'cmp-3', 'cmp-4']);
    expect(merged.complainant.name).toBe('业主1');
    expect(merged.content.split('\n')).toHaveLength(4);
    expect(merged.content).toContain('业主3（3栋1单元103、3栋1单元101）');
    expect(merged.placeKey).toBe('building:3');
  });

  it('owes a written reply if any of them was written, and the centre a report if any was forwarded', () => {
    const merged = mergeIntoCollective([
      complaintOf(1, [1]),
      complaintOf(2, [2], { form: 'written', channel: 'letter', isForwarded: true }),
    ]);
    expect(merged.form).toBe('written');
    expect(merged.isForwarded).toBe(true);
  });

  it('gives an intake the desk records as it stands, which may then be classified collective', () => {
    const merged = mergeIntoCollective([1, 2, 3, 4, 5].map((n) => complaintOf(n, [n])));
    const r = recordComplaint('cmp-c', merged, { actor: CLERK, policy, now: T0 });
    expect(r.complaint.households).toHaveLength(5);
    expect(r.complaint.mergedFromIds).toHaveLength(5);
  });

  it.each([
    [[], 'required'],
    [[1, 1], 'duplicate_complaint'],
  ])('refuses to merge %j', (ids, code) => {
    const err = (() => {
      try {
        mergeIntoCollective(ids.map((n) => complaintOf(n, [n])));
      } catch (e) {
        return e as DomainError;
      }
      throw new Error('expected a refusal');
    })();
    expect(err).toBeInstanceOf(DomainError);
    expect(err.code).toBe(code);
    expect(err.fields[0]?.field).toBe('complaintIds');
  });

  it('refuses to merge complaints about different buildings', () => {
    expect(() => mergeIntoCollective([complaintOf(1, [1]), complaintOf(2, [2], { placeKey: 'building:4' })])).toThrow(/same building/);
  });
});
