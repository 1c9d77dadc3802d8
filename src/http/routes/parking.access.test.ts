import { afterAll, beforeAll, describe } from 'vitest';
import { parkingAccess } from '../../../tests/access/parking.js';
import { accessGrid, type Column, columns, signInColumns } from '../../../tests/support/access-grid.js';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { occupiedRoom, type RoomPick } from '../../../tests/support/factories.js';

/** A 1×1 PNG. */
const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ffa7d6c0a50000000049454e44ae426082',
  'hex',
);
const multipart = (purpose: string) => ({
  headers: { 'content-type': 'multipart/form-data; boundary=XX' },
  payload: Buffer.concat([
    Buffer.from(
      `--XX\r\nContent-Disposition: form-data; name="purpose"\r\n\r\n${purpose}\r\n--XX\r\nContent-Disposition: form-data; name="file"; filename="licence.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    png,
    Buffer.from('\r\n--XX--\r\n'),
  ]),
});

/** A valid body of every action, so a refusal is about access, never the payload. */
const bodies: Record<string, (spaceId: string, i: number) => Record<string, unknown>> = {
  assign: (spaceId) => ({ spaceId }),
  reject: () => ({ reason: '证件不全' }),
  'sign-agreement': () => ({}),
  pay: () => ({ amountCents: 30000, months: 1, receiptNo: 'SJ-1' }),
  'issue-card': (_s, i) => ({ cardNumber: `AC-${Date.now()}-${i}` }),
  renew: () => ({ amountCents: 30000, months: 1, receiptNo: 'SJ-2' }),
  cancel: () => ({ reason: '不再需要' }),
};
const order = ['assign', 'sign-agreement', 'pay', 'issue-card'];

describe.each(await drivers())('access to the parking routes (%s)', (driver) => {
  let t: TestApp;
  let cookies: Record<Column, string | null>;
  let home: RoomPick;
  let neighbour: RoomPick;
  let seq = 0;

  const space = async (communityId?: string) => {
    seq += 1;
    const ch = communityId === t.ch;
    const res = await t.call(await t.login(ch ? 'ch.clerk' : 'yg.clerk'), {
      method: 'POST',
      url: '/api/parking/spaces',
      payload: { communityId: communityId ?? t.yg, number: `AC-${seq}`, zone: 'B1', kind: 'rented' },
    });
    if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  const apply = async (room: RoomPick, communityId?: string) => {
    const ch = communityId === t.ch;
    const res = await t.call(await t.login(ch ? 'ch.clerk' : 'yg.clerk'), {
      method: 'POST',
      url: '/api/parking/applications',
      payload: {
        communityId: communityId ?? t.yg,
        roomId: room.roomId,
        plateNumber: '沪A12345',
        vehicleModel: '大众',
        driverName: room.name,
      },
    });
    if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  /** An application of the household brought to just before `action`. */
  const applicationFor = async (action: string, room = home) => {
    const id = await apply(room);
    const upTo = action === 'renew' ? order.length : order.indexOf(action);
    for (const step of order.slice(0, Math.max(upTo, 0))) {
      const who = step === 'pay' ? 'yg.finance' : 'yg.clerk';
      const res = await t.call(await t.login(who), {
        method: 'POST',
        url: `/api/parking/applications/${id}/${step}`,
        payload: bodies[step]!(step === 'assign' ? await space() : '', seq++),
      });
      if (res.statusCode !== 200) throw new Error(`${step}: ${res.statusCode} ${res.body}`);
    }
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp(driver);
    home = await occupiedRoom(t, t.yg, 1);
    neighbour = await occupiedRoom(t, t.yg, 2);
    cookies = await signInColumns(t, home.phone);
  });
  afterAll(async () => {
    await t?.close();
  });

  accessGrid(
    'parking',
    columns,
    parkingAccess,
    () => {
      type R = { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: object | Buffer; headers?: Record<string, string> };
      const rows: Record<string, (c: Column, i: number) => Promise<R>> = {
        'GET /api/parking/spaces': async () => ({ method: 'GET', url: '/api/parking/spaces' }),
        'POST /api/parking/spaces': async (_c, i) => ({
          method: 'POST',
          url: '/api/parking/spaces',
          payload: { communityId: t.yg, number: `NEW-${++seq}-${i}`, zone: 'B2', kind: 'owned' },
        }),
        'PATCH /api/parking/spaces/:id': async () => ({
          method: 'PATCH',
          url: `/api/parking/spaces/${await space()}`,
          payload: { zone: 'B3' },
        }),
        'PATCH /api/parking/spaces/:id (CH space)': async () => ({
          method: 'PATCH',
          url: `/api/parking/spaces/${await space(t.ch)}`,
          payload: { zone: 'B3' },
        }),
        'POST /api/parking/applications': async () => ({
          method: 'POST',
          url: '/api/parking/applications',
          payload: { communityId: t.yg, roomId: home.roomId, plateNumber: '沪A12345', vehicleModel: '大众', driverName: home.name },
        }),
        'GET /api/parking/applications': async () => ({ method: 'GET', url: '/api/parking/applications' }),
        'GET /api/parking/applications/:id': async () => ({ method: 'GET', url: `/api/parking/applications/${await apply(home)}` }),
        'GET /api/parking/applications/:id (another household)': async () => ({
          method: 'GET',
          url: `/api/parking/applications/${await apply(neighbour)}`,
        }),
        'GET /api/parking/applications/:id (CH application)': async () => ({
          method: 'GET',
          url: `/api/parking/applications/${await apply(await occupiedRoom(t, t.ch, 1), t.ch)}`,
        }),
        'POST /api/parking/applications/:id/cancel (another household)': async () => ({
          method: 'POST',
          url: `/api/parking/applications/${await apply(neighbour)}/cancel`,
          payload: bodies.cancel!('', 0),
        }),
        'POST /api/parking/applications/:id/documents': async () => ({
          method: 'POST',
          url: `/api/parking/applications/${await apply(home)}/documents`,
          ...multipart('driving_licence'),
        }),
        'GET /api/parking/applications/:id/documents/:fileId': async () => {
          const id = await apply(home);
          const up = await t.call(await t.login('yg.clerk'), {
            method: 'POST',
            url: `/api/parking/applications/${id}/documents`,
            ...multipart('id_card'),
          });
          return { method: 'GET', url: `/api/parking/applications/${id}/documents/${up.json().id}` };
        },
        'GET /print/parking/:id/agreement': async () => ({
          method: 'GET',
          url: `/print/parking/${await applicationFor('sign-agreement')}/agreement`,
        }),
        'GET /print/parking/:id/card': async () => ({ method: 'GET', url: `/print/parking/${await applicationFor('renew')}/card` }),
        'GET /print/parking/:id/card (another household)': async () => ({
          method: 'GET',
          url: `/print/parking/${await applicationFor('renew', neighbour)}/card`,
        }),
      };
      for (const action of Object.keys(bodies)) {
        rows[`POST /api/parking/applications/:id/${action}`] = async (_c, i) => {
          const id = await applicationFor(action);
          return { method: 'POST', url: `/api/parking/applications/${id}/${action}`, payload: bodies[action]!(await space(), i) };
        };
      }
      return rows;
    },
    (caller, req) => t.call(cookies[caller], req),
  );
});
