import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { occupiedRoom } from '../../../tests/support/factories.js';

type Detail = {
  id: string;
  number: string;
  status: string;
  verdict: string;
  householdOwedCents: number | null;
  issuedByName: string | null;
  releasedByName: string | null;
  validUntil: string | null;
  allowedActions: string[];
  events: { type: string; actorName: string; data: Record<string, unknown> }[];
  error?: { code: string; message: { zh: string; en: string }; fields: { field: string }[] };
};

const identity = { applicantName: '张伟', relation: 'owner', idType: 'id_card', idLast4: '123X' };

describe.each(await drivers())('goods passes from the desk to the gate (%s)', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(async () => {
    await t?.close();
  });
  const post = async (who: string, url: string, payload: object = {}) => t.call(await t.login(who), { method: 'POST', url, payload });
  const apply = async (roomIndex: number, extra: object = {}) => {
    const room = await occupiedRoom(t, t.yg, roomIndex);
    const res = await post('yg.clerk', '/api/goods-passes', {
      communityId: t.yg,
      roomId: room.roomId,
      items: [
        { name: '旧沙发', quantity: 1 },
        { name: '纸箱', quantity: 6, note: '书籍' },
      ],
      identity,
      carrierName: '李师傅',
      vehiclePlate: '粤b12345',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return { pass: res.json() as Detail, room };
  };
  const lookup = async (q: string, who = 'yg.security') =>
    t.call(await t.login(who), { method: 'GET', url: `/api/goods-passes/lookup?q=${encodeURIComponent(q)}` });

  it('blocks a household with arrears until the CS supervisor allows it, then the gate releases it once', async () => {
    t.clock.set('2026-11-25T09:00:00+08:00');
    const room = await occupiedRoom(t, t.yg, 0);
    const owed = await post('yg.finance', '/api/arrears', {
      communityId: t.yg,
      roomId: room.roomId,
      feeType: '物业费',
      period: '2026-10',
      amountCents: 35650,
    });
    expect(owed.statusCode, owed.body).toBe(201);
    const { pass } = await apply(0);
    expect(pass.number).toMatch(/^YG-FX-20261125-\d{4}$/);
    expect(pass.householdOwedCents).toBe(35650);

    const blocked = await post('yg.clerk', `/api/goods-passes/${pass.id}/issue`, {});
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('arrears_outstanding');
    expect((await post('yg.clerk', `/api/goods-passes/${pass.id}/override`, { reason: '熟人' })).statusCode).toBe(403);

    const allowed = await post('yg.cssup', `/api/goods-passes/${pass.id}/override`, { reason: '业主承诺本月底前缴清' });
    expect(allowed.statusCode, allowed.body).toBe(200);
    const issued = (await post('yg.clerk', `/api/goods-passes/${pass.id}/issue`, {})).json() as Detail;
    expect(issued.status).toBe('issued');
    expect(issued.validUntil).toBe('2026-11-26T01:00:00.000Z');
    expect(issued.events.map((e) => e.type)).toEqual(['PassApplied', 'ArrearsOverridden', 'PassIssued']);

    const print = await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/print/goods-passes/${pass.id}` });
    expect(print.statusCode).toBe(200);
    expect(print.body).toContain('物品放行条');
    expect(print.body).toContain('第二联');
    expect(print.body).toContain('旧沙发');
    expect(print.body).toContain('业主承诺本月底前缴清');

    t.clock.set('2026-11-25T14:00:00+08:00');
    const found = await lookup(`扫码 ${pass.number.toLowerCase()}`);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().verdict).toBe('valid');
    expect(found.json().issuedByName).toBe(issued.issuedByName);
    const released = (
      await post('yg.security', `/api/goods-passes/${pass.id}/release`, { note: '物品相符，已收回第二联' })
    ).json() as Detail;
    expect(released.status).toBe('released');

    const again = await lookup(pass.number.slice(3));
    expect(again.json().verdict).toBe('used');
    const twice = await post('yg.security', `/api/goods-passes/${pass.id}/release`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('pass_used');

    const review = (
      await t.call(await t.login('yg.security'), {
        method: 'GET',
        url: `/api/goods-passes/daily-review?communityId=${t.yg}&day=2026-11-25`,
      })
    ).json();
    expect(review.counts).toMatchObject({ issued: 1, released: 1 });
    expect(review.passes.map((p: { number: string }) => p.number)).toContain(pass.number);
    expect(review.canReview).toBe(true);
    const signed = await post('yg.security', '/api/goods-passes/daily-review', { communityId: t.yg, day: '2026-11-25', note: '核对无误' });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().review.reviewedByName).toBeTruthy();
    expect((await post('yg.security', '/api/goods-passes/daily-review', { communityId: t.yg, day: '2026-11-25' })).statusCode).toBe(409);
  });

  it('sends a mismatch back to the desk with a reason, and the desk is told', async () => {
    t.clock.set('2026-11-26T09:00:00+08:00');
    const { pass } = await apply(1);
    await post('yg.clerk', `/api/goods-passes/${pass.id}/issue`, {});
    const back = await post('yg.security', `/api/goods-passes/${pass.id}/return`, { reason: '多一台洗衣机未登记' });
    expect(back.json().status).toBe('returned');
    expect((await lookup(pass.number)).json().verdict).toBe('returned');
    const inbox = (await t.call(await t.login('yg.clerk'), { method: 'GET', url: '/api/notifications' })).json();
    expect(inbox.items.some((n: { body: string }) => n.body === pass.number)).toBe(true);
  });

  it('expires an unused pass when its time is up, and the gate refuses it', async () => {
    t.clock.set('2026-11-27T09:00:00+08:00');
    const { pass } = await apply(2);
    await post('yg.clerk', `/api/goods-passes/${pass.id}/issue`, { identity: { idLast4: '8888' } });
    t.clock.set('2026-11-28T09:00:00+08:00');
    await t.scheduler.tick();
    const d = (await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/api/goods-passes/${pass.id}` })).json() as Detail;
    expect(d.status).toBe('expired');
    expect(d.events.at(-1)?.type).toBe('PassExpired');
    const refused = await post('yg.security', `/api/goods-passes/${pass.id}/release`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('pass_expired');
  });

  it('expires a pass found at the gate after its time even before the timer ran', async () => {
    t.clock.set('2026-11-29T09:00:00+08:00');
    const { pass } = await apply(3);
    await post('yg.clerk', `/api/goods-passes/${pass.id}/issue`, {});
    t.clock.set('2026-11-30T09:00:01+08:00');
    const refused = await post('yg.security', `/api/goods-passes/${pass.id}/release`, {});
    expect(refused.json().error.code).toBe('pass_expired');
    const d = (await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/api/goods-passes/${pass.id}` })).json() as Detail;
    expect(d.status).toBe('expired');
  });

  it('lets a resident apply ahead on the phone and see only their household’s passes', async () => {
    t.clock.set('2026-12-01T09:00:00+08:00');
    const room = await occupiedRoom(t, t.yg, 4);
    const res = await t.call(await t.loginResident(room.phone), {
      method: 'POST',
      url: '/api/goods-passes',
      payload: { communityId: t.yg, roomId: room.roomId, items: [{ name: '电视机', quantity: 1 }], plannedAt: '2026-12-02T10:00:00+08:00' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const mine = (await t.call(await t.loginResident(room.phone), { method: 'GET', url: '/api/goods-passes?view=all' })).json();
    expect(mine.items.map((p: { id: string }) => p.id)).toEqual([res.json().id]);
    // The desk checks the identity when the resident comes: without it, nothing is issued.
    const missing = await post('yg.clerk', `/api/goods-passes/${res.json().id}/issue`, {});
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.fields.map((f: { field: string }) => f.field)).toContain('identity.idLast4');
    const full = await post('yg.clerk', `/api/goods-passes/${res.json().id}/issue`, {
      identity: { ...identity, idLast4: '110101199001011234' },
    });
    expect(full.statusCode).toBe(422);
  });
});
