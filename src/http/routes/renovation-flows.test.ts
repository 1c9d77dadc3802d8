import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { occupiedRoom, type RoomPick } from '../../../tests/support/factories.js';

const png = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

type Renovation = Record<string, unknown> & {
  id: string;
  number: string;
  status: string;
  round: number;
  flags: string[];
  isComplete: boolean;
  permitNumber: string | null;
  refundDueDate: string | null;
  depositBalanceCents: number;
  completeness: { missing: string[]; unsigned: string[]; isAgreementSigned: boolean };
  documents: { id: string; code: string; fileId: string; isSigned: boolean; isCurrent: boolean }[];
  patrols: { id: string; duty: string; status: string; result: string | null }[];
  violations: { id: string; status: string; noticeNumber: string | null; deductionCents: number; isStopWork: boolean }[];
  inspections: { id: string; outcome: string; round: number }[];
  ledger: { depositCents: number; deductedCents: number; balanceCents: number; refundCents: number | null; deductions: unknown[] };
  events: { type: string; actorRole: string }[];
  allowedActions: string[];
};

const requiredCodes = [
  'business_licence',
  'qualification_certificate',
  'floor_plan',
  'demolition_plan',
  'pipe_changes',
  'electrical_diagram',
  'ceiling_plan',
];

