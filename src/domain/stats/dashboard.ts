import { addDays, daysBetween, type LocalDate, localDateOf } from '../calendar/work-calendar.js';
import { zoneOffsetMinutes } from '../shared/time-of-day.js';

/**
 * The dashboards' figures (domain.md §9) as plain arithmetic over counts the database gives:
 * averages, shares and the satisfaction formula. Nothing to divide by gives null ("no data"),
 * never 0% or 100%, so an empty month does not look like a perfect or a failed one.
 */

/** A share in percent with one decimal; null when the denominator is zero. */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** An average in minutes with one decimal, from a total in milliseconds; null when nothing was measured. */
export function averageMinutes(totalMs: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.round(totalMs / count / 6000) / 10;
}

export interface SatisfactionCounts {
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
}

/** 满意率 = (满意 + 基本满意) / (满意 + 基本满意 + 不满意) × 100% (seed [003]). */
export function satisfactionRate(c: SatisfactionCounts): number | null {
  const content = c.satisfied + c.basicallySatisfied;
  return percentOf(content, content + c.unsatisfied);
}

/** Adds two sets of satisfaction counts. */
export function addSatisfaction(a: SatisfactionCounts, b: SatisfactionCounts): SatisfactionCounts {
  return {
    satisfied: a.satisfied + b.satisfied,
    basicallySatisfied: a.basicallySatisfied + b.basicallySatisfied,
    unsatisfied: a.unsatisfied + b.unsatisfied,
  };
}

/** A timer met in time (cancelled by the step it waited for) against one that fired. */
export function onTimeRate(onTime: number, late: number): number | null {
  return percentOf(onTime, onTime + late);
}

/** 投诉率: complaints per household of the community, in percent (target below 1% [004]). */
export function complaintRate(complaints: number, households: number): number | null {
  return percentOf(complaints, households);
}

/** 回访率: visits done of the visits due (target 100%). */
export function visitRate(done: number, due: number): number | null {
  return percentOf(done, due);
}

/** 返修率: orders reopened after completion of the orders of the period. */
export function reopenRate(reopened: number, orders: number): number | null {
  return percentOf(reopened, orders);
}

export type PeriodPreset = 'this_month' | 'last_month' | 'last_30_days';

/** A period of whole local days, both ends included. */
export interface LocalPeriod {
  from: LocalDate;
  to: LocalDate;
}

/** The local days a preset covers on the day `now` falls on. */
export function presetPeriod(preset: PeriodPreset, now: Date, timeZone: string): LocalPeriod {
  const today = localDateOf(now, timeZone);
  const firstOfMonth = `${today.slice(0, 8)}01`;
  switch (preset) {
    case 'this_month':
      return { from: firstOfMonth, to: today };
    case 'last_month': {
      const lastDay = addDays(firstOfMonth, -1);
      return { from: `${lastDay.slice(0, 8)}01`, to: lastDay };
    }
    case 'last_30_days':
      return { from: addDays(today, -29), to: today };
  }
}

/** The instant a local day starts in a time zone. */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`);
  const guess = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000;
  return new Date(wall - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000);
}

/** The half-open interval of instants [from, to) a local period covers. */
export function periodInstants(period: LocalPeriod, timeZone: string): { from: Date; to: Date } {
  return { from: startOfLocalDay(period.from, timeZone), to: startOfLocalDay(addDays(period.to, 1), timeZone) };
}

/** Whether a period reads forwards and is not longer than `maxDays` (a dashboard's window). */
export function isSensiblePeriod(period: LocalPeriod, maxDays: number): boolean {
  const days = daysBetween(period.from, period.to);
  return days >= 0 && days < maxDays;
}

/** Every local day of a period with its counts, days without any filled with zeros. */
export function dailySeries(
  period: LocalPeriod,
  counts: readonly { date: LocalDate; orders: number; complaints: number }[],
): { date: LocalDate; orders: number; complaints: number }[] {
  const byDate = new Map(counts.map((c) => [c.date, c]));
  const days = daysBetween(period.from, period.to);
  const series = [];
  for (let i = 0; i <= days; i++) {
    const date = addDays(period.from, i);
    const c = byDate.get(date);
    series.push({ date, orders: c?.orders ?? 0, complaints: c?.complaints ?? 0 });
  }
  return series;
}
