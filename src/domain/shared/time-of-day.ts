// Building an Intl formatter is costly (it showed in profiles of order creation); one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the runtime knows this IANA time zone name. */
export function isKnownTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of a time zone from UTC at an instant, in minutes (east positive). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The first instant after `at` (never `at` itself) whose local wall time is `hhmm` ('24:00' = the
 * end of the local day). Used for "not done the same day" deadlines. Correct across summer-time
 * switches: a wall time the clocks skip moves on by the gap, one they repeat takes the first.
 */
export function nextLocalTime(at: Date, hhmm: string, timeZone: string): Date {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const local = new Date(at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000);
  const wallOn = (dayOffset: number) =>
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + dayOffset) + (h * 60 + m) * 60_000;
  let candidate = instantOfWallTime(wallOn(0), timeZone);
  if (candidate <= at.getTime()) candidate = instantOfWallTime(wallOn(1), timeZone);
  return new Date(candidate);
}

const DAY = 24 * 60 * 60_000;

/** The instant whose local wall time is `wall` (a wall time written as if it were UTC, in ms). */
function instantOfWallTime(wall: number, timeZone: string): number {
  const before = zoneOffsetMinutes(new Date(wall - DAY), timeZone);
  const after = zoneOffsetMinutes(new Date(wall + DAY), timeZone);
  const fits = [before, after]
    .map((offset) => wall - offset * 60_000)
    .filter((t) => t + zoneOffsetMinutes(new Date(t), timeZone) * 60_000 === wall);
  // Repeated (clocks back): the first. Skipped (clocks forward): as if the clocks had not changed yet.
  return fits.length > 0 ? Math.min(...fits) : wall - before * 60_000;
}

/** The local calendar date (YYYYMMDD) of an instant, for order numbers. */
export function localDateStamp(at: Date, timeZone: string): string {
  const local = new Date(at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000);
  return local.toISOString().slice(0, 10).replaceAll('-', '');
}