describe.each(await drivers())('renovation over HTTP (%s)', (driver) => {
  let t: TestApp;
  let home: RoomPick;
  let neighbour: RoomPick;
  beforeAll(async () => {
    t = await startTestApp(driver);
    home = await occupiedRoom(t, t.yg, 3);
    neighbour = await occupiedRoom(t, t.yg, 4);
  });
  afterAll(async () => {
    await t?.close();
  });

  const multipart = (fields: Record<string, string>, file: { bytes: Buffer; name: string; type: string }) => {
    const boundary = '----pd-renovation';
    const parts = Object.entries(fields).map(([k, v]) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    );
    return {
      payload: Buffer.concat([
        ...parts,
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
        ),
        file.bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    };
  };
  const upload = async (
    who: string,
    id: string,
    code: string,
    isSigned: boolean,
    file = { bytes: pdf, name: `${code}.pdf`, type: 'application/pdf' },
  ) => t.call(who, { method: 'POST', url: `/api/renovations/${id}/documents`, ...multipart({ code, isSigned: String(isSigned) }, file) });
  const post = async (id: string, action: string, who: string, payload: Record<string, unknown> = {}) =>
    t.call(who.startsWith('pd_session') ? who : await t.login(who), { method: 'POST', url: `/api/renovations/${id}/${action}`, payload });
  const ok = async (id: string, action: string, who: string, payload: Record<string, unknown> = {}) => {
    const res = await post(id, action, who, payload);
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
    return res.json() as Renovation;
  };
  const get = async (id: string, who: string) =>
    t.call(who.startsWith('pd_session') ? who : await t.login(who), { method: 'GET', url: `/api/renovations/${id}` });
  const application = (room: RoomPick) => ({
    communityId: t.yg,
    roomId: room.roomId,
    applicantName: room.name,
    applicantPhone: room.phone,
    contractorCompany: '安居装饰工程有限公司',
    contractorContact: '陈工',
    contractorPhone: '13912345678',
    plannedStartDate: '2026-11-25',
    plannedEndDate: '2027-01-20',
    workItems: { walls: true, pipes: true, electrical: true, duplex: false, ceiling: true, waterproofing: false },
    description: '客厅改造、厨房水电改造、客厅吊顶',
    isAgreementSigned: false,
  });

  it('goes application → correction round → approvals → permit → patrols → violation → stop and deduction → re-inspection → refund on the right working day', async () => {
    const resident = await t.loginResident(home.phone);
    // Online application by the resident, for their own home.
    const created = await t.call(resident, { method: 'POST', url: '/api/renovations', payload: application(home) });
    expect(created.statusCode).toBe(201);
    let r = created.json() as Renovation;
    expect(r.number).toMatch(/^YG-ZX-20261125-\d{4}$/);
    expect(r.status).toBe('submitted');
    expect(r.completeness.missing).toEqual(requiredCodes);

    // Uploads: only real PDF/JPEG/PNG/WebP, within the size.
    const html = await upload(resident, r.id, 'floor_plan', true, {
      bytes: Buffer.from('<html><script>alert(1)</script></html>'),
      name: 'x.pdf',
      type: 'application/pdf',
    });
    expect(html.statusCode).toBe(422);
    expect(html.json().error.fields[0].field).toBe('file');
    const big = await upload(resident, r.id, 'floor_plan', true, {
      bytes: Buffer.concat([pdf, Buffer.alloc(11 * 1024 * 1024)]),
      name: 'big.pdf',
      type: 'application/pdf',
    });
    expect(big.statusCode).toBe(413);
    const badCode = await upload(resident, r.id, 'selfie', true);
    expect(badCode.statusCode).toBe(422);
    for (const code of requiredCodes.filter((c) => c !== 'ceiling_plan'))
      expect((await upload(resident, r.id, code, true)).statusCode).toBe(201);
    const ceiling = await upload(resident, r.id, 'ceiling_plan', false, { bytes: png, name: 'ceiling.png', type: 'image/png' });
    expect(ceiling.statusCode).toBe(201);
    r = ceiling.json() as Renovation;
    expect(r.completeness).toMatchObject({ missing: [], unsigned: ['ceiling_plan'], isAgreementSigned: false });
    const file = await t.call(resident, { method: 'GET', url: `/api/renovations/${r.id}/files/${r.documents.at(-1)!.fileId}` });
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-security-policy']).toContain('sandbox');

    // The clerk cannot pass an incomplete file: returns it the same day.
    expect((await post(r.id, 'pass-check', 'yg.clerk')).statusCode).toBe(409);
    r = await ok(r.id, 'return', 'yg.clerk', { reason: '天花布置图未签名，协议书未签' });
    expect(r.status).toBe('returned');
    // The resident corrects: a signed ceiling plan replaces the old one, the agreement is signed.
    const replaced = await upload(resident, r.id, 'ceiling_plan', true);
    expect(
      replaced
        .json()
        .documents.filter((d: { code: string }) => d.code === 'ceiling_plan')
        .map((d: { isCurrent: boolean }) => d.isCurrent),
    ).toEqual([false, true]);
    r = await ok(r.id, 'edit', resident, { isAgreementSigned: true });
    expect(r.isComplete).toBe(true);
    r = await ok(r.id, 'resubmit', resident);
    expect(r).toMatchObject({ status: 'submitted', round: 2 });

    // Not checked by the day's cutoff (18:00): the clerk and the CS supervisor are chased.
    t.clock.set('2026-11-25T18:01:00+08:00');
    await t.scheduler.tick();
    r = (await get(r.id, 'yg.clerk')).json() as Renovation;
    expect(r.flags).toContain('check_overdue');
    r = await ok(r.id, 'pass-check', 'yg.clerk');
    expect(r.status).toBe('cs_review');
    expect(r.flags).not.toContain('check_overdue');

    // CS manager approves; engineering rejects with a reason; round three goes through.
    expect((await post(r.id, 'approve', 'yg.engsup')).statusCode).toBe(403);
    r = await ok(r.id, 'approve', 'yg.csmanager');
    expect(r.status).toBe('eng_review');
    expect((await post(r.id, 'reject', 'yg.engsup', { reason: '' })).statusCode).toBe(400);
    r = await ok(r.id, 'reject', 'yg.engsup', { reason: '电气图缺配电箱位置' });
    expect(r.status).toBe('returned');
    await upload(resident, r.id, 'electrical_diagram', true);
    r = await ok(r.id, 'resubmit', resident, { note: '已补充配电箱位置' });
    expect(r.round).toBe(3);
    r = await ok(r.id, 'pass-check', 'yg.clerk');
    r = await ok(r.id, 'approve', 'yg.csmanager');
    r = await ok(r.id, 'approve', 'yg.engsup');
    expect(r.status).toBe('approved');

    // The cashier records fees and deposit: the permit is issued for the planned period.
    expect(
      (
        await post(r.id, 'record-payment', 'yg.clerk', {
          fees: [{ name: '装修管理费', amountCents: 1 }],
          depositCents: 1,
          receiptNumber: 'x',
        })
      ).statusCode,
    ).toBe(403);
    r = await ok(r.id, 'record-payment', 'yg.finance', {
      fees: [
        { name: '装修管理费', amountCents: 30_000 },
        { name: '垃圾清运费', amountCents: 20_000 },
      ],
      depositCents: 200_000,
      receiptNumber: 'SJ-20261125-01',
    });
    expect(r.status).toBe('in_works');
    expect(r.permitNumber).toMatch(/^YG-XK-20261125-\d{4}$/);
    const permit = await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/print/renovations/${r.id}/permit` });
    expect(permit.statusCode).toBe(200);
    expect(permit.body).toContain('装修许可证');
    expect(permit.body).toContain('2026-11-25 至 2027-01-20');

    // Patrols: each duty sees its own list for the day, once, however often it is read.
    const list = async (who: string) =>
      (await t.call(await t.login(who), { method: 'GET', url: `/api/renovation-patrols?communityId=${t.yg}` })).json();
    const cs = await list('yg.clerk');
    await list('yg.clerk');
    const mine = cs.items.filter((i: { renovationId: string }) => i.renovationId === r.id);
    expect(mine).toHaveLength(1);
    expect(cs.duty).toBe('cs');
    const security = (await list('yg.security')).items.find((i: { renovationId: string }) => i.renovationId === r.id);
    const engineering = (await list('yg.tech1')).items.find((i: { renovationId: string }) => i.renovationId === r.id);
    expect(security.duty).toBe('security');
    expect(engineering.duty).toBe('engineering');
    expect((await post(r.id, 'record-patrol', 'yg.security', { patrolId: mine[0].id, result: 'pass' })).statusCode).toBe(403);
    r = await ok(r.id, 'record-patrol', 'yg.security', { patrolId: security.id, result: 'pass', note: '施工正常' });
    r = await ok(r.id, 'record-patrol', 'yg.clerk', {
      patrolId: mine[0].id,
      result: 'issue',
      note: '发现拆改承重墙迹象',
      violation: { description: '擅自拆除承重墙局部' },
    });
    expect(r.violations).toHaveLength(1);
    expect(r.violations[0]!.status).toBe('recorded');
    expect(r.patrols.find((p) => p.id === mine[0].id)).toMatchObject({ status: 'done', result: 'issue' });
    expect((await post(r.id, 'record-patrol', 'yg.clerk', { patrolId: mine[0].id, result: 'pass' })).statusCode).toBe(409);

    // Written rectification notice with the policy deadline (48 h); printed.
    const violationId = r.violations[0]!.id;
    r = await ok(r.id, 'issue-notice', 'yg.clerk', { violationId, requirement: '立即停止拆除，恢复墙体原状' });
    expect(r.violations[0]!.noticeNumber).toBe(`${r.number}-ZG1`);
    const notice = await t.call(await t.login('yg.clerk'), {
      method: 'GET',
      url: `/print/renovations/${r.id}/violations/${violationId}/notice`,
    });
    expect(notice.body).toContain('整改通知书');
    expect(notice.body).toContain('立即停止拆除');
    expect(
      (await post(r.id, 'decide-penalty', 'yg.engsup', { violationId, isStopWork: true, deductionCents: 0, reason: '未整改' })).statusCode,
    ).toBe(409);

    // Not rectified by the deadline: the engineering manager stops the work and deducts from the deposit.
    t.clock.set('2026-11-27T18:30:00+08:00');
    await t.scheduler.tick();
    r = (await get(r.id, 'yg.engsup')).json() as Renovation;
    expect(r.violations[0]!.status).toBe('overdue');
    expect(r.flags).toContain('rectification_overdue');
    const tooMuch = await post(r.id, 'decide-penalty', 'yg.engsup', {
      violationId,
      isStopWork: true,
      deductionCents: 200_001,
      reason: '未按期整改',
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().error.fields[0].field).toBe('deductionCents');
    r = await ok(r.id, 'decide-penalty', 'yg.engsup', {
      violationId,
      isStopWork: true,
      deductionCents: 50_000,
      reason: '未按期整改，责令停工并扣押金',
    });
    expect(r.status).toBe('stopped');
    expect(r.ledger).toMatchObject({ depositCents: 200_000, deductedCents: 50_000, balanceCents: 150_000 });
    expect((await post(r.id, 'resume-work', 'yg.engsup')).statusCode).toBe(409);
    r = await ok(r.id, 'recheck', 'yg.clerk', { violationId, isRectified: true, note: '墙体已恢复' });
    expect(r.flags).not.toContain('rectification_overdue');
    r = await ok(r.id, 'resume-work', 'yg.engsup', { note: '已整改，准予复工' });
    expect(r.status).toBe('in_works');

    // Completion: inspection booked; engineering fails an item; rectify, rebook, both pass.
    r = await ok(r.id, 'book-inspection', resident, { at: '2026-11-28T10:00:00+08:00' });
    expect(r.status).toBe('inspection_booked');
    t.clock.set('2026-11-28T10:30:00+08:00');
    r = await ok(r.id, 'record-acceptance', 'yg.clerk', { items: [{ name: '公共部位保护', isPassed: true }] });
    expect((await post(r.id, 'record-acceptance', 'yg.clerk', { items: [{ name: '再签', isPassed: true }] })).statusCode).toBe(409);
    r = await ok(r.id, 'record-acceptance', 'yg.engsup', {
      items: [
        { name: '水电', isPassed: true },
        { name: '防火', isPassed: false, note: '吊顶内电线未穿管' },
      ],
    });
    expect(r.status).toBe('inspection_failed');
    r = await ok(r.id, 'book-inspection', 'yg.clerk', { at: '2026-12-03T10:00:00+08:00' });
    // Thursday Dec 3 2026: passed → refund within 7 working days: Dec 4, 7, 8, 9, 10, 11, 14.
    t.clock.set('2026-12-03T11:00:00+08:00');
    r = await ok(r.id, 'record-acceptance', 'yg.tech1', { items: [{ name: '防火', isPassed: true }] });
    r = await ok(r.id, 'record-acceptance', 'yg.cssup', { items: [{ name: '公共部位保护', isPassed: true }] });
    expect(r.status).toBe('refund_due');
    expect(r.refundDueDate).toBe('2026-12-14');
    expect(r.inspections.map((i) => i.outcome)).toEqual(['failed', 'passed']);
    const form = await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/print/renovations/${r.id}/acceptance` });
    expect(form.body).toContain('装修竣工验收表');
    expect(form.body).toContain('第 2 次');

    // Late refund: finance and the CS manager are chased after the due day ends.
    t.clock.set('2026-12-14T23:59:00+08:00');
    await t.scheduler.tick();
    expect(((await get(r.id, 'yg.finance')).json() as Renovation).flags).not.toContain('refund_overdue');
    t.clock.set('2026-12-15T00:01:00+08:00');
    await t.scheduler.tick();
    expect(((await get(r.id, 'yg.finance')).json() as Renovation).flags).toContain('refund_overdue');
    r = await ok(r.id, 'book-refund', 'yg.finance', { at: '2026-12-15T14:00:00+08:00' });
    r = await ok(r.id, 'record-refund', 'yg.finance', { receiptNumber: 'TK-20261215-01' });
    expect(r.status).toBe('closed');
    expect(r.ledger).toMatchObject({ refundCents: 150_000, deductedCents: 50_000, balanceCents: 0 });
    expect(r.flags).toEqual([]);

    // The resident sees it with its deposit; another household and another community do not.
    const mineList = (await t.call(resident, { method: 'GET', url: '/api/renovations?view=all' })).json();
    expect(mineList.items.map((i: { id: string }) => i.id)).toContain(r.id);
    expect((await get(r.id, resident)).statusCode).toBe(200);
    const other = await t.loginResident(neighbour.phone);
    expect((await get(r.id, other)).statusCode).toBe(404);
    expect((await t.call(other, { method: 'GET', url: `/api/renovations/${r.id}/files/${r.documents[0]!.fileId}` })).statusCode).toBe(404);
    expect((await get(r.id, 'ch.clerk')).statusCode).toBe(404);
    const types = r.events.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'RenovationSubmitted',
        'RenovationReturned',
        'RenovationRejected',
        'RenovationPaid',
        'PenaltyDecided',
        'DepositRefunded',
      ]),
    );
  });

  it('lets the desk apply for any room, but a resident only for their own', async () => {
    const resident = await t.loginResident(home.phone);
    const foreign = await t.call(resident, { method: 'POST', url: '/api/renovations', payload: application(neighbour) });
    expect(foreign.statusCode).toBe(403);
    const badDates = await t.call(await t.login('yg.clerk'), {
      method: 'POST',
      url: '/api/renovations',
      payload: { ...application(neighbour), plannedEndDate: '2026-01-01' },
    });
    expect(badDates.statusCode).toBe(422);
    expect(badDates.json().error.fields[0].field).toBe('plannedEndDate');
    const desk = await t.call(await t.login('yg.clerk'), { method: 'POST', url: '/api/renovations', payload: application(neighbour) });
    expect(desk.statusCode).toBe(201);
    const r = desk.json() as Renovation;
    expect(
      (
        await t.call(await t.login('ch.clerk'), {
          method: 'POST',
          url: '/api/renovations',
          payload: { ...application(neighbour), communityId: t.ch },
        })
      ).statusCode,
    ).toBe(422);
    const print = await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/print/renovations/${r.id}/application` });
    expect(print.body).toContain('装修申请表');
    expect((await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/print/renovations/${r.id}/permit` })).statusCode).toBe(404);
    expect((await post(r.id, 'withdraw', 'yg.clerk', { reason: '业主暂缓装修' })).json().status).toBe('withdrawn');
  });
});
