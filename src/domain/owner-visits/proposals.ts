import { seededRandom } from '../visit/sampling.js';
import { monthIndex } from './month.js';

/** An occupied household the supervisor could visit. */
export interface Household {
  roomId: string;
  buildingId: string;
  /** Where the building sits in the community's order. */
  buildingOrder: number;
}

/** A visit already booked or done (cancelled ones do not count). */
export interface PastVisit {
  roomId: string;
  month: string;
}

/**
 * Whether a household visited in `visitedMonth` may not be visited in `month`: no repeats within
 * the window, counted in whole months either way (a booking next month also blocks this one).
 */
export const isWithinRepeatWindow = (visitedMonth: string, month: string, windowMonths: number): boolean =>
  Math.abs(monthIndex(month) - monthIndex(visitedMonth)) < windowMonths;

/**
 * Proposes up to `count` households for `month`: none visited within the repeat window, spread
 * over the buildings in turn (one from each building before a second from any), those never
 * visited or visited longest ago first, ties broken by a draw seeded with `seed` — the same seed
 * and data give the same proposal, and different months differ.
 */
export function proposeHouseholds(
  households: readonly Household[],
  visits: readonly PastVisit[],
  month: string,
  windowMonths: number,
  count: number,
  seed: string,
): Household[] {
  const lastVisited = new Map<string, number>();
  const blocked = new Set<string>();
  for (const v of visits) {
    if (isWithinRepeatWindow(v.month, month, windowMonths)) blocked.add(v.roomId);
    lastVisited.set(v.roomId, Math.max(lastVisited.get(v.roomId) ?? Number.NEGATIVE_INFINITY, monthIndex(v.month)));
  }
  const random = seededRandom(`${seed}|${month}`);
  const candidates = [...new Map(households.map((h) => [h.roomId, h])).values()]
    .sort((a, b) => (a.roomId < b.roomId ? -1 : a.roomId > b.roomId ? 1 : 0))
    .filter((h) => !blocked.has(h.roomId))
    .map((h) => ({ h, tie: random(), last: lastVisited.get(h.roomId) ?? Number.NEGATIVE_INFINITY }));

  const byBuilding = new Map<string, typeof candidates>();
  for (const c of candidates) byBuilding.set(c.h.buildingId, [...(byBuilding.get(c.h.buildingId) ?? []), c]);
  for (const list of byBuilding.values()) list.sort((a, b) => a.last - b.last || a.tie - b.tie);
  const queues = [...byBuilding.values()].sort(
    (a, b) =>
      (a[0]?.h.buildingOrder ?? 0) - (b[0]?.h.buildingOrder ?? 0) || ((a[0]?.h.buildingId ?? '') < (b[0]?.h.buildingId ?? '') ? -1 : 1),
  );

  const out: Household[] = [];
  for (let round = 0; out.length < count; round++) {
    const picked = queues.map((q) => q[round]).filter((c) => c !== undefined);
    if (picked.length === 0) break;
    for (const c of picked) if (out.length < count) out.push(c.h);
  }
  return out;
}
