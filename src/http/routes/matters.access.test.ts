import { afterAll, beforeAll, describe } from 'vitest';
import { mattersRoutes } from '../../../tests/access/matters.js';
import { accessGrid, type Column, columns, signInColumns } from '../../../tests/support/access-grid.js';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { occupiedRoom } from '../../../tests/support/factories.js';

/** A valid body of every action, so a refusal is about access, never the payload. */
const bodies: Record<string, Record<string, unknown>> = {
  send: {},
  'hand-over': { department: 'cleaning' },
  decline: { reason: '非本部门事项' },
  accept: {},
  complete: { result: '已处理' },
  chase: { note: '请尽快处理' },
  reopen: { reason: '回访不满意' },
  close: {},
  cancel: { reason: '业主撤回' },
};

describe.each(await drivers())('access to the matter routes (%s)', (driver) => {
  let t: TestApp;
  let cookies: Record<Column, string | null>;
  let cssup: string;

  const create = async (extra: Record<string, unknown> = {}, communityId?: string, who = 'yg.clerk') => {
    const res = await t.call(await t.login(who), {
      method: 'POST',
      url: '/api/matters',
      payload: { communityId: communityId ?? t.yg, category: '公共秩序', content: '楼道堆物', ...extra },
    });
    if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  const step = async (id: string, action: string, who: string, payload: object = {}) => {
    const res = await t.call(await t.login(who), { method: 'POST', url: `/api/matters/${id}/${action}`, payload });
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
  };
  /** A matter in the state each action starts from; department work goes to security. */
  const matterFor = async (action: string): Promise<string> => {
    if (action === 'send') return create({ isDraft: true });
    const id = await create();
    if (['hand-over', 'chase', 'cancel'].includes(action)) return id;
    await step(id, 'hand-over', 'yg.cssup', { department: 'security' });
    if (action === 'decline' || action === 'accept') return id;
    await step(id, 'accept', 'yg.security');
    if (action === 'complete') return id;
    await step(id, 'complete', 'yg.security', { result: '已处理' });
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp(driver);
    const room = await occupiedRoom(t, t.yg, 1);
    cookies = await signInColumns(t, room.phone);
    cssup = (await t.call(await t.login('yg.cssup'), { method: 'GET', url: '/api/me' })).json().id;
  });
  afterAll(async () => {
    await t?.close();
  });

  accessGrid(
    'matters',
    columns,
    mattersRoutes,
    () => {
      const rows: Record<string, (c: Column) => Promise<{ method: 'GET' | 'POST'; url: string; payload?: object }>> = {
        'POST /api/matters': async () => ({
          method: 'POST',
          url: '/api/matters',
          payload: { communityId: t.yg, category: '其他', content: '报事' },
        }),
        'GET /api/matters': async () => ({ method: 'GET', url: '/api/matters' }),
        'GET /api/matters/supervisors': async () => ({ method: 'GET', url: `/api/matters/supervisors?communityId=${t.yg}` }),
        'GET /api/matters/:id': async () => ({ method: 'GET', url: `/api/matters/${await create()}` }),
        'GET /api/matters/:id (handed to security)': async () => ({ method: 'GET', url: `/api/matters/${await matterFor('accept')}` }),
        'GET /api/matters/:id (CH matter)': async () => ({ method: 'GET', url: `/api/matters/${await create({}, t.ch, 'ch.clerk')}` }),
      };
      for (const [action, payload] of Object.entries(bodies)) {
        rows[`POST /api/matters/:id/${action}`] = async () => ({
          method: 'POST',
          url: `/api/matters/${await matterFor(action)}/${action}`,
          payload: action === 'send' ? { supervisorId: cssup } : payload,
        });
      }
      return rows;
    },
    (caller, req) => t.call(cookies[caller], req),
  );
});
