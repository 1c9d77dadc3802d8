import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';

interface Room {
  id: string;
  buildingId: string;
  label: string;
  residents: { id: string; name: string; phone: string }[];
}
interface Ev {
  type: string;
  data: Record<string, unknown>;
}
interface Timer {
  kind: string;
  dueAt: string;
  level: number;
  status: string;
}

const minutes = (n: number) => n * 60_000;

describe.each(await drivers())('complaint flows over HTTP (%s)', (driver) => {
  let t: TestApp;
  let rooms: Room[];
  beforeAll(async () => {
    t = await startTestApp(driver);
    const clerk = await t.login('yg.clerk');
    rooms = ((await t.call(clerk, { method: 'GET', url: `/api/rooms?communityId=${t.yg}` })).json() as Room[]).filter(
      (r) => r.residents.length > 0,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = async (id: string, who = 'yg.clerk') =>
    (await t.call(await t.login(who), { method: 'GET', url: `/api/complaints/${id}` })).json();
  const act = async (who: string, id: string, action: string, payload: Record<string, unknown> = {}) =>
    t.call(await t.login(who), { method: 'POST', url: `/api/complaints/${id}/${action}`, payload });
  const ok = async (who: string, id: string, action: string, payload: Record<string, unknown> = {}) => {
    const res = await act(who, id, action, payload);
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const file = async (roomIndex: number, overrides: Record<string, unknown> = {}, who = 'yg.clerk') => {
    const room = rooms[roomIndex]!;
    const res = await t.call(await t.login(who), {
      method: 'POST',
      url: '/api/complaints',
      payload: {
        communityId: t.yg,
        complainantName: room.residents[0]!.name,
        complainantPhone: room.residents[0]!.phone,
        residentId: room.residents[0]!.id,
        householdIds: [room.id],
        channel: 'phone',
        content: '物业服务人员态度恶劣，投诉保安',
        ...overrides,
      },
    });
    if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  // The visit task's own timers (visit.*) belong to the visit module.
  const pending = (d: { timers: Timer[] }) => d.timers.filter((x) => x.status === 'pending' && !x.kind.startsWith('visit.'));
  const plus = (iso: string, m: number) => new Date(Date.parse(iso) + minutes(m)).toISOString();
  const tickAt = async (iso: string) => {
    t.clock.set(iso);
    await t.scheduler.tick();
  };

  it('runs a valid complaint from recording to the follow-up visit, each deadline from policy', async () => {
    t.clock.set('2026-11-25T09:00:00+08:00');
    const c = await file(0);
    expect(c.status).toBe('recorded');
    expect(c.number).toMatch(/^YG-TS-20261125-\d{4}$/);
    const now = t.clock.now().toISOString();
    expect(pending(c)).toEqual([expect.objectContaining({ kind: 'classify_due', dueAt: plus(now, 120) })]);
    const classified = await ok('yg.cssup', c.id, 'classify', { complaintClass: 'valid', reason: '服务态度问题属有效投诉' });
    expect(classified.status).toBe('contacting');
    expect(pending(classified)).toEqual([expect.objectContaining({ kind: 'contact_due', dueAt: plus(now, 120) })]);
    const replyAt = plus(now, 6 * 60);
    expect((await ok('yg.cssup', c.id, 'contact', { agreedReplyAt: replyAt, note: '已致歉' })).status).toBe('in_hand');
    await ok('yg.cssup', c.id, 'record-result', { solvingDepartment: 'security', summary: '已对当班保安批评教育' });
    // The solving department's head signs: the CS supervisor is not of security.
    expect((await act('yg.cssup', c.id, 'sign-off', {})).statusCode).toBe(403);
    expect((await ok('yg.security', c.id, 'sign-off', { note: '属实' })).status).toBe('awaiting_reply');
    const replied = await ok('yg.clerk', c.id, 'reply', { method: 'phone', summary: '电话告知处理结果' });
    expect(replied.status).toBe('replied');
    expect(replied.replySummary).toBe('电话告知处理结果');
    // 100% visited: a follow-up visit task is opened within the policy's week.
    expect(replied.visits).toHaveLength(1);
    const visited = await ok('yg.clerk', c.id, 'visit', { outcome: 'satisfied', method: 'phone', comment: '满意' });
    expect(visited.status).toBe('closed');
    // The visit task's own steps (they name their visit) are the visit module's.
    expect(visited.events.filter((e: Ev) => !e.data.visitId).map((e: Ev) => e.type)).toEqual([
      'ComplaintRecorded',
      'ComplaintClassified',
      'ComplainantContacted',
      'ResultRecorded',
      'ResultSignedOff',
      'ComplainantReplied',
      'ComplaintVisited',
    ]);
  });

  it('answers an invalid complaint within 2 h, and flags it when late', async () => {
    t.clock.set('2026-11-25T10:00:00+08:00');
    const c = await file(1, { content: '要求物业赔偿邻居装修噪音' });
    await ok('yg.cssup', c.id, 'classify', { complaintClass: 'invalid', reason: '不属物业责任' });
    const d = await get(c.id);
    expect(d.status).toBe('awaiting_reply');
    expect(pending(d)).toEqual([expect.objectContaining({ kind: 'reply_due', dueAt: plus('2026-11-25T10:00:00+08:00', 120) })]);
    await tickAt(plus('2026-11-25T10:00:00+08:00', 121));
    expect((await get(c.id)).flags).toEqual(['reply_overdue']);
    const replied = await ok('yg.clerk', c.id, 'reply', { method: 'phone', summary: '耐心解释' });
    expect(replied.flags).toEqual([]);
  });

  it('refers an assisted complaint in writing and asks for progress updates daily', async () => {
    t.clock.set('2026-11-25T11:00:00+08:00');
    const c = await file(2, { content: '小区外马路施工噪音扰民' });
    await ok('yg.cssup', c.id, 'classify', { complaintClass: 'assisted', reason: '外部环境', isDeveloperCaused: false });
    expect((await get(c.id)).status).toBe('referring');
    const referred = await ok('yg.clerk', c.id, 'refer', {
      party: 'external',
      department: 'management',
      recipient: '市政施工单位',
      note: '书面函告施工单位控制作业时间',
    });
    expect(referred.status).toBe('in_hand');
    expect(pending(referred)).toEqual([
      expect.objectContaining({ kind: 'progress_update_due', dueAt: plus('2026-11-25T11:00:00+08:00', 24 * 60) }),
    ]);
    await tickAt(plus('2026-11-25T11:00:00+08:00', 24 * 60 + 1));
    expect((await get(c.id)).flags).toContain('progress_update_overdue');
    const updated = await ok('yg.clerk', c.id, 'update-progress', { note: '施工单位已承诺夜间停工' });
    expect(updated.flags).not.toContain('progress_update_overdue');
  });

  it('climbs the escalation chain one rung per interval while nobody classifies it', async () => {
    const start = '2026-11-27T09:00:00+08:00';
    t.clock.set(start);
    const c = await file(3, { content: '车库积水无人处理' });
    await tickAt(plus(start, 121));
    let d = await get(c.id);
    expect(d.flags).toEqual(['classify_overdue']);
    expect(pending(d)).toEqual([expect.objectContaining({ kind: 'escalation', level: 1, dueAt: plus(start, 121 + 240) })]);
    await tickAt(plus(start, 121 + 240));
    await tickAt(plus(start, 121 + 480));
    await tickAt(plus(start, 121 + 720));
    await tickAt(plus(start, 121 + 960));
    d = await get(c.id, 'gm');
    const climbs = d.events.filter((e: Ev) => e.type === 'ComplaintEscalated').map((e: Ev) => [e.data.level, e.data.rung, e.data.byTimer]);
    expect(climbs).toEqual([
      [1, 'director', true],
      [2, 'deputy_gm', true],
      [3, 'gm', true],
    ]);
    expect(d.escalationLevel).toBe(3);
    expect(d.escalationRung).toBe('gm');
    expect(pending(d)).toEqual([]);
  });

  it('proposes a collective case of five households and merges it keeping every household', async () => {
    const start = '2026-11-28T08:00:00+08:00';
    t.clock.set(start);
    const building = rooms[10]!.buildingId;
    const same = rooms.filter((r) => r.buildingId === building).slice(0, 5);
    expect(same).toHaveLength(5);
    const filed: { id: string }[] = [];
    for (const [i, r] of same.entries()) {
      t.clock.set(plus(start, i * 10));
      filed.push(await file(rooms.indexOf(r), { buildingId: building, content: `本栋电梯停运一整天，老人无法上下楼，要求尽快修复${i}` }));
    }
    const css = await t.login('yg.cssup');
    const proposals = (await t.call(css, { method: 'GET', url: '/api/complaints/collective-proposals' })).json();
    const mine = proposals.find((p: { complaints: { id: string }[] }) => p.complaints.some((c) => c.id === filed[0]!.id));
    expect(mine.householdCount).toBe(5);
    expect(mine.complaints.map((c: { id: string }) => c.id).sort()).toEqual(filed.map((c) => c.id).sort());
    // A clerk may not merge.
    const ids = filed.map((c) => c.id);
    expect(
      (await t.call(await t.login('yg.clerk'), { method: 'POST', url: '/api/complaints/merge-collective', payload: { complaintIds: ids } }))
        .statusCode,
    ).toBe(403);
    const merged = await t.call(css, { method: 'POST', url: '/api/complaints/merge-collective', payload: { complaintIds: ids } });
    expect(merged.statusCode).toBe(201);
    const kase = merged.json();
    expect(kase.households.map((h: { householdId: string }) => h.householdId).sort()).toEqual(same.map((r) => r.id).sort());
    expect(kase.mergedFrom.map((m: { id: string }) => m.id).sort()).toEqual(ids.sort());
    for (const id of ids) expect((await get(id)).status).toBe('merged');
    // Every household's resident follows the case.
    const fifth = await t.loginResident(same[4]!.residents[0]!.phone);
    expect((await t.call(fifth, { method: 'GET', url: `/api/complaints/${kase.id}` })).statusCode).toBe(200);
    // Proposed no more.
    const again = (await t.call(css, { method: 'GET', url: '/api/complaints/collective-proposals' })).json();
    expect(again.some((p: { complaints: { id: string }[] }) => p.complaints.some((c) => ids.includes(c.id)))).toBe(false);
    // The collective path: director contacts, incident report, signed result, home-visit reply.
    expect((await ok('yg.cssup', kase.id, 'classify', { complaintClass: 'collective', reason: '5户同一事件' })).status).toBe('contacting');
    expect((await act('yg.cssup', kase.id, 'contact', { agreedReplyAt: plus(start, 600) })).statusCode).toBe(403);
    await ok('yg.director', kase.id, 'contact', { agreedReplyAt: plus(start, 600) });
    await ok('yg.director', kase.id, 'file-incident-report', { summary: '3号楼电梯停运，已报告副总和投诉中心' });
    await ok('yg.director', kase.id, 'record-result', { solvingDepartment: 'engineering', summary: '更换电梯主板' });
    await ok('yg.engsup', kase.id, 'sign-off', {});
    expect((await act('yg.clerk', kase.id, 'reply', { method: 'phone', summary: '电话' })).statusCode).toBe(422);
    const replied = await ok('yg.director', kase.id, 'reply', { method: 'home_visit', summary: '逐户上门回复' });
    expect(replied.status).toBe('replied');
  });

  it('opens a new complaint linked to the old when the complainant is unsatisfied at the visit', async () => {
    t.clock.set('2026-11-29T09:00:00+08:00');
    const c = await file(4, { content: '垃圾清运不及时' });
    await ok('yg.cssup', c.id, 'classify', { complaintClass: 'invalid', reason: '已按规定清运' });
    await ok('yg.clerk', c.id, 'reply', { method: 'phone', summary: '解释清运时间' });
    const visited = await ok('yg.clerk', c.id, 'visit', { outcome: 'unsatisfied', method: 'phone', comment: '仍然不满意清运时间' });
    expect(visited.status).toBe('closed');
    expect(visited.successors).toHaveLength(1);
    const next = await get(visited.successors[0].id);
    expect(next.status).toBe('recorded');
    expect(next.linkedFrom.id).toBe(c.id);
    expect(next.channel).toBe('follow_up_visit');
    expect(next.content).toBe('仍然不满意清运时间');
  });

  it('has a complaint forwarded by the centre report back within 12 h of the reply', async () => {
    const start = '2026-11-30T09:00:00+08:00';
    t.clock.set(start);
    const room = rooms[5]!;
    const centre = await t.login('centre');
    const res = await t.call(centre, {
      method: 'POST',
      url: '/api/complaints/forward',
      payload: {
        communityId: t.yg,
        complainantName: room.residents[0]!.name,
        complainantPhone: room.residents[0]!.phone,
        householdIds: [room.id],
        channel: 'letter',
        form: 'written',
        content: '来信投诉管理处收费不透明',
      },
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.isForwarded).toBe(true);
    expect(c.channel).toBe('letter');
    await ok('yg.cssup', c.id, 'classify', { complaintClass: 'valid', reason: '收费问题' });
    await ok('yg.cssup', c.id, 'contact', { agreedReplyAt: plus(start, 300) });
    await ok('yg.cssup', c.id, 'record-result', { solvingDepartment: 'finance', summary: '公示收费明细' });
    await ok('yg.finance', c.id, 'sign-off', {});
    // Written complaint: also answered in writing.
    expect((await act('yg.clerk', c.id, 'reply', { method: 'phone', summary: '电话答复' })).statusCode).toBe(422);
    const replied = await ok('yg.clerk', c.id, 'reply', { method: 'phone', hasWrittenCopy: true, summary: '电话并书面答复' });
    expect(pending(replied)).toEqual([expect.objectContaining({ kind: 'centre_report_due', dueAt: plus(start, 12 * 60) })]);
    await tickAt(plus(start, 12 * 60 + 1));
    expect((await get(c.id, 'centre')).flags).toContain('centre_report_overdue');
    const reported = await ok('yg.cssup', c.id, 'report-to-centre', { summary: '已公示收费明细，业主认可' });
    expect(reported.centreReportedAt).not.toBeNull();
    expect(reported.flags).not.toContain('centre_report_overdue');
    // The centre sees it among every community's complaints.
    const list = (await t.call(centre, { method: 'GET', url: '/api/complaints?view=all' })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(c.id);
  });

  it('refuses bad input with field errors in Chinese and English and writes nothing', async () => {
    const clerk = await t.login('yg.clerk');
    const count = async () => (await t.call(clerk, { method: 'GET', url: '/api/complaints?view=all&limit=200' })).json().total;
    const before = await count();
    const empty = await t.call(clerk, {
      method: 'POST',
      url: '/api/complaints',
      payload: { communityId: t.yg, complainantName: '张三', householdIds: [], content: '' },
    });
    expect(empty.statusCode).toBe(422);
    const error = empty.json().error;
    expect(error.fields[0].field).toBe('content');
    expect(error.fields[0].message.zh).toContain('投诉内容');
    expect(error.fields[0].message.en).toContain('Complaint');
    const noRooms = await t.call(clerk, {
      method: 'POST',
      url: '/api/complaints',
      payload: { communityId: t.yg, complainantName: '张三', householdIds: [], content: '噪音' },
    });
    expect(noRooms.statusCode).toBe(422);
    expect(noRooms.json().error.fields[0]).toMatchObject({ field: 'households', message: { zh: '请至少选择一户' } });
    const wrongType = await t.call(clerk, {
      method: 'POST',
      url: '/api/complaints',
      payload: { communityId: t.yg, householdIds: ['x'], content: '噪音', channel: 'pigeon' },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['channel']));
    expect(await count()).toBe(before);
  });

  it('lets a resident file for their own home from the phone and follow it', async () => {
    t.clock.set('2026-12-01T09:00:00+08:00');
    const room = rooms[6]!;
    const resident = await t.loginResident(room.residents[0]!.phone);
    const res = await t.call(resident, {
      method: 'POST',
      url: '/api/complaints',
      payload: { communityId: t.yg, content: '楼道灯坏了一周没人修', householdIds: [], channel: 'phone' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'app', households: [expect.objectContaining({ householdId: room.id })] });
    const other = await t.call(resident, {
      method: 'POST',
      url: '/api/complaints',
      payload: { communityId: t.yg, content: '替邻居投诉', householdIds: [rooms[7]!.id] },
    });
    expect(other.statusCode).toBe(422);
    const mine = (await t.call(resident, { method: 'GET', url: '/api/complaints?view=all' })).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([res.json().id]);
    expect(
      (
        await t.call(resident, { method: 'POST', url: `/api/complaints/${res.json().id}/withdraw`, payload: { reason: '已自行解决' } })
      ).json().status,
    ).toBe('withdrawn');
  });
});
