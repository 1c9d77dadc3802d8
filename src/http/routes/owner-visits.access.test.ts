import { afterAll, beforeAll, describe } from 'vitest';
import { ownerVisitsAccess } from '../../../tests/access/owner-visits.js';
import { accessGrid, type Column, columns, signInColumns } from '../../../tests/support/access-grid.js';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { occupiedRoom } from '../../../tests/support/factories.js';

/** The callers a row lets through get a fresh visit each; the others all try one shared visit. */
const writers = new Set<Column>(['css', 'clk']);

describe.each(await drivers())('access to the owner-visit routes (%s)', (driver) => {
  let t: TestApp;
  let cookies: Record<Column, string | null>;
  let sharedYg: string;
  let sharedCh: string;
  let day = 0;

  const json = async (res: { statusCode: number; body: string }, want: number) => {
    if (res.statusCode !== want) throw new Error(`${res.statusCode} ${res.body}`);
    return JSON.parse(res.body);
  };
  /** A household nobody has booked yet this month. */
  const freeRoom = async (community: 'yg' | 'ch') => {
    const sup = await t.login(`${community}.cssup`);
    const res = await json(
      await t.call(sup, { method: 'GET', url: `/api/owner-visits/proposals?communityId=${t[community]}&count=1` }),
      200,
    );
    return res.items[0].roomId as string;
  };
  /** A visit booked by the community's CS supervisor, on a day of its own. */
  const booked = async (community: 'yg' | 'ch' = 'yg') => {
    day = (day % 4) + 1;
    const sup = await t.login(`${community}.cssup`);
    const payload = { communityId: t[community], roomId: await freeRoom(community), bookedFor: `2026-11-2${5 + day}T10:00:00+08:00` };
    return (await json(await t.call(sup, { method: 'POST', url: '/api/owner-visits/bookings', payload }), 201)).id as string;
  };
  const record = { method: 'home', visitedAt: '2026-11-25T08:30:00+08:00', signature: 'refused', issues: [{ text: '车库漏水' }] };
  /** A recorded visit with one issue not yet followed up. */
  const recorded = async () => {
    const id = await booked();
    await json(await t.call(await t.login('yg.cssup'), { method: 'POST', url: `/api/owner-visits/${id}/record`, payload: record }), 200);
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp(driver);
    const room = await occupiedRoom(t, t.yg, 1);
    cookies = await signInColumns(t, room.phone);
    sharedYg = await booked('yg');
    sharedCh = await booked('ch');
  });
  afterAll(async () => {
    await t?.close();
  });

  accessGrid(
    'owner visits',
    columns,
    ownerVisitsAccess,
    () => ({
      'GET /api/owner-visits': async () => ({ method: 'GET', url: `/api/owner-visits?communityId=${t.yg}` }),
      'GET /api/owner-visits (CH)': async () => ({ method: 'GET', url: `/api/owner-visits?communityId=${t.ch}` }),
      'POST /api/owner-visits/plans': async () => ({ method: 'POST', url: '/api/owner-visits/plans', payload: { communityId: t.yg } }),
      'POST /api/owner-visits/plans (CH)': async () => ({ method: 'POST', url: '/api/owner-visits/plans', payload: { communityId: t.ch } }),
      'GET /api/owner-visits/proposals': async () => ({ method: 'GET', url: `/api/owner-visits/proposals?communityId=${t.yg}` }),
      'POST /api/owner-visits/bookings': async (caller) => ({
        method: 'POST',
        url: '/api/owner-visits/bookings',
        payload: {
          communityId: t.yg,
          roomId: writers.has(caller) ? await freeRoom('yg') : (await occupiedRoom(t, t.yg, 2)).roomId,
          bookedFor: '2026-11-27T15:00:00+08:00',
        },
      }),
      'POST /api/owner-visits/records': async () => ({
        method: 'POST',
        url: '/api/owner-visits/records',
        payload: { communityId: t.yg, roomId: await freeRoom('yg'), method: 'phone', visitedAt: '2026-11-25T08:00:00+08:00' },
      }),
      'GET /api/owner-visits/:id': async () => ({ method: 'GET', url: `/api/owner-visits/${sharedYg}` }),
      'GET /api/owner-visits/:id (CH visit)': async () => ({ method: 'GET', url: `/api/owner-visits/${sharedCh}` }),
      'POST /api/owner-visits/:id/reschedule': async (caller) => ({
        method: 'POST',
        url: `/api/owner-visits/${writers.has(caller) ? await booked() : sharedYg}/reschedule`,
        payload: { bookedFor: '2026-11-30T11:00:00+08:00' },
      }),
      'POST /api/owner-visits/:id/cancel': async (caller) => ({
        method: 'POST',
        url: `/api/owner-visits/${writers.has(caller) ? await booked() : sharedYg}/cancel`,
        payload: { reason: '业户不在家' },
      }),
      'POST /api/owner-visits/:id/cancel (CH visit)': async () => ({
        method: 'POST',
        url: `/api/owner-visits/${sharedCh}/cancel`,
        payload: { reason: '业户不在家' },
      }),
      'POST /api/owner-visits/:id/record': async (caller) => ({
        method: 'POST',
        url: `/api/owner-visits/${writers.has(caller) ? await booked() : sharedYg}/record`,
        payload: record,
      }),
      'POST /api/owner-visits/:id/record (CH visit)': async () => ({
        method: 'POST',
        url: `/api/owner-visits/${sharedCh}/record`,
        payload: record,
      }),
      'POST /api/owner-visits/:id/issues/:index/follow-up': async (caller) => ({
        method: 'POST',
        url: `/api/owner-visits/${writers.has(caller) ? await recorded() : sharedYg}/issues/0/follow-up`,
        payload: { as: 'complaint' },
      }),
      'GET /print/owner-visits/:id': async () => ({ method: 'GET', url: `/print/owner-visits/${sharedYg}` }),
      'GET /print/owner-visits/:id (CH visit)': async () => ({ method: 'GET', url: `/print/owner-visits/${sharedCh}` }),
      'GET /print/owner-visits': async () => ({ method: 'GET', url: `/print/owner-visits?communityId=${t.yg}&month=2026-11` }),
    }),
    (caller, req) => t.call(cookies[caller], req),
  );
});
