/**
 * Pareto analysis of the dissatisfied items (关键的少数, seed [003] §6.4): the items sorted by
 * their share of all "unsatisfied" marks, largest first, with the cumulative share.
 *
 * Main improvement items (主要改进事项) follow the seed's words "不满意项目的累积百分率在80%内的":
 * the items whose cumulative share is within the threshold, the threshold itself included (≤ 80%);
 * the item that carries the cumulative share past the threshold is NOT one. One exception: when the
 * largest item alone is past the threshold it is still the main improvement item (a single item
 * holding most of the dissatisfaction is the vital few; the seed cannot mean there is none).
 * Items nobody was unsatisfied with are left out. Equal counts keep the order they were given in.
 */

export interface ParetoInput<K> {
  key: K;
  count: number;
}

export interface ParetoRow<K> {
  key: K;
  count: number;
  /** This item's share of all counts, in percent. */
  sharePercent: number;
  /** The shares of this item and every item before it, in percent. */
  cumulativePercent: number;
  isMain: boolean;
}

/** The Pareto rows of the items with a count above 0; the main items cover `thresholdPercent`. */
export function pareto<K>(items: readonly ParetoInput<K>[], thresholdPercent: number): ParetoRow<K>[] {
  const kept = items
    .map((item, order) => ({ ...item, order }))
    .filter((i) => i.count > 0)
    .sort((a, b) => b.count - a.count || a.order - b.order);
  const total = kept.reduce((s, i) => s + i.count, 0);
  let running = 0;
  return kept.map((i, index) => {
    running += i.count;
    // Compared in whole counts, so 4 of 5 is exactly 80% and never 80.00000000000001%.
    const isWithin = running * 100 <= thresholdPercent * total;
    return {
      key: i.key,
      count: i.count,
      sharePercent: (i.count / total) * 100,
      cumulativePercent: (running / total) * 100,
      isMain: isWithin || index === 0,
    };
  });
}
