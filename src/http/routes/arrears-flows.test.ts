import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { arrearsSheet, multipart } from './arrears.test-support.js';

type Household = {
  roomId: string;
  location: string;
  outstandingCents: number;
  status: string;
  clerkName: string | null;
  isChaseDue: boolean;
};

describe.each(await drivers())('arrears: import, assign, chase, pay (%s)', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(async () => {
    await t?.close();
  });
  const importSheet = async (rows: unknown[][], who = 'yg.finance', communityId?: string) =>
    t.call(await t.login(who), {
      method: 'POST',
      url: '/api/arrears/import',
      ...multipart({ communityId: communityId ?? t.yg }, { name: '欠费.xlsx', bytes: await arrearsSheet(rows) }),
    });
  const list = async (who: string, query = '') =>
    (await t.call(await t.login(who), { method: 'GET', url: `/api/arrears?communityId=${t.yg}${query}` })).json() as {
      items: Household[];
      total: number;
      totals: { households: number; outstandingCents: number; chaseDue: number };
    };

  it('imports the good rows and reports each bad one by row number, in both languages', async () => {
    t.clock.set('2026-11-25T09:00:00+08:00');
    const res = await importSheet([
      ['1栋', '1', '101', '', '张伟', '物业费', '2026-10', 356.5],
      ['', '', '', '1栋-1-102', '王芳', '物业费', '2026年10月', '1,200.00'],
      ['9栋', '1', '101', '', '无名', '物业费', '2026-10', 100],
      ['1栋', '1', '201', '', '李娜', '水费', '2026-10', 'abc'],
      [],
      ['1栋', '1', '101', '', '张伟', '物业费', '2026-10', 356.5],
      ['1', '2', '101', '', '赵敏', '停车费', '2026', 600],
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect([r.imported, r.updated]).toEqual([3, 0]);
    expect(r.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [4, 'unknown_room'],
      [5, 'bad_amount'],
      [7, 'duplicate_row'],
    ]);
    expect(r.errors[0].message.zh).toContain('第4行');
    expect(r.errors[0].message.en).toContain('Row 4');
    const all = await list('yg.finance');
    expect(all.totals).toMatchObject({ households: 3, outstandingCents: 35650 + 120000 + 60000 });
  });

  it('updates, not duplicates, when the same period is imported again', async () => {
    const res = (await importSheet([['1栋', '1', '101', '', '张伟', '物业费', '2026-10', 400]])).json();
    expect([res.imported, res.updated, res.errors.length]).toEqual([0, 1, 0]);
    const h = (await list('yg.finance')).items.find((x) => x.location === '1栋1单元101室')!;
    expect(h.outstandingCents).toBe(40000);
  });

  it('refuses a file that is not a spreadsheet, and an import by anyone but finance', async () => {
    const bad = await t.call(await t.login('yg.finance'), {
      method: 'POST',
      url: '/api/arrears/import',
      ...multipart({ communityId: t.yg }, { name: 'x.xlsx', bytes: Buffer.from('not a workbook') }),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].field).toBe('file');
    expect((await importSheet([], 'yg.clerk')).statusCode).toBe(403);
    expect((await importSheet([], 'yg.finance', t.ch)).statusCode).toBe(403);
  });

  it('has the supervisor assign households to a clerk, who chases them until finance records payment', async () => {
    t.clock.set('2026-11-25T10:00:00+08:00');
    const before = await list('yg.cssup', '&status=unassigned');
    const clerks = (await t.call(await t.login('yg.cssup'), { method: 'GET', url: `/api/arrears/clerks?communityId=${t.yg}` })).json()
      .items;
    const me = (await t.call(await t.login('yg.clerk'), { method: 'GET', url: '/api/me' })).json();
    expect(clerks.map((c: { id: string }) => c.id)).toContain(me.id);
    const rooms = before.items.slice(0, 2).map((h) => h.roomId);
    const assigned = await t.call(await t.login('yg.cssup'), {
      method: 'POST',
      url: '/api/arrears/assign',
      payload: { communityId: t.yg, roomIds: rooms, clerkId: me.id },
    });
    expect(assigned.json()).toEqual({ assigned: 2 });
    // The clerk sees only their households; another clerk sees none of them.
    expect((await list('yg.clerk')).items.map((h) => h.roomId).sort()).toEqual([...rooms].sort());
    expect((await list('yg.clerk2')).items).toEqual([]);
    const other = await t.call(await t.login('yg.clerk2'), { method: 'GET', url: `/api/arrears/households/${rooms[0]}` });
    expect(other.statusCode).toBe(404);

    // Chase due the policy interval (7 days) after the assignment.
    t.clock.set('2026-12-02T10:00:00+08:00');
    expect((await list('yg.clerk', '&status=chase_due')).totals.chaseDue).toBe(2);
    const chased = await t.call(await t.login('yg.clerk'), {
      method: 'POST',
      url: `/api/arrears/households/${rooms[0]}/chases`,
      payload: { method: 'phone', result: 'promised', promisedDate: '2026-12-05', note: '业主答应周五缴费' },
    });
    expect(chased.statusCode, chased.body).toBe(201);
    expect(chased.json().chases[0]).toMatchObject({ method: 'phone', result: 'promised', promisedDate: '2026-12-05' });
    expect(chased.json().isChaseDue).toBe(false);
    const noDate = await t.call(await t.login('yg.clerk'), {
      method: 'POST',
      url: `/api/arrears/households/${rooms[1]}/chases`,
      payload: { method: 'visit', result: 'promised' },
    });
    expect(noDate.statusCode).toBe(422);
    expect(noDate.json().error.fields[0].field).toBe('promisedDate');

    // Finance: a part payment reduces it, the rest settles it.
    const line = chased.json().lines[0];
    const part = await t.call(await t.login('yg.finance'), {
      method: 'POST',
      url: `/api/arrears/lines/${line.id}/payments`,
      payload: { amountCents: 10000, note: '现金' },
    });
    expect(part.json().outstandingCents).toBe(chased.json().outstandingCents - 10000);
    const outstanding = part.json().lines.find((l: { id: string }) => l.id === line.id);
    const over = await t.call(await t.login('yg.finance'), {
      method: 'POST',
      url: `/api/arrears/lines/${line.id}/payments`,
      payload: { amountCents: outstanding.amountOwedCents },
    });
    expect(over.statusCode).toBe(422);
    const rest = await t.call(await t.login('yg.finance'), {
      method: 'POST',
      url: `/api/arrears/lines/${line.id}/payments`,
      payload: { amountCents: outstanding.amountOwedCents - outstanding.amountPaidCents },
    });
    expect(rest.json().lines.find((l: { id: string }) => l.id === line.id).status).toBe('paid');
  });

  it('exports the filtered list and downloads the template as spreadsheets', async () => {
    const res = await t.call(await t.login('yg.cssup'), { method: 'GET', url: `/api/arrears/export?communityId=${t.yg}&status=owing` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['欠费户', '欠费明细']);
    expect(wb.worksheets[0]!.rowCount).toBeGreaterThan(2);
    const tpl = await t.call(await t.login('yg.finance'), { method: 'GET', url: '/api/arrears/template' });
    expect(tpl.statusCode).toBe(200);
    // The template itself imports cleanly.
    const back = await t.call(await t.login('yg.finance'), {
      method: 'POST',
      url: '/api/arrears/import',
      ...multipart({ communityId: t.yg }, { name: 'tpl.xlsx', bytes: tpl.rawPayload }),
    });
    expect(back.json().errors).toEqual([]);
  });
});
