import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';

type Permit = Record<string, unknown> & {
  id: string;
  status: string;
  allowedActions: string[];
  safetyNotes: { zh: string }[];
  inspections: { id: string; findings: string; outcome: string; photos: unknown[] }[];
  events: { type: string }[];
};

/** A 1×1 PNG. */
const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ffa7d6c0a50000000049454e44ae426082',
  'hex',
);

describe.each(await drivers())('hot work over HTTP (%s)', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  const at = (hhmm: string) => `2026-11-25T${hhmm}:00+08:00`;
  const apply = async (over: Record<string, unknown> = {}, who = 'yg.clerk', communityId?: string) =>
    t.call(await t.login(who), {
      method: 'POST',
      url: '/api/hot-work',
      payload: {
        communityId: communityId ?? t.yg,
        applicantCompany: '宏达装饰<b>工程</b>',
        personInCharge: '李工',
        personInChargePhone: '13800001111',
        operatorName: '张师傅',
        operatorCertificateNo: 'T1101',
        location: '3栋地下车库',
        workType: 'welding',
        reason: '更换消防管道支架',
        windowStartAt: at('10:00'),
        windowEndAt: at('12:00'),
        extinguisherCount: 2,
        fireWatcherName: '王五',
        hasClearedCombustibles: true,
        ...over,
      },
    });
  const post = async (id: string, action: string, who: string, payload: Record<string, unknown> = {}) =>
    t.call(await t.login(who), { method: 'POST', url: `/api/hot-work/${id}/${action}`, payload });
  const get = async (id: string, who = 'yg.clerk') =>
    (await t.call(await t.login(who), { method: 'GET', url: `/api/hot-work/${id}` })).json() as Permit;

  it('goes desk → CS → engineering → permit, runs its window under inspection and closes on the completion check', async () => {
    const res = await apply();
    expect(res.statusCode).toBe(201);
    const permit = res.json() as Permit;
    expect(permit.status).toBe('pending_cs');
    expect(String(permit.number)).toMatch(/^YG-DH-20261125-\d{4}$/);
    expect((await post(permit.id, 'approve-engineering', 'yg.engsup')).statusCode).toBe(409);
    expect((await post(permit.id, 'approve-cs', 'yg.cssup')).json().status).toBe('pending_engineering');
    const issued = (await post(permit.id, 'approve-engineering', 'yg.engsup')).json() as Permit;
    expect(issued.status).toBe('issued');
    expect(issued.safetyNotes.length).toBeGreaterThan(0);

    // Window start: the scheduler starts work and security is told to inspect.
    t.clock.set(new Date(at('10:00')));
    await t.scheduler.tick();
    expect((await get(permit.id)).status).toBe('active');
    const inbox = (await t.call(await t.login('yg.security'), { method: 'GET', url: '/api/notifications' })).json();
    expect(JSON.stringify(inbox)).toContain('动火');

    const stopped = (
      await post(permit.id, 'inspect', 'yg.security', { findings: 'problem', note: '监护人离岗', stopWork: true })
    ).json() as Permit;
    expect(stopped.status).toBe('suspended');
    const upload = await t.call(await t.login('yg.security'), {
      method: 'POST',
      url: `/api/hot-work/${permit.id}/photos`,
      headers: { 'content-type': 'multipart/form-data; boundary=XX' },
      payload: Buffer.concat([
        Buffer.from(
          `--XX\r\nContent-Disposition: form-data; name="inspectionId"\r\n\r\n${stopped.inspections[0]!.id}\r\n--XX\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        png,
        Buffer.from('\r\n--XX--\r\n'),
      ]),
    });
    expect(upload.statusCode).toBe(201);
    const photo = await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/api/hot-work/${permit.id}/photos/${upload.json().id}` });
    expect(photo.headers['content-type']).toBe('image/png');
    expect((await post(permit.id, 'inspect', 'yg.security', { findings: 'ok', resumeWork: true })).json().status).toBe('active');

    // Window end: finished, not yet closed; the completion check closes it.
    t.clock.set(new Date(at('12:00')));
    await t.scheduler.tick();
    expect((await get(permit.id)).status).toBe('finished');
    expect((await post(permit.id, 'close', 'yg.security', { isSiteSafe: true, hasNoEmbers: false })).statusCode).toBe(422);
    const closed = (await post(permit.id, 'close', 'yg.security', { isSiteSafe: true, hasNoEmbers: true })).json() as Permit;
    expect(closed.status).toBe('closed');
    expect(closed.events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'HotWorkApplied',
        'HotWorkApprovedByCs',
        'HotWorkPermitIssued',
        'HotWorkStarted',
        'HotWorkSuspended',
        'HotWorkResumed',
        'HotWorkWindowEnded',
        'HotWorkClosed',
      ]),
    );

    const print = await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/print/hot-work/${permit.id}/permit` });
    expect(print.statusCode).toBe(200);
    expect(print.headers['content-type']).toContain('text/html');
    expect(print.body).toContain('临时动火作业许可证');
    expect(print.body).toContain('宏达装饰&lt;b&gt;工程&lt;/b&gt;');
    expect(print.body).not.toContain('<b>工程</b>');
    expect((await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/print/hot-work/${permit.id}/application` })).body).toContain(
      '临时动火作业申请表',
    );
  });

  it('lets engineering reject, and the contractor apply again', async () => {
    t.clock.set(new Date(at('09:00')));
    const permit = (await apply({ windowStartAt: at('14:00'), windowEndAt: at('16:00') })).json() as Permit;
    await post(permit.id, 'approve-cs', 'yg.csmanager');
    expect((await post(permit.id, 'reject', 'yg.cssup', { reason: 'x' })).statusCode).toBe(403);
    const rejected = (await post(permit.id, 'reject', 'yg.engsup', { reason: '操作证过期' })).json() as Permit;
    expect(rejected.status).toBe('rejected');
    const again = await apply({ windowStartAt: at('14:00'), windowEndAt: at('16:00'), reappliedFromId: permit.id });
    expect(again.statusCode).toBe(201);
    expect(again.json().reappliedFromId).toBe(permit.id);
  });

  it('refuses a window too long or in the past with field errors, writing nothing', async () => {
    t.clock.set(new Date(at('09:00')));
    const before = (await t.call(await t.login('yg.clerk'), { method: 'GET', url: '/api/hot-work?view=all' })).json().total;
    const long = await apply({ windowStartAt: at('10:00'), windowEndAt: '2026-11-26T10:00:00+08:00' });
    expect(long.statusCode).toBe(422);
    expect(long.json().error.fields[0]).toMatchObject({ field: 'windowEndAt' });
    const past = await apply({ windowStartAt: at('08:00') });
    expect(past.json().error.fields.map((f: { field: string }) => f.field)).toContain('windowStartAt');
    const after = (await t.call(await t.login('yg.clerk'), { method: 'GET', url: '/api/hot-work?view=all' })).json().total;
    expect(after).toBe(before);
  });

  it('reminds security to inspect every interval while work runs, and keeps YG permits from CH', async () => {
    t.clock.set(new Date(at('09:00')));
    const permit = (await apply({ windowStartAt: at('09:00'), windowEndAt: at('18:00') })).json() as Permit;
    await post(permit.id, 'approve-cs', 'yg.cssup');
    expect((await post(permit.id, 'approve-engineering', 'yg.engsup')).json().status).toBe('active');
    t.clock.set(new Date(at('10:01')));
    await t.scheduler.tick();
    expect((await get(permit.id)).events.at(-1)?.type).toBe('HotWorkInspectionReminded');
    expect((await t.call(await t.login('ch.clerk'), { method: 'GET', url: `/api/hot-work/${permit.id}` })).statusCode).toBe(404);
    expect((await t.call(await t.login('yg.cleaning'), { method: 'GET', url: `/api/hot-work/${permit.id}` })).statusCode).toBe(404);
    const today = (await t.call(await t.login('yg.security'), { method: 'GET', url: '/api/hot-work?view=today' })).json();
    expect(today.items.map((i: { id: string }) => i.id)).toContain(permit.id);
  });
});
