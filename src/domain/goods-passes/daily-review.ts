import { zoneOffsetMinutes } from '../shared/time-of-day.js';

/** The local calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDay(at: Date, timeZone: string): string {
  return new Date(at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000).toISOString().slice(0, 10);
}

/** The first instant of a local day and of the day after, in a time zone. */
export function localDayBounds(day: string, timeZone: string): { start: Date; end: Date } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const at = (wall: number) => new Date(wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000);
  return { start: at(Date.UTC(y, m - 1, d)), end: at(Date.UTC(y, m - 1, d + 1)) };
}

/** What happened to one pass, as the daily check reads it. */
export interface PassDay {
  status: string;
  issuedAt: Date | null;
  releasedAt: Date | null;
  returnedAt: Date | null;
  endedAt: Date | null;
}

export interface DayCounts {
  issued: number;
  released: number;
  returned: number;
  expired: number;
  cancelled: number;
  /** Issued that day and still waiting at the gate. */
  open: number;
}

/**
 * 保安经理每天核对: the day's passes counted by what happened to them that day. A pass issued
 * and released the same day counts in both columns.
 */
export function countDay(passes: PassDay[], bounds: { start: Date; end: Date }): DayCounts {
  const inDay = (d: Date | null) => d !== null && d >= bounds.start && d < bounds.end;
  const counts: DayCounts = { issued: 0, released: 0, returned: 0, expired: 0, cancelled: 0, open: 0 };
  for (const p of passes) {
    if (inDay(p.issuedAt)) {
      counts.issued++;
      if (p.status === 'issued') counts.open++;
    }
    if (inDay(p.releasedAt)) counts.released++;
    if (inDay(p.returnedAt)) counts.returned++;
    if (inDay(p.endedAt) && p.status === 'expired') counts.expired++;
    if (inDay(p.endedAt) && p.status === 'cancelled') counts.cancelled++;
  }
  return counts;
}
