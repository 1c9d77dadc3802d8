import { zoneOffsetMinutes } from '../shared/time-of-day.js';

/** A month as users write it: 'YYYY-MM'. */
export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Months since year 0: the distance between two months is a subtraction. */
export function monthIndex(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
}

/** The month `delta` months after `month` (before, when negative). */
export function addMonths(month: string, delta: number): string {
  const i = monthIndex(month) + delta;
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The local wall clock of an instant, written as if it were UTC. */
function wall(at: Date, timeZone: string): Date {
  return new Date(at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000);
}

/** The local month of an instant. */
export function monthOf(at: Date, timeZone: string): string {
  return wall(at, timeZone).toISOString().slice(0, 7);
}

/** The local date 'YYYY-MM-DD' of an instant. */
export function localDate(at: Date, timeZone: string): string {
  return wall(at, timeZone).toISOString().slice(0, 10);
}

/** The local time 'HH:MM' of an instant. */
export function localTime(at: Date, timeZone: string): string {
  return wall(at, timeZone).toISOString().slice(11, 16);
}

/** A month's [from, to) instants in a time zone. */
export function monthBounds(month: string, timeZone: string): { from: Date; to: Date } {
  const at = (m: string) => {
    const utc = new Date(`${m}-01T00:00:00Z`);
    return new Date(utc.getTime() - zoneOffsetMinutes(utc, timeZone) * 60_000);
  };
  return { from: at(month), to: at(addMonths(month, 1)) };
}
