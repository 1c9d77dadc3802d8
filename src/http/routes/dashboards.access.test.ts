import { afterAll, beforeAll, describe } from 'vitest';
import { dashboardsAccess } from '../../../tests/access/dashboards.js';
import { accessGrid, type Column, columns, signInColumns } from '../../../tests/support/access-grid.js';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { createRepair, occupiedRoom } from '../../../tests/support/factories.js';
import { seedSecondCompany } from '../../../tests/support/second-company.js';

const period = 'from=2026-11-01&to=2026-11-30';

describe.each(await drivers())('access to the dashboard routes (%s)', (driver) => {
  let t: TestApp;
  let cookies: Record<Column, string | null>;
  let otherCommunity: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    const room = await occupiedRoom(t, t.yg, 1);
    cookies = await signInColumns(t, room.phone);
    otherCommunity = (await seedSecondCompany(t.deps)).communityId;
    // Something to count in each community, so an allowed answer carries figures.
    await createRepair(t, {}, { roomIndex: 2 });
    await createRepair(t, {}, { communityId: t.ch });
  });
  afterAll(async () => {
    await t?.close();
  });

  accessGrid(
    'dashboards',
    columns,
    dashboardsAccess,
    () => ({
      'GET /api/dashboards': () => ({ method: 'GET', url: `/api/dashboards?${period}` }),
      'GET /api/dashboards (YG)': () => ({ method: 'GET', url: `/api/dashboards?communityId=${t.yg}&preset=this_month` }),
      'GET /api/dashboards (CH)': () => ({ method: 'GET', url: `/api/dashboards?communityId=${t.ch}&${period}` }),
      'GET /api/dashboards (another company)': () => ({ method: 'GET', url: `/api/dashboards?communityId=${otherCommunity}&${period}` }),
      'GET /api/dashboards/export': () => ({ method: 'GET', url: `/api/dashboards/export?panel=daily&${period}` }),
      'GET /api/dashboards/export (CH)': () => ({
        method: 'GET',
        url: `/api/dashboards/export?panel=categories&communityId=${t.ch}&${period}`,
      }),
      'GET /api/dashboards/export (another company)': () => ({
        method: 'GET',
        url: `/api/dashboards/export?panel=timers&communityId=${otherCommunity}&${period}`,
      }),
    }),
    (caller, req) => t.call(cookies[caller], req),
  );
});
