import { describe, expect, it } from 'vitest';
import {
  addSatisfaction,
  averageMinutes,
  complaintRate,
  dailySeries,
  isSensiblePeriod,
  onTimeRate,
  percentOf,
  periodInstants,
  presetPeriod,
  reopenRate,
  satisfactionRate,
  startOfLocalDay,
  visitRate,
} from './dashboard.js';

describe('shares', () => {
  it('gives a percentage with one decimal', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(3, 3)).toBe(100);
  });

  it('has no figure when there is nothing to divide by (an empty period is not 0% or 100%)', () => {
    expect(percentOf(0, 0)).toBeNull();
    expect(visitRate(0, 0)).toBeNull();
    expect(reopenRate(0, 0)).toBeNull();
    expect(onTimeRate(0, 0)).toBeNull();
    expect(complaintRate(3, 0)).toBeNull();
  });

  it('counts the visit rate as visits done of visits due: 9 of 10 is 90%', () => {
    expect(visitRate(9, 10)).toBe(90);
  });

  it('counts the on-time rate as timers met of timers that fell due: 3 met, 1 missed is 75%', () => {
    expect(onTimeRate(3, 1)).toBe(75);
  });

  it('counts complaints per household: 3 complaints in 400 households is 0.8% (under the 1% target)', () => {
    expect(complaintRate(3, 400)).toBe(0.8);
  });

  it('counts the reopen rate as reopened orders of the period’s orders: 1 of 8 is 12.5%', () => {
    expect(reopenRate(1, 8)).toBe(12.5);
  });
});

describe('satisfaction rate (seed [003])', () => {
  it('is (satisfied + basically satisfied) over all three answers', () => {
    // (6 + 2) / (6 + 2 + 2) = 80%
    expect(satisfactionRate({ satisfied: 6, basicallySatisfied: 2, unsatisfied: 2 })).toBe(80);
  });

  it('is 100% when nobody is unsatisfied and none without any answer', () => {
    expect(satisfactionRate({ satisfied: 0, basicallySatisfied: 5, unsatisfied: 0 })).toBe(100);
    expect(satisfactionRate({ satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 })).toBeNull();
  });

  it('adds the answers of two communities before dividing (not an average of rates)', () => {
    const total = addSatisfaction(
      { satisfied: 1, basicallySatisfied: 0, unsatisfied: 1 },
      { satisfied: 8, basicallySatisfied: 0, unsatisfied: 0 },
    );
    expect(total).toEqual({ satisfied: 9, basicallySatisfied: 0, unsatisfied: 1 });
    expect(satisfactionRate(total)).toBe(90);
  });
});

describe('average times', () => {
  it('averages a total of milliseconds in minutes with one decimal', () => {
    // 30 min + 45 min over two orders = 37.5 min
    expect(averageMinutes((30 + 45) * 60_000, 2)).toBe(37.5);
    expect(averageMinutes(100_000, 3)).toBe(0.6);
  });

  it('has no average when nothing was measured', () => {
    expect(averageMinutes(0, 0)).toBeNull();
  });
});

describe('periods', () => {
  const tz = 'Asia/Shanghai';
  // 2026-11-25 09:00 in Shanghai.
  const now = new Date('2026-11-25T01:00:00Z');

  it('takes this month up to today', () => {
    expect(presetPeriod('this_month', now, tz)).toEqual({ from: '2026-11-01', to: '2026-11-25' });
  });

  it('takes last month whole', () => {
    expect(presetPeriod('last_month', now, tz)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetPeriod('last_month', new Date('2026-01-10T04:00:00Z'), tz)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('takes the last 30 days with today', () => {
    expect(presetPeriod('last_30_days', now, tz)).toEqual({ from: '2026-10-27', to: '2026-11-25' });
  });

  it('uses the local date: 00:30 on the 1st in Shanghai is still the 30th in UTC', () => {
    expect(presetPeriod('this_month', new Date('2026-11-30T16:30:00Z'), tz)).toEqual({ from: '2026-12-01', to: '2026-12-01' });
  });

  it('turns local days into instants: the last day included, the next midnight excluded', () => {
    expect(startOfLocalDay('2026-11-01', tz).toISOString()).toBe('2026-10-31T16:00:00.000Z');
    const { from, to } = periodInstants({ from: '2026-11-01', to: '2026-11-30' }, tz);
    expect(from.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(to.toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('finds the local midnight across a summer-time switch', () => {
    // New York moved to summer time on 2026-03-08: midnight of the 9th is 04:00 UTC, of the 7th 05:00 UTC.
    expect(startOfLocalDay('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfLocalDay('2026-03-07', 'America/New_York').toISOString()).toBe('2026-03-07T05:00:00.000Z');
  });

  it('accepts a period that reads forwards and is not too long', () => {
    expect(isSensiblePeriod({ from: '2026-11-01', to: '2026-11-01' }, 366)).toBe(true);
    expect(isSensiblePeriod({ from: '2026-11-02', to: '2026-11-01' }, 366)).toBe(false);
    expect(isSensiblePeriod({ from: '2025-01-01', to: '2026-11-01' }, 366)).toBe(false);
  });
});

describe('daily series', () => {
  it('has every day of the period, days without tickets at zero', () => {
    const series = dailySeries({ from: '2026-11-01', to: '2026-11-04' }, [
      { date: '2026-11-02', orders: 3, complaints: 1 },
      { date: '2026-11-04', orders: 1, complaints: 0 },
    ]);
    expect(series).toEqual([
      { date: '2026-11-01', orders: 0, complaints: 0 },
      { date: '2026-11-02', orders: 3, complaints: 1 },
      { date: '2026-11-03', orders: 0, complaints: 0 },
      { date: '2026-11-04', orders: 1, complaints: 0 },
    ]);
  });

  it('is all zeros for a period without tickets', () => {
    expect(dailySeries({ from: '2026-02-27', to: '2026-03-01' }, [])).toEqual([
      { date: '2026-02-27', orders: 0, complaints: 0 },
      { date: '2026-02-28', orders: 0, complaints: 0 },
      { date: '2026-03-01', orders: 0, complaints: 0 },
    ]);
  });
});
