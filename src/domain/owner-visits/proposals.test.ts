import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type Household, isWithinRepeatWindow, type PastVisit, proposeHouseholds } from './proposals.js';

const households = (buildings: number, perBuilding: number): Household[] =>
  Array.from({ length: buildings }, (_, b) =>
    Array.from({ length: perBuilding }, (_, r) => ({
      roomId: `b${b}-r${String(r).padStart(3, '0')}`,
      buildingId: `b${b}`,
      buildingOrder: b,
    })),
  ).flat();

describe('proposing households to visit', () => {
  it('never proposes a household visited within the repeat window (不能重复访问)', () => {
    const all = households(2, 3);
    const visits: PastVisit[] = [
      { roomId: 'b0-r000', month: '2026-01' },
      { roomId: 'b1-r001', month: '2025-11' },
    ];
    const picked = proposeHouseholds(all, visits, '2026-11', 12, 10, 'seed').map((h) => h.roomId);
    expect(picked).not.toContain('b0-r000');
    // Twelve months on, the household may be visited again.
    expect(picked).toContain('b1-r001');
    expect(picked).toHaveLength(5);
  });

  it('excludes households already booked this month', () => {
    const picked = proposeHouseholds(households(1, 3), [{ roomId: 'b0-r002', month: '2026-11' }], '2026-11', 12, 5, 's');
    expect(picked.map((h) => h.roomId).sort()).toEqual(['b0-r000', 'b0-r001']);
  });

  it('spreads the proposal over the buildings: one from each before a second from any', () => {
    const picked = proposeHouseholds(households(3, 5), [], '2026-11', 12, 7, 's');
    const perBuilding = new Map<string, number>();
    for (const h of picked) perBuilding.set(h.buildingId, (perBuilding.get(h.buildingId) ?? 0) + 1);
    expect([...perBuilding.values()].sort()).toEqual([2, 2, 3]);
    expect(picked.slice(0, 3).map((h) => h.buildingId)).toEqual(['b0', 'b1', 'b2']);
  });

  it('prefers households never visited, then those visited longest ago', () => {
    const all = households(1, 3);
    const visits = [
      { roomId: 'b0-r000', month: '2024-01' },
      { roomId: 'b0-r001', month: '2023-01' },
    ];
    expect(proposeHouseholds(all, visits, '2026-11', 12, 3, 's').map((h) => h.roomId)).toEqual(['b0-r002', 'b0-r001', 'b0-r000']);
  });

  it('gives the same proposal for the same month and data, and a different draw another month', () => {
    const all = households(2, 40);
    const a = proposeHouseholds(all, [], '2026-11', 12, 5, 'yg');
    expect(proposeHouseholds([...all].reverse(), [], '2026-11', 12, 5, 'yg')).toEqual(a);
    expect(proposeHouseholds(all, [], '2026-12', 12, 5, 'yg')).not.toEqual(a);
  });

  it('counts the window in whole months, both ways', () => {
    expect(isWithinRepeatWindow('2025-12', '2026-11', 12)).toBe(true);
    expect(isWithinRepeatWindow('2025-11', '2026-11', 12)).toBe(false);
    expect(isWithinRepeatWindow('2026-12', '2026-11', 12)).toBe(true);
    expect(isWithinRepeatWindow('2026-10', '2026-11', 1)).toBe(false);
  });

  it('proposes distinct, unblocked households, never more than asked nor than there are', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.record({ room: fc.integer({ min: 0, max: 40 }), monthsAgo: fc.integer({ min: 0, max: 30 }) }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 50 }),
        (b, per, raw, count) => {
          const all = households(b, per);
          const visits = raw.map((v) => ({ roomId: all[v.room % all.length]!.roomId, month: monthsBefore('2026-11', v.monthsAgo) }));
          const picked = proposeHouseholds(all, visits, '2026-11', 12, count, 'p');
          const ids = picked.map((h) => h.roomId);
          expect(new Set(ids).size).toBe(ids.length);
          const blocked = new Set(visits.filter((v) => isWithinRepeatWindow(v.month, '2026-11', 12)).map((v) => v.roomId));
          for (const id of ids) expect(blocked.has(id)).toBe(false);
          expect(ids.length).toBe(Math.min(count, all.length - blocked.size));
        },
      ),
    );
  });
});

function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + m - 1 - n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
