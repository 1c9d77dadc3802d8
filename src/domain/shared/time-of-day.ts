/** Offset of a time zone from UTC at an instant, in minutes (east positive). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The next instant at or after `at` whose local wall time is `hhmm` ('24:00' = the end of the
 * local day). Used for "not done the same day" deadlines.
 */
export function nextLocalTime(at: Date, hhmm: string, timeZone: string): Date {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const offset = zoneOffsetMinutes(at, timeZone);
  const local = new Date(at.getTime() + offset * 60_000);
  const localMidnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  let candidate = localMidnight + (h * 60 + m) * 60_000 - offset * 60_000;
  if (candidate <= at.getTime()) candidate += 24 * 60 * 60_000;
  return new Date(candidate);
}

/** The local calendar date (YYYYMMDD) of an instant, for order numbers. */
export function localDateStamp(at: Date, timeZone: string): string {
  const local = new Date(at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000);
  return local.toISOString().slice(0, 10).replaceAll('-', '');
}
