import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rooms } from '../../db/schema/index.js';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { act, codeFor, createRepair, occupiedRoom } from '../../../tests/support/factories.js';

const november = 'from=2026-11-01&to=2026-11-30';
const at = (hhmm: string) => `2026-11-25T${hhmm}:00+08:00`;

describe.each(await drivers())('dashboards over HTTP (%s)', (driver) => {
  let t: TestApp;
  let households: number;

  /** Runs an order from grab to completion at the given local times. */
  async function work(orderId: string, number: string, times: { grab: string; arrive: string; complete: string }) {
    const tech = await t.login('yg.tech1');
    const ok = async (action: string, payload: Record<string, unknown> = {}) => {
      const res = await act(t, tech, orderId, action, payload);
      if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
    };
    t.clock.set(at(times.grab));
    await ok('grab');
    t.clock.set(at(times.arrive));
    await ok('arrive');
    await ok('verify-code', { code: await codeFor(t, number) });
    t.clock.set(at(times.complete));
    await ok('complete', { summary: '已修好' });
    const clerk = await t.login('yg.clerk');
    expect((await act(t, clerk, orderId, 'confirm', { signature: '业主电话确认' })).statusCode).toBe(200);
  }

  beforeAll(async () => {
    t = await startTestApp(driver);
    const clerk = await t.login('yg.clerk');
    // A: reported 09:00, grabbed 09:03, on site 09:40, done 10:30, visited satisfied, rated 基本满意.
    t.clock.set(at('09:00'));
    const a = await createRepair(t, { category: 'plumbing' }, { roomIndex: 0 });
    await work(a.order.id, a.order.number, { grab: '09:03', arrive: '09:40', complete: '10:30' });
    t.clock.set(at('10:40'));
    expect((await act(t, clerk, a.order.id, 'visit', { outcome: 'satisfied', method: 'phone', comment: '业主满意' })).statusCode).toBe(200);
    const resident = await t.loginResident(a.room.phone);
    const rated = await t.call(resident, {
      method: 'POST',
      url: `/api/tickets/${a.order.id}/rating`,
      payload: { outcome: 'basically_satisfied', comment: '' },
    });
    expect(rated.statusCode).toBe(200);
    // B: reported 11:00, nobody grabs it: the grab deadline (5 min) is missed.
    t.clock.set(at('11:00'));
    await createRepair(t, { category: 'electrical' }, { roomIndex: 1 });
    t.clock.set(at('11:10'));
    await t.scheduler.tick();
    // C: another community's order.
    await createRepair(t, { category: 'plumbing' }, { communityId: t.ch });
    // One complaint in YG.
    t.clock.set(at('11:20'));
    const room = await occupiedRoom(t, t.yg, 3);
    const complaint = await t.call(clerk, {
      method: 'POST',
      url: '/api/complaints',
      payload: {
        communityId: t.yg,
        complainantName: room.name,
        complainantPhone: room.phone,
        residentId: room.residentId,
        householdIds: [room.roomId],
        channel: 'phone',
        content: '夜间施工噪音',
      },
    });
    expect(complaint.statusCode).toBe(201);
    // D: reported 12:00, grabbed 12:02, on site 12:20, done 12:40, visited unsatisfied → reopened.
    t.clock.set(at('12:00'));
    const d = await createRepair(t, { category: 'plumbing' }, { roomIndex: 2 });
    await work(d.order.id, d.order.number, { grab: '12:02', arrive: '12:20', complete: '12:40' });
    t.clock.set(at('12:50'));
    const reopened = await act(t, clerk, d.order.id, 'visit', { outcome: 'unsatisfied', method: 'phone', comment: '仍然漏水' });
    expect(reopened.json().status).toBe('open');
    // Before D's new grab deadline (12:55) falls due.
    t.clock.set(at('12:52'));
    households = await t.database.db.$count(rooms, eq(rooms.communityId, t.yg));
  });
  afterAll(async () => {
    await t?.close();
  });

  const dashboard = async (who: string, query: string) => {
    const res = await t.call(await t.login(who), { method: 'GET', url: `/api/dashboards?${query}` });
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json();
  };

  it('counts a community’s orders and complaints per local day, by category and by building', async () => {
    const view = await dashboard('yg.director', `communityId=${t.yg}&${november}`);
    expect(view.from).toBe('2026-11-01');
    expect(view.to).toBe('2026-11-30');
    expect(view.daily).toHaveLength(30);
    expect(view.daily.find((x: { date: string }) => x.date === '2026-11-25')).toEqual({ date: '2026-11-25', orders: 3, complaints: 1 });
    expect(view.daily.filter((x: { orders: number }) => x.orders > 0)).toHaveLength(1);
    expect(view.categories).toEqual([
      { key: 'plumbing', name: 'plumbing', count: 2 },
      { key: 'electrical', name: 'electrical', count: 1 },
    ]);
    expect(view.buildings.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(3);
  });

  it('averages the minutes from report to dispatch, acceptance, arrival and completion', async () => {
    const view = await dashboard('yg.director', `communityId=${t.yg}&${november}`);
    expect(view.durations).toEqual([
      // A grabbed after 3 min, D after 2.
      { step: 'dispatch', count: 2, averageMinutes: 2.5 },
      { step: 'accept', count: 2, averageMinutes: 2.5 },
      // A on site after 40 min, D after 20.
      { step: 'arrive', count: 2, averageMinutes: 30 },
      // Only A stays completed (D was reopened): 90 min.
      { step: 'complete', count: 1, averageMinutes: 90 },
    ]);
  });

  it('counts a deadline met when the step came in time and missed when its timer fired', async () => {
    const view = await dashboard('yg.director', `communityId=${t.yg}&${november}`);
    // A and D grabbed in time, B never: 2 of 3. D's second deadline (12:55) is not due yet.
    expect(view.timers.find((x: { kind: string }) => x.kind === 'grab_timeout')).toEqual({
      kind: 'grab_timeout',
      onTime: 2,
      late: 1,
      onTimeRate: 66.7,
    });
  });

  it('gives the visit, satisfaction, complaint and reopen rates', async () => {
    const view = await dashboard('yg.director', `communityId=${t.yg}&${november}`);
    expect(view.rates).toEqual({
      orders: 3,
      complaints: 1,
      households,
      visitsDue: 2,
      visitsDone: 2,
      visitRate: 100,
      // A satisfied, D unsatisfied.
      satisfactionRate: 50,
      complaintRate: Math.round((1 / households) * 1000) / 10,
      complaintRateTarget: 1,
      reopened: 1,
      reopenRate: 33.3,
    });
    expect(view.satisfaction).toEqual({ satisfied: 1, basicallySatisfied: 0, unsatisfied: 1 });
  });

  it('shows each technician’s open and completed orders and the residents’ ratings', async () => {
    const view = await dashboard('yg.engsup', `communityId=${t.yg}&${november}`);
    const tech1 = view.technicians.find((x: { completed: number }) => x.completed > 0);
    expect(tech1).toMatchObject({
      open: 0,
      completed: 1,
      averageCompleteMinutes: 90,
      ratings: { satisfied: 0, basicallySatisfied: 1, unsatisfied: 0 },
      satisfactionRate: 100,
    });
    expect(view.technicians.length).toBeGreaterThan(1);
  });

  it('has no figures, not zeros, for a period without tickets', async () => {
    const view = await dashboard('yg.director', `communityId=${t.yg}&from=2026-10-01&to=2026-10-31`);
    expect(view.daily).toHaveLength(31);
    expect(view.daily.every((x: { orders: number; complaints: number }) => x.orders === 0 && x.complaints === 0)).toBe(true);
    expect(view.categories).toEqual([]);
    expect(view.durations.every((x: { averageMinutes: number | null }) => x.averageMinutes === null)).toBe(true);
    expect(view.rates).toMatchObject({ orders: 0, visitRate: null, satisfactionRate: null, complaintRate: 0, reopenRate: null });
  });

  it('takes a preset period: this month by default, last month whole', async () => {
    const thisMonth = await dashboard('yg.director', `communityId=${t.yg}`);
    expect([thisMonth.from, thisMonth.to]).toEqual(['2026-11-01', '2026-11-25']);
    expect(thisMonth.rates.orders).toBe(3);
    const lastMonth = await dashboard('yg.director', `communityId=${t.yg}&preset=last_month`);
    expect([lastMonth.from, lastMonth.to]).toEqual(['2026-10-01', '2026-10-31']);
    expect(lastMonth.rates.orders).toBe(0);
  });

  it('gives community staff their own community, and the company every community side by side', async () => {
    const own = await dashboard('ch.director', november);
    expect(own.rates.orders).toBe(1);
    expect(own.communities.map((c: { communityId: string }) => c.communityId)).toEqual([t.ch]);
    const company = await dashboard('gm', november);
    expect(company.rates.orders).toBe(4);
    expect(company.rates.complaints).toBe(1);
    const byId = Object.fromEntries(company.communities.map((c: { communityId: string }) => [c.communityId, c]));
    expect(byId[t.yg]).toMatchObject({ orders: 3, complaints: 1, reopened: 1, averageCompleteMinutes: 90 });
    expect(byId[t.ch]).toMatchObject({ orders: 1, complaints: 0, reopened: 0, averageCompleteMinutes: null });
  });

  it('refuses another community, and a period that reads backwards, with field messages', async () => {
    const other = await t.call(await t.login('yg.director'), { method: 'GET', url: `/api/dashboards?communityId=${t.ch}&${november}` });
    expect(other.statusCode).toBe(403);
    const backwards = await t.call(await t.login('yg.director'), { method: 'GET', url: '/api/dashboards?from=2026-11-30&to=2026-11-01' });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.fields[0]).toMatchObject({ field: 'to', message: { zh: expect.stringContaining('结束日期') } });
    const half = await t.call(await t.login('yg.director'), { method: 'GET', url: '/api/dashboards?from=2026-11-01' });
    expect(half.statusCode).toBe(422);
    expect(half.json().error.fields[0].field).toBe('to');
  });

  it('downloads exactly one chart’s figures as .xlsx, in the reader’s language', async () => {
    const res = await t.call(await t.login('yg.director'), {
      method: 'GET',
      url: `/api/dashboards/export?panel=durations&communityId=${t.yg}&${november}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['平均处理时长']);
    const rows = wb.worksheets[0]!.getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows).toEqual([
      ['环节', '平均时长(分钟)', '单数'],
      ['派工(抢单)', 2.5, 2],
      ['接单', 2.5, 2],
      ['到场', 30, 2],
      ['完工', 90, 1],
    ]);
    const en = await t.call(await t.login('gm'), { method: 'GET', url: `/api/dashboards/export?panel=communities&lang=en&${november}` });
    const enBook = new ExcelJS.Workbook();
    await enBook.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    const sheet = enBook.getWorksheet('Communities compared')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Community');
    expect(sheet.rowCount).toBe(3);
  });
});
