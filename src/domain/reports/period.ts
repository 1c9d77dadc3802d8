import { zoneOffsetMinutes } from '../shared/time-of-day.js';

/** A report's month, 'YYYY-MM'. */
export type Period = string;

export const periodPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The local midnight starting day `day` of a month, as an instant, in the given time zone. */
function localMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const utc = new Date(Date.UTC(year, month - 1, day));
  // Two passes: the offset at the guessed instant, then at the corrected one (a zone may shift between).
  const first = new Date(utc.getTime() - zoneOffsetMinutes(utc, timeZone) * 60_000);
  return new Date(utc.getTime() - zoneOffsetMinutes(first, timeZone) * 60_000);
}

const parts = (period: Period): [number, number] => period.split('-').map(Number) as [number, number];

/** The month after `period`. */
export function nextPeriod(period: Period): Period {
  const [y, m] = parts(period);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The month before `period`. */
export function previousPeriod(period: Period): Period {
  const [y, m] = parts(period);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The month `at` falls in, in the community's time zone. */
export function periodOf(at: Date, timeZone: string): Period {
  const local = new Date(at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month as [from, to) instants in the community's time zone. */
export function periodBounds(period: Period, timeZone: string): { from: Date; to: Date } {
  const [y, m] = parts(period);
  const [ny, nm] = parts(nextPeriod(period));
  return { from: localMidnight(y, m, 1, timeZone), to: localMidnight(ny, nm, 1, timeZone) };
}

/**
 * When a month's report is due at the company complaint centre: "by the 5th of the next month"
 * (下月5日前 [003]) is read as by the end of that day, so it is overdue from the next local midnight.
 */
export function reportDueAt(period: Period, dueDay: number, timeZone: string): Date {
  const [y, m] = parts(nextPeriod(period));
  return localMidnight(y, m, dueDay + 1, timeZone);
}

/** Whether a month is over (its report can be made), as of `now` in the community's time zone. */
export function isPeriodOver(period: Period, now: Date, timeZone: string): boolean {
  return periodBounds(period, timeZone).to.getTime() <= now.getTime();
}
