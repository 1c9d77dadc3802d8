import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { occupiedRoom, type RoomPick } from '../../../tests/support/factories.js';
import { issueDueQuestionnaires } from '../../commands/questionnaires/manage.js';

type Tick = 'satisfied' | 'basically_satisfied' | 'unsatisfied';
type Detail = {
  id: string;
  phase: string;
  items: { id: string; text: string }[];
  households: { roomId: string; roomLabel: string; answeredAt: string | null; channel: string | null }[];
  issued: number;
  answered: number;
  recoveryPercent: number | null;
  recoveryDeadline: string | null;
  statisticsDeadline: string | null;
  workingDaysLeft: number | null;
};

const S: Tick = 'satisfied';
const B: Tick = 'basically_satisfied';
const U: Tick = 'unsatisfied';
const repeat = <T>(v: T, n: number): T[] => Array(n).fill(v);

describe.each(await drivers())('questionnaires over HTTP (%s)', (driver) => {
  let t: TestApp;
  let resident: RoomPick;
  let q: Detail;

  const call = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.call(who.includes('.') || who === 'gm' ? await t.login(who) : who, { method, url, payload });

  beforeAll(async () => {
    t = await startTestApp(driver);
    resident = await occupiedRoom(t, t.yg, 1);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('drafts a questionnaire with field errors for a bad one, and one per community and period', async () => {
    const empty = await call('yg.cssup', 'POST', '/api/questionnaires', { communityId: t.yg, title: '问卷', period: '2026-13', items: [] });
    expect(empty.statusCode).toBe(400);
    const fields = (empty.json() as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['period', 'items']));

    const res = await call('yg.cssup', 'POST', '/api/questionnaires', {
      communityId: t.yg,
      title: '2026年下半年业户满意度问卷',
      period: '2026-12',
      items: [{ text: '客户服务' }, { text: '维修服务' }, { text: '清洁卫生' }],
    });
    expect(res.statusCode).toBe(201);
    q = res.json();
    expect(q).toMatchObject({ phase: 'draft', issued: 0, recoveryDeadline: null });

    const twice = await call('yg.csmanager', 'POST', '/api/questionnaires', {
      communityId: t.yg,
      title: '重复',
      period: '2026-12',
      items: [{ text: 'x' }],
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.fields[0].field).toBe('period');
  });

  it('has no statistics before issue', async () => {
    expect((await call('yg.cssup', 'GET', `/api/questionnaires/${q.id}/statistics`)).statusCode).toBe(409);
  });

  it('issues to every occupied household; recovered within 15 working days; issued once', async () => {
    const res = await call('yg.cssup', 'POST', `/api/questionnaires/${q.id}/issue`);
    expect(res.statusCode).toBe(200);
    q = res.json();
    // Wednesday 25 November 2026 → 15 working days → Wednesday 16 December; 30 → 6 January 2027.
    // The demo's YG has 72 rooms, 10 of them empty: 62 occupied households.
    expect(q).toMatchObject({ phase: 'open', issued: 62, answered: 0, recoveryDeadline: '2026-12-16', workingDaysLeft: 16 });
    expect(q.households).toHaveLength(62);
    expect(q.households.some((h) => h.roomId === resident.roomId)).toBe(true);

    expect((await call('yg.cssup', 'POST', `/api/questionnaires/${q.id}/issue`)).statusCode).toBe(409);
    const edit = await call('yg.cssup', 'PUT', `/api/questionnaires/${q.id}`, {
      communityId: t.yg,
      title: 'x',
      period: '2026-12',
      items: [{ text: 'x' }],
    });
    expect(edit.statusCode).toBe(409);
  });

  /*
   * 31 of 62 households answer (50% recovery, 10 points short of 60% → 50 points off). One paper
   * form abstains on every item (two ticks, a blank, an item left out); the other 30 answers:
   *   客户服务: 20 S, 6 B, 4 U → 26/30 = 86.67% → 36.67%
   *   维修服务: 16 S, 10 B, 4 U → 26/30 = 86.67% → 36.67%
   *   清洁卫生: 10 S, 8 B, 12 U → 18/30 = 60% → 10%
   *   overall: 46 S, 24 B, 20 U, 3 abstentions → 70/90 = 77.78% → 27.78%
   * Pareto of 20 unsatisfied marks: 清洁卫生 12 (60%), 客户服务 4 (80%, within: main), 维修服务 4 (100%).
   */
  const columnA = [...repeat(S, 20), ...repeat(B, 6), ...repeat(U, 4)];
  const columnB = [...repeat(B, 10), ...repeat(S, 16), ...repeat(U, 4)];
  const columnC = [...repeat(U, 12), ...repeat(S, 10), ...repeat(B, 8)];
  const answersAt = (i: number) => [
    { itemId: q.items[0]!.id, ticks: [columnA[i]!] },
    { itemId: q.items[1]!.id, ticks: [columnB[i]!] },
    { itemId: q.items[2]!.id, ticks: [columnC[i]!] },
  ];

  it('lets the resident answer on the phone, once, for their own household', async () => {
    const phone = await t.loginResident(resident.phone);
    const mine = (await call(phone, 'GET', '/api/resident/questionnaires')).json();
    expect(mine.awaiting).toBe(1);
    expect(mine.items[0]).toMatchObject({ id: q.id, phase: 'open', workingDaysLeft: 16 });

    const res = await call(phone, 'POST', `/api/resident/questionnaires/${q.id}/answers`, {
      answers: answersAt(0),
      comment: '希望增加保洁频次',
    });
    expect(res.statusCode).toBe(200);
    expect((await call(phone, 'GET', '/api/resident/questionnaires')).json().awaiting).toBe(0);
    const again = await call(phone, 'POST', `/api/resident/questionnaires/${q.id}/answers`, { answers: answersAt(0) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_answered');
    // The clerk cannot enter a paper form for a household that has answered either.
    const paper = await call('yg.clerk', 'POST', `/api/questionnaires/${q.id}/paper-answers`, {
      roomId: resident.roomId,
      answers: answersAt(0),
    });
    expect(paper.statusCode).toBe(409);
  });

  it('takes the clerk’s paper forms, recording blank and doubly marked items as abstentions', async () => {
    const others = q.households.filter((h) => h.roomId !== resident.roomId);
    const abstaining = await call('yg.clerk', 'POST', `/api/questionnaires/${q.id}/paper-answers`, {
      roomId: others[0]!.roomId,
      answers: [
        { itemId: q.items[0]!.id, ticks: [S, U] },
        { itemId: q.items[1]!.id, ticks: [] },
      ],
    });
    expect(abstaining.statusCode).toBe(200);
    const unknown = await call('yg.clerk', 'POST', `/api/questionnaires/${q.id}/paper-answers`, {
      roomId: others[1]!.roomId,
      answers: [{ itemId: resident.roomId, ticks: [S] }],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields[0].field).toBe('answers.0.itemId');
    for (let i = 1; i < 30; i++) {
      const res = await call('yg.clerk', 'POST', `/api/questionnaires/${q.id}/paper-answers`, {
        roomId: others[i]!.roomId,
        answers: answersAt(i),
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const detail = (await call('yg.cssup', 'GET', `/api/questionnaires/${q.id}`)).json() as Detail;
    expect(detail).toMatchObject({ issued: 62, answered: 31, recoveryPercent: 50 });
    expect(detail.households.filter((h) => h.channel === 'paper')).toHaveLength(30);
    expect(detail.households.filter((h) => h.channel === 'phone')).toHaveLength(1);
  });

  it('works out the statistics exactly, with the recovery penalty, the floor and the Pareto', async () => {
    const s = (await call('yg.cssup', 'GET', `/api/questionnaires/${q.id}/statistics`)).json();
    expect(s).toMatchObject({
      issued: 62,
      answered: 31,
      recoveryPercent: 50,
      isRecoveryMet: false,
      minRecoveryPercent: 60,
      penaltyPoints: 50,
    });
    expect(
      s.items.map((i: Record<string, unknown>) => [
        i.text,
        i.satisfied,
        i.basicallySatisfied,
        i.unsatisfied,
        i.abstained,
        i.rate,
        i.finalRate,
      ]),
    ).toEqual([
      ['客户服务', 20, 6, 4, 1, 86.67, 36.67],
      ['维修服务', 16, 10, 4, 1, 86.67, 36.67],
      ['清洁卫生', 10, 8, 12, 1, 60, 10],
    ]);
    expect(s.overall).toEqual({ satisfied: 46, basicallySatisfied: 24, unsatisfied: 20, abstained: 3, rate: 77.78, finalRate: 27.78 });
    expect(s.pareto.map((r: Record<string, unknown>) => [r.text, r.count, r.sharePercent, r.cumulativePercent, r.isMain])).toEqual([
      ['清洁卫生', 12, 60, 60, true],
      ['客户服务', 4, 20, 80, true],
      ['维修服务', 4, 20, 100, false],
    ]);
    expect(s.comments).toEqual([{ roomLabel: expect.any(String), comment: '希望增加保洁频次' }]);
  });

  it('exports the 问卷结果统计表 to Excel and prints it on A4', async () => {
    const xlsx = await call('yg.director', 'GET', `/api/questionnaires/${q.id}/statistics.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = (wb.worksheets[0]!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows).toContainEqual(['清洁卫生', 10, 8, 12, 1, 60, 10]);
    expect(rows).toContainEqual(['合计', 46, 24, 20, 1 + 1 + 1, 77.78, 27.78]);
    const page = await call('gm', 'GET', `/print/questionnaires/${q.id}/statistics`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('问卷结果统计表');
    expect(page.body).toContain('共扣 50 个百分点');
  });

  it('takes no answer once the recovery deadline has passed', async () => {
    t.clock.set(new Date('2026-12-17T00:00:00+08:00'));
    const others = q.households.filter((h) => !h.answeredAt && h.roomId !== resident.roomId);
    const late = await call('yg.clerk', 'POST', `/api/questionnaires/${q.id}/paper-answers`, {
      roomId: others[40]!.roomId,
      answers: answersAt(0),
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('questionnaire_closed');
    expect((await call('yg.cssup', 'GET', `/api/questionnaires/${q.id}`)).json()).toMatchObject({ phase: 'closed', workingDaysLeft: 0 });
  });

  it('issues June and December questionnaires by itself, once, to communities that have none', async () => {
    t.clock.set(new Date('2026-12-01T09:00:00+08:00'));
    // YG has its December questionnaire already; CH gets one of the standard items.
    expect(await issueDueQuestionnaires(t.deps)).toBe(1);
    expect(await issueDueQuestionnaires(t.deps)).toBe(0);
    const ch = (await call('ch.cssup', 'GET', '/api/questionnaires')).json().items;
    expect(ch).toHaveLength(1);
    expect(ch[0]).toMatchObject({ period: '2026-12', phase: 'open', itemCount: 8, recoveryDeadline: '2026-12-22' });
    t.clock.set(new Date('2027-01-04T09:00:00+08:00'));
    expect(await issueDueQuestionnaires(t.deps)).toBe(0);
  });
});
