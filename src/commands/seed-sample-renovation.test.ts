import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../tests/support/app.js';
import { seedSampleRenovation } from './seed-sample-renovation.js';

describe('sample renovations of the demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('puts one renovation in works (with today’s patrols) and one awaiting the clerk’s check in YG', async () => {
    await seedSampleRenovation(t.deps, t.demo);
    const clerk = await t.login('yg.clerk');
    const list = (await t.call(clerk, { method: 'GET', url: `/api/renovations?communityId=${t.yg}` })).json();
    expect(list.items.map((i: { status: string }) => i.status).sort()).toEqual(['in_works', 'submitted']);
    expect(list.items.every((i: { isComplete: boolean }) => i.isComplete)).toBe(true);
    const patrols = (await t.call(clerk, { method: 'GET', url: `/api/renovation-patrols?communityId=${t.yg}` })).json();
    expect(patrols.items).toHaveLength(1);
  });
});
