import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, startTestApp, type TestApp } from '../../tests/support/app.js';
import { seedSampleOrders } from './seed-sample-orders.js';
import { seedSampleTickets } from './seed-sample-tickets.js';

describe.each(await drivers())('the demo’s sample tickets (%s)', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedSampleOrders(t.deps, t.demo);
    await seedSampleTickets(t.deps, t.demo);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('loads complaints of 阳光花园 in different states through the real commands', async () => {
    const res = await t.call(await t.login('yg.cssup'), { method: 'GET', url: `/api/complaints?communityId=${t.yg}&view=all` });
    expect(res.statusCode).toBe(200);
    const statuses = (res.json().items as { status: string }[]).map((c) => c.status).sort();
    expect(statuses).toEqual(['contacting', 'recorded', 'recorded', 'replied']);
  });

  it('loads duty-log entries and a matter with the cleaning department', async () => {
    const clerk = await t.login('yg.clerk');
    const contacts = (await t.call(clerk, { method: 'GET', url: `/api/contacts?communityId=${t.yg}&view=all` })).json();
    expect((contacts.items as { status: string }[]).map((c) => c.status).sort()).toEqual(['awaiting_reply', 'closed']);
    const matters = (await t.call(await t.login('yg.cssup'), { method: 'GET', url: `/api/matters?communityId=${t.yg}` })).json();
    expect(matters.items).toHaveLength(1);
    expect(matters.items[0]).toMatchObject({ status: 'with_department', department: 'cleaning' });
  });

  it('shows the centre the forwarded case', async () => {
    const res = await t.call(await t.login('centre'), { method: 'GET', url: '/api/complaints?view=all' });
    expect((res.json().items as { isForwarded: boolean }[]).filter((c) => c.isForwarded)).toHaveLength(1);
  });
});
