import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateStamp, nextLocalTime, zoneOffsetMinutes } from './time-of-day.js';

const SH = 'Asia/Shanghai';
const bj = (local: string) => new Date(`${local}+08:00`);
const iso = (d: Date) => d.toISOString();

/** Local wall time "HH:MM" of an instant, by Intl (an independent reading). */
const wallFormat = new Map<string, Intl.DateTimeFormat>();
function wall(at: Date, timeZone: string): { date: string; hhmm: string } {
  let f = wallFormat.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    wallFormat.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}${p.month}${p.day}`, hhmm: `${p.hour}:${p.minute}` };
}

const hhmmArb = fc.oneof(
  fc.constant('24:00'),
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
);
const instantArb = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-01-01T00:00:00Z'), noInvalidDate: true });

describe('the test environment', () => {
  it('runs pinned to Beijing time', () => {
    expect(process.env.TZ).toBe('Asia/Shanghai');
    expect(new Date('2026-11-25T09:00:00+08:00').getHours()).toBe(9);
  });
});

describe('zoneOffsetMinutes', () => {
  it('is +8 h in Beijing all year round', () => {
    expect(zoneOffsetMinutes(bj('2026-01-15T12:00:00'), SH)).toBe(480);
    expect(zoneOffsetMinutes(bj('2026-07-15T12:00:00'), SH)).toBe(480);
    expect(zoneOffsetMinutes(bj('2026-11-25T00:00:00'), SH)).toBe(480);
  });

  it('knows zones with odd offsets and summer time', () => {
    expect(zoneOffsetMinutes(new Date('2026-11-25T00:00:00Z'), 'UTC')).toBe(0);
    expect(zoneOffsetMinutes(new Date('2026-11-25T00:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(zoneOffsetMinutes(new Date('2026-11-25T00:00:00Z'), 'Asia/Kathmandu')).toBe(345);
    expect(zoneOffsetMinutes(new Date('2026-01-15T00:00:00Z'), 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(new Date('2026-07-15T00:00:00Z'), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(new Date('2026-01-15T00:00:00Z'), 'Australia/Sydney')).toBe(660);
    expect(zoneOffsetMinutes(new Date('2026-07-15T00:00:00Z'), 'Australia/Sydney')).toBe(600);
  });

  it('changes exactly at the summer-time switch', () => {
    // New York springs forward at 2026-03-08 02:00 EST = 07:00Z.
    expect(zoneOffsetMinutes(new Date('2026-03-08T06:59:59Z'), 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(new Date('2026-03-08T07:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('ignores milliseconds', () => {
    expect(zoneOffsetMinutes(new Date(bj('2026-11-25T09:00:00').getTime() + 999), SH)).toBe(480);
    expect(zoneOffsetMinutes(new Date(bj('2026-11-25T09:00:00').getTime() - 1), SH)).toBe(480);
  });

  it('agrees with the local-time reading of Intl (property)', () => {
    fc.assert(
      fc.property(instantArb, fc.constantFrom(SH, 'UTC', 'Asia/Kolkata', 'America/New_York', 'Europe/London'), (at, tz) => {
        const off = zoneOffsetMinutes(at, tz);
        const local = new Date(Math.floor(at.getTime() / 60_000) * 60_000 + off * 60_000);
        const w = wall(at, tz);
        expect(local.toISOString().slice(11, 16)).toBe(w.hhmm);
        expect(local.toISOString().slice(0, 10).replaceAll('-', '')).toBe(w.date);
      }),
      { numRuns: 300 },
    );
  });
});

describe('nextLocalTime: the same-day cutoff', () => {
  it('counts "24:00" from 09:00 as the coming midnight', () => {
    expect(iso(nextLocalTime(bj('2026-11-25T09:00:00'), '24:00', SH))).toBe(iso(bj('2026-11-26T00:00:00')));
  });

  it('counts "18:00" from 19:00 as the next day at 18:00', () => {
    expect(iso(nextLocalTime(bj('2026-11-25T19:00:00'), '18:00', SH))).toBe(iso(bj('2026-11-26T18:00:00')));
  });

  it('counts "18:00" from 17:59 as the same day at 18:00', () => {
    expect(iso(nextLocalTime(bj('2026-11-25T17:59:00'), '18:00', SH))).toBe(iso(bj('2026-11-25T18:00:00')));
  });

  it('never returns the very instant it was given: at 18:00 sharp the next 18:00 is tomorrow', () => {
    expect(iso(nextLocalTime(bj('2026-11-25T18:00:00'), '18:00', SH))).toBe(iso(bj('2026-11-26T18:00:00')));
    expect(iso(nextLocalTime(bj('2026-11-25T00:00:00'), '24:00', SH))).toBe(iso(bj('2026-11-26T00:00:00')));
    expect(iso(nextLocalTime(bj('2026-11-25T00:00:00'), '00:00', SH))).toBe(iso(bj('2026-11-26T00:00:00')));
  });

  it('uses the Beijing date, not the UTC date, early in the morning', () => {
    // 07:30 in Beijing is still the previous day in UTC.
    expect(iso(nextLocalTime(bj('2026-11-25T07:30:00'), '24:00', SH))).toBe(iso(bj('2026-11-26T00:00:00')));
    expect(iso(nextLocalTime(bj('2026-11-25T07:30:00'), '18:00', SH))).toBe(iso(bj('2026-11-25T18:00:00')));
  });

  it('rolls over months, years and leap days', () => {
    expect(iso(nextLocalTime(bj('2026-11-30T20:00:00'), '24:00', SH))).toBe(iso(bj('2026-12-01T00:00:00')));
    expect(iso(nextLocalTime(bj('2026-12-31T23:59:59'), '24:00', SH))).toBe(iso(bj('2027-01-01T00:00:00')));
    expect(iso(nextLocalTime(bj('2028-02-28T19:00:00'), '18:00', SH))).toBe(iso(bj('2028-02-29T18:00:00')));
    expect(iso(nextLocalTime(bj('2027-02-28T19:00:00'), '18:00', SH))).toBe(iso(bj('2027-03-01T18:00:00')));
  });

  it('keeps the seconds of the cutoff at zero', () => {
    expect(iso(nextLocalTime(new Date(bj('2026-11-25T09:00:00').getTime() + 12_345), '09:30', SH))).toBe(iso(bj('2026-11-25T09:30:00')));
  });

  it('works in other zones', () => {
    expect(iso(nextLocalTime(new Date('2026-11-25T09:00:00Z'), '18:00', 'UTC'))).toBe('2026-11-25T18:00:00.000Z');
    expect(iso(nextLocalTime(new Date('2026-11-25T09:00:00+05:30'), '24:00', 'Asia/Kolkata'))).toBe(
      iso(new Date('2026-11-26T00:00:00+05:30')),
    );
    expect(iso(nextLocalTime(new Date('2026-11-25T20:00:00+05:45'), '18:00', 'Asia/Kathmandu'))).toBe(
      iso(new Date('2026-11-26T18:00:00+05:45')),
    );
  });

  it('keeps the wall-clock cutoff across a summer-time switch', () => {
    const ny = 'America/New_York';
    // Spring forward (2026-03-08): the day has 23 hours.
    expect(iso(nextLocalTime(new Date('2026-03-07T20:00:00-05:00'), '18:00', ny))).toBe(iso(new Date('2026-03-08T18:00:00-04:00')));
    expect(iso(nextLocalTime(new Date('2026-03-08T01:00:00-05:00'), '24:00', ny))).toBe(iso(new Date('2026-03-09T00:00:00-04:00')));
    // Fall back (2026-11-01): the day has 25 hours.
    expect(iso(nextLocalTime(new Date('2026-10-31T20:00:00-04:00'), '18:00', ny))).toBe(iso(new Date('2026-11-01T18:00:00-05:00')));
    expect(iso(nextLocalTime(new Date('2026-11-01T00:30:00-04:00'), '24:00', ny))).toBe(iso(new Date('2026-11-02T00:00:00-05:00')));
    const london = 'Europe/London';
    expect(iso(nextLocalTime(new Date('2026-03-29T00:30:00Z'), '24:00', london))).toBe(iso(new Date('2026-03-30T00:00:00+01:00')));
    expect(iso(nextLocalTime(new Date('2026-03-28T20:00:00Z'), '18:00', london))).toBe(iso(new Date('2026-03-29T18:00:00+01:00')));
  });

  it('moves a cutoff that falls in the skipped hour to just after the switch, and takes the first of a repeated hour', () => {
    const ny = 'America/New_York';
    // 02:30 does not exist on 2026-03-08 in New York: clocks jump from 02:00 to 03:00.
    expect(iso(nextLocalTime(new Date('2026-03-08T00:00:00-05:00'), '02:30', ny))).toBe(iso(new Date('2026-03-08T03:30:00-04:00')));
    // 01:30 happens twice on 2026-11-01: the first (EDT) comes first.
    expect(iso(nextLocalTime(new Date('2026-11-01T00:00:00-04:00'), '01:30', ny))).toBe(iso(new Date('2026-11-01T01:30:00-04:00')));
  });

  it('is the first instant after `at` showing the cutoff on a Beijing clock (property)', () => {
    fc.assert(
      fc.property(instantArb, hhmmArb, (at, hhmm) => {
        const next = nextLocalTime(at, hhmm, SH);
        expect(next.getTime()).toBeGreaterThan(at.getTime());
        expect(next.getTime() - at.getTime()).toBeLessThanOrEqual(24 * 3_600_000);
        expect(next.getTime() % 60_000).toBe(0);
        expect(wall(next, SH).hhmm).toBe(hhmm === '24:00' ? '00:00' : hhmm);
        // '24:00' is the end of the day `at` falls in.
        if (hhmm === '24:00') expect(localDateStamp(new Date(next.getTime() - 1), SH)).toBe(localDateStamp(at, SH));
      }),
      { numRuns: 500 },
    );
  });

  it('shows the cutoff on the local clock in zones with summer time too (property)', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'];
    // Hours no zone here skips or repeats.
    const safe = fc.oneof(
      fc.constant('24:00'),
      fc
        .tuple(fc.integer({ min: 4, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    );
    fc.assert(
      fc.property(instantArb, safe, fc.constantFrom(...zones), (at, hhmm, tz) => {
        const next = nextLocalTime(at, hhmm, tz);
        expect(next.getTime()).toBeGreaterThan(at.getTime());
        expect(next.getTime() - at.getTime()).toBeLessThanOrEqual(25 * 3_600_000);
        expect(wall(next, tz).hhmm).toBe(hhmm === '24:00' ? '00:00' : hhmm);
        // The previous occurrence of that wall time was not after `at`.
        for (const hours of [1, 23, 24, 25]) {
          const earlier = new Date(next.getTime() - hours * 3_600_000);
          if (wall(earlier, tz).hhmm === wall(next, tz).hhmm) expect(earlier.getTime()).toBeLessThanOrEqual(at.getTime());
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('localDateStamp: the date part of order numbers', () => {
  it('uses the Beijing calendar day', () => {
    expect(localDateStamp(bj('2026-11-25T09:00:00'), SH)).toBe('20261125');
    expect(localDateStamp(bj('2026-11-25T00:00:00'), SH)).toBe('20261125');
    expect(localDateStamp(bj('2026-11-25T23:59:59'), SH)).toBe('20261125');
    expect(localDateStamp(new Date('2026-11-25T15:59:59Z'), SH)).toBe('20261125');
    expect(localDateStamp(new Date('2026-11-25T16:00:00Z'), SH)).toBe('20261126');
    expect(localDateStamp(bj('2027-01-01T00:00:00'), SH)).toBe('20270101');
  });

  it('uses the zone it is given, not the machine’s', () => {
    expect(localDateStamp(new Date('2026-11-25T20:00:00Z'), 'UTC')).toBe('20261125');
    expect(localDateStamp(new Date('2026-11-25T20:00:00Z'), 'America/New_York')).toBe('20261125');
    expect(localDateStamp(new Date('2026-11-26T03:00:00Z'), 'America/New_York')).toBe('20261125');
  });

  it('agrees with the local calendar of Intl (property)', () => {
    fc.assert(
      fc.property(instantArb, fc.constantFrom(SH, 'UTC', 'America/New_York', 'Asia/Kathmandu'), (at, tz) => {
        expect(localDateStamp(at, tz)).toBe(wall(at, tz).date);
        expect(localDateStamp(at, tz)).toMatch(/^\d{8}$/);
      }),
      { numRuns: 300 },
    );
  });
});
