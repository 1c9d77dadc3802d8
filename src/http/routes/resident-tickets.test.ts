import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { act, createRepair, occupiedRoom } from '../../../tests/support/factories.js';

describe.each(await drivers())("the resident's own tickets and ratings (%s)", (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A repair of the room at `roomIndex`, taken to the resident's confirmation. */
  async function finishedRepair(roomIndex: number) {
    const { order, room } = await createRepair(t, { content: '阳台地漏返水' }, { roomIndex });
    const tech = await t.login('yg.tech1');
    const clerk = await t.login('yg.clerk');
    expect((await act(t, tech, order.id, 'grab')).statusCode).toBe(200);
    await act(t, tech, order.id, 'arrive');
    await act(t, clerk, order.id, 'confirm-by-phone', { reason: '电话核实' });
    expect((await act(t, tech, order.id, 'complete', { summary: '疏通地漏，试水正常' })).statusCode).toBe(200);
    return { order, room };
  }

  it('lists the household’s repairs with their answer, and nobody else’s', async () => {
    const { order, room } = await finishedRepair(11);
    const neighbour = await createRepair(t, { content: '邻居家门锁坏' }, { roomIndex: 12 });
    const res = await t.call(await t.loginResident(room.phone), { method: 'GET', url: '/api/my/tickets' });
    expect(res.statusCode).toBe(200);
    const items = res.json() as { id: string; kind: string; reply: string | null; canRate: boolean; status: string }[];
    const mine = items.find((i) => i.id === order.id);
    expect(mine).toMatchObject({ kind: 'repair', status: 'completed', reply: '疏通地漏，试水正常', canRate: true, rating: null });
    expect(items.some((i) => i.id === neighbour.order.id)).toBe(false);
    const onlyComplaints = await t.call(await t.loginResident(room.phone), { method: 'GET', url: '/api/my/tickets?kind=complaint' });
    expect((onlyComplaints.json() as { kind: string }[]).every((i) => i.kind === 'complaint')).toBe(true);
  });

  it('takes a rating once the work is done, keeps the latest, and puts it on the timeline', async () => {
    const { order, room } = await finishedRepair(13);
    const resident = await t.loginResident(room.phone);
    const rate = (payload: Record<string, unknown>) =>
      t.call(resident, { method: 'POST', url: `/api/tickets/${order.id}/rating`, payload });

    expect((await rate({ outcome: 'satisfied', comment: '师傅很细心' })).statusCode).toBe(200);
    expect((await rate({ outcome: 'basically_satisfied', comment: '有点慢' })).statusCode).toBe(200);
    const items = (await t.call(resident, { method: 'GET', url: '/api/my/tickets' })).json() as {
      id: string;
      rating: { outcome: string; comment: string } | null;
    }[];
    expect(items.find((i) => i.id === order.id)?.rating).toMatchObject({ outcome: 'basically_satisfied', comment: '有点慢' });
    const detail = (await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/api/repair-orders/${order.id}` })).json();
    const rated = detail.events.filter((e: { type: string }) => e.type === 'ResidentRated');
    expect(rated.map((e: { data: { outcome: string; isChange: boolean } }) => [e.data.outcome, e.data.isChange])).toEqual([
      ['satisfied', false],
      ['basically_satisfied', true],
    ]);
  });

  it('refuses a rating before the work is done, and an unsatisfied one without a reason, storing nothing', async () => {
    const { order, room } = await createRepair(t, {}, { roomIndex: 14 });
    const resident = await t.loginResident(room.phone);
    const early = await t.call(resident, { method: 'POST', url: `/api/tickets/${order.id}/rating`, payload: { outcome: 'satisfied' } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message.zh).toContain('处理完成后');

    const done = await finishedRepair(15);
    const doneResident = await t.loginResident(done.room.phone);
    const bare = await t.call(doneResident, {
      method: 'POST',
      url: `/api/tickets/${done.order.id}/rating`,
      payload: { outcome: 'unsatisfied', comment: ' ' },
    });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().error.fields).toEqual([
      { field: 'comment', message: { zh: '请说明不满意的原因', en: 'Tell us what you are unsatisfied with' } },
    ]);
    const wrong = await t.call(doneResident, {
      method: 'POST',
      url: `/api/tickets/${done.order.id}/rating`,
      payload: { outcome: 'great' },
    });
    expect(wrong.statusCode).toBe(400);
    const items = (await t.call(doneResident, { method: 'GET', url: '/api/my/tickets' })).json() as { id: string; rating: unknown }[];
    expect(items.find((i) => i.id === done.order.id)?.rating).toBeNull();
  });

  it('tells the supervisor and the desk when a resident is unsatisfied', async () => {
    const { order, room } = await finishedRepair(16);
    const res = await t.call(await t.loginResident(room.phone), {
      method: 'POST',
      url: `/api/tickets/${order.id}/rating`,
      payload: { outcome: 'unsatisfied', comment: '还是返水' },
    });
    expect(res.statusCode).toBe(200);
    const inbox = (await t.call(await t.login('yg.cssup'), { method: 'GET', url: '/api/notifications' })).json();
    expect(inbox.items.some((n: { ticketId: string; kind: string }) => n.ticketId === order.id && n.kind === 'ResidentRated')).toBe(true);
  });

  it('lists the consultations the resident called in, with the answer, and takes their rating once closed', async () => {
    const room = await occupiedRoom(t, t.yg, 19);
    const clerk = await t.login('yg.clerk');
    const logged = await t.call(clerk, {
      method: 'POST',
      url: '/api/contacts',
      payload: {
        communityId: t.yg,
        channel: 'phone',
        callerName: room.name,
        callerPhone: room.phone,
        content: '咨询车位月卡怎么办理',
        triage: { category: 'consultation' },
      },
    });
    expect(logged.statusCode).toBe(201);
    const entry = logged.json() as { id: string };
    const resident = await t.loginResident(room.phone);
    const list = async () =>
      (await t.call(resident, { method: 'GET', url: '/api/my/tickets?kind=contact' })).json() as {
        id: string;
        status: string;
        reply: string | null;
        canRate: boolean;
      }[];
    expect((await list()).find((i) => i.id === entry.id)).toMatchObject({ status: 'awaiting_reply', reply: null, canRate: false });
    const replied = await t.call(clerk, {
      method: 'POST',
      url: `/api/contacts/${entry.id}/reply`,
      payload: { answer: '带行驶证到物业前台办理，每月300元', method: 'phone', isSatisfied: true },
    });
    expect(replied.statusCode).toBe(200);
    expect((await list()).find((i) => i.id === entry.id)).toMatchObject({
      status: 'closed',
      reply: '带行驶证到物业前台办理，每月300元',
      canRate: true,
    });
    const rated = await t.call(resident, { method: 'POST', url: `/api/tickets/${entry.id}/rating`, payload: { outcome: 'satisfied' } });
    expect(rated.statusCode).toBe(200);
  });

  it('lets no one rate another household’s ticket, and staff neither list nor rate', async () => {
    const { order } = await finishedRepair(17);
    const other = await createRepair(t, {}, { roomIndex: 18 });
    const neighbour = await t.loginResident(other.room.phone);
    const res = await t.call(neighbour, { method: 'POST', url: `/api/tickets/${order.id}/rating`, payload: { outcome: 'satisfied' } });
    expect(res.statusCode).toBe(404);
    const clerk = await t.login('yg.clerk');
    expect((await t.call(clerk, { method: 'GET', url: '/api/my/tickets' })).statusCode).toBe(403);
    expect(
      (await t.call(clerk, { method: 'POST', url: `/api/tickets/${order.id}/rating`, payload: { outcome: 'satisfied' } })).statusCode,
    ).toBe(403);
  });
});
