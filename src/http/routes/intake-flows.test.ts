import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { act, occupiedRoom } from '../../../tests/support/factories.js';

type Entry = Record<string, unknown> & {
  id: string;
  number: string;
  status: string;
  category: string | null;
  ownerId: string;
  flags: string[];
  linkedTicket: { kind: string; id: string; number: string | null; status: string | null } | null;
  events: { type: string; actorName: string; toStatus: string }[];
  timers: { kind: string; dueAt: string; level: number; status: string }[];
  allowedActions: string[];
};

describe.each(await drivers())('duty log over HTTP (%s)', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  const log = async (payload: Record<string, unknown>, who = 'yg.clerk') =>
    t.call(await t.login(who), {
      method: 'POST',
      url: '/api/contacts',
      payload: {
        communityId: t.yg,
        channel: 'phone',
        callerName: '李先生',
        callerPhone: '13800000000',
        content: '咨询物业费缴费方式',
        ...payload,
      },
    });
  const logged = async (payload: Record<string, unknown>, who = 'yg.clerk') => {
    const res = await log(payload, who);
    if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as Entry;
  };
  const get = async (id: string, who = 'yg.clerk') =>
    (await t.call(await t.login(who), { method: 'GET', url: `/api/contacts/${id}` })).json() as Entry;
  const post = async (id: string, action: string, payload: Record<string, unknown>, who = 'yg.clerk') =>
    t.call(await t.login(who), { method: 'POST', url: `/api/contacts/${id}/${action}`, payload });
  const notices = async (who: string) =>
    (await t.call(await t.login(who), { method: 'GET', url: '/api/notifications' })).json().items as {
      titleZh: string;
      ticketId: string;
    }[];
  const userId = async (who: string) => (await t.call(await t.login(who), { method: 'GET', url: '/api/me' })).json().id as string;

  it('closes an oral consultation answered on the spot', async () => {
    const e = await logged({ triage: { category: 'consultation', isAnsweredOnSpot: true, answer: '可在业主App或前台缴纳' } });
    expect(e.status).toBe('closed');
    expect(e.answer).toBe('可在业主App或前台缴纳');
    expect(e.events.map((x) => x.type)).toEqual(['ContactLogged', 'ContactTriaged']);
  });

  it('gives a consultation not answered on the spot a 2-hour reply from the policy, then hands it to the department head when late', async () => {
    const e = await logged({ triage: { category: 'consultation' } });
    expect(e.status).toBe('awaiting_reply');
    expect(new Date(e.replyDueAt as string).getTime() - new Date(e.createdAt as string).getTime()).toBe(120 * 60_000);
    expect(e.timers.find((x) => x.kind === 'reply_due')?.status).toBe('pending');
    t.clock.advanceMinutes(121);
    await t.scheduler.tick();
    const late = await get(e.id);
    expect(late.flags).toContain('reply_overdue');
    expect(late.isEscalated).toBe(true);
    expect(late.ownerId).toBe(await userId('yg.cssup'));
    expect((await notices('yg.cssup')).some((n) => n.ticketId === e.id)).toBe(true);
    // The department head now answers; a satisfied reply closes it.
    const done = await post(e.id, 'reply', { answer: '已电话告知', method: 'phone', isSatisfied: true }, 'yg.cssup');
    expect(done.json().status).toBe('closed');
  });

  it('keeps a written consultation for a written reply within the written time', async () => {
    const e = await logged({ channel: 'email', triage: { category: 'consultation' } });
    expect(new Date(e.replyDueAt as string).getTime() - new Date(e.createdAt as string).getTime()).toBe(24 * 60 * 60_000);
    const phone = await post(e.id, 'reply', { answer: '电话答复', method: 'phone', isSatisfied: true });
    expect(phone.statusCode).toBe(422);
    expect((await post(e.id, 'reply', { answer: '书面答复', method: 'written', isSatisfied: true })).json().status).toBe('closed');
  });

  it('answers a suggestion and a request for help; an unsatisfied resident goes to the department head', async () => {
    const s = await logged({ content: '建议增加儿童游乐设施', triage: { category: 'suggestion' } });
    expect(s.status).toBe('awaiting_reply');
    const h = await logged({ content: '老人忘带钥匙求助', triage: { category: 'help' } });
    expect(h.status).toBe('awaiting_reply');
    const unhappy = (await post(h.id, 'reply', { answer: '请联系开锁公司', method: 'phone', isSatisfied: false })).json();
    expect(unhappy.status).toBe('awaiting_reply');
    expect(unhappy.ownerId).toBe(await userId('yg.cssup'));
    expect((await post(h.id, 'reply', { answer: '已协助开门', method: 'in_person', isSatisfied: true }, 'yg.cssup')).statusCode).toBe(422);
    const closed = await post(
      h.id,
      'reply',
      { answer: '已协助开门', method: 'in_person', isSatisfied: true, cause: '答复推诿', responsible: '小李' },
      'yg.cssup',
    );
    expect(closed.json().status).toBe('closed');
  });

  it('keeps the entry in the first owner’s "mine" until it closes, and lets only them hand it up', async () => {
    const e = await logged({ content: '咨询装修审批', triage: { category: 'consultation' } }, 'yg.clerk2');
    const mine = async (who: string) =>
      ((await t.call(await t.login(who), { method: 'GET', url: '/api/contacts?view=mine' })).json().items as { id: string }[]).map(
        (x) => x.id,
      );
    expect(await mine('yg.clerk2')).toContain(e.id);
    expect(await mine('yg.clerk')).not.toContain(e.id);
    expect((await post(e.id, 'escalate', { reason: '涉及装修规定' }, 'yg.clerk')).statusCode).toBe(403);
    const up = (await post(e.id, 'escalate', { reason: '涉及装修规定' }, 'yg.clerk2')).json();
    expect(up.ownerId).toBe(await userId('yg.cssup'));
    expect(await mine('yg.clerk2')).toContain(e.id);
    expect(await mine('yg.cssup')).toContain(e.id);
    await post(e.id, 'reply', { answer: '需提交装修申请', method: 'phone', isSatisfied: true }, 'yg.cssup');
    expect(await mine('yg.clerk2')).not.toContain(e.id);
  });

  it('raises an emergency to the nearest on-duty staff and the director, climbs until somebody takes it, then is resolved', async () => {
    const e = await logged({ content: '3栋电梯困人', triage: { category: 'emergency', emergencyKind: 'fight' } });
    expect(e.status).toBe('emergency');
    expect((await notices('yg.security')).some((n) => n.ticketId === e.id)).toBe(true);
    expect((await notices('yg.director')).some((n) => n.ticketId === e.id)).toBe(true);
    const banner = async () =>
      ((await t.call(await t.login('yg.tech1'), { method: 'GET', url: '/api/contacts/emergencies' })).json().items as { id: string }[]).map(
        (x) => x.id,
      );
    expect(await banner()).toContain(e.id);
    t.clock.advanceMinutes(6);
    await t.scheduler.tick();
    t.clock.advanceMinutes(6);
    await t.scheduler.tick();
    const climbing = await get(e.id);
    expect(climbing.flags).toContain('emergency_unacknowledged');
    expect(climbing.events.filter((x) => x.type === 'EmergencyEscalated')).toHaveLength(2);
    expect((await notices('gm')).some((n) => n.ticketId === e.id)).toBe(true);
    // The security guard on duty takes it: the alarm stops and it leaves the banner.
    const taken = (await post(e.id, 'acknowledge', {}, 'yg.security')).json() as Entry;
    expect(taken.status).toBe('responding');
    expect(taken.responderName).toBe('保安队长 马');
    expect(taken.flags).not.toContain('emergency_unacknowledged');
    expect(await banner()).not.toContain(e.id);
    t.clock.advanceMinutes(30);
    expect(await t.scheduler.tick()).toBe(0);
    const resolved = (await post(e.id, 'resolve', { result: '已劝离，双方和解', hasCalledPolice: true }, 'yg.security')).json() as Entry;
    expect(resolved.status).toBe('closed');
    expect(resolved.events.map((x) => `${x.type}:${x.actorName}`)).toEqual(
      expect.arrayContaining(['ContactLogged:小林（前台）', 'EmergencyTaken:保安队长 马', 'EmergencyResolved:保安队长 马']),
    );
  });

  it('triages into a repair order, linked, and closes the entry when the order closes', async () => {
    const room = await occupiedRoom(t, t.yg, 3);
    const e = await logged({
      roomId: room.roomId,
      callerName: room.name,
      callerPhone: room.phone,
      content: '卫生间漏水',
      triage: { category: 'repair', repair: { category: 'plumbing', area: 'in_home' } },
    });
    expect(e.status).toBe('referred');
    expect(e.linkedTicket?.kind).toBe('repair');
    expect(e.linkedTicket?.status).toBe('open');
    const orderId = e.linkedTicket!.id;
    const clerk = await t.login('yg.clerk');
    expect((await act(t, clerk, orderId, 'cancel', { reason: '业主自行处理' })).statusCode).toBe(200);
    const after = await get(e.id);
    expect(after.status).toBe('closed');
    expect(after.events.at(-1)?.type).toBe('EntryClosed');
  });

  it('triages a paid service into a paid repair order and a logged entry into a matter', async () => {
    const room = await occupiedRoom(t, t.yg, 4);
    const paid = await logged({
      roomId: room.roomId,
      content: '更换水龙头',
      triage: { category: 'paid_service', repair: { category: 'plumbing', area: 'in_home' } },
    });
    const order = (await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/api/repair-orders/${paid.linkedTicket!.id}` })).json();
    expect(order.content).toContain('有偿服务');
    const e = await logged({ content: '楼道堆放杂物' });
    expect(e.status).toBe('logged');
    const triaged = (await post(e.id, 'triage', { category: 'matter', matter: { category: '公共秩序' } })).json() as Entry;
    expect(triaged.status).toBe('referred');
    expect(triaged.linkedTicket).toMatchObject({ kind: 'matter', status: 'with_supervisor' });
    expect(triaged.events.map((x) => x.type)).toEqual(['ContactLogged', 'ContactTriaged', 'TicketLinked']);
  });

  it('triages into a complaint, linked', async () => {
    const room = await occupiedRoom(t, t.yg, 2);
    const e = await logged({
      roomId: room.roomId,
      callerName: room.name,
      callerPhone: room.phone,
      content: '投诉保安态度恶劣',
      triage: { category: 'complaint' },
    });
    expect(e.status).toBe('referred');
    expect(e.linkedTicket?.kind).toBe('complaint');
  });

  it('refuses bad input with bilingual field errors and writes nothing', async () => {
    const count = async () =>
      (await t.call(await t.login('yg.clerk'), { method: 'GET', url: '/api/contacts?view=all&limit=200' })).json().total as number;
    const orders = async () =>
      (await t.call(await t.login('yg.clerk'), { method: 'GET', url: '/api/repair-orders?view=all&limit=200' })).json().total as number;
    const [before, ordersBefore] = [await count(), await orders()];
    // Malformed requests are refused by the schema (400), refused business input by the rules (422).
    const blank = await log({ content: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields.map((f: { field: string }) => f.field)).toContain('content');
    const noKind = await log({ triage: { category: 'emergency' } });
    expect(noKind.statusCode).toBe(400);
    const issue = noKind.json().error.fields.find((f: { field: string }) => f.field === 'triage.emergencyKind');
    expect(issue.message.zh).toContain('紧急求援类型');
    expect(issue.message.en).toContain('emergency');
    // An in-home repair without a room: the repair order would be refused, so nothing is written.
    const noRoom = await log({ content: '水管爆裂', triage: { category: 'repair', repair: { category: 'plumbing', area: 'in_home' } } });
    expect(noRoom.statusCode).toBe(422);
    expect(noRoom.json().error.fields[0].field).toBe('roomId');
    expect(await count()).toBe(before);
    expect(await orders()).toBe(ordersBefore);
  });

  it('voids an entry logged by mistake', async () => {
    const e = await logged({ content: '重复登记' });
    expect((await post(e.id, 'void', { reason: '重复' })).json().status).toBe('voided');
  });

  it('shows a resident their own contacts with status and reply', async () => {
    const room = await occupiedRoom(t, t.yg, 0);
    const e = await logged({
      roomId: room.roomId,
      callerName: room.name,
      callerPhone: room.phone,
      content: '咨询停车月卡',
      triage: { category: 'consultation' },
    });
    await post(e.id, 'reply', { answer: '前台办理，每月300元', method: 'phone', isSatisfied: true });
    const cookie = await t.loginResident(room.phone);
    const mine = (await t.call(cookie, { method: 'GET', url: '/api/my/contacts' })).json().items as {
      id: string;
      status: string;
      answer: string;
    }[];
    expect(mine.find((x) => x.id === e.id)).toMatchObject({ status: 'closed', answer: '前台办理，每月300元' });
    expect((await t.call(cookie, { method: 'GET', url: `/api/my/contacts/${e.id}` })).statusCode).toBe(200);
    const other = await logged({ content: '别人的咨询', callerPhone: '13999999999' });
    expect((await t.call(cookie, { method: 'GET', url: `/api/my/contacts/${other.id}` })).statusCode).toBe(404);
    expect((await t.call(cookie, { method: 'GET', url: `/api/contacts/${e.id}` })).statusCode).toBe(403);
  });
});
