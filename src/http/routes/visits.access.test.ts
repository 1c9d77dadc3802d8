import { afterAll, beforeAll, describe } from 'vitest';
import { visitsRoutes } from '../../../tests/access/visits.js';
import { accessGrid, type Column, columns, signInColumns } from '../../../tests/support/access-grid.js';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { act, createRepair, occupiedRoom } from '../../../tests/support/factories.js';

/** A valid body of every action, so a refusal is about access, never the payload. */
const bodies: Record<string, (t: TestApp) => Promise<Record<string, unknown>>> = {
  assign: async (t) => ({ visitorId: await clerkId(t) }),
  book: async () => ({ appointmentAt: '2026-11-26T10:00:00+08:00' }),
  record: async () => ({ method: 'phone', outcome: 'satisfied', chargeCheck: 'no_charge', comment: '满意' }),
  'rectification-notice': async () => ({ text: '整改' }),
  cancel: async () => ({ reason: '工单作废' }),
};

async function clerkId(t: TestApp): Promise<string> {
  const me = await t.call(await t.login('yg.clerk'), { method: 'GET', url: '/api/me' });
  return me.json().id as string;
}

describe.each(await drivers())('access to the visits routes (%s)', (driver) => {
  let t: TestApp;
  let cookies: Record<Column, string | null>;
  let room = 40;
  const tasks = new Map<string, string>();

  /** A fresh task of a confirmed repair, one per row. */
  async function taskFor(label: string): Promise<string> {
    const known = tasks.get(label);
    if (known) return known;
    const { order } = await createRepair(t, { category: 'electrical' }, { roomIndex: room++ });
    const tech = await t.login('yg.tech1');
    const clerk = await t.login('yg.clerk');
    await act(t, tech, order.id, 'grab');
    await act(t, tech, order.id, 'arrive');
    await act(t, clerk, order.id, 'confirm-by-phone', { reason: '电话核实' });
    await act(t, tech, order.id, 'complete', { summary: '已修好' });
    await act(t, clerk, order.id, 'confirm', {});
    const list = (await t.call(clerk, { method: 'GET', url: '/api/visits?status=pending' })).json() as {
      id: string;
      ticketNumber: string;
    }[];
    const id = list.find((v) => v.ticketNumber === order.number)!.id;
    tasks.set(label, id);
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp(driver);
    const resident = await occupiedRoom(t, t.yg, 2);
    cookies = await signInColumns(t, resident.phone);
  });
  afterAll(async () => {
    await t?.close();
  });

  const action = (path: string) => async () => ({
    method: 'POST' as const,
    url: `/api/visits/${await taskFor(path)}/${path}`,
    payload: await bodies[path]!(t),
  });

  accessGrid(
    'visits',
    columns,
    visitsRoutes,
    () => ({
      'GET /api/visits/mine': () => ({ method: 'GET', url: '/api/visits/mine' }),
      'GET /api/visits/:id': async () => ({ method: 'GET', url: `/api/visits/${await taskFor('detail')}` }),
      'POST /api/visits/:id/assign': action('assign'),
      'POST /api/visits/:id/book': action('book'),
      'POST /api/visits/:id/record': action('record'),
      'POST /api/visits/:id/rectification-notice': action('rectification-notice'),
      'POST /api/visits/:id/cancel': action('cancel'),
      'POST /api/visit-sampling/draw': () => ({ method: 'POST', url: '/api/visit-sampling/draw', payload: { communityId: t.yg } }),
      'GET /api/visit-sampling': () => ({ method: 'GET', url: `/api/visit-sampling?communityId=${t.yg}` }),
    }),
    (caller, req) => t.call(cookies[caller], req),
  );
});
