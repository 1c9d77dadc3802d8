import { afterAll, beforeAll, describe } from 'vitest';
import { goodsPassesAccess } from '../../../tests/access/goods-passes.js';
import { accessGrid, type Column, columns, signInColumns } from '../../../tests/support/access-grid.js';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { occupiedRoom, type RoomPick } from '../../../tests/support/factories.js';

/** A valid body of every action, so a refusal is about access, never the payload. */
const bodies: Record<string, Record<string, unknown>> = {
  issue: {},
  override: { reason: '业主承诺月底缴清' },
  release: { note: '物品相符' },
  return: { reason: '物品与放行条不符' },
  cancel: { reason: '业主改期' },
};

describe.each(await drivers())('access to the goods pass routes (%s)', (driver) => {
  let t: TestApp;
  let cookies: Record<Column, string | null>;
  let own: RoomPick;
  let other: RoomPick;
  let ch: RoomPick;

  const apply = async (room: RoomPick, communityId = t.yg, who = 'yg.clerk') => {
    const res = await t.call(await t.login(who), {
      method: 'POST',
      url: '/api/goods-passes',
      payload: {
        communityId,
        roomId: room.roomId,
        items: [{ name: '旧柜子', quantity: 1 }],
        identity: { applicantName: room.name, relation: 'owner', idType: 'id_card', idLast4: '1234' },
      },
    });
    if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as { id: string; number: string };
  };
  const issued = async (room: RoomPick, communityId = t.yg, who = 'yg.clerk') => {
    const pass = await apply(room, communityId, who);
    const res = await t.call(await t.login(who), { method: 'POST', url: `/api/goods-passes/${pass.id}/issue`, payload: {} });
    if (res.statusCode !== 200) throw new Error(`issue: ${res.statusCode} ${res.body}`);
    return pass;
  };

  beforeAll(async () => {
    t = await startTestApp(driver);
    own = await occupiedRoom(t, t.yg, 1);
    other = await occupiedRoom(t, t.yg, 2);
    ch = await occupiedRoom(t, t.ch, 1);
    cookies = await signInColumns(t, own.phone);
  });
  afterAll(async () => {
    await t?.close();
  });

  accessGrid(
    'goods passes',
    columns,
    goodsPassesAccess,
    () => {
      const rows: Record<string, (c: Column, i: number) => Promise<{ method: 'GET' | 'POST'; url: string; payload?: object }>> = {
        'POST /api/goods-passes': async () => ({
          method: 'POST',
          url: '/api/goods-passes',
          payload: { communityId: t.yg, roomId: own.roomId, items: [{ name: '自行车', quantity: 1 }] },
        }),
        'GET /api/goods-passes': async () => ({ method: 'GET', url: '/api/goods-passes' }),
        'GET /api/goods-passes/lookup': async () => ({ method: 'GET', url: `/api/goods-passes/lookup?q=${(await issued(own)).number}` }),
        'GET /api/goods-passes/lookup (CH pass)': async () => ({
          method: 'GET',
          url: `/api/goods-passes/lookup?q=${(await issued(ch, t.ch, 'ch.clerk')).number}`,
        }),
        'GET /api/goods-passes/daily-review': async () => ({ method: 'GET', url: `/api/goods-passes/daily-review?communityId=${t.yg}` }),
        'POST /api/goods-passes/daily-review': async (_c, i) => ({
          method: 'POST',
          url: '/api/goods-passes/daily-review',
          payload: { communityId: t.yg, day: `2026-11-${String(10 + i).padStart(2, '0')}` },
        }),
        'GET /api/goods-passes/:id': async () => ({ method: 'GET', url: `/api/goods-passes/${(await apply(own)).id}` }),
        'GET /api/goods-passes/:id (another household)': async () => ({
          method: 'GET',
          url: `/api/goods-passes/${(await apply(other)).id}`,
        }),
        'GET /api/goods-passes/:id (CH pass)': async () => ({
          method: 'GET',
          url: `/api/goods-passes/${(await apply(ch, t.ch, 'ch.clerk')).id}`,
        }),
        'POST /api/goods-passes/:id/issue (CH pass)': async () => ({
          method: 'POST',
          url: `/api/goods-passes/${(await apply(ch, t.ch, 'ch.clerk')).id}/issue`,
          payload: {},
        }),
        'GET /print/goods-passes/:id': async () => ({ method: 'GET', url: `/print/goods-passes/${(await issued(own)).id}` }),
      };
      for (const [action, payload] of Object.entries(bodies)) {
        rows[`POST /api/goods-passes/:id/${action}`] = async () => {
          const pass = action === 'release' || action === 'return' ? await issued(own) : await apply(own);
          return { method: 'POST', url: `/api/goods-passes/${pass.id}/${action}`, payload };
        };
      }
      return rows;
    },
    (caller, req) => t.call(cookies[caller], req),
  );
});
