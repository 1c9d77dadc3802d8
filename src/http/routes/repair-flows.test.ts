import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { act, codeFor, createRepair } from '../../../tests/support/factories.js';

const png = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

describe.each(await drivers())('repair flows over HTTP (%s)', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(async () => {
    await t?.close();
  });
  const get = async (id: string, who = 'yg.clerk') =>
    (await t.call(await t.login(who), { method: 'GET', url: `/api/repair-orders/${id}` })).json();

  it('lets exactly one of many simultaneous grabs win; the others hear "already taken"', async () => {
    const { order } = await createRepair(t, {}, { roomIndex: 5 });
    const techs = await Promise.all(['yg.tech1', 'yg.tech2', 'yg.tech3'].map((u) => t.login(u)));
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => act(t, techs[i % 3]!, order.id, 'grab')));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(11);
    const loser = answers.find((a) => a.statusCode === 409)!.json();
    expect(loser.error.code).toBe('already_taken');
    expect(loser.error.message.zh).toContain('已被抢');
    const d = await get(order.id);
    expect(d.events.filter((e: { type: string }) => e.type === 'OrderGrabbed')).toHaveLength(1);
  });

  it('assigns to the technician a resident asked for, who must accept', async () => {
    const techs = (await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/api/technicians?communityId=${t.yg}` })).json();
    const wanted = techs.find((x: { name: string }) => x.name === '赵师傅');
    const { order } = await createRepair(t, { requestedTechnicianId: wanted.id }, { roomIndex: 6 });
    expect(order.status).toBe('dispatched');
    expect(order.assigneeId).toBe(wanted.id);
    expect((await act(t, await t.login('yg.tech1'), order.id, 'accept')).statusCode).toBe(404);
    expect((await act(t, await t.login('yg.tech2'), order.id, 'accept')).json().status).toBe('accepted');
  });

  it('locks the code after the allowed attempts; the desk then confirms by phone with a reason', async () => {
    const { order } = await createRepair(t, {}, { roomIndex: 7 });
    const tech = await t.login('yg.tech1');
    await act(t, tech, order.id, 'grab');
    await act(t, tech, order.id, 'arrive');
    const right = await codeFor(t, order.number);
    const wrong = right === '123456' ? '654321' : '123456';
    for (let i = 1; i <= 5; i++) {
      const res = await act(t, tech, order.id, 'verify-code', { code: wrong });
      expect(res.statusCode).toBe(422);
    }
    const locked = await act(t, tech, order.id, 'verify-code', { code: right });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('code_locked');
    expect((await get(order.id, 'yg.tech1')).allowedActions).not.toContain('verify_code');
    const noReason = await act(t, await t.login('yg.clerk'), order.id, 'confirm-by-phone', { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0]).toMatchObject({ field: 'reason' });
    const ok = await act(t, await t.login('yg.clerk'), order.id, 'confirm-by-phone', { reason: '业主不在家，致电核实为本人预约' });
    expect(ok.json().status).toBe('in_progress');
    expect(ok.json().verifiedBy).toBe('phone');
  });

  it('keeps the promised-time history and refuses a fourth change', async () => {
    const at = (h: number) => new Date(Date.parse('2026-11-26T09:00:00+08:00') + h * 3_600_000).toISOString();
    t.clock.set('2026-11-25T09:00:00+08:00');
    const { order } = await createRepair(t, { timing: 'appointment', appointmentAt: at(0) }, { roomIndex: 8 });
    const sup = await t.login('yg.engsup');
    for (let i = 1; i <= 3; i++) {
      const res = await act(t, sup, order.id, 'reschedule', { appointmentAt: at(i), reason: `业主改约第${i}次` });
      expect(res.statusCode).toBe(200);
    }
    const fourth = await act(t, sup, order.id, 'reschedule', { appointmentAt: at(5), reason: '再改' });
    expect(fourth.statusCode).toBe(409);
    const d = await get(order.id);
    expect(d.promisedTimes.map((p: { at: string }) => p.at)).toEqual([at(0), at(1), at(2), at(3)]);
    expect(d.appointmentAt).toBe(at(3));
    expect(d.timers.find((x: { kind: string; status: string }) => x.kind === 'arrival_timeout' && x.status === 'pending').dueAt).toBe(
      at(3),
    );
  });

  it('sends out-of-scope work to the supervisor to price; the resident accepts on the phone', async () => {
    const { order, room } = await createRepair(t, {}, { roomIndex: 9 });
    const tech = await t.login('yg.tech3');
    await act(t, tech, order.id, 'grab');
    await act(t, tech, order.id, 'arrive');
    await act(t, tech, order.id, 'verify-code', { code: await codeFor(t, order.number) });
    expect((await act(t, tech, order.id, 'request-quote', { description: '更换整套橱柜水槽，不在服务目录内' })).json().status).toBe(
      'awaiting_quote',
    );
    const noPrice = await act(t, await t.login('yg.engsup'), order.id, 'quote', { isFeasible: true, note: '可以做' });
    expect(noPrice.statusCode).toBe(422);
    expect(noPrice.json().error.fields[0].field).toBe('quoteCents');
    expect(
      (await act(t, await t.login('yg.engsup'), order.id, 'quote', { isFeasible: true, quoteCents: 28000, note: '人工+辅材' })).json()
        .status,
    ).toBe('awaiting_approval');
    const resident = await t.loginResident(room.phone);
    const mine = (await t.call(resident, { method: 'GET', url: '/api/repair-orders?view=all' })).json();
    expect(mine.items.map((o: { id: string }) => o.id)).toContain(order.id);
    expect((await get(order.id, room.phone)).allowedActions).toEqual(expect.arrayContaining(['accept_quote', 'refuse_quote']));
    const accepted = await t.call(resident, { method: 'POST', url: `/api/repair-orders/${order.id}/accept-quote`, payload: {} });
    expect(accepted.json().status).toBe('in_progress');
  });

  it('returns a refused price to the desk, who closes it with a reason', async () => {
    const { order } = await createRepair(t, {}, { roomIndex: 10 });
    const tech = await t.login('yg.tech1');
    await act(t, tech, order.id, 'grab');
    await act(t, tech, order.id, 'arrive');
    await act(t, tech, order.id, 'request-quote', { description: '需更换热水器' });
    await act(t, await t.login('yg.engsup'), order.id, 'quote', { isFeasible: true, quoteCents: 150000, note: '含安装' });
    const clerk = await t.login('yg.clerk');
    expect((await act(t, clerk, order.id, 'refuse-quote', { reason: '业主自行购买安装' })).json().status).toBe('returned');
    expect((await act(t, clerk, order.id, 'close-returned', { reason: '业主签字确认不修' })).json().status).toBe('closed');
  });

  it('reopens the order on an unsatisfied visit and runs the cycle again', async () => {
    const { order } = await createRepair(t, {}, { roomIndex: 11 });
    const tech = await t.login('yg.tech2');
    const clerk = await t.login('yg.clerk');
    await act(t, tech, order.id, 'grab');
    await act(t, tech, order.id, 'arrive');
    await act(t, clerk, order.id, 'confirm-by-phone', { reason: '电话核实' });
    await act(t, tech, order.id, 'complete', { summary: '已处理' });
    await act(t, clerk, order.id, 'confirm', {});
    const reopened = await act(t, clerk, order.id, 'visit', { outcome: 'unsatisfied', method: 'phone', comment: '仍有渗水，业主不满意' });
    const d = reopened.json();
    expect(d.status).toBe('open');
    expect(d.reopenCount).toBe(1);
    expect(d.assigneeId).toBeNull();
    expect(d.visits[0]).toMatchObject({ status: 'reprocessing', outcome: 'unsatisfied' });
    expect(d.timers.filter((x: { status: string; kind: string }) => x.status === 'pending').map((x: { kind: string }) => x.kind)).toContain(
      'grab_timeout',
    );
    await act(t, tech, order.id, 'grab');
    await act(t, tech, order.id, 'arrive');
    await act(t, clerk, order.id, 'confirm-by-phone', { reason: '电话核实' });
    await act(t, tech, order.id, 'complete', { summary: '重新打胶，试水无渗漏' });
    await act(t, clerk, order.id, 'confirm', {});
    const closed = await act(t, clerk, order.id, 'visit', { outcome: 'basically_satisfied', method: 'home', comment: '基本满意' });
    expect(closed.json().status).toBe('closed');
    // One visit task, visited again in its second round after the rework.
    expect(closed.json().visits).toHaveLength(1);
    expect(closed.json().visits[0]).toMatchObject({ status: 'closed', outcome: 'basically_satisfied' });
  });

  it('lets a resident report from the phone for their own home only, and confirm the work', async () => {
    const { room } = await createRepair(t, {}, { roomIndex: 12 });
    const resident = await t.loginResident(room.phone);
    const me = (await t.call(resident, { method: 'GET', url: '/api/me' })).json();
    expect(me.role).toBe('resident');
    expect(me.rooms.map((r: { id: string }) => r.id)).toContain(room.roomId);
    const other = (await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/api/rooms?communityId=${t.yg}` }))
      .json()
      .find((r: { id: string }) => r.id !== room.roomId);
    const base = {
      communityId: t.yg,
      reporterName: room.name,
      reporterPhone: room.phone,
      category: 'electrical',
      area: 'in_home',
      timing: 'immediate',
      content: '客厅灯不亮',
    };
    const refused = await t.call(resident, { method: 'POST', url: '/api/repair-orders', payload: { ...base, roomId: other.id } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields[0].field).toBe('roomId');
    const created = await t.call(resident, { method: 'POST', url: '/api/repair-orders', payload: { ...base, roomId: room.roomId } });
    expect(created.statusCode).toBe(201);
    const order = created.json();
    expect(order.channel).toBe('app');
    expect(order.allowedActions).toContain('cancel');
    const tech = await t.login('yg.tech1');
    await act(t, tech, order.id, 'grab');
    await act(t, tech, order.id, 'arrive');
    await act(t, tech, order.id, 'verify-code', { code: await codeFor(t, order.number) });
    await act(t, tech, order.id, 'complete', { summary: '更换灯管' });
    const confirmed = await t.call(resident, {
      method: 'POST',
      url: `/api/repair-orders/${order.id}/confirm`,
      payload: { signature: room.name },
    });
    expect(confirmed.json().status).toBe('confirmed');
    // The confirmation opens the follow-up visit task, the next step on the timeline.
    expect(confirmed.json().events.at(-2)).toMatchObject({ type: 'CompletionConfirmed', actorRole: 'resident' });
    expect(confirmed.json().events.at(-1)).toMatchObject({ type: 'VisitTaskCreated', actorRole: 'system' });
  });

  it('stores photos only as real images within the size limit', async () => {
    const { order } = await createRepair(t, {}, { roomIndex: 13 });
    const clerk = await t.login('yg.clerk');
    const upload = (bytes: Buffer, name: string, type: string) => {
      const boundary = '----pd';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.call(clerk, {
        method: 'POST',
        url: `/api/repair-orders/${order.id}/photos`,
        payload: body,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    };
    const ok = await upload(png, 'leak.png', 'image/png');
    expect(ok.statusCode).toBe(201);
    const fake = await upload(Buffer.from('<html><script>alert(1)</script></html>'), 'x.png', 'image/png');
    expect(fake.statusCode).toBe(422);
    expect(fake.json().error.fields[0].field).toBe('file');
    const big = await upload(Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]), 'big.png', 'image/png');
    expect(big.statusCode).toBe(413);
    const photo = await t.call(clerk, { method: 'GET', url: ok.json().url });
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.headers['x-content-type-options']).toBe('nosniff');
    expect((await get(order.id)).photos).toHaveLength(1);
  });

  it('prints two copies for free work and three for paid work', async () => {
    const { order } = await createRepair(t, {}, { roomIndex: 14 });
    const clerk = await t.login('yg.clerk');
    const sheets = async () => {
      const res = await t.call(clerk, { method: 'GET', url: `/print/repair-orders/${order.id}` });
      expect(res.headers['content-type']).toContain('text/html');
      return (res.body.match(/class="sheet"/g) ?? []).length;
    };
    expect(await sheets()).toBe(2);
    const tech = await t.login('yg.tech1');
    await act(t, tech, order.id, 'grab');
    await act(t, tech, order.id, 'arrive');
    await act(t, clerk, order.id, 'confirm-by-phone', { reason: '电话核实' });
    await act(t, tech, order.id, 'record-work', { labourFeeCents: 5000 });
    expect(await sheets()).toBe(3);
    const html = (await t.call(clerk, { method: 'GET', url: `/print/repair-orders/${order.id}` })).body;
    expect(html).toContain(order.number);
    expect(html).toContain('第三联 业主');
    expect(html).toContain('¥50.00');
  });

  it('refuses bad input with field messages in both languages and stores nothing', async () => {
    const clerk = await t.login('yg.clerk');
    const before = (await t.call(clerk, { method: 'GET', url: '/api/repair-orders?view=all&limit=1' })).json().total;
    const res = await t.call(clerk, {
      method: 'POST',
      url: '/api/repair-orders',
      payload: {
        communityId: t.yg,
        reporterName: '',
        reporterPhone: 'abc',
        category: 'roof',
        area: 'in_home',
        timing: 'appointment',
        content: 'x',
      },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['reporterName', 'reporterPhone', 'category']));
    for (const f of res.json().error.fields) {
      expect(f.message.zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(f.message.en).toMatch(/[A-Za-z]/);
    }
    // Rules across fields speak once the fields themselves are right.
    const room = await t.call(clerk, {
      method: 'POST',
      url: '/api/repair-orders',
      payload: {
        communityId: t.yg,
        reporterName: '王',
        reporterPhone: '13800000000',
        category: 'other',
        area: 'in_home',
        timing: 'appointment',
        content: 'x',
      },
    });
    expect(room.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['appointmentAt', 'roomId']);
    expect((await t.call(clerk, { method: 'GET', url: '/api/repair-orders?view=all&limit=1' })).json().total).toBe(before);
  });

  it('refuses an appointment that is not in the future', async () => {
    t.clock.set('2026-11-25T09:00:00+08:00');
    const { room } = await createRepair(t, {}, { roomIndex: 16 });
    const res = await t.call(await t.login('yg.clerk'), {
      method: 'POST',
      url: '/api/repair-orders',
      payload: {
        communityId: t.yg,
        roomId: room.roomId,
        reporterName: room.name,
        reporterPhone: room.phone,
        category: 'plumbing',
        area: 'in_home',
        timing: 'appointment',
        appointmentAt: '2026-11-25T09:00:00+08:00',
        content: '预约上门',
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].field).toBe('appointmentAt');
  });

  it('lists visit tasks with the reporter to call and the technician', async () => {
    const { order, room } = await createRepair(t, {}, { roomIndex: 17 });
    const tech = await t.login('yg.tech1');
    const clerk = await t.login('yg.clerk');
    await act(t, tech, order.id, 'grab');
    await act(t, tech, order.id, 'arrive');
    await act(t, clerk, order.id, 'confirm-by-phone', { reason: '电话核实' });
    await act(t, tech, order.id, 'complete', { summary: '已修好' });
    await act(t, clerk, order.id, 'confirm', {});
    const visits = (await t.call(clerk, { method: 'GET', url: `/api/visits?communityId=${t.yg}` })).json();
    expect(visits.find((v: { ticketNumber: string }) => v.ticketNumber === order.number)).toMatchObject({
      reporterName: room.name,
      reporterPhone: room.phone,
      assigneeName: '李师傅',
      status: 'pending',
    });
  });

  it('keeps each person’s read state of a notice sent to their role', async () => {
    const { order } = await createRepair(t, { urgency: 'urgent' }, { roomIndex: 18 });
    const inbox = async (u: string) => (await t.call(await t.login(u), { method: 'GET', url: '/api/notifications' })).json();
    const first = (await inbox('yg.tech1')).items.find((n: { body: string }) => n.body === order.number);
    expect(first.readAt).toBeNull();
    const before2 = (await inbox('yg.tech2')).unread;
    const read = await t.call(await t.login('yg.tech1'), { method: 'POST', url: `/api/notifications/${first.id}/read` });
    expect(read.statusCode).toBe(200);
    expect((await inbox('yg.tech1')).items.find((n: { id: string }) => n.id === first.id).readAt).not.toBeNull();
    // The same notice to the same role is still unread for the other technician.
    expect((await inbox('yg.tech2')).items.find((n: { id: string }) => n.id === first.id).readAt).toBeNull();
    expect((await inbox('yg.tech2')).unread).toBe(before2);
  });

  it('tells live streams when an order changes', async () => {
    const seen: unknown[] = [];
    const stop = t.hub.subscribe((m) => seen.push(m));
    const { order } = await createRepair(t, {}, { roomIndex: 15 });
    await new Promise((r) => setTimeout(r, 200));
    stop();
    expect(seen).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'ticket', ticketId: order.id, status: 'open' })]));
  });

  it('serves the OpenAPI document generated from the route schemas', async () => {
    const doc = (await t.call(null, { method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/repair-orders', '/api/repair-orders/{id}/grab', '/api/boards/dispatch']),
    );
    expect(doc.paths['/api/repair-orders'].post.requestBody.content['application/json'].schema.required).toContain('content');
    expect((await t.call(null, { method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
    // The web client's types are generated from this document: they must not drift (npm run api:types).
    const committed = JSON.parse(readFileSync(new URL('../../../web/src/lib/openapi.json', import.meta.url), 'utf8'));
    expect(doc).toEqual(committed);
  });
});
