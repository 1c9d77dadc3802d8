import chineseDays from 'chinese-days';
import { zoneOffsetMinutes } from '../shared/time-of-day.js';

/** A local calendar date, 'YYYY-MM-DD'. */
export type LocalDate = string;

/**
 * Working days (工作日): Chinese public holidays (法定节假日) are off, make-up working days
 * (调休上班日, a Saturday or Sunday worked in exchange) are on, other weekends are off; a company
 * or community may add its own days off and extra working days.
 */
export interface WorkCalendar {
  isWorkingDay(date: LocalDate): boolean;
  /** The date `n` working days after `from` (n = 0: `from` itself if it is a working day, else the next one). */
  addWorkingDays(from: LocalDate, n: number): LocalDate;
  /** The same, counted from the local date of an instant in a time zone. */
  addWorkingDaysFrom(at: Date, n: number, timeZone: string): LocalDate;
  /** Working days strictly after `from` up to and including `to`. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
}

/** Per-company (or per-community) changes to the national calendar. */
export interface CalendarExceptions {
  /** Extra days off (e.g. a local holiday). */
  extraHolidays: readonly LocalDate[];
  /** Extra working days (a weekend the office works). Wins over a holiday on the same date. */
  extraWorkingDays: readonly LocalDate[];
}

const localDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The date `days` calendar days after `date`. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The local date of an instant in a time zone. */
export function localDateOf(at: Date, timeZone: string): LocalDate {
  return new Date(at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The national working-day calendar (data of the `chinese-days` package, official State Council
 * schedules; its data covers 2004 to the latest published year, 2026 at the time of writing; later
 * years fall back to plain weekends until the package is updated) with a company's exceptions.
 */
export function chineseWorkCalendar(exceptions: CalendarExceptions = { extraHolidays: [], extraWorkingDays: [] }): WorkCalendar {
  const extraOff = new Set(exceptions.extraHolidays);
  const extraOn = new Set(exceptions.extraWorkingDays);
  const isWorkingDay = (date: LocalDate): boolean => {
    if (!localDatePattern.test(date)) throw new RangeError(`Not a local date: ${date}`);
    if (extraOn.has(date)) return true;
    if (extraOff.has(date)) return false;
    return chineseDays.isWorkday(date);
  };
  const addWorkingDays = (from: LocalDate, n: number): LocalDate => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${n}`);
    let date = from;
    while (!isWorkingDay(date)) date = addDays(date, 1);
    for (let left = n; left > 0; ) {
      date = addDays(date, 1);
      if (isWorkingDay(date)) left--;
    }
    return date;
  };
  return {
    isWorkingDay,
    addWorkingDays,
    addWorkingDaysFrom: (at, n, timeZone) => addWorkingDays(localDateOf(at, timeZone), n),
    workingDaysBetween(from, to) {
      let count = 0;
      for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (isWorkingDay(date)) count++;
      return count;
    },
  };
}
