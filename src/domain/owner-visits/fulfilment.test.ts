import { describe, expect, it } from 'vitest';
import { fulfilmentOf, type MonthVisit } from './fulfilment.js';

const done = (roomId: string, day: string, extra: Partial<MonthVisit> = {}): MonthVisit => ({
  roomId,
  status: 'done',
  method: 'home',
  visitedOn: day,
  signature: 'signed',
  issues: [],
  ...extra,
});

describe('fulfilment of the month (done / quota)', () => {
  it('counts households visited against the quota, by day, with the running total', () => {
    const f = fulfilmentOf(4, [
      done('a', '2026-11-03'),
      done('b', '2026-11-03', { method: 'phone', signature: null }),
      done('c', '2026-11-10', {
        signature: 'refused',
        issues: [{ text: '电梯噪音', followUp: 'repair', ticketId: 't', ticketNumber: 'YG-1' }],
      }),
      { roomId: 'd', status: 'booked', method: null, visitedOn: null, signature: null, issues: [] },
      { roomId: 'e', status: 'cancelled', method: null, visitedOn: null, signature: null, issues: [] },
    ]);
    expect(f).toMatchObject({
      quota: 4,
      done: 3,
      householdsVisited: 3,
      booked: 1,
      cancelled: 1,
      signed: 1,
      refused: 1,
      issuesRaised: 1,
      issuesToRepair: 1,
      issuesToComplaint: 0,
      fulfilmentPercent: 75,
      isFulfilled: false,
    });
    expect(f.byMethod).toMatchObject({ home: 2, phone: 1, office: 0 });
    expect(f.byDay).toEqual([
      { date: '2026-11-03', done: 2, cumulative: 2 },
      { date: '2026-11-10', done: 1, cumulative: 3 },
    ]);
  });

  it('is fulfilled at the quota, and a quota of nothing is fulfilled', () => {
    expect(fulfilmentOf(1, [done('a', '2026-11-01')])).toMatchObject({ isFulfilled: true, fulfilmentPercent: 100 });
    expect(fulfilmentOf(0, [])).toMatchObject({ isFulfilled: true, fulfilmentPercent: 100 });
    expect(fulfilmentOf(3, [done('a', '2026-11-01')]).fulfilmentPercent).toBe(33.3);
  });
});
