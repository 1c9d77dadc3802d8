import { describe, expect, it } from 'vitest';
import { isPeriodOver, nextPeriod, periodBounds, periodOf, previousPeriod, reportDueAt } from './period.js';

const tz = 'Asia/Shanghai';

describe('report months', () => {
  it('steps across the year', () => {
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(previousPeriod('2027-01')).toBe('2026-12');
    expect(previousPeriod('2026-11')).toBe('2026-10');
  });

  it('reads the month in the community’s time zone: 00:30 on 1 November in Shanghai is November', () => {
    expect(periodOf(new Date('2026-10-31T16:30:00Z'), tz)).toBe('2026-11');
    expect(periodOf(new Date('2026-10-31T15:30:00Z'), tz)).toBe('2026-10');
  });

  it('bounds a month by local midnights', () => {
    expect(periodBounds('2026-12', tz)).toEqual({ from: new Date('2026-11-30T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') });
  });

  it('makes October’s report due by the end of 5 November (下月5日前), late from local midnight', () => {
    expect(reportDueAt('2026-10', 5, tz)).toEqual(new Date('2026-11-05T16:00:00Z'));
    expect(reportDueAt('2026-12', 3, tz)).toEqual(new Date('2027-01-03T16:00:00Z'));
  });

  it('knows a month is over only from its last local midnight', () => {
    expect(isPeriodOver('2026-10', new Date('2026-10-31T15:59:59Z'), tz)).toBe(false);
    expect(isPeriodOver('2026-10', new Date('2026-10-31T16:00:00Z'), tz)).toBe(true);
  });
});
