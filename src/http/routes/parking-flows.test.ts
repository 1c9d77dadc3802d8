import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { occupiedRoom } from '../../../tests/support/factories.js';

type Application = Record<string, unknown> & {
  id: string;
  status: string;
  allowedActions: string[];
  validTo: string | null;
  events: { type: string }[];
};

describe.each(await drivers())('parking over HTTP (%s)', (driver) => {
  let t: TestApp;
  let room: Awaited<ReturnType<typeof occupiedRoom>>;
  beforeAll(async () => {
    t = await startTestApp(driver);
    room = await occupiedRoom(t, t.yg, 3);
  });
  afterAll(async () => {
    await t?.close();
  });

  let seq = 0;
  const space = async (communityId = t.yg, who = 'yg.clerk') => {
    seq += 1;
    const res = await t.call(await t.login(who), {
      method: 'POST',
      url: '/api/parking/spaces',
      payload: { communityId, number: `T-${seq}`, zone: 'B1 区', kind: 'rented' },
    });
    if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  const post = async (id: string, action: string, who: string, payload: Record<string, unknown> = {}) =>
    t.call(await t.login(who), { method: 'POST', url: `/api/parking/applications/${id}/${action}`, payload });
  const spaces = async (query = '') =>
    (await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/api/parking/spaces?communityId=${t.yg}${query}` })).json();

  it('takes a resident’s application through space, agreement, fee and card, and renews and cancels it', async () => {
    const spaceId = await space();
    const resident = await t.loginResident(room.phone);
    const res = await t.call(resident, {
      method: 'POST',
      url: '/api/parking/applications',
      payload: { communityId: t.yg, roomId: room.roomId, plateNumber: '沪a 12345', vehicleModel: '大众朗逸', driverName: room.name },
    });
    expect(res.statusCode).toBe(201);
    const app = res.json() as Application;
    expect(app.plateNumber).toBe('沪A12345');
    expect(app.allowedActions).toEqual(['cancel']);

    expect((await post(app.id, 'assign', 'yg.clerk', { spaceId })).json().status).toBe('assigned');
    expect((await spaces()).items.find((s: { id: string }) => s.id === spaceId).status).toBe('reserved');
    // Another application may not take a held space.
    const other = (
      await t.call(await t.login('yg.clerk'), {
        method: 'POST',
        url: '/api/parking/applications',
        payload: { communityId: t.yg, roomId: room.roomId, plateNumber: '沪B54321', vehicleModel: '丰田', driverName: '李四' },
      })
    ).json() as Application;
    expect((await post(other.id, 'assign', 'yg.clerk', { spaceId })).statusCode).toBe(409);

    expect((await post(app.id, 'sign-agreement', 'yg.clerk')).json().status).toBe('signed');
    expect((await post(app.id, 'pay', 'yg.clerk', { amountCents: 300000, months: 12, receiptNo: 'SJ-1' })).statusCode).toBe(403);
    expect((await post(app.id, 'pay', 'yg.finance', { amountCents: 300000, months: 12, receiptNo: 'SJ-1' })).json().status).toBe('paid');
    const card = (await post(app.id, 'issue-card', 'yg.clerk', { cardNumber: 'YG-P-0001' })).json() as Application;
    expect(card.status).toBe('active');
    expect(card.validTo).toBe('2027-11-24');
    const held = (await spaces()).items.find((s: { id: string }) => s.id === spaceId);
    expect(held.status).toBe('occupied');
    expect(held.holder).toMatchObject({ plateNumber: '沪A12345', cardNumber: 'YG-P-0001', validTo: '2027-11-24' });

    // The card number is unique in the community.
    const other2 = (
      await t.call(await t.login('yg.clerk'), {
        method: 'POST',
        url: '/api/parking/applications',
        payload: { communityId: t.yg, roomId: room.roomId, plateNumber: '沪C11111', vehicleModel: '本田', driverName: '王五' },
      })
    ).json() as Application;
    const s2 = await space();
    await post(other2.id, 'assign', 'yg.clerk', { spaceId: s2 });
    await post(other2.id, 'sign-agreement', 'yg.clerk');
    await post(other2.id, 'pay', 'yg.finance', { amountCents: 100000, months: 1, receiptNo: 'SJ-2' });
    const dup = await post(other2.id, 'issue-card', 'yg.clerk', { cardNumber: 'YG-P-0001' });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().error.fields[0].field).toBe('cardNumber');

    // Reminder before expiry, then expired; a renewal extends it.
    t.clock.set(new Date('2027-11-10T08:00:00+08:00'));
    await t.scheduler.tick();
    expect((await spaces('&isExpiringSoon=true')).items.map((s: { id: string }) => s.id)).toContain(spaceId);
    t.clock.set(new Date('2027-11-25T08:00:00+08:00'));
    await t.scheduler.tick();
    const expired = (
      await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/api/parking/applications/${app.id}` })
    ).json() as Application;
    expect(expired.status).toBe('expired');
    expect(expired.events.map((e) => e.type)).toEqual(expect.arrayContaining(['ParkingExpiryReminded', 'ParkingCardExpired']));
    const renewed = (await post(app.id, 'renew', 'yg.finance', { amountCents: 50000, months: 2, receiptNo: 'SJ-3' })).json() as Application;
    // Renewed the day after it ran out: it continues without a gap.
    expect(renewed).toMatchObject({ status: 'active', validFrom: '2026-11-25', validTo: '2028-01-24' });

    // The resident sees their own card; the print pages are escaped HTML.
    const mine = (await t.call(resident, { method: 'GET', url: '/api/parking/applications?view=all' })).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(app.id);
    const printCard = await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/print/parking/${app.id}/card` });
    expect(printCard.statusCode).toBe(200);
    expect(printCard.body).toContain('停车卡');
    expect(printCard.body).toContain('YG-P-0001');
    expect((await t.call(resident, { method: 'GET', url: `/print/parking/${app.id}/agreement` })).body).toContain('车位使用协议');

    const cancelled = (await post(app.id, 'cancel', 'yg.clerk', { reason: '车辆已出售' })).json() as Application;
    expect(cancelled.status).toBe('cancelled');
    expect((await spaces()).items.find((s: { id: string }) => s.id === spaceId)).toMatchObject({ status: 'free', holder: null });
  });

  it('keeps households and communities apart and refuses bad input without writing', async () => {
    t.clock.set(new Date('2026-11-25T09:00:00+08:00'));
    const other = await occupiedRoom(t, t.yg, 5);
    const resident = await t.loginResident(room.phone);
    const notMine = await t.call(resident, {
      method: 'POST',
      url: '/api/parking/applications',
      payload: { communityId: t.yg, roomId: other.roomId, plateNumber: '沪A12345', vehicleModel: '大众', driverName: '张三' },
    });
    expect(notMine.statusCode).toBe(403);
    const theirs = (
      await t.call(await t.loginResident(other.phone), {
        method: 'POST',
        url: '/api/parking/applications',
        payload: { communityId: t.yg, roomId: other.roomId, plateNumber: '沪A22222', vehicleModel: '大众', driverName: '张三' },
      })
    ).json() as Application;
    expect((await t.call(resident, { method: 'GET', url: `/api/parking/applications/${theirs.id}` })).statusCode).toBe(404);
    expect((await t.call(await t.login('ch.clerk'), { method: 'GET', url: `/api/parking/applications/${theirs.id}` })).statusCode).toBe(
      404,
    );
    const bad = await t.call(resident, {
      method: 'POST',
      url: '/api/parking/applications',
      payload: { communityId: t.yg, roomId: room.roomId, plateNumber: '12345', vehicleModel: '大众', driverName: '张三' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].field).toBe('plateNumber');
  });
});
