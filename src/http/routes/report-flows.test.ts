import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { generateDueReports } from '../../commands/reports/generate-reports.js';

interface Room {
  id: string;
  residents: { id: string; name: string; phone: string }[];
}
interface Summary {
  id: string;
  kind: string;
  communityId: string;
  status: string;
  isOverdue: boolean;
  dueAt: string;
}

describe.each(await drivers())('monthly report flows over HTTP (%s)', (driver) => {
  let t: TestApp;
  let rooms: Room[];
  beforeAll(async () => {
    t = await startTestApp(driver);
    rooms = ((await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/api/rooms?communityId=${t.yg}` })).json() as Room[]).filter(
      (r) => r.residents.length > 0,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.call(await t.login(who), { method, url, ...(payload ? { payload } : {}) });
  const okJson = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await call(who, method, url, payload);
    if (res.statusCode !== 200 && res.statusCode !== 201) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const file = async (roomIndex: number, content: string, channel = 'phone') => {
    const room = rooms[roomIndex]!;
    return okJson('yg.clerk', 'POST', '/api/complaints', {
      communityId: t.yg,
      complainantName: room.residents[0]!.name,
      complainantPhone: room.residents[0]!.phone,
      residentId: room.residents[0]!.id,
      householdIds: [room.id],
      channel,
      content,
    });
  };
  const classify = (id: string, complaintClass: string) =>
    okJson('yg.cssup', 'POST', `/api/complaints/${id}/classify`, { complaintClass, reason: '按规程分类' });
  const reportsOf = async (who: string, period: string): Promise<Summary[]> =>
    (await okJson(who, 'GET', `/api/reports?period=${period}`)).items;

  let valid: { id: string };
  it('generates last month’s reports once on the 1st, per community, in its time zone', async () => {
    // October: a valid complaint still in hand, an invalid one answered on time, one answered late.
    t.clock.set('2026-10-08T09:00:00+08:00');
    valid = await file(0, '保安夜间巡逻时大声喧哗');
    await classify(valid.id, 'valid');
    t.clock.set('2026-10-12T10:00:00+08:00');
    const onTime = await file(1, '要求物业赔偿邻居装修噪音', 'walk_in');
    await classify(onTime.id, 'invalid');
    await okJson('yg.clerk', 'POST', `/api/complaints/${onTime.id}/reply`, { method: 'phone', summary: '耐心解释' });
    t.clock.set('2026-10-20T10:00:00+08:00');
    const late = await file(2, '要求物业处理邻居家狗叫');
    await classify(late.id, 'invalid');
    t.clock.set('2026-10-20T12:01:00+08:00');
    await t.scheduler.tick();
    await okJson('yg.clerk', 'POST', `/api/complaints/${late.id}/reply`, { method: 'phone', summary: '已劝导' });

    // 23:30 on 31 October is still October in Shanghai: nothing yet.
    t.clock.set('2026-10-31T23:30:00+08:00');
    await t.scheduler.runPeriodic();
    expect(await reportsOf('centre', '2026-10')).toEqual([]);

    t.clock.set('2026-11-01T00:30:00+08:00');
    await t.scheduler.runPeriodic();
    const made = await reportsOf('centre', '2026-10');
    expect(made).toHaveLength(4);
    expect(new Set(made.map((r) => `${r.communityId === t.yg ? 'YG' : 'CH'} ${r.kind} ${r.status}`))).toEqual(
      new Set(['YG complaints draft', 'YG owner_visits draft', 'CH complaints draft', 'CH owner_visits draft']),
    );
    // Due by the end of 5 November, local time (policy complaint.monthlyReportDay).
    expect(made.every((r) => r.dueAt === new Date('2026-11-05T16:00:00Z').toISOString() && !r.isOverdue)).toBe(true);
    expect(await generateDueReports(t.deps)).toBe(0);
    expect(await reportsOf('centre', '2026-10')).toHaveLength(4);

    // The YG supervisor sees only YG's, and was told.
    expect((await reportsOf('yg.cssup', '2026-10')).every((r) => r.communityId === t.yg)).toBe(true);
    const inbox = await okJson('yg.cssup', 'GET', '/api/notifications');
    expect(JSON.stringify(inbox)).toContain('部门客户投诉工作月报已生成');
  });

  it('takes the month’s figures, fills the case analysis, submits, and the centre receives', async () => {
    const report = (await reportsOf('yg.cssup', '2026-10')).find((r) => r.kind === 'complaints')!;
    const d = await okJson('yg.cssup', 'GET', `/api/reports/${report.id}`);
    expect(d.complaintFigures).toMatchObject({
      received: 3,
      byClass: { valid: 1, assisted: 0, invalid: 2, collective: 0, unclassified: 0 },
      byChannel: [
        { key: 'phone', count: 2 },
        { key: 'walk_in', count: 1 },
      ],
      answeredOnTime: 1,
      answeredLate: 1,
      open: 1,
      onTimeRatePercent: 50,
      targetRatePercent: 1,
    });
    // The valid one missed its 2-hour contact while it waited: late, though not answered yet.
    expect(d.complaintFigures.complaints.map((c: { isLate: boolean }) => c.isLate)).toEqual([true, false, true]);
    expect(d.can).toEqual({ regenerate: true, writeAnalysis: true, submit: true, receive: false });

    // A case about a complaint not of the month, and a case without its cause: field errors, nothing written.
    const bad = await call('yg.cssup', 'PUT', `/api/reports/${report.id}/analysis`, {
      summary: '本月',
      cases: [{ complaintId: report.id, title: '误选', cause: '', correctiveAction: '改', preventiveAction: '防' }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['cases.0.cause', 'cases.0.complaintId']);
    expect((await okJson('yg.cssup', 'GET', `/api/reports/${report.id}`)).analysis).toEqual({ summary: '', cases: [] });

    const written = await okJson('yg.cssup', 'PUT', `/api/reports/${report.id}/analysis`, {
      summary: '本月受理投诉3件，1件超时',
      cases: [
        {
          complaintId: valid.id,
          title: '保安夜间喧哗',
          cause: '交接班时未注意音量',
          correctiveAction: '当面致歉，批评教育',
          preventiveAction: '夜班纪律纳入考核',
        },
      ],
    });
    expect(written.analysis.cases).toHaveLength(1);
    const regenerated = await okJson('yg.director', 'POST', `/api/reports/${report.id}/regenerate`);
    expect(regenerated.analysis.cases).toHaveLength(1);

    const submitted = await okJson('yg.cssup', 'POST', `/api/reports/${report.id}/submit`);
    expect(submitted).toMatchObject({ status: 'submitted', submittedByName: '周主管', isOverdue: false });
    expect((await call('yg.cssup', 'PUT', `/api/reports/${report.id}/analysis`, { summary: '改', cases: [] })).statusCode).toBe(409);
    expect((await call('yg.cssup', 'POST', `/api/reports/${report.id}/regenerate`)).statusCode).toBe(409);

    expect((await okJson('centre', 'GET', `/api/reports/${report.id}`)).can.receive).toBe(true);
    const received = await okJson('centre', 'POST', `/api/reports/${report.id}/receive`);
    expect(received).toMatchObject({ status: 'received', receivedByName: '投诉中心 刘' });

    const sheet = await call('centre', 'GET', `/api/reports/${report.id}/export`);
    expect(sheet.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['投诉月报', '投诉明细', '案例分析']);
    expect(wb.getWorksheet('案例分析')!.getRow(3).getCell(3).text).toBe('交接班时未注意音量');

    const print = await call('centre', 'GET', `/print/reports/${report.id}`);
    expect(print.body).toContain('部门客户投诉工作月报');
    expect(print.body).toContain('交接班时未注意音量');
  });

  it('flags a report still a draft after the 5th overdue, once, and tells the supervisor and the director', async () => {
    t.clock.set('2026-11-05T23:59:00+08:00');
    await t.scheduler.runPeriodic();
    expect((await reportsOf('centre', '2026-10')).some((r) => r.isOverdue)).toBe(false);

    t.clock.set('2026-11-06T00:00:00+08:00');
    await t.scheduler.runPeriodic();
    const after = await reportsOf('centre', '2026-10');
    const overdue = after.filter((r) => r.isOverdue);
    // YG's complaint report was submitted in time; the other three are late.
    expect(overdue).toHaveLength(3);
    expect(after.find((r) => r.communityId === t.yg && r.kind === 'complaints')!.isOverdue).toBe(false);
    expect(await generateDueReports(t.deps)).toBe(0);
    for (const who of ['ch.cssup', 'ch.director']) {
      const inbox = JSON.stringify(await okJson(who, 'GET', '/api/notifications'));
      expect(inbox).toContain('已逾期未上报');
    }
    // Submitted late, it stays marked late.
    const ch = after.find((r) => r.communityId === t.ch && r.kind === 'complaints')!;
    expect(await okJson('ch.cssup', 'POST', `/api/reports/${ch.id}/submit`)).toMatchObject({ status: 'submitted', isOverdue: true });
  });

  it('generates a month now for a late set-up, never a month to come', async () => {
    t.clock.set('2026-11-10T10:00:00+08:00');
    const made = await okJson('yg.cssup', 'POST', '/api/reports/generate', { communityId: t.yg, period: '2026-08' });
    expect(made.created).toBe(2);
    expect(made.items.every((r: Summary) => r.isOverdue)).toBe(true);
    expect((await okJson('yg.cssup', 'POST', '/api/reports/generate', { communityId: t.yg, period: '2026-08' })).created).toBe(0);
    const future = await call('yg.cssup', 'POST', '/api/reports/generate', { communityId: t.yg, period: '2026-12' });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.fields[0].field).toBe('period');
  });
});
