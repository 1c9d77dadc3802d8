import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../tests/support/app.js';
import { seedSampleReports } from './seed-sample-reports.js';
import { seedSampleTickets } from './seed-sample-tickets.js';

describe('sample monthly reports for the demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    await seedSampleTickets(t.deps, t.demo);
    await seedSampleReports(t.deps, t.demo);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has last month’s reports of both communities, CH’s waiting at the centre, and YG’s of this month analysed', async () => {
    const centre = await t.login('centre');
    const items = (await t.call(centre, { method: 'GET', url: '/api/reports' })).json().items as {
      id: string;
      communityId: string;
      kind: string;
      period: string;
      status: string;
    }[];
    expect(items.filter((r) => r.period === '2026-10')).toHaveLength(4);
    expect(items.find((r) => r.period === '2026-10' && r.communityId === t.ch && r.kind === 'complaints')!.status).toBe('submitted');
    const now = items.find((r) => r.period === '2026-11' && r.kind === 'complaints')!;
    const d = (await t.call(centre, { method: 'GET', url: `/api/reports/${now.id}` })).json();
    expect(d.complaintFigures.received).toBeGreaterThan(0);
    expect(d.analysis.cases).toHaveLength(1);
  });
});
