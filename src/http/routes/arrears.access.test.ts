import { afterAll, beforeAll, describe } from 'vitest';
import { arrearsAccess } from '../../../tests/access/arrears.js';
import { accessGrid, type Column, columns, signInColumns } from '../../../tests/support/access-grid.js';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { occupiedRoom, type RoomPick } from '../../../tests/support/factories.js';
import { arrearsSheet, multipart } from './arrears.test-support.js';

describe.each(await drivers())('access to the arrears routes (%s)', (driver) => {
  let t: TestApp;
  let cookies: Record<Column, string | null>;
  let assigned: RoomPick;
  let unassigned: RoomPick;
  let ch: RoomPick;
  let clerkId: string;
  let sheet: Buffer;
  const lineOf: Record<string, string> = {};

  const record = async (who: string, communityId: string, room: RoomPick) => {
    const res = await t.call(await t.login(who), {
      method: 'POST',
      url: '/api/arrears',
      payload: { communityId, roomId: room.roomId, feeType: '物业费', period: '2026-10', amountCents: 1_000_000 },
    });
    if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
    lineOf[room.roomId] = res.json().lines[0].id;
  };

  beforeAll(async () => {
    t = await startTestApp(driver);
    assigned = await occupiedRoom(t, t.yg, 1);
    unassigned = await occupiedRoom(t, t.yg, 2);
    ch = await occupiedRoom(t, t.ch, 1);
    await record('yg.finance', t.yg, assigned);
    await record('yg.finance', t.yg, unassigned);
    await record('ch.finance', t.ch, ch);
    clerkId = (await t.call(await t.login('yg.clerk'), { method: 'GET', url: '/api/me' })).json().id;
    await t.call(await t.login('yg.cssup'), {
      method: 'POST',
      url: '/api/arrears/assign',
      payload: { communityId: t.yg, roomIds: [assigned.roomId], clerkId },
    });
    sheet = await arrearsSheet([['1栋', '1', '101', '', '张伟', '水费', '2026-10', 50]]);
    cookies = await signInColumns(t, assigned.phone);
  });
  afterAll(async () => {
    await t?.close();
  });

  const chase = { method: 'phone', result: 'unreachable', note: '无人接听' };
  accessGrid(
    'arrears',
    columns,
    arrearsAccess,
    () => ({
      'GET /api/arrears': () => ({ method: 'GET', url: '/api/arrears' }),
      'GET /api/arrears/export': () => ({ method: 'GET', url: '/api/arrears/export' }),
      'GET /api/arrears/template': () => ({ method: 'GET', url: '/api/arrears/template' }),
      'POST /api/arrears/import': () => ({
        method: 'POST',
        url: '/api/arrears/import',
        ...multipart({ communityId: t.yg }, { name: 'a.xlsx', bytes: sheet }),
      }),
      'POST /api/arrears': () => ({
        method: 'POST',
        url: '/api/arrears',
        payload: { communityId: t.yg, roomId: assigned.roomId, feeType: '水费', period: '2026-11', amountCents: 100 },
      }),
      'GET /api/arrears/clerks': () => ({ method: 'GET', url: `/api/arrears/clerks?communityId=${t.yg}` }),
      'POST /api/arrears/assign': () => ({
        method: 'POST',
        url: '/api/arrears/assign',
        payload: { communityId: t.yg, roomIds: [assigned.roomId], clerkId },
      }),
      'GET /api/arrears/households/:id': () => ({ method: 'GET', url: `/api/arrears/households/${assigned.roomId}` }),
      'GET /api/arrears/households/:id (not assigned to the clerk)': () => ({
        method: 'GET',
        url: `/api/arrears/households/${unassigned.roomId}`,
      }),
      'GET /api/arrears/households/:id (CH household)': () => ({ method: 'GET', url: `/api/arrears/households/${ch.roomId}` }),
      'POST /api/arrears/households/:id/chases': () => ({
        method: 'POST',
        url: `/api/arrears/households/${assigned.roomId}/chases`,
        payload: chase,
      }),
      'POST /api/arrears/households/:id/chases (CH household)': () => ({
        method: 'POST',
        url: `/api/arrears/households/${ch.roomId}/chases`,
        payload: chase,
      }),
      'POST /api/arrears/lines/:id/payments': () => ({
        method: 'POST',
        url: `/api/arrears/lines/${lineOf[assigned.roomId]}/payments`,
        payload: { amountCents: 1 },
      }),
      'POST /api/arrears/lines/:id/payments (CH line)': () => ({
        method: 'POST',
        url: `/api/arrears/lines/${lineOf[ch.roomId]}/payments`,
        payload: { amountCents: 1 },
      }),
    }),
    (caller, req) => t.call(cookies[caller], req),
  );
});
