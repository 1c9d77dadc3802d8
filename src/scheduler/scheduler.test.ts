import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireDueTimers } from '../commands/tickets/engine.js';
import { type Database, openDatabase } from '../db/client.js';
import { ManualClock } from '../domain/shared/clock.js';
import { outboxSms } from '../notify/sms.js';
import { drivers, freshServerDatabase, isPostgresReachable, startTestApp, type TestApp } from '../../tests/support/app.js';
import { act, createRepair } from '../../tests/support/factories.js';

type Detail = {
  status: string;
  flags: string[];
  events: { type: string; data: Record<string, unknown> }[];
  timers: { kind: string; status: string; level: number }[];
};

describe.each(await drivers())('timers (%s)', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(async () => {
    await t?.close();
  });
  const detail = async (id: string) =>
    (await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/api/repair-orders/${id}` })).json() as Detail;
  const notificationsOf = async (username: string) =>
    (await t.call(await t.login(username), { method: 'GET', url: '/api/notifications' })).json() as {
      items: { titleEn: string; body: string }[];
    };

  it('chases the engineering supervisor when nobody grabs within 5 minutes', async () => {
    t.clock.set('2026-11-25T09:00:00+08:00');
    const { order } = await createRepair(t);
    t.clock.set('2026-11-25T09:04:59+08:00');
    await t.scheduler.tick();
    expect((await detail(order.id)).flags).toEqual([]);
    t.clock.set('2026-11-25T09:05:00+08:00');
    await t.scheduler.tick();
    const d = await detail(order.id);
    expect(d.flags).toContain('grab_overdue');
    expect(d.events.at(-1)?.type).toBe('TimerFired');
    const inbox = await notificationsOf('yg.engsup');
    expect(inbox.items.some((n) => n.body === order.number && n.titleEn.includes('Nobody grabbed'))).toBe(true);
    // The board shows it among the overdue.
    const board = (await t.call(await t.login('yg.engsup'), { method: 'GET', url: `/api/boards/dispatch?communityId=${t.yg}` })).json();
    expect(board.overdue.map((o: { id: string }) => o.id)).toContain(order.id);
    // Assigning settles the flag.
    const tech = (await t.call(await t.login('yg.engsup'), { method: 'GET', url: `/api/technicians?communityId=${t.yg}` })).json()[0];
    const res = await act(t, await t.login('yg.engsup'), order.id, 'assign', { technicianId: tech.id });
    expect(res.json().flags).not.toContain('grab_overdue');
  });

  it('fires nothing for an order that moved on before its timer', async () => {
    t.clock.set('2026-11-25T10:00:00+08:00');
    const { order } = await createRepair(t, {}, { roomIndex: 1 });
    await act(t, await t.login('yg.tech2'), order.id, 'grab');
    t.clock.set('2026-11-25T10:06:00+08:00');
    await t.scheduler.tick();
    const d = await detail(order.id);
    expect(d.flags).not.toContain('grab_overdue');
    expect(d.timers.find((x) => x.kind === 'grab_timeout')?.status).toBe('cancelled');
  });

  it('flags a late arrival, chases the team lead after 2 hours and escalates level by level when not done the same day', async () => {
    t.clock.set('2026-11-25T14:00:00+08:00');
    const { order } = await createRepair(t, { urgency: 'urgent' }, { roomIndex: 2 });
    await act(t, await t.login('yg.tech3'), order.id, 'grab');
    t.clock.set('2026-11-25T14:20:00+08:00');
    await t.scheduler.tick();
    expect((await detail(order.id)).flags).toContain('arrival_overdue');
    t.clock.set('2026-11-25T16:00:00+08:00');
    await t.scheduler.tick();
    expect((await detail(order.id)).flags).toContain('progress_overdue');
    // Same day ends at 24:00 by default: level 1 the engineering supervisor, then the director, then the company.
    t.clock.set('2026-11-26T00:00:00+08:00');
    await t.scheduler.tick();
    let d = await detail(order.id);
    expect(d.flags).toContain('not_done_same_day');
    expect(d.events.filter((e) => e.type === 'OrderEscalated').map((e) => e.data.role)).toEqual(['eng_supervisor']);
    t.clock.set('2026-11-26T04:00:00+08:00');
    await t.scheduler.tick();
    t.clock.set('2026-11-26T08:00:00+08:00');
    await t.scheduler.tick();
    t.clock.set('2026-11-27T08:00:00+08:00');
    await t.scheduler.tick();
    d = await detail(order.id);
    expect(d.events.filter((e) => e.type === 'OrderEscalated').map((e) => e.data.role)).toEqual([
      'eng_supervisor',
      'director',
      'company_manager',
    ]);
    expect((await notificationsOf('gm')).items.some((n) => n.body === order.number)).toBe(true);
    expect((await notificationsOf('yg.director')).items.some((n) => n.body === order.number)).toBe(true);
  });

  it('makes a visit due 24 hours after the resident confirms', async () => {
    t.clock.set('2026-11-25T09:00:00+08:00');
    const { order } = await createRepair(t, {}, { roomIndex: 3 });
    const tech = await t.login('yg.tech1');
    await act(t, tech, order.id, 'grab');
    await act(t, tech, order.id, 'arrive');
    await act(t, await t.login('yg.clerk'), order.id, 'confirm-by-phone', { reason: '业主忘记验证码，电话核实' });
    await act(t, tech, order.id, 'complete', { summary: '已修好' });
    await act(t, await t.login('yg.clerk'), order.id, 'confirm', {});
    t.clock.set('2026-11-26T08:59:00+08:00');
    await t.scheduler.tick();
    expect((await detail(order.id)).flags).not.toContain('visit_overdue');
    t.clock.set('2026-11-26T09:00:00+08:00');
    await t.scheduler.tick();
    expect((await detail(order.id)).flags).toContain('visit_overdue');
    const visits = (await t.call(await t.login('yg.cssup'), { method: 'GET', url: `/api/visits?communityId=${t.yg}` })).json();
    expect(visits.find((v: { ticketNumber: string }) => v.ticketNumber === order.number)?.isOverdue).toBe(true);
  });

  it('uses the policy in force when the order was created; a change applies to new orders only', async () => {
    const admin = await t.login('admin');
    const saved = await t.call(admin, {
      method: 'PUT',
      url: '/api/policy',
      payload: { communityId: t.yg, override: { repair: { grabMinutes: 10 } }, note: '人手紧张' },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().effective.repair.grabMinutes).toBe(10);
    // The company's own override still applies where the community says nothing.
    await t.call(admin, {
      method: 'PUT',
      url: '/api/policy',
      payload: { communityId: null, override: { repair: { acceptMinutes: 20 } }, note: '公司统一' },
    });
    const layered = (await t.call(admin, { method: 'GET', url: `/api/policy?communityId=${t.yg}` })).json();
    expect(layered.effective.repair).toMatchObject({ grabMinutes: 10, acceptMinutes: 20, progressChaseMinutes: 120 });
    t.clock.set('2026-11-25T11:00:00+08:00');
    const { order } = await createRepair(t, {}, { roomIndex: 4 });
    t.clock.set('2026-11-25T11:05:00+08:00');
    await t.scheduler.tick();
    expect((await detail(order.id)).flags).not.toContain('grab_overdue');
    t.clock.set('2026-11-25T11:10:00+08:00');
    await t.scheduler.tick();
    expect((await detail(order.id)).flags).toContain('grab_overdue');
    const bad = await t.call(admin, {
      method: 'PUT',
      url: '/api/policy',
      payload: { communityId: t.yg, override: { repair: { grabMinutes: -3 } } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].field).toBe('override.repair.grabMinutes');
    const back = await t.call(admin, { method: 'PUT', url: '/api/policy', payload: { communityId: t.yg, override: {}, note: '恢复默认' } });
    expect(back.json().effective.repair.grabMinutes).toBe(5);
    expect(back.json().history.length).toBeGreaterThanOrEqual(2);
  });
});

describe('timers survive a restart (embedded database in a folder)', () => {
  it('fires a timer that fell due while the server was down', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'propdesk-restart-'));
    try {
      const first = await startTestApp('pglite', { dataDir: dir });
      first.clock.set('2026-11-25T09:00:00+08:00');
      const { order } = await createRepair(first);
      await first.close();
      // Down from 09:00 to 09:30; on start the scheduler sweeps what fell due.
      const second = await startTestApp('pglite', { dataDir: dir });
      second.clock.set('2026-11-25T09:30:00+08:00');
      expect(await second.scheduler.tick()).toBeGreaterThanOrEqual(1);
      const d = (await second.call(await second.login('yg.clerk'), { method: 'GET', url: `/api/repair-orders/${order.id}` })).json();
      expect(d.flags).toEqual(expect.arrayContaining(['grab_overdue', 'arrival_overdue']));
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(await isPostgresReachable())('timers with two server processes (PostgreSQL)', () => {
  let url: string;
  let drop: () => Promise<void>;
  let t: TestApp;
  const extra: Database[] = [];
  beforeAll(async () => {
    ({ url, drop } = await freshServerDatabase());
    t = await startTestApp('pg', { url });
  });
  afterAll(async () => {
    await Promise.all(extra.map((d) => d.close()));
    await t?.close();
    await drop?.();
  });

  it('fires each due timer exactly once when two schedulers race', async () => {
    t.clock.set('2026-11-25T09:00:00+08:00');
    const orders = [];
    for (let i = 0; i < 12; i++) orders.push((await createRepair(t, {}, { roomIndex: i })).order);
    // A second process: its own pool and scheduler on the same database.
    const other = await openDatabase({ url, poolSize: 4 });
    extra.push(other);
    const clock = new ManualClock('2026-11-26T12:00:00+08:00');
    t.clock.set('2026-11-26T12:00:00+08:00');
    const a = { database: t.database, clock: t.clock, sms: outboxSms, isDemo: false };
    const b = { database: other, clock, sms: outboxSms, isDemo: false };
    const fired = await Promise.all([
      fireDueTimers(a, 'A', 1000),
      fireDueTimers(b, 'B', 1000),
      fireDueTimers(a, 'A2', 1000),
      fireDueTimers(b, 'B2', 1000),
    ]);
    // grab, arrival, progress and same-day timers of 12 orders; the same-day one schedules level 2 (not yet due).
    expect(fired.reduce((x, y) => x + y, 0)).toBe(48);
    for (const o of orders) {
      const d = (await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/api/repair-orders/${o.id}` })).json() as Detail;
      const firedEvents = d.events.filter((e) => e.type === 'TimerFired' || e.type === 'OrderEscalated');
      expect(firedEvents).toHaveLength(4);
      expect(new Set(firedEvents.map((e) => String(e.data.timer))).size).toBe(4);
    }
  });
});
