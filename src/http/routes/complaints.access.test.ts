import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintsRoutes } from '../../../tests/access/complaints.js';
import { accessGrid, type Column, columns, roleOf, signInColumns } from '../../../tests/support/access-grid.js';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { occupiedRoom, type RoomPick } from '../../../tests/support/factories.js';
import { complaintRules, type ComplaintAction } from '../../domain/complaint/machine.js';

const future = '2026-12-31T09:00:00+08:00';
/** A valid body of every lifecycle action, so a refusal is about access, never the payload. */
const bodies: Record<string, Record<string, unknown>> = {
  classify: { complaintClass: 'valid', reason: '有效投诉' },
  contact: { agreedReplyAt: future },
  refer: { party: 'department', department: 'engineering', recipient: '工程部', note: '书面转交' },
  'update-progress': { note: '处理中' },
  escalate: { reason: '上报' },
  'file-incident-report': { summary: '报告' },
  'record-result': { solvingDepartment: 'engineering', summary: '已处理' },
  'return-result': { reason: '不合格' },
  'sign-off': {},
  reply: { method: 'phone', summary: '已答复' },
  'report-to-centre': { summary: '结果' },
  visit: { outcome: 'satisfied', method: 'phone', comment: '满意' },
  merge: { intoComplaintId: '00000000-0000-4000-8000-000000000000' },
  withdraw: { reason: '撤诉' },
};

describe.each(await drivers())('access to the complaints routes (%s)', (driver) => {
  let t: TestApp;
  let cookies: Record<Column, string | null>;
  let room: RoomPick;

  const file = async (r: RoomPick, communityId: string, clerk: string) => {
    const res = await t.call(await t.login(clerk), {
      method: 'POST',
      url: '/api/complaints',
      payload: { communityId, complainantName: r.name, residentId: r.residentId, householdIds: [r.roomId], content: '噪音扰民' },
    });
    if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };

  beforeAll(async () => {
    t = await startTestApp(driver);
    room = await occupiedRoom(t, t.yg, 2);
    cookies = await signInColumns(t, room.phone);
  });
  afterAll(async () => {
    await t?.close();
  });

  const createBody = (caller: Column) => ({
    communityId: t.yg,
    complainantName: room.name,
    ...(caller === 'res' ? {} : { residentId: room.residentId }),
    householdIds: [room.roomId],
    content: '楼上漏水',
  });

  accessGrid(
    'complaints',
    columns,
    complaintsRoutes,
    () => {
      const rows: Record<string, (c: Column) => Promise<{ method: 'GET' | 'POST'; url: string; payload?: object }>> = {
        'POST /api/complaints': async (c) => ({ method: 'POST', url: '/api/complaints', payload: createBody(c) }),
        'POST /api/complaints/forward': async (c) => ({ method: 'POST', url: '/api/complaints/forward', payload: createBody(c) }),
        'GET /api/complaints': async () => ({ method: 'GET', url: '/api/complaints' }),
        'GET /api/complaints/collective-proposals': async () => ({
          method: 'GET',
          url: `/api/complaints/collective-proposals?communityId=${t.yg}`,
        }),
        'POST /api/complaints/merge-collective': async () => ({
          method: 'POST',
          url: '/api/complaints/merge-collective',
          payload: { complaintIds: [await file(room, t.yg, 'yg.clerk'), await file(room, t.yg, 'yg.clerk')] },
        }),
        'GET /api/complaints/:id': async () => ({ method: 'GET', url: `/api/complaints/${await file(room, t.yg, 'yg.clerk')}` }),
      };
      for (const [path, payload] of Object.entries(bodies)) {
        rows[`POST /api/complaints/:id/${path}`] = async () => ({
          method: 'POST',
          url: `/api/complaints/${await file(room, t.yg, 'yg.clerk')}/${path}`,
          payload,
        });
      }
      return rows;
    },
    (caller, req) => t.call(cookies[caller], req),
  );

  it('expects lifecycle actions exactly for the roles the machine names', () => {
    for (const [path] of Object.entries(bodies)) {
      const cells = complaintsRoutes[`POST /api/complaints/:id/${path}`]!;
      const allowed = columns.filter((_c, i) => cells[i] === 'ok');
      const who = complaintRules[path.replaceAll('-', '_') as ComplaintAction].who;
      // Staff outside the complaint's scope (technician, departments not involved) never reach the rule.
      const byRule = columns.filter((c) => roleOf[c] && who.includes(roleOf[c]!) && !['tec', 'dep', 'fin', 'dev'].includes(c));
      expect(allowed, path).toEqual(byRule);
    }
  });

  it("hides another community's complaint from YG staff; the centre sees both", async () => {
    const ch = await occupiedRoom(t, t.ch, 1);
    const id = await file(ch, t.ch, 'ch.clerk');
    for (const who of ['yg.clerk', 'yg.cssup', 'yg.director']) {
      const c = await t.login(who);
      expect((await t.call(c, { method: 'GET', url: `/api/complaints/${id}` })).statusCode, who).toBe(404);
      expect((await t.call(c, { method: 'POST', url: `/api/complaints/${id}/classify`, payload: bodies.classify })).statusCode, who).toBe(
        404,
      );
      expect((await t.call(c, { method: 'GET', url: `/api/complaints?communityId=${t.ch}` })).statusCode, who).toBe(403);
    }
    const centre = await t.login('centre');
    expect((await t.call(centre, { method: 'GET', url: `/api/complaints/${id}` })).statusCode).toBe(200);
    // The centre's company-wide list holds both communities (the rows above filed many in YG at one instant).
    const inCh = (await t.call(centre, { method: 'GET', url: `/api/complaints?view=all&communityId=${t.ch}` })).json();
    expect(inCh.items.map((i: { id: string }) => i.id)).toContain(id);
    const all = (await t.call(centre, { method: 'GET', url: '/api/complaints?view=all&limit=200' })).json();
    expect(all.total).toBeGreaterThan(inCh.total);
    expect(all.items.some((i: { communityId: string }) => i.communityId === t.yg)).toBe(true);
  });

  it("keeps a neighbour's complaint from a resident", async () => {
    const neighbour = await occupiedRoom(t, t.yg, 9);
    const id = await file(neighbour, t.yg, 'yg.clerk');
    const res = cookies.res;
    expect((await t.call(res, { method: 'GET', url: `/api/complaints/${id}` })).statusCode).toBe(404);
    expect((await t.call(res, { method: 'POST', url: `/api/complaints/${id}/withdraw`, payload: bodies.withdraw })).statusCode).toBe(404);
    const mine = (await t.call(res, { method: 'GET', url: '/api/complaints?view=all&limit=200' })).json();
    expect(mine.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('shows a department only the complaints it solves', async () => {
    const id = await file(room, t.yg, 'yg.clerk');
    const security = await t.login('yg.security');
    expect((await t.call(security, { method: 'GET', url: `/api/complaints/${id}` })).statusCode).toBe(404);
    const css = await t.login('yg.cssup');
    await t.call(css, { method: 'POST', url: `/api/complaints/${id}/classify`, payload: bodies.classify });
    await t.call(css, { method: 'POST', url: `/api/complaints/${id}/contact`, payload: bodies.contact });
    await t.call(css, {
      method: 'POST',
      url: `/api/complaints/${id}/record-result`,
      payload: { solvingDepartment: 'security', summary: '已处理' },
    });
    expect((await t.call(security, { method: 'GET', url: `/api/complaints/${id}` })).json().allowedActions).toContain('sign_off');
  });
});
