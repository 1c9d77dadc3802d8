import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { act, createRepair } from '../../../tests/support/factories.js';

interface Task {
  id: string;
  ticketId: string;
  ticketNumber: string;
  status: string;
  dueAt: string;
  round: number;
  flags: string[];
  duty: string;
  visitorId: string | null;
  rectificationDueAt: string | null;
  allowedActions?: string[];
}

const hoursBetween = (a: string | Date, b: string | Date) => (new Date(b).getTime() - new Date(a).getTime()) / 3_600_000;

describe.each(await drivers())('follow-up visits over HTTP (%s)', (driver) => {
  let t: TestApp;
  let room = 30;
  beforeAll(async () => {
    t = await startTestApp(driver);
    // Plumbing counts as a leak, equipment as a safety facility, for the orders of this file.
    const saved = await t.call(await t.login('admin'), {
      method: 'PUT',
      url: '/api/policy',
      payload: { communityId: null, override: { visit: { leakCategories: ['plumbing'], safetyCategories: ['equipment'] } }, note: '测试' },
    });
    expect(saved.statusCode).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A repair taken through to the resident's confirmation, which opens its visit task. */
  async function finishedRepair(category = 'electrical') {
    const { order } = await createRepair(t, { category }, { roomIndex: room++ });
    const tech = await t.login('yg.tech1');
    const clerk = await t.login('yg.clerk');
    await act(t, tech, order.id, 'grab');
    await act(t, tech, order.id, 'arrive');
    await act(t, clerk, order.id, 'confirm-by-phone', { reason: '电话核实' });
    await act(t, tech, order.id, 'complete', { summary: '已修好' });
    const confirmed = await act(t, clerk, order.id, 'confirm', {});
    expect(confirmed.json().status).toBe('confirmed');
    return order;
  }

  async function taskOf(ticketNumber: string, status = 'all'): Promise<Task> {
    const list = (await t.call(await t.login('yg.cssup'), { method: 'GET', url: `/api/visits?status=${status}` })).json() as Task[];
    const task = list.find((v) => v.ticketNumber === ticketNumber && v.duty === 'desk');
    if (!task) throw new Error(`no visit task for ${ticketNumber}`);
    return task;
  }

  const visit = (cookie: string, id: string, action: string, payload: Record<string, unknown>) =>
    t.call(cookie, { method: 'POST', url: `/api/visits/${id}/${action}`, payload });

  it('opens a task for every confirmed repair, due by policy: 24 h, leaks 3 days, safety facilities 2 days', async () => {
    t.clock.set('2026-11-25T09:00:00+08:00');
    const plain = await finishedRepair('electrical');
    const leak = await finishedRepair('plumbing');
    const safety = await finishedRepair('equipment');
    const now = t.clock.now();
    expect(hoursBetween(now, (await taskOf(plain.number, 'pending')).dueAt)).toBe(24);
    expect(hoursBetween(now, (await taskOf(leak.number, 'pending')).dueAt)).toBe(72);
    expect(hoursBetween(now, (await taskOf(safety.number, 'pending')).dueAt)).toBe(48);
    const detail = (
      await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/api/visits/${(await taskOf(plain.number)).id}` })
    ).json();
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual(['VisitTaskCreated']);
    expect(detail.allowedActions).toEqual(expect.arrayContaining(['book', 'record', 'cancel']));
    // The list says what the user may do on each row; the detail whom a planner may assign.
    expect((await taskOf(plain.number)).allowedActions).toEqual(expect.arrayContaining(['assign', 'record']));
    expect(detail.visitorOptions).toEqual([]);
    const planned = (
      await t.call(await t.login('yg.cssup'), { method: 'GET', url: `/api/visits/${(await taskOf(plain.number)).id}` })
    ).json();
    expect(planned.visitorOptions.map((o: { role: string }) => o.role)).toEqual(expect.arrayContaining(['clerk', 'technician']));
  });

  it('flags an overdue visit on the task and the ticket when its time passes', async () => {
    t.clock.set('2026-11-25T09:00:00+08:00');
    const order = await finishedRepair();
    t.clock.set('2026-11-26T09:00:00+08:00');
    await t.scheduler.tick();
    const task = await taskOf(order.number, 'overdue');
    expect(task.flags).toContain('visit_overdue');
  });

  it('apologises and reprocesses on an unsatisfied visit, then visits again in round 2 until satisfied', async () => {
    t.clock.set('2026-11-25T10:00:00+08:00');
    const order = await finishedRepair();
    const clerk = await t.login('yg.clerk');
    const task = await taskOf(order.number);
    const noApology = await visit(clerk, task.id, 'record', {
      method: 'phone',
      outcome: 'unsatisfied',
      chargeCheck: 'no_charge',
      comment: '灯还是闪',
    });
    expect(noApology.statusCode).toBe(422);
    expect(noApology.json().error.fields[0]).toMatchObject({
      field: 'apology',
      message: { zh: expect.stringContaining('致歉'), en: expect.any(String) },
    });
    const unsatisfied = await visit(clerk, task.id, 'record', {
      method: 'phone',
      outcome: 'unsatisfied',
      chargeCheck: 'no_charge',
      comment: '灯还是闪',
      apology: '向业主致歉，安排重新维修',
    });
    expect(unsatisfied.statusCode).toBe(200);
    expect(unsatisfied.json()).toMatchObject({ status: 'reprocessing', round: 1, ticketStatus: 'open' });

    // Reprocessed: grabbed, done and confirmed again; the same task is due again, round 2.
    t.clock.set('2026-11-26T10:00:00+08:00');
    const tech = await t.login('yg.tech2');
    await act(t, tech, order.id, 'grab');
    await act(t, tech, order.id, 'arrive');
    await act(t, clerk, order.id, 'confirm-by-phone', { reason: '电话核实' });
    await act(t, tech, order.id, 'complete', { summary: '更换镇流器' });
    await act(t, clerk, order.id, 'confirm', {});
    const again = await taskOf(order.number);
    expect(again).toMatchObject({ id: task.id, status: 'pending', round: 2 });
    expect(hoursBetween(t.clock.now(), again.dueAt)).toBe(24);

    const satisfied = await visit(clerk, task.id, 'record', {
      method: 'phone',
      outcome: 'satisfied',
      chargeCheck: 'no_charge',
      comment: '已正常',
    });
    expect(satisfied.json()).toMatchObject({ status: 'closed', round: 2, ticketStatus: 'closed' });
    const types = satisfied.json().events.map((e: { type: string }) => e.type);
    expect(types).toEqual(['VisitTaskCreated', 'VisitRecorded', 'ReworkDone', 'VisitRecorded']);
  });

  it('owes a written rectification notice within 24 h when a visit finds problems; late, it flags and tells the supervisors', async () => {
    t.clock.set('2026-11-25T11:00:00+08:00');
    const order = await finishedRepair();
    const clerk = await t.login('yg.clerk');
    const task = await taskOf(order.number);
    const recorded = await visit(clerk, task.id, 'record', {
      method: 'phone',
      outcome: 'basically_satisfied',
      chargeCheck: 'incorrect',
      comment: '业主反映多收了材料费',
      problems: '材料费收取有误',
    });
    expect(recorded.json()).toMatchObject({ status: 'rectifying', ticketStatus: 'closed' });
    expect(hoursBetween(t.clock.now(), recorded.json().rectificationDueAt)).toBe(24);

    t.clock.set('2026-11-26T10:59:00+08:00');
    await t.scheduler.tick();
    expect((await taskOf(order.number)).flags).not.toContain('rectification_overdue');
    t.clock.set('2026-11-26T11:00:00+08:00');
    await t.scheduler.tick();
    expect((await taskOf(order.number)).flags).toContain('rectification_overdue');
    const engInbox = (await t.call(await t.login('yg.engsup'), { method: 'GET', url: '/api/notifications' })).json();
    expect(engInbox.items.some((n: { body: string; titleZh: string }) => n.body === order.number && n.titleZh.includes('整改通知'))).toBe(
      true,
    );

    const engsup = await t.login('yg.engsup');
    const issued = await visit(engsup, task.id, 'rectification-notice', { text: '多收材料费15元，限期退还业主' });
    expect(issued.json()).toMatchObject({ status: 'closed', rectificationNotice: '多收材料费15元，限期退还业主', flags: [] });
    const techInbox = (await t.call(await t.login('yg.tech1'), { method: 'GET', url: '/api/notifications' })).json();
    expect(techInbox.items.some((n: { body: string; titleZh: string }) => n.body === order.number && n.titleZh === '回访整改通知书')).toBe(
      true,
    );
  });

  it('books home visits only between 08:00 and 22:00 and asks for a signature or a recorded refusal', async () => {
    t.clock.set('2026-11-25T12:00:00+08:00');
    const order = await finishedRepair();
    const clerk = await t.login('yg.clerk');
    const task = await taskOf(order.number);
    const late = await visit(clerk, task.id, 'book', { appointmentAt: '2026-11-25T22:30:00+08:00' });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.fields[0]).toMatchObject({
      field: 'appointmentAt',
      message: { zh: expect.stringContaining('22:00'), en: expect.stringContaining('22:00') },
    });
    expect((await taskOf(order.number)).status).toBe('pending');
    const booked = await visit(clerk, task.id, 'book', { appointmentAt: '2026-11-25T19:30:00+08:00' });
    expect(booked.json()).toMatchObject({ status: 'booked', appointmentAt: new Date('2026-11-25T19:30:00+08:00').toISOString() });
    const unsigned = await visit(clerk, task.id, 'record', {
      method: 'home',
      outcome: 'satisfied',
      chargeCheck: 'correct',
      comment: '上门查看',
    });
    expect(unsigned.statusCode).toBe(422);
    expect(unsigned.json().error.fields[0].field).toBe('signature');
    const refused = await visit(clerk, task.id, 'record', {
      method: 'home',
      outcome: 'satisfied',
      chargeCheck: 'correct',
      comment: '上门查看',
      hasRefusedToSign: true,
    });
    expect(refused.json()).toMatchObject({ status: 'closed', hasRefusedToSign: true, signature: null });
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    t.clock.set('2026-11-25T13:00:00+08:00');
    const order = await finishedRepair();
    const clerk = await t.login('yg.clerk');
    const task = await taskOf(order.number);
    const before = (await t.call(clerk, { method: 'GET', url: `/api/repair-orders/${order.id}` })).json();
    const bad = await visit(clerk, task.id, 'record', { method: 'phone', outcome: 'meh', chargeCheck: 'no_charge', comment: '' });
    expect(bad.statusCode).toBe(400);
    const noComment = await visit(clerk, task.id, 'record', {
      method: 'phone',
      outcome: 'satisfied',
      chargeCheck: 'no_charge',
      comment: ' ',
    });
    expect(noComment.statusCode).toBe(400);
    const badVisitor = await visit(await t.login('yg.cssup'), task.id, 'assign', { visitorId: t.demo.communities[0]!.id });
    expect(badVisitor.statusCode).toBe(422);
    const after = (await t.call(clerk, { method: 'GET', url: `/api/repair-orders/${order.id}` })).json();
    expect(after.events).toHaveLength(before.events.length);
    expect(after.status).toBe('confirmed');
    expect((await taskOf(order.number)).status).toBe('pending');
    // Technicians see no visit desk, and another community's task is not revealed.
    expect((await t.call(await t.login('yg.tech1'), { method: 'GET', url: `/api/visits/${task.id}` })).statusCode).toBe(404);
    expect((await t.call(await t.login('ch.clerk'), { method: 'GET', url: `/api/visits/${task.id}` })).statusCode).toBe(404);
  });

  it('draws last month’s sampling duties once: office 5%, engineering head 10%, each repairer 20%, rounded up', async () => {
    // Three orders closed in October by 李师傅 (tech1).
    t.clock.set('2026-10-12T09:00:00+08:00');
    const clerk = await t.login('yg.clerk');
    for (let i = 0; i < 3; i++) {
      const order = await finishedRepair();
      const task = await taskOf(order.number);
      const res = await visit(clerk, task.id, 'record', {
        method: 'phone',
        outcome: 'satisfied',
        chargeCheck: 'no_charge',
        comment: '满意',
      });
      expect(res.json().ticketStatus).toBe('closed');
    }
    t.clock.set('2026-11-03T09:00:00+08:00');
    const cssup = await t.login('yg.cssup');
    expect((await t.call(clerk, { method: 'POST', url: '/api/visit-sampling/draw', payload: { communityId: t.yg } })).statusCode).toBe(403);
    const drawn = await t.call(cssup, { method: 'POST', url: '/api/visit-sampling/draw', payload: { communityId: t.yg } });
    expect(drawn.statusCode).toBe(200);
    const view = drawn.json();
    expect(view).toMatchObject({ period: '2026-10', poolSize: 3, isDrawn: true, created: 3 });
    const byDuty = Object.fromEntries(view.duties.map((d: { duty: string; required: number }) => [d.duty, d.required]));
    expect(byDuty).toEqual({ repairer: 1, engineering_head: 1, office: 1 });

    const again = (await t.call(cssup, { method: 'POST', url: '/api/visit-sampling/draw', payload: { communityId: t.yg } })).json();
    expect(again).toMatchObject({ created: 0, isDrawn: true });
    const ofPeriod = (await t.call(cssup, { method: 'GET', url: '/api/visits?status=all&samplingPeriod=2026-10' })).json() as Task[];
    expect(ofPeriod).toHaveLength(3);
    const sampled = (await t.call(cssup, { method: 'GET', url: '/api/visits?status=pending&duty=repairer' })).json() as Task[];
    expect(sampled).toHaveLength(1);

    // The repairer visits their own sample from their phone list; the duty is then fulfilled.
    const tech = await t.login('yg.tech1');
    const mine = (await t.call(tech, { method: 'GET', url: '/api/visits/mine' })).json() as Task[];
    expect(mine.map((v) => v.id)).toEqual([sampled[0]!.id]);
    const done = await visit(tech, sampled[0]!.id, 'record', {
      method: 'phone',
      outcome: 'satisfied',
      chargeCheck: 'correct',
      comment: '业主满意',
    });
    expect(done.json()).toMatchObject({ status: 'closed', ticketStatus: 'closed' });
    const status = (await t.call(cssup, { method: 'GET', url: `/api/visit-sampling?communityId=${t.yg}&period=2026-10` })).json();
    expect(status.duties.find((d: { duty: string }) => d.duty === 'repairer')).toMatchObject({
      required: 1,
      drawn: 1,
      done: 1,
      isFulfilled: true,
    });
    expect(status.duties.find((d: { duty: string }) => d.duty === 'office')).toMatchObject({ required: 1, done: 0, isFulfilled: false });
  });

  it('draws the sampling duties by itself on the scheduler’s periodic round, once', async () => {
    t.clock.set('2026-12-07T09:00:00+08:00');
    const clerk = await t.login('yg.clerk');
    for (let i = 0; i < 2; i++) {
      const order = await finishedRepair();
      const task = await taskOf(order.number);
      await visit(clerk, task.id, 'record', { method: 'phone', outcome: 'satisfied', chargeCheck: 'no_charge', comment: '满意' });
    }
    t.clock.set('2027-01-01T08:00:00+08:00');
    expect((await t.scheduler.runPeriodic()).sampling).toBe(3);
    expect((await t.scheduler.runPeriodic()).sampling).toBe(0);
    const cssup = await t.login('yg.cssup');
    const drawn = (await t.call(cssup, { method: 'GET', url: '/api/visits?status=all&samplingPeriod=2026-12' })).json() as Task[];
    expect(drawn).toHaveLength(3);
    const detail = (await t.call(clerk, { method: 'GET', url: `/api/repair-orders/${drawn[0]!.ticketId}` })).json();
    expect(detail.events.find((e: { type: string }) => e.type === 'SamplingVisitDrawn')).toMatchObject({ actorRole: 'system' });
  });
});
