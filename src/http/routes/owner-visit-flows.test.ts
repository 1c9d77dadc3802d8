import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDueOwnerVisitPlans } from '../../commands/owner-visits/plans.js';
import { ownerVisitSummary } from '../../commands/owner-visits/summary.js';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';

type Visit = {
  id: string;
  status: string;
  roomId: string;
  signature: string | null;
  notes: string | null;
  isWithheld: boolean;
  actions: string[];
};
type Month = {
  plan: { id: string | null; isPlanned: boolean; quota: number; quotaPercent: number; occupiedHouseholds: number };
  fulfilment: {
    quota: number;
    done: number;
    householdsVisited: number;
    refused: number;
    signed: number;
    fulfilmentPercent: number;
    byDay: { date: string; done: number }[];
    byMethod: Record<string, number>;
    issuesRaised: number;
    issuesToRepair: number;
  };
  visits: Visit[];
  canBook: boolean;
};

describe.each(await drivers())('owner visits over HTTP (%s)', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = async (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.call(await t.login(who), { method, url, ...(payload ? { payload } : {}) });

  it('plans the month once: the duty and the button make one plan with the quota of the occupied households', async () => {
    const before = (await call('yg.cssup', 'GET', `/api/owner-visits?communityId=${t.yg}`)).json() as Month;
    expect(before.plan.isPlanned).toBe(false);
    expect(before.plan.occupiedHouseholds).toBeGreaterThan(0);
    expect(before.plan.quota).toBe(Math.ceil((before.plan.occupiedHouseholds * before.plan.quotaPercent) / 100));

    expect(await makeDueOwnerVisitPlans(t.deps)).toBe(2);
    expect(await makeDueOwnerVisitPlans(t.deps)).toBe(0);
    const pressed = await call('yg.cssup', 'POST', '/api/owner-visits/plans', { communityId: t.yg });
    expect(pressed.statusCode).toBe(200);
    const again = await call('yg.cssup', 'POST', '/api/owner-visits/plans', { communityId: t.yg });
    expect(again.json().id).toBe(pressed.json().id);
    expect(pressed.json()).toMatchObject({ month: '2026-11', isPlanned: true, quota: before.plan.quota, createdByName: 'system' });
  });

  it('proposes, books (22:30 refused on the field), records signed and refused, and shows the fulfilment', async () => {
    const proposals = (await call('yg.cssup', 'GET', `/api/owner-visits/proposals?communityId=${t.yg}&count=3`)).json() as {
      items: { roomId: string; buildingId: string }[];
    };
    expect(proposals.items).toHaveLength(3);
    const [a, b, c] = proposals.items;

    const late = await call('yg.cssup', 'POST', '/api/owner-visits/bookings', {
      communityId: t.yg,
      roomId: a!.roomId,
      bookedFor: '2026-11-26T22:30:00+08:00',
    });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.fields).toEqual([
      { field: 'bookedFor', message: { zh: '22:00 之后不安排访问', en: 'No visits are booked after 22:00' } },
    ]);

    const book = async (roomId: string, at: string) => {
      const res = await call('yg.cssup', 'POST', '/api/owner-visits/bookings', { communityId: t.yg, roomId, bookedFor: at });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Visit;
    };
    const va = await book(a!.roomId, '2026-11-26T19:30:00+08:00');
    const vb = await book(b!.roomId, '2026-11-27T10:00:00+08:00');
    expect(va.actions).toEqual(['reschedule', 'cancel', 'record']);

    // No household twice: booking it again is refused on the field.
    const twice = await call('yg.cssup', 'POST', '/api/owner-visits/bookings', {
      communityId: t.yg,
      roomId: a!.roomId,
      bookedFor: '2026-11-28T10:00:00+08:00',
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.fields[0].field).toBe('roomId');
    // Nor is it proposed any more.
    const left = (await call('yg.cssup', 'GET', `/api/owner-visits/proposals?communityId=${t.yg}&count=50`)).json();
    expect(left.items.map((h: { roomId: string }) => h.roomId)).not.toContain(a!.roomId);

    t.clock.set(new Date('2026-11-26T20:30:00+08:00'));
    const signed = await call('yg.cssup', 'POST', `/api/owner-visits/${va.id}/record`, {
      method: 'home',
      visitedAt: '2026-11-26T19:40:00+08:00',
      residentName: '王先生',
      notes: '家中老人身体不好',
      opinions: '希望加强夜间巡逻',
      issues: [{ text: '楼道灯不亮' }],
      signature: 'signed',
      signedBy: '王先生',
      isConfidential: true,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({
      status: 'done',
      signature: 'signed',
      notes: '家中老人身体不好',
      isWithheld: false,
      actions: ['follow_up'],
    });

    // A face-to-face record must say whether the household signed; refusing is a complete answer.
    t.clock.set(new Date('2026-11-27T11:00:00+08:00'));
    const unsaid = await call('yg.clerk', 'POST', `/api/owner-visits/${vb.id}/record`, {
      method: 'home',
      visitedAt: '2026-11-27T10:05:00+08:00',
    });
    expect(unsaid.statusCode).toBe(422);
    expect(unsaid.json().error.fields[0].field).toBe('signature');
    const refused = await call('yg.clerk', 'POST', `/api/owner-visits/${vb.id}/record`, {
      method: 'home',
      visitedAt: '2026-11-27T10:05:00+08:00',
      signature: 'refused',
      opinions: '无',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ signature: 'refused', signedBy: null });
    // Recorded is recorded.
    expect((await call('yg.cssup', 'POST', `/api/owner-visits/${vb.id}/cancel`, { reason: 'x' })).statusCode).toBe(409);

    // A call recorded without a booking counts too.
    const phoned = await call('yg.cssup', 'POST', '/api/owner-visits/records', {
      communityId: t.yg,
      roomId: c!.roomId,
      method: 'phone',
      visitedAt: '2026-11-27T10:30:00+08:00',
      opinions: '满意',
    });
    expect(phoned.statusCode, phoned.body).toBe(201);

    // The issue becomes a repair order of the household in one step.
    const followed = await call('yg.cssup', 'POST', `/api/owner-visits/${va.id}/issues/0/follow-up`, {
      as: 'repair',
      category: 'electrical',
    });
    expect(followed.statusCode, followed.body).toBe(200);
    const issue = followed.json().issues[0];
    expect(issue).toMatchObject({ followUp: 'repair' });
    const order = (await call('yg.clerk', 'GET', `/api/repair-orders/${issue.ticketId}`)).json();
    expect(order).toMatchObject({ number: issue.ticketNumber, content: '楼道灯不亮', category: 'electrical', roomId: a!.roomId });

    const month = (await call('yg.director', 'GET', `/api/owner-visits?communityId=${t.yg}&month=2026-11`)).json() as Month;
    expect(month.fulfilment).toMatchObject({ done: 3, householdsVisited: 3, signed: 1, refused: 1, issuesRaised: 1, issuesToRepair: 1 });
    expect(month.fulfilment.byMethod).toMatchObject({ home: 2, phone: 1 });
    expect(month.fulfilment.byDay).toEqual([
      { date: '2026-11-26', done: 1, cumulative: 1 },
      { date: '2026-11-27', done: 2, cumulative: 3 },
    ]);
    expect(month.fulfilment.fulfilmentPercent).toBe(Math.round((3 * 1000) / month.plan.quota) / 10);
    expect(month.canBook).toBe(false);
    // The director reads the confidential notes; a clerk who did not write them does not.
    expect(month.visits.find((v) => v.id === va.id)?.notes).toBe('家中老人身体不好');
    const clerkView = (await call('yg.clerk', 'GET', `/api/owner-visits/${va.id}`)).json() as Visit;
    expect(clerkView).toMatchObject({ notes: null, isWithheld: true });

    const summary = await ownerVisitSummary(t.database.db, { companyId: t.demo.companyId, communityId: t.yg, month: '2026-11' });
    expect(summary).toMatchObject({ isPlanned: true, done: 3, refused: 1, householdsVisited: 3, summaryDueOn: '2026-12-05' });

    const printed = await call('yg.director', 'GET', `/print/owner-visits/${va.id}`);
    expect(printed.statusCode).toBe(200);
    expect(printed.body).toContain('业户访问记录');
    expect(printed.body).toContain('王先生');
    const list = await call('yg.director', 'GET', `/print/owner-visits?communityId=${t.yg}&month=2026-11`);
    expect(list.body).toContain('拒绝签名');
  });

  it('moves and cancels a booking; a cancelled household can be booked again', async () => {
    const [h] = (await call('yg.cssup', 'GET', `/api/owner-visits/proposals?communityId=${t.yg}&count=1`)).json().items;
    const v = (
      await call('yg.cssup', 'POST', '/api/owner-visits/bookings', {
        communityId: t.yg,
        roomId: h.roomId,
        bookedFor: '2026-11-28T15:00:00+08:00',
      })
    ).json();
    const moved = await call('yg.cssup', 'POST', `/api/owner-visits/${v.id}/reschedule`, { bookedFor: '2026-11-29T23:00:00+08:00' });
    expect(moved.statusCode).toBe(422);
    const otherMonth = await call('yg.cssup', 'POST', `/api/owner-visits/${v.id}/reschedule`, { bookedFor: '2026-12-02T10:00:00+08:00' });
    expect(otherMonth.json().error.fields[0].field).toBe('bookedFor');
    expect(
      (await call('yg.cssup', 'POST', `/api/owner-visits/${v.id}/reschedule`, { bookedFor: '2026-11-29T09:00:00+08:00' })).statusCode,
    ).toBe(200);
    const cancelled = await call('yg.cssup', 'POST', `/api/owner-visits/${v.id}/cancel`, { reason: '业户出差' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '业户出差' });
    const rebooked = await call('yg.cssup', 'POST', '/api/owner-visits/bookings', {
      communityId: t.yg,
      roomId: h.roomId,
      bookedFor: '2026-11-30T10:00:00+08:00',
    });
    expect(rebooked.statusCode).toBe(201);
  });
});
