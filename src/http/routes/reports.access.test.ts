import { afterAll, beforeAll, describe } from 'vitest';
import { reportsAccess } from '../../../tests/access/reports.js';
import { accessGrid, type Column, columns, signInColumns } from '../../../tests/support/access-grid.js';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { occupiedRoom } from '../../../tests/support/factories.js';

interface Summary {
  id: string;
  kind: string;
}

describe.each(await drivers())('access to the monthly report routes (%s)', (driver) => {
  let t: TestApp;
  let cookies: Record<Column, string | null>;
  const yg: Record<string, string> = {};
  const ch: Record<string, string> = {};

  const generate = async (who: string, communityId: string, into: Record<string, string>) => {
    const res = await t.call(await t.login(who), {
      method: 'POST',
      url: '/api/reports/generate',
      payload: { communityId, period: '2026-09' },
    });
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
    for (const r of res.json().items as Summary[]) into[r.kind] = r.id;
  };
  const submit = async (who: string, id: string) => {
    const res = await t.call(await t.login(who), { method: 'POST', url: `/api/reports/${id}/submit` });
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  };

  beforeAll(async () => {
    t = await startTestApp(driver);
    await generate('yg.cssup', t.yg, yg);
    await generate('ch.cssup', t.ch, ch);
    // The owner-visit summaries wait at the centre, for the receive rows.
    await submit('yg.cssup', yg.owner_visits!);
    await submit('ch.cssup', ch.owner_visits!);
    cookies = await signInColumns(t, (await occupiedRoom(t, t.yg, 1)).phone);
  });
  afterAll(async () => {
    await t?.close();
  });

  const analysis = { summary: '本月投诉平稳', cases: [] };
  accessGrid(
    'reports',
    columns,
    reportsAccess,
    () => ({
      'GET /api/reports': () => ({ method: 'GET', url: '/api/reports' }),
      'GET /api/reports (CH community)': () => ({ method: 'GET', url: `/api/reports?communityId=${t.ch}` }),
      'POST /api/reports/generate': () => ({
        method: 'POST',
        url: '/api/reports/generate',
        payload: { communityId: t.yg, period: '2026-09' },
      }),
      'POST /api/reports/generate (CH community)': () => ({
        method: 'POST',
        url: '/api/reports/generate',
        payload: { communityId: t.ch, period: '2026-09' },
      }),
      'GET /api/reports/:id': () => ({ method: 'GET', url: `/api/reports/${yg.complaints}` }),
      'GET /api/reports/:id (CH report)': () => ({ method: 'GET', url: `/api/reports/${ch.complaints}` }),
      'POST /api/reports/:id/regenerate': () => ({ method: 'POST', url: `/api/reports/${yg.complaints}/regenerate` }),
      'POST /api/reports/:id/regenerate (CH report)': () => ({ method: 'POST', url: `/api/reports/${ch.complaints}/regenerate` }),
      'PUT /api/reports/:id/analysis': () => ({ method: 'PUT', url: `/api/reports/${yg.complaints}/analysis`, payload: analysis }),
      'PUT /api/reports/:id/analysis (CH report)': () => ({
        method: 'PUT',
        url: `/api/reports/${ch.complaints}/analysis`,
        payload: analysis,
      }),
      'POST /api/reports/:id/submit': () => ({ method: 'POST', url: `/api/reports/${yg.complaints}/submit` }),
      'POST /api/reports/:id/submit (CH report)': () => ({ method: 'POST', url: `/api/reports/${ch.complaints}/submit` }),
      'POST /api/reports/:id/receive': () => ({ method: 'POST', url: `/api/reports/${yg.owner_visits}/receive` }),
      'POST /api/reports/:id/receive (CH report)': () => ({ method: 'POST', url: `/api/reports/${ch.owner_visits}/receive` }),
      'GET /api/reports/:id/export': () => ({ method: 'GET', url: `/api/reports/${yg.complaints}/export` }),
      'GET /api/reports/:id/export (CH report)': () => ({ method: 'GET', url: `/api/reports/${ch.complaints}/export` }),
      'GET /print/reports/:id': () => ({ method: 'GET', url: `/print/reports/${yg.complaints}` }),
      'GET /print/reports/:id (CH report)': () => ({ method: 'GET', url: `/print/reports/${ch.complaints}` }),
    }),
    (caller, req) => t.call(cookies[caller], req),
  );
});
