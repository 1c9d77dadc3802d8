import { afterAll, beforeAll, describe } from 'vitest';
import { hotWorkAccess } from '../../../tests/access/hot-work.js';
import { accessGrid, type Column, columns, signInColumns } from '../../../tests/support/access-grid.js';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { occupiedRoom } from '../../../tests/support/factories.js';

/** A 1×1 PNG. */
const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ffa7d6c0a50000000049454e44ae426082',
  'hex',
);

/** A valid body of every action, so a refusal is about access, never the payload. */
const bodies: Record<string, Record<string, unknown>> = {
  'approve-cs': {},
  'approve-engineering': {},
  reject: { reason: '资料不全' },
  inspect: { findings: 'ok' },
  close: { isSiteSafe: true, hasNoEmbers: true },
  cancel: { reason: '施工单位撤回' },
};

describe.each(await drivers())('access to the hot-work routes (%s)', (driver) => {
  let t: TestApp;
  let cookies: Record<Column, string | null>;

  /** A complete application whose window starts now. */
  const form = (communityId?: string) => {
    const start = t.clock.now();
    return {
      communityId: communityId ?? t.yg,
      applicantCompany: '宏达装饰',
      personInCharge: '李工',
      personInChargePhone: '13800001111',
      operatorName: '张师傅',
      operatorCertificateNo: 'T1101',
      location: '3栋地下车库',
      workType: 'cutting',
      reason: '拆除旧钢架',
      windowStartAt: start.toISOString(),
      windowEndAt: new Date(start.getTime() + 3 * 3600_000).toISOString(),
      extinguisherCount: 2,
      fireWatcherName: '王五',
      hasClearedCombustibles: true,
    };
  };
  const apply = async (communityId?: string, who = 'yg.clerk') => {
    const res = await t.call(await t.login(who), { method: 'POST', url: '/api/hot-work', payload: form(communityId) });
    if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  const step = async (id: string, action: string, who: string, payload: object = {}) => {
    const res = await t.call(await t.login(who), { method: 'POST', url: `/api/hot-work/${id}/${action}`, payload });
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const issued = async (communityId?: string) => {
    const ch = communityId === t.ch;
    const id = await apply(communityId, ch ? 'ch.clerk' : 'yg.clerk');
    await step(id, 'approve-cs', ch ? 'ch.cssup' : 'yg.cssup');
    await step(id, 'approve-engineering', ch ? 'ch.engsup' : 'yg.engsup');
    return id;
  };
  const permitFor = async (action: string) => {
    if (['approve-cs', 'reject', 'cancel'].includes(action)) return apply();
    if (action === 'approve-engineering') {
      const id = await apply();
      await step(id, 'approve-cs', 'yg.cssup');
      return id;
    }
    return issued();
  };
  const multipart = (inspectionId: string) => ({
    headers: { 'content-type': 'multipart/form-data; boundary=XX' },
    payload: Buffer.concat([
      Buffer.from(
        `--XX\r\nContent-Disposition: form-data; name="inspectionId"\r\n\r\n${inspectionId}\r\n--XX\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from('\r\n--XX--\r\n'),
    ]),
  });
  const inspected = async () => {
    const id = await issued();
    const d = await step(id, 'inspect', 'yg.security', { findings: 'ok' });
    return { id, inspectionId: d.inspections[0].id as string };
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
    'hot-work',
    columns,
    hotWorkAccess,
    () => {
      type R = { method: 'GET' | 'POST'; url: string; payload?: object | Buffer; headers?: Record<string, string> };
      const rows: Record<string, (c: Column) => Promise<R>> = {
        'POST /api/hot-work': async () => ({ method: 'POST', url: '/api/hot-work', payload: form() }),
        'GET /api/hot-work': async () => ({ method: 'GET', url: '/api/hot-work' }),
        'GET /api/hot-work/:id': async () => ({ method: 'GET', url: `/api/hot-work/${await apply()}` }),
        'GET /api/hot-work/:id (CH permit)': async () => ({ method: 'GET', url: `/api/hot-work/${await apply(t.ch, 'ch.clerk')}` }),
        'POST /api/hot-work/:id/cancel (CH permit)': async () => ({
          method: 'POST',
          url: `/api/hot-work/${await apply(t.ch, 'ch.clerk')}/cancel`,
          payload: bodies.cancel,
        }),
        'POST /api/hot-work/:id/photos': async () => {
          const { id, inspectionId } = await inspected();
          return { method: 'POST', url: `/api/hot-work/${id}/photos`, ...multipart(inspectionId) };
        },
        'GET /api/hot-work/:id/photos/:fileId': async () => {
          const { id, inspectionId } = await inspected();
          const up = await t.call(await t.login('yg.security'), {
            method: 'POST',
            url: `/api/hot-work/${id}/photos`,
            ...multipart(inspectionId),
          });
          return { method: 'GET', url: `/api/hot-work/${id}/photos/${up.json().id}` };
        },
        'GET /print/hot-work/:id/application': async () => ({ method: 'GET', url: `/print/hot-work/${await apply()}/application` }),
        'GET /print/hot-work/:id/permit': async () => ({ method: 'GET', url: `/print/hot-work/${await issued()}/permit` }),
        'GET /print/hot-work/:id/permit (CH permit)': async () => ({ method: 'GET', url: `/print/hot-work/${await issued(t.ch)}/permit` }),
      };
      for (const [action, payload] of Object.entries(bodies)) {
        rows[`POST /api/hot-work/:id/${action}`] = async () => ({
          method: 'POST',
          url: `/api/hot-work/${await permitFor(action)}/${action}`,
          payload,
        });
      }
      return rows;
    },
    (caller, req) => t.call(cookies[caller], req),
  );
});
