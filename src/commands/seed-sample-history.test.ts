import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, startTestApp, type TestApp } from '../../tests/support/app.js';
import { seedSampleHistory } from './seed-sample-history.js';

describe.each(await drivers())('the demo’s three weeks of history (%s)', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedSampleHistory(t.deps, t.demo);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('closes every order through the real steps, each visited, none left on the boards', async () => {
    const clerk = await t.login('yg.clerk');
    const board = (await t.call(clerk, { method: 'GET', url: `/api/boards/front-desk?communityId=${t.yg}` })).json();
    expect(board.orders).toHaveLength(0);
    const closed = (
      await t.call(clerk, { method: 'GET', url: `/api/repair-orders?communityId=${t.yg}&status=closed&view=all&limit=100` })
    ).json();
    expect(closed.total).toBe(42);
  });

  it('gives the dashboard times, on-time rates and satisfaction to show', async () => {
    const res = await t.call(await t.login('yg.director'), {
      method: 'GET',
      url: `/api/dashboards?communityId=${t.yg}&preset=last_30_days`,
    });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.rates.visitRate).toBe(100);
    expect(d.rates.satisfactionRate).toBeGreaterThan(0);
    const durations = d.durations as { averageMinutes: number | null }[];
    expect(durations.every((r) => (r.averageMinutes ?? 0) > 0)).toBe(true);
    const timers = d.timers as { onTimeRate: number | null }[];
    expect(timers.some((r) => r.onTimeRate !== null && r.onTimeRate < 100)).toBe(true);
  });
});
