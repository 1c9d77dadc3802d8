import { describe, expect, it } from 'vitest';
import { pareto } from './pareto.js';

const item = (key: string, count: number) => ({ key, count });

describe('the Pareto analysis of the dissatisfied items (关键的少数)', () => {
  it('sorts the items by their share of all unsatisfied marks, with the cumulative share', () => {
    // 2 + 10 + 5 + 3 = 20 unsatisfied marks: 保安 10 (50%), 保洁 5 (75%), 维修 3 (90%), 绿化 2 (100%).
    const rows = pareto([item('绿化', 2), item('保安', 10), item('保洁', 5), item('维修', 3), item('收费', 0)], 80);
    expect(rows.map((r) => [r.key, r.count, r.sharePercent, r.cumulativePercent])).toEqual([
      ['保安', 10, 50, 50],
      ['保洁', 5, 25, 75],
      ['维修', 3, 15, 90],
      ['绿化', 2, 10, 100],
    ]);
  });

  it('makes the items within 80% cumulative the main improvement items, not the one that crosses 80%', () => {
    const rows = pareto([item('绿化', 2), item('保安', 10), item('保洁', 5), item('维修', 3)], 80);
    expect(rows.filter((r) => r.isMain).map((r) => r.key)).toEqual(['保安', '保洁']);
  });

  it('includes an item whose cumulative share is exactly 80%', () => {
    const rows = pareto([item('a', 10), item('b', 6), item('c', 4)], 80);
    expect(rows.map((r) => r.cumulativePercent)).toEqual([50, 80, 100]);
    expect(rows.filter((r) => r.isMain).map((r) => r.key)).toEqual(['a', 'b']);
  });

  it('keeps the largest item as the main one even when it alone is past 80%', () => {
    const rows = pareto([item('a', 1), item('b', 9)], 80);
    expect(rows.map((r) => [r.key, r.isMain])).toEqual([
      ['b', true],
      ['a', false],
    ]);
  });

  it('leaves out items nobody was unsatisfied with, and returns nothing when nobody was', () => {
    expect(pareto([item('a', 0), item('b', 0)], 80)).toEqual([]);
  });

  it('keeps the given order between equal counts', () => {
    const rows = pareto([item('x', 3), item('y', 3), item('z', 3)], 80);
    expect(rows.map((r) => r.key)).toEqual(['x', 'y', 'z']);
    // 33.3%, 66.7% within 80%; 100% past it.
    expect(rows.map((r) => r.isMain)).toEqual([true, true, false]);
  });

  it('follows the policy threshold', () => {
    const rows = pareto([item('a', 5), item('b', 3), item('c', 2)], 50);
    expect(rows.filter((r) => r.isMain).map((r) => r.key)).toEqual(['a']);
  });
});
