import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../tests/support/app.js';
import { ownerVisitSummary } from './owner-visits/summary.js';
import { seedSampleOwnerVisits } from './seed-sample-owner-visits.js';

describe('the sample owner visits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(['2026-11-25T09:00:00+08:00', '2026-12-01T03:00:00+08:00'])('loads at %s: a plan, three visits done, two booked', async (at) => {
    t.clock.set(new Date(at));
    await seedSampleOwnerVisits(t.deps, t.demo);
    const month = at.slice(0, 7);
    const all = [month, '2026-11'].filter((m, i, a) => a.indexOf(m) === i);
    const summaries = await Promise.all(
      all.map((m) => ownerVisitSummary(t.database.db, { companyId: t.demo.companyId, communityId: t.yg, month: m })),
    );
    expect(summaries[0]?.isPlanned).toBe(true);
    const done = summaries.reduce((n, s) => n + s.done, 0);
    expect(done).toBeGreaterThanOrEqual(3);
    expect(summaries.reduce((n, s) => n + s.issuesToRepair, 0)).toBeGreaterThanOrEqual(1);
  });
});
