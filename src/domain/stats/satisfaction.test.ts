import { describe, expect, it } from 'vitest';
import {
  type Mark,
  markOfTicks,
  penalisedRate,
  questionnaireFigures,
  recoveryPenalty,
  recoveryRate,
  satisfactionRate,
} from './satisfaction.js';

const rules = { minRecoveryPercent: 60, penaltyPointsPerPercent: 5 };
const tally = (satisfied: number, basicallySatisfied: number, unsatisfied: number, abstained = 0) => ({
  satisfied,
  basicallySatisfied,
  unsatisfied,
  abstained,
});

describe('the satisfaction rate (满意率)', () => {
  it('counts satisfied and basically satisfied over every counted mark: 30 + 10 of 50 is 80%', () => {
    expect(satisfactionRate(tally(30, 10, 10))).toBe(80);
  });

  it('leaves abstentions out of the rate: 5 abstentions do not change 80%', () => {
    expect(satisfactionRate(tally(30, 10, 10, 5))).toBe(80);
  });

  it('has no rate when nobody answered, or everybody abstained (shown as —)', () => {
    expect(satisfactionRate(tally(0, 0, 0))).toBeUndefined();
    expect(satisfactionRate(tally(0, 0, 0, 7))).toBeUndefined();
  });

  it('is 0% when every counted mark is unsatisfied and 100% when none is', () => {
    expect(satisfactionRate(tally(0, 0, 4))).toBe(0);
    expect(satisfactionRate(tally(0, 3, 0, 2))).toBe(100);
  });
});

describe('a blank or multiply marked item on paper is an abstention (弃权)', () => {
  it('takes exactly one tick as that mark', () => {
    expect(markOfTicks(['basically_satisfied'])).toBe('basically_satisfied');
  });
  it('takes no tick as an abstention', () => {
    expect(markOfTicks([])).toBe('abstained');
  });
  it('takes two or more ticks as an abstention', () => {
    expect(markOfTicks(['satisfied', 'unsatisfied'])).toBe('abstained');
    expect(markOfTicks(['satisfied', 'satisfied'])).toBe('abstained');
  });
});

describe('the recovery penalty (回收率不足60%, 每低1个百分点降低5个百分点)', () => {
  it('is the answered share of the issued households', () => {
    expect(recoveryRate(120, 200)).toBe(60);
    expect(recoveryRate(119, 200)).toBe(59.5);
    expect(recoveryRate(0, 0)).toBeUndefined();
  });

  it('takes nothing off at exactly 60% recovery', () => {
    expect(recoveryPenalty(60, rules)).toBe(0);
    expect(penalisedRate(80, recoveryPenalty(60, rules))).toBe(80);
  });

  it('counts a fraction of a point in proportion: 59.5% is 0.5 point short, 2.5 points off', () => {
    expect(recoveryPenalty(59.5, rules)).toBe(2.5);
    expect(penalisedRate(80, 2.5)).toBe(77.5);
  });

  it('takes 5 points for each whole point short: 50% recovery takes 50 points off 80%', () => {
    expect(recoveryPenalty(50, rules)).toBe(50);
    expect(penalisedRate(80, 50)).toBe(30);
  });

  it('never takes a rate below 0', () => {
    expect(penalisedRate(80, recoveryPenalty(10, rules))).toBe(0);
  });

  it('follows the policy: a 50% minimum and 2 points per point', () => {
    expect(recoveryPenalty(45, { minRecoveryPercent: 50, penaltyPointsPerPercent: 2 })).toBe(10);
  });

  it('keeps an absent rate absent', () => {
    expect(penalisedRate(undefined, 10)).toBeUndefined();
  });
});

describe('the figures of a whole questionnaire', () => {
  const S: Mark = 'satisfied';
  const B: Mark = 'basically_satisfied';
  const U: Mark = 'unsatisfied';
  const A: Mark = 'abstained';

  it('works a small survey by hand: 4 of 10 households answered (40%), 100 points off, floored at 0', () => {
    // item 1: S S B U → 3/4 = 75%; item 2: U U A S → 1/3; item 3 missing on the last answer → abstained.
    const answers: Mark[][] = [
      [S, U, S],
      [S, U, B],
      [B, A, U],
      [U, S],
    ];
    const f = questionnaireFigures(3, answers, 10, rules);
    expect(f.recoveryPercent).toBe(40);
    expect(f.isRecoveryMet).toBe(false);
    expect(f.penaltyPoints).toBe(100);
    expect(f.items[0]).toEqual({ tally: tally(2, 1, 1, 0), rate: 75, finalRate: 0 });
    expect(f.items[1]!.tally).toEqual(tally(1, 0, 2, 1));
    expect(f.items[1]!.rate).toBeCloseTo(100 / 3, 10);
    expect(f.items[2]!.tally).toEqual(tally(1, 1, 1, 1));
    // overall: S 4, B 2, U 4, A 2 → 6/10.
    expect(f.overall.tally).toEqual(tally(4, 2, 4, 2));
    expect(f.overall.rate).toBe(60);
  });

  it('penalises nothing when 3 of 5 households answered (exactly 60%)', () => {
    const f = questionnaireFigures(1, [[S], [B], [U]], 5, rules);
    expect(f.recoveryPercent).toBe(60);
    expect(f.isRecoveryMet).toBe(true);
    expect(f.penaltyPoints).toBe(0);
    expect(f.items[0]!.finalRate).toBeCloseTo(200 / 3, 10);
  });

  it('takes 2.5 points off when 119 of 200 answered (59.5%)', () => {
    const answers: Mark[][] = [...Array(95).fill([S]), ...Array(24).fill([U])];
    const f = questionnaireFigures(1, answers, 200, rules);
    expect(f.recoveryPercent).toBe(59.5);
    expect(f.penaltyPoints).toBe(2.5);
    // 95 / 119 = 79.83193…% → 77.33193…%
    expect(f.items[0]!.finalRate).toBeCloseTo((95 / 119) * 100 - 2.5, 10);
  });

  it('has no rate and the whole penalty when nobody answered', () => {
    const f = questionnaireFigures(2, [], 8, rules);
    expect(f.recoveryPercent).toBe(0);
    expect(f.penaltyPoints).toBe(300);
    expect(f.items.map((i) => i.finalRate)).toEqual([undefined, undefined]);
    expect(f.overall.rate).toBeUndefined();
  });
});
