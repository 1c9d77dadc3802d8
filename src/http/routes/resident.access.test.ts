import { afterAll, beforeAll, describe } from 'vitest';
import { residentRoutes } from '../../../tests/access/resident.js';
import { accessGrid, type Column, columns, signInColumns } from '../../../tests/support/access-grid.js';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { act, createRepair } from '../../../tests/support/factories.js';

describe.each(await drivers())("access to the resident's own routes (%s)", (driver) => {
  let t: TestApp;
  let cookies: Record<Column, string | null>;
  let orderId = '';

  beforeAll(async () => {
    t = await startTestApp(driver);
    const { order, room } = await createRepair(t, {}, { roomIndex: 3 });
    const tech = await t.login('yg.tech1');
    await act(t, tech, order.id, 'grab');
    await act(t, tech, order.id, 'arrive');
    await act(t, await t.login('yg.clerk'), order.id, 'confirm-by-phone', { reason: '电话核实' });
    await act(t, tech, order.id, 'complete', { summary: '已修好' });
    orderId = order.id;
    cookies = await signInColumns(t, room.phone);
  });
  afterAll(async () => {
    await t?.close();
  });

  accessGrid(
    'resident routes',
    columns,
    residentRoutes,
    () => ({
      'GET /api/my/tickets': () => ({ method: 'GET', url: '/api/my/tickets' }),
      'POST /api/tickets/:id/rating': () => ({
        method: 'POST',
        url: `/api/tickets/${orderId}/rating`,
        payload: { outcome: 'satisfied', comment: '' },
      }),
    }),
    (caller, req) => t.call(cookies[caller], req),
  );
});
