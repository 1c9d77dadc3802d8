import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';

type Matter = Record<string, unknown> & {
  id: string;
  status: string;
  department: string | null;
  handlerName: string | null;
  flags: string[];
  events: { type: string; actorName: string }[];
  visits: { status: string; dueAt: string }[];
  allowedActions: string[];
};

describe.each(await drivers())('matters over HTTP (%s)', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = async (payload: Record<string, unknown> = {}) => {
    const res = await t.call(await t.login('yg.clerk'), {
      method: 'POST',
      url: '/api/matters',
      payload: { communityId: t.yg, category: '环境卫生', content: '2栋楼道有垃圾未清', location: '2栋一单元', ...payload },
    });
    if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as Matter;
  };
  const post = async (id: string, action: string, who: string, payload: Record<string, unknown> = {}) =>
    t.call(await t.login(who), { method: 'POST', url: `/api/matters/${id}/${action}`, payload });
  const get = async (id: string, who = 'yg.clerk') => t.call(await t.login(who), { method: 'GET', url: `/api/matters/${id}` });

  it('goes desk → CS supervisor → cleaning, comes back done and opens a follow-up visit', async () => {
    const m = await create();
    expect(m.status).toBe('with_supervisor');
    expect(m.supervisorName).toBeTruthy();
    expect((await post(m.id, 'hand-over', 'yg.clerk', { department: 'cleaning' })).statusCode).toBe(403);
    const handed = (await post(m.id, 'hand-over', 'yg.cssup', { department: 'cleaning' })).json() as Matter;
    expect(handed.status).toBe('with_department');
    // Security may not take a cleaning matter, nor even see it.
    expect((await post(m.id, 'accept', 'yg.security')).statusCode).toBe(404);
    const accepted = (await post(m.id, 'accept', 'yg.cleaning')).json() as Matter;
    expect(accepted.handlerName).toBe('保洁领班 郭');
    const done = (await post(m.id, 'complete', 'yg.cleaning', { result: '已清理完毕' })).json() as Matter;
    expect(done.status).toBe('returned');
    expect(done.visits).toHaveLength(1);
    expect(done.visits[0]!.status).toBe('pending');
    expect(done.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['MatterCreated', 'MatterSent', 'MatterHandedOver', 'MatterAccepted', 'MatterReturned']),
    );
  });

  it('escalates a matter not handed over in time, by the policy', async () => {
    const m = await create({ content: '小区东门路灯不亮' });
    t.clock.advanceMinutes(31);
    await t.scheduler.tick();
    const late = (await get(m.id)).json() as Matter;
    expect(late.flags).toContain('handover_overdue');
    expect(late.events.at(-1)?.type).toBe('MatterEscalated');
    const handed = (await post(m.id, 'hand-over', 'yg.cssup', { department: 'engineering' })).json() as Matter;
    expect(handed.flags).not.toContain('handover_overdue');
  });

  it('lets a department give a matter back and the desk chase and cancel it', async () => {
    const m = await create({ content: '草坪被踩踏' });
    await post(m.id, 'hand-over', 'yg.cssup', { department: 'security' });
    const back = (await post(m.id, 'decline', 'yg.security', { reason: '应由绿化部处理' })).json() as Matter;
    expect(back.status).toBe('with_supervisor');
    // Given back, it is no longer the department's to see.
    expect((await get(m.id, 'yg.security')).statusCode).toBe(404);
    expect((await post(m.id, 'chase', 'yg.clerk', { note: '请尽快分派' })).statusCode).toBe(200);
    expect((await post(m.id, 'cancel', 'yg.clerk', { reason: '业主撤回' })).json().status).toBe('cancelled');
  });

  it('keeps YG matters from CH staff and refuses bad input without writing', async () => {
    const m = await create();
    expect((await get(m.id, 'ch.clerk')).statusCode).toBe(404);
    const before = (await t.call(await t.login('yg.clerk'), { method: 'GET', url: '/api/matters?view=all' })).json().total;
    const bad = await t.call(await t.login('yg.clerk'), {
      method: 'POST',
      url: '/api/matters',
      payload: {
        communityId: t.yg,
        category: '其他',
        content: '内容',
        supervisorId: (await t.call(await t.login('yg.tech1'), { method: 'GET', url: '/api/me' })).json().id,
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'supervisorId' });
    expect(bad.json().error.fields[0].message.en).toBeTruthy();
    const after = (await t.call(await t.login('yg.clerk'), { method: 'GET', url: '/api/matters?view=all' })).json().total;
    expect(after).toBe(before);
  });
});
