import { zoneOffsetMinutes } from '../shared/time-of-day.js';

/**
 * Calendar arithmetic of a parking card's validity, on local dates written 'YYYY-MM-DD'. A card
 * valid from a date for N months runs through the day before the same day N months later; when
 * that month has no such day (from 31 January, one month), it runs through that month's last day.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY = 24 * 60 * 60_000;

/** Whether a string is a real calendar date 'YYYY-MM-DD'. */
export function isLocalDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

const utcOf = (date: string): number => {
  const m = DATE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
};
const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The date `days` days after (or before) `date`. */
export const addDays = (date: string, days: number): string => dateOf(utcOf(date) + days * DAY);

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: string, b: string): number => Math.round((utcOf(b) - utcOf(a)) / DAY);

const daysInMonth = (year: number, monthIndex: number): number => new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();

/** The last day a card valid from `from` for `months` months may be used (inclusive). */
export function cardValidTo(from: string, months: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const target = m - 1 + months;
  const year = y + Math.floor(target / 12);
  const monthIndex = ((target % 12) + 12) % 12;
  const last = daysInMonth(year, monthIndex);
  // No such day in the target month: valid through its last day.
  if (d > last) return dateOf(Date.UTC(year, monthIndex, last));
  return dateOf(Date.UTC(year, monthIndex, d) - DAY);
}

/**
 * The validity after a renewal paid for `months` more: it continues the day after the current end,
 * or starts today when the card has already lapsed (the lapsed days are not paid for).
 */
export function renewedValidity(
  current: { validFrom: string; validTo: string },
  today: string,
  months: number,
): { validFrom: string; validTo: string } {
  const next = addDays(current.validTo, 1);
  if (next >= today) return { validFrom: current.validFrom, validTo: cardValidTo(next, months) };
  return { validFrom: today, validTo: cardValidTo(today, months) };
}

/** The local date of an instant in a time zone. */
export function localDateOf(at: Date, timeZone: string): string {
  return dateOf(at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000);
}

/** The instant a local date begins (local midnight) in a time zone. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const wall = utcOf(date);
  let t = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000;
  t = wall - zoneOffsetMinutes(new Date(t), timeZone) * 60_000;
  return new Date(t);
}
