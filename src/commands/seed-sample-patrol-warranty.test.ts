import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, startTestApp, type TestApp } from '../../tests/support/app.js';
import { seedSamplePatrol } from './seed-sample-patrol.js';
import { seedSampleWarranty } from './seed-sample-warranty.js';

describe.each(await drivers())('the demo’s sample patrol and liaison form (%s)', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedSamplePatrol(t.deps, t.demo);
    await seedSampleWarranty(t.deps, t.demo);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has a route per YG building, each with a finished round that raised a repair order', async () => {
    const sup = await t.login('yg.cssup');
    const routes = (await t.call(sup, { method: 'GET', url: `/api/patrol/routes?communityId=${t.yg}` })).json().items;
    const buildings = (await t.call(sup, { method: 'GET', url: `/api/buildings?communityId=${t.yg}` })).json();
    expect(routes).toHaveLength(buildings.length);
    const rounds = (await t.call(sup, { method: 'GET', url: '/api/patrol/rounds' })).json();
    expect(rounds.items).toHaveLength(buildings.length);
    for (const r of rounds.items) expect(r).toMatchObject({ status: 'finished', orderCount: 1, durationMinutes: 28 });
  });

  it('has a liaison form awaiting the developer’s reply, seen by the developer’s liaison', async () => {
    const list = (await t.call(await t.login('yg.developer'), { method: 'GET', url: '/api/liaison-forms' })).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ status: 'awaiting_reply', receiverName: '技术质量部 李部长' });
  });
});
