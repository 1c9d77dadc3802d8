import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, startTestApp, type TestApp } from '../../tests/support/app.js';
import { seedSampleHotWork } from './seed-sample-hot-work.js';
import { seedSampleParking } from './seed-sample-parking.js';

describe.each(await drivers())('the demo’s sample hot work and parking (%s)', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedSampleHotWork(t.deps, t.demo);
    await seedSampleParking(t.deps, t.demo);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has a permit under way today in 阳光花园 for security, and one awaiting approval', async () => {
    const today = (await t.call(await t.login('yg.security'), { method: 'GET', url: '/api/hot-work?view=today' })).json();
    expect(today.items.map((i: { status: string }) => i.status)).toEqual(['active']);
    const review = (await t.call(await t.login('yg.cssup'), { method: 'GET', url: '/api/hot-work?view=review' })).json();
    expect(review.total).toBe(1);
  });

  it('has spaces occupied, reserved and free, and an application in progress', async () => {
    const spaces = (await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/api/parking/spaces?communityId=${t.yg}` })).json();
    expect((spaces.items as { status: string }[]).map((s) => s.status).sort()).toEqual([
      'free',
      'free',
      'free',
      'free',
      'occupied',
      'reserved',
    ]);
    const open = (await t.call(await t.login('yg.clerk'), { method: 'GET', url: '/api/parking/applications?view=open' })).json();
    expect(open.items.map((i: { status: string }) => i.status)).toEqual(['assigned']);
  });
});
