import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, chineseWorkCalendar, daysBetween, localDateOf } from './work-calendar.js';

const cal = chineseWorkCalendar();

describe('the national working-day calendar', () => {
  it('a plain weekend is off and the weekdays around it are on', () => {
    expect(cal.isWorkingDay('2026-11-20')).toBe(true); // Friday
    expect(cal.isWorkingDay('2026-11-21')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2026-11-22')).toBe(false); // Sunday
    expect(cal.isWorkingDay('2026-11-23')).toBe(true); // Monday
  });

  it('National Day week 2026 (Oct 1–7) is off, with make-up working days Sunday Sep 20 and Saturday Oct 10', () => {
    for (let d = 1; d <= 7; d++) expect(cal.isWorkingDay(`2026-10-0${d}`)).toBe(false);
    expect(cal.isWorkingDay('2026-09-20')).toBe(true); // 调休上班 (Sunday)
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // 调休上班 (Saturday)
    expect(cal.isWorkingDay('2026-10-11')).toBe(false); // an ordinary Sunday
    expect(cal.isWorkingDay('2026-10-08')).toBe(true);
  });

  it('Spring Festival 2026 (Feb 15–23) is off, with make-up Saturdays Feb 14 and Feb 28', () => {
    for (let d = 15; d <= 23; d++) expect(cal.isWorkingDay(`2026-02-${d}`)).toBe(false);
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    expect(cal.isWorkingDay('2026-02-24')).toBe(true);
  });

  it('knows 2024 and 2025 too (National Day 2024, make-up Sunday Sep 29 2024; Spring Festival 2025)', () => {
    expect(cal.isWorkingDay('2024-10-01')).toBe(false);
    expect(cal.isWorkingDay('2024-09-29')).toBe(true);
    expect(cal.isWorkingDay('2024-10-12')).toBe(true);
    expect(cal.isWorkingDay('2025-01-29')).toBe(false);
    expect(cal.isWorkingDay('2025-01-26')).toBe(true);
    expect(cal.isWorkingDay('2025-02-08')).toBe(true);
  });

  it('New Year 2026: Jan 1–3 off, Sunday Jan 4 worked', () => {
    expect(cal.isWorkingDay('2026-01-01')).toBe(false);
    expect(cal.isWorkingDay('2026-01-03')).toBe(false);
    expect(cal.isWorkingDay('2026-01-04')).toBe(true);
  });
});

describe('adding working days (押金 7 个工作日内退还)', () => {
  it('7 working days after Monday Nov 23 2026 is Wednesday Dec 2 (a weekend skipped)', () => {
    expect(cal.addWorkingDays('2026-11-23', 7)).toBe('2026-12-02');
  });

  it('7 working days after Wednesday Sep 30 2026 skips the holiday week and counts Saturday Oct 10', () => {
    // Oct 8 (1), 9 (2), 10 Sat make-up (3), 12 (4), 13 (5), 14 (6), 15 (7)
    expect(cal.addWorkingDays('2026-09-30', 7)).toBe('2026-10-15');
  });

  it('counting from a holiday starts on the next working day', () => {
    expect(cal.addWorkingDays('2026-10-03', 0)).toBe('2026-10-08');
    expect(cal.addWorkingDays('2026-10-03', 1)).toBe('2026-10-09');
  });

  it('7 working days after Friday Feb 13 2026 counts the make-up Saturday Feb 14 and skips the festival', () => {
    // Feb 14 Sat (1), 24 (2), 25 (3), 26 (4), 27 (5), 28 Sat (6), Mar 2 (7)
    expect(cal.addWorkingDays('2026-02-13', 7)).toBe('2026-03-02');
  });

  it('counts from the local date of an instant (late evening in Shanghai is already the next UTC day’s date there)', () => {
    const at = new Date('2026-11-20T23:30:00+08:00'); // Friday night, local
    expect(localDateOf(at, 'Asia/Shanghai')).toBe('2026-11-20');
    expect(cal.addWorkingDaysFrom(at, 1, 'Asia/Shanghai')).toBe('2026-11-23');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => cal.addWorkingDays('2026-11-23', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-11-23', 1.5)).toThrow(RangeError);
  });
});

describe('a company’s own days', () => {
  const own = chineseWorkCalendar({ extraHolidays: ['2026-11-24'], extraWorkingDays: ['2026-11-28', '2026-10-05'] });

  it('an extra holiday is off, an extra working day is on (even inside a national holiday)', () => {
    expect(own.isWorkingDay('2026-11-24')).toBe(false);
    expect(own.isWorkingDay('2026-11-28')).toBe(true);
    expect(own.isWorkingDay('2026-10-05')).toBe(true);
  });

  it('moves a deadline accordingly', () => {
    // Nov 25 (1), 26 (2), 27 (3), 28 Sat worked (4), 30 (5), Dec 1 (6), 2 (7)
    expect(own.addWorkingDays('2026-11-23', 7)).toBe('2026-12-02');
    expect(own.addWorkingDays('2026-11-23', 1)).toBe('2026-11-25');
  });
});

describe('properties', () => {
  const dates = fc.integer({ min: 0, max: 3 * 365 }).map((d) => addDays('2024-01-01', d));

  it('n working days later is a working day, later than the start, with exactly n working days in between', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 30 }), (from, n) => {
        const to = cal.addWorkingDays(from, n);
        const start = cal.addWorkingDays(from, 0);
        return cal.isWorkingDay(to) && daysBetween(from, to) >= n && cal.workingDaysBetween(start, to) === n;
      }),
    );
  });

  it('adding working days is monotone', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (from, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return cal.addWorkingDays(from, lo) <= cal.addWorkingDays(from, hi);
      }),
    );
  });
});
