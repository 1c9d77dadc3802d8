import { afterAll, beforeAll, describe } from 'vitest';
import { questionnairesAccess } from '../../../tests/access/questionnaires.js';
import { accessGrid, type Column, columns, signInColumns } from '../../../tests/support/access-grid.js';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { occupiedRoom, type RoomPick } from '../../../tests/support/factories.js';

type Issued = { id: string; items: { id: string }[]; households: { roomId: string }[] };

describe.each(await drivers())('access to the questionnaire routes (%s)', (driver) => {
  let t: TestApp;
  let cookies: Record<Column, string | null>;
  let room: RoomPick;
  let ygDraft: string;
  let chDraft: string;
  let ygIssued: Issued;
  let chIssued: Issued;
  let periods = 0;

  const json = async (res: { statusCode: number; body: string }, want: number) => {
    if (res.statusCode !== want) throw new Error(`${res.statusCode} ${res.body}`);
    return JSON.parse(res.body);
  };
  /** A new period each time: one questionnaire per community and period. */
  const nextPeriod = () => {
    periods++;
    return `${2030 + Math.floor(periods / 12)}-${String((periods % 12) + 1).padStart(2, '0')}`;
  };
  const body = (communityId: string, period = nextPeriod()) => ({
    communityId,
    title: '业户满意度问卷',
    period,
    items: [{ text: '客户服务' }, { text: '维修服务' }],
  });
  const draft = async (communityId: string) =>
    json(
      await t.call(await t.login(communityId === t.yg ? 'yg.cssup' : 'ch.cssup'), {
        method: 'POST',
        url: '/api/questionnaires',
        payload: body(communityId),
      }),
      201,
    );
  const issued = async (communityId: string) => {
    const q = await draft(communityId);
    return json(
      await t.call(await t.login(communityId === t.yg ? 'yg.cssup' : 'ch.cssup'), {
        method: 'POST',
        url: `/api/questionnaires/${q.id}/issue`,
      }),
      200,
    );
  };
  const answers = (q: Pick<Issued, 'items'>) => q.items.map((i) => ({ itemId: i.id, ticks: ['satisfied'] }));

  beforeAll(async () => {
    t = await startTestApp(driver);
    room = await occupiedRoom(t, t.yg, 1);
    cookies = await signInColumns(t, room.phone);
    ygDraft = (await draft(t.yg)).id;
    chDraft = (await draft(t.ch)).id;
    ygIssued = await issued(t.yg);
    chIssued = await issued(t.ch);
  });
  afterAll(async () => {
    await t?.close();
  });

  accessGrid(
    'questionnaires',
    columns,
    questionnairesAccess,
    () => ({
      'GET /api/questionnaires': () => ({ method: 'GET', url: '/api/questionnaires' }),
      'POST /api/questionnaires': () => ({ method: 'POST', url: '/api/questionnaires', payload: body(t.yg) }),
      'GET /api/questionnaires/:id': () => ({ method: 'GET', url: `/api/questionnaires/${ygIssued.id}` }),
      'GET /api/questionnaires/:id (CH)': () => ({ method: 'GET', url: `/api/questionnaires/${chIssued.id}` }),
      'PUT /api/questionnaires/:id': () => ({ method: 'PUT', url: `/api/questionnaires/${ygDraft}`, payload: body(t.yg, '2029-01') }),
      'PUT /api/questionnaires/:id (CH)': () => ({ method: 'PUT', url: `/api/questionnaires/${chDraft}`, payload: body(t.ch, '2029-01') }),
      'POST /api/questionnaires/:id/issue': async () => ({ method: 'POST', url: `/api/questionnaires/${(await draft(t.yg)).id}/issue` }),
      'POST /api/questionnaires/:id/issue (CH)': async () => ({
        method: 'POST',
        url: `/api/questionnaires/${(await draft(t.ch)).id}/issue`,
      }),
      'POST /api/questionnaires/:id/paper-answers': (_caller, i) => ({
        method: 'POST',
        url: `/api/questionnaires/${ygIssued.id}/paper-answers`,
        // A household of its own for every caller, so a refusal is never "answered already".
        payload: { roomId: ygIssued.households[i + 2]!.roomId, answers: answers(ygIssued), comment: '纸质问卷' },
      }),
      'POST /api/questionnaires/:id/paper-answers (CH)': (_caller, i) => ({
        method: 'POST',
        url: `/api/questionnaires/${chIssued.id}/paper-answers`,
        payload: { roomId: chIssued.households[i]!.roomId, answers: answers(chIssued) },
      }),
      'GET /api/questionnaires/:id/statistics': () => ({ method: 'GET', url: `/api/questionnaires/${ygIssued.id}/statistics` }),
      'GET /api/questionnaires/:id/statistics (CH)': () => ({ method: 'GET', url: `/api/questionnaires/${chIssued.id}/statistics` }),
      'GET /api/questionnaires/:id/statistics.xlsx': () => ({ method: 'GET', url: `/api/questionnaires/${ygIssued.id}/statistics.xlsx` }),
      'GET /print/questionnaires/:id/statistics': () => ({ method: 'GET', url: `/print/questionnaires/${ygIssued.id}/statistics` }),
      'GET /print/questionnaires/:id/statistics (CH)': () => ({ method: 'GET', url: `/print/questionnaires/${chIssued.id}/statistics` }),
      'GET /api/resident/questionnaires': () => ({ method: 'GET', url: '/api/resident/questionnaires' }),
      'POST /api/resident/questionnaires/:id/answers': async (caller) => {
        // The resident answers a questionnaire of their own, freshly issued, once.
        const q = caller === 'res' ? await issued(t.yg) : ygIssued;
        return { method: 'POST', url: `/api/resident/questionnaires/${q.id}/answers`, payload: { answers: answers(q) } };
      },
      'POST /api/resident/questionnaires/:id/answers (another household)': () => ({
        method: 'POST',
        url: `/api/resident/questionnaires/${ygIssued.id}/answers`,
        payload: { roomId: ygIssued.households.find((h) => h.roomId !== room.roomId)!.roomId, answers: answers(ygIssued) },
      }),
      'POST /api/resident/questionnaires/:id/answers (CH questionnaire)': () => ({
        method: 'POST',
        url: `/api/resident/questionnaires/${chIssued.id}/answers`,
        payload: { answers: answers(chIssued) },
      }),
    }),
    (caller, req) => t.call(cookies[caller], req),
  );
});
