import { afterAll, beforeAll, describe } from 'vitest';
import { warrantyAccess } from '../../../tests/access/warranty.js';
import { accessGrid, type Column, columns, signInColumns } from '../../../tests/support/access-grid.js';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { createRepair, occupiedRoom } from '../../../tests/support/factories.js';

const png = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const multipart = (bytes: Buffer, name: string) => {
  const boundary = '----pd-warranty-access';
  return {
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
};

/** A valid body of every action, so a refusal is about access, never the payload. */
const bodies: Record<string, object> = {
  receive: { receiverName: '技术质量部 张部长' },
  reply: { plan: '重做屋面防水', repairBy: '2026-12-20T18:00:00+08:00' },
  'report-repaired': { note: '已修复' },
  'record-visit': { signature: 'signed' },
  chase: { note: '请尽快答复' },
  cancel: { reason: '重复开单' },
};
/** The developer's steps that bring a form to where each action starts. */
const before: Record<string, string[]> = {
  receive: [],
  reply: ['receive'],
  'report-repaired': ['receive', 'reply'],
  'record-visit': ['receive', 'reply', 'report-repaired'],
  chase: [],
  cancel: [],
};

describe.each(await drivers())('access to the warranty routes (%s)', (driver) => {
  let t: TestApp;
  let cookies: Record<Column, string | null>;

  const body = (communityId: string) => ({
    communityId,
    works: 'own_works',
    toDepartment: '生产安全部',
    subject: '屋面渗漏',
    items: [{ source: 'inspection', location: '1栋屋面', defect: '屋面防水层开裂渗漏', warrantyClass: 'waterproofing' }],
  });
  const compile = async (communityId = t.yg): Promise<{ id: string; items: { id: string }[] }> => {
    const res = await t.call(await t.login(communityId === t.yg ? 'yg.clerk' : 'ch.clerk'), {
      method: 'POST',
      url: '/api/liaison-forms',
      payload: body(communityId),
    });
    if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json();
  };
  const formFor = async (action: string) => {
    const form = await compile();
    for (const step of before[action]!) {
      const res = await t.call(await t.login('yg.developer'), {
        method: 'POST',
        url: `/api/liaison-forms/${form.id}/${step}`,
        payload: bodies[step],
      });
      if (res.statusCode !== 200) throw new Error(`${step}: ${res.statusCode} ${res.body}`);
    }
    return form.id;
  };

  beforeAll(async () => {
    t = await startTestApp(driver);
    const room = await occupiedRoom(t, t.yg, 1);
    cookies = await signInColumns(t, room.phone);
  });
  afterAll(async () => {
    await t?.close();
  });

  accessGrid(
    'warranty',
    columns,
    warrantyAccess,
    () => {
      const rows: Record<
        string,
        () => Promise<{ method: 'GET' | 'POST'; url: string; payload?: object | Buffer; headers?: Record<string, string> }>
      > = {
        'GET /api/warranty/repair-orders/:id': async () => ({
          method: 'GET',
          url: `/api/warranty/repair-orders/${(await createRepair(t)).order.id}`,
        }),
        'GET /api/warranty/repair-orders/:id (CH order)': async () => ({
          method: 'GET',
          url: `/api/warranty/repair-orders/${(await createRepair(t, {}, { communityId: t.ch })).order.id}`,
        }),
        'GET /api/warranty/candidates': async () => ({ method: 'GET', url: `/api/warranty/candidates?communityId=${t.yg}` }),
        'POST /api/liaison-forms': async () => ({ method: 'POST', url: '/api/liaison-forms', payload: body(t.yg) }),
        'GET /api/liaison-forms': async () => ({ method: 'GET', url: '/api/liaison-forms' }),
        'GET /api/liaison-forms/:id': async () => ({ method: 'GET', url: `/api/liaison-forms/${(await compile()).id}` }),
        'GET /api/liaison-forms/:id (CH form)': async () => ({ method: 'GET', url: `/api/liaison-forms/${(await compile(t.ch)).id}` }),
        'POST /api/liaison-forms/:id/receive (CH form)': async () => ({
          method: 'POST',
          url: `/api/liaison-forms/${(await compile(t.ch)).id}/receive`,
          payload: bodies.receive,
        }),
        'POST /api/liaison-forms/:id/items/:itemId/photos': async () => {
          const form = await compile();
          return { method: 'POST', url: `/api/liaison-forms/${form.id}/items/${form.items[0]!.id}/photos`, ...multipart(png, 'leak.png') };
        },
        'GET /api/liaison-forms/:id/photos/:photoId': async () => {
          const form = await compile();
          const up = await t.call(await t.login('yg.clerk'), {
            method: 'POST',
            url: `/api/liaison-forms/${form.id}/items/${form.items[0]!.id}/photos`,
            ...multipart(png, 'leak.png'),
          });
          return { method: 'GET', url: `/api/liaison-forms/${form.id}/photos/${up.json().id}` };
        },
        'GET /print/liaison-forms/:id': async () => ({ method: 'GET', url: `/print/liaison-forms/${(await compile()).id}` }),
      };
      for (const [action, payload] of Object.entries(bodies)) {
        rows[`POST /api/liaison-forms/:id/${action}`] = async () => ({
          method: 'POST',
          url: `/api/liaison-forms/${await formFor(action)}/${action}`,
          payload,
        });
      }
      return rows;
    },
    (caller, req) => t.call(cookies[caller], req),
  );
});
