import { afterAll, beforeAll, describe } from 'vitest';
import { renovationAccess } from '../../../tests/access/renovation.js';
import { accessGrid, type Column, columns, signInColumns } from '../../../tests/support/access-grid.js';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { occupiedRoom, type RoomPick } from '../../../tests/support/factories.js';

const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
const png = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const codes = ['business_licence', 'qualification_certificate', 'floor_plan', 'demolition_plan', 'pipe_changes', 'electrical_diagram'];

/** The state an action starts from. */
type Stage =
  | 'submitted'
  | 'returned'
  | 'cs_review'
  | 'approved'
  | 'in_works'
  | 'violation'
  | 'noticed'
  | 'overdue'
  | 'stopped'
  | 'booked'
  | 'refund_due';
const stageOf: Record<string, Stage> = {
  edit: 'submitted',
  'pass-check': 'submitted',
  return: 'submitted',
  approve: 'cs_review',
  reject: 'cs_review',
  resubmit: 'returned',
  withdraw: 'submitted',
  'record-payment': 'approved',
  'record-patrol': 'in_works',
  'record-violation': 'in_works',
  'issue-notice': 'violation',
  recheck: 'noticed',
  'decide-penalty': 'overdue',
  'resume-work': 'stopped',
  'book-inspection': 'in_works',
  'record-acceptance': 'booked',
  'book-refund': 'refund_due',
  'record-refund': 'refund_due',
};
const dutyOf: Partial<Record<Column, string>> = { css: 'cs', clk: 'cs', dep: 'security', eng: 'engineering', tec: 'engineering' };

describe.each(await drivers())('access to the renovation routes (%s)', (driver) => {
  let t: TestApp;
  let cookies: Record<Column, string | null>;
  let home: RoomPick;
  let neighbour: RoomPick;
  let chRoom: RoomPick;

  const call = async (who: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await t.call(await t.login(who), { method, url, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const multipart = (fields: Record<string, string>, bytes: Buffer, name: string) => {
    const boundary = '----pd-access';
    return {
      payload: Buffer.concat([
        ...Object.entries(fields).map(([k, v]) =>
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
        ),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    };
  };
  const applicationFor = (room: RoomPick, communityId: string) => ({
    communityId,
    roomId: room.roomId,
    applicantName: room.name,
    applicantPhone: room.phone,
    contractorCompany: '安居装饰',
    contractorContact: '陈工',
    contractorPhone: '13912345678',
    plannedStartDate: '2026-11-25',
    plannedEndDate: '2027-01-20',
    workItems: { walls: true, pipes: true, electrical: true, duplex: false, ceiling: false, waterproofing: false },
    description: '厨卫水电改造',
    isAgreementSigned: true,
  });
  const later = (hours: number) => new Date(t.clock.now().getTime() + hours * 3_600_000).toISOString();

  /** A renovation of the resident column's home (or another room / community) brought to a stage. */
  const renovationAt = async (
    stage: Stage,
    room: RoomPick = home,
    community: 'YG' | 'CH' = 'YG',
  ): Promise<{ id: string; violationId?: string }> => {
    const clerk = community === 'YG' ? 'yg.clerk' : 'ch.clerk';
    const r = await call(clerk, 'POST', '/api/renovations', applicationFor(room, community === 'YG' ? t.yg : t.ch));
    const id = r.id as string;
    if (stage === 'submitted') return { id };
    if (stage === 'returned') {
      await call(clerk, 'POST', `/api/renovations/${id}/return`, { reason: '资料不全' });
      return { id };
    }
    for (const code of codes) {
      const res = await t.call(await t.login(clerk), {
        method: 'POST',
        url: `/api/renovations/${id}/documents`,
        ...multipart({ code, isSigned: 'true' }, pdf, `${code}.pdf`),
      });
      if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
    }
    await call(clerk, 'POST', `/api/renovations/${id}/pass-check`, {});
    if (stage === 'cs_review') return { id };
    await call('yg.csmanager', 'POST', `/api/renovations/${id}/approve`, {});
    await call('yg.engsup', 'POST', `/api/renovations/${id}/approve`, {});
    if (stage === 'approved') return { id };
    await call('yg.finance', 'POST', `/api/renovations/${id}/record-payment`, {
      fees: [{ name: '装修管理费', amountCents: 30_000 }],
      depositCents: 200_000,
      receiptNumber: 'SJ-1',
    });
    if (stage === 'in_works') return { id };
    if (stage === 'booked' || stage === 'refund_due') {
      await call('yg.clerk', 'POST', `/api/renovations/${id}/book-inspection`, { at: later(1) });
      if (stage === 'booked') return { id };
      await call('yg.clerk', 'POST', `/api/renovations/${id}/record-acceptance`, { items: [{ name: '公共部位', isPassed: true }] });
      await call('yg.engsup', 'POST', `/api/renovations/${id}/record-acceptance`, { items: [{ name: '水电', isPassed: true }] });
      return { id };
    }
    const v = await call('yg.clerk', 'POST', `/api/renovations/${id}/record-violation`, { description: '噪音施工超时' });
    const violationId = v.violations[0].id as string;
    if (stage === 'violation') return { id, violationId };
    await call('yg.clerk', 'POST', `/api/renovations/${id}/issue-notice`, {
      violationId,
      requirement: '按规定时间施工',
      deadlineAt: later(1),
    });
    if (stage === 'noticed') return { id, violationId };
    t.clock.advanceMinutes(61);
    if (stage === 'overdue') return { id, violationId };
    await call('yg.engsup', 'POST', `/api/renovations/${id}/decide-penalty`, {
      violationId,
      isStopWork: true,
      deductionCents: 0,
      reason: '逾期未整改',
    });
    await call('yg.clerk', 'POST', `/api/renovations/${id}/recheck`, { violationId, isRectified: true });
    return { id, violationId };
  };

  const bodyFor = (action: string, violationId: string | undefined, patrolId?: string): object => {
    switch (action) {
      case 'edit':
        return { description: '改为只做厨房' };
      case 'return':
      case 'reject':
      case 'withdraw':
        return { reason: '资料不全' };
      case 'record-payment':
        return { fees: [{ name: '装修管理费', amountCents: 30_000 }], depositCents: 200_000, receiptNumber: 'SJ-2' };
      case 'record-patrol':
        return { patrolId: patrolId ?? '00000000-0000-4000-8000-000000000000', result: 'pass' };
      case 'record-violation':
        return { description: '楼道堆放建材' };
      case 'issue-notice':
        return { violationId, requirement: '清理楼道' };
      case 'recheck':
        return { violationId, isRectified: true };
      case 'decide-penalty':
        return { violationId, isStopWork: false, deductionCents: 10_000, reason: '逾期未整改' };
      case 'book-inspection':
        return { at: later(24) };
      case 'record-acceptance':
        return { items: [{ name: '水电', isPassed: true }] };
      case 'book-refund':
        return { at: later(24) };
      case 'record-refund':
        return { receiptNumber: 'TK-1' };
      default:
        return {};
    }
  };

  beforeAll(async () => {
    t = await startTestApp(driver);
    home = await occupiedRoom(t, t.yg, 2);
    neighbour = await occupiedRoom(t, t.yg, 6);
    chRoom = await occupiedRoom(t, t.ch, 0);
    cookies = await signInColumns(t, home.phone);
  });
  afterAll(async () => {
    await t?.close();
  });

  accessGrid(
    'renovation',
    columns,
    renovationAccess,
    () => {
      /** Callers refused by role share one renovation; those let through get a fresh one each. */
      const shared = new Map<string, Promise<{ id: string; violationId?: string }>>();
      const at = (label: string, caller: Column, stage: Stage) => {
        const want = renovationAccess[label]![columns.indexOf(caller)];
        if (want === 401 || want === 403) {
          if (!shared.has(label)) shared.set(label, renovationAt(stage));
          return shared.get(label)!;
        }
        return renovationAt(stage);
      };
      const rows: Record<
        string,
        (c: Column) => Promise<{ method: 'GET' | 'POST'; url: string; payload?: object; headers?: Record<string, string> }>
      > = {
        'GET /api/renovations': async () => ({ method: 'GET', url: '/api/renovations' }),
        'POST /api/renovations': async () => ({ method: 'POST', url: '/api/renovations', payload: applicationFor(home, t.yg) }),
        'GET /api/renovation-patrols': async () => ({ method: 'GET', url: `/api/renovation-patrols?communityId=${t.yg}` }),
        'GET /api/renovations/:id': async (c) => ({
          method: 'GET',
          url: `/api/renovations/${(await at('GET /api/renovations/:id', c, 'submitted')).id}`,
        }),
        'GET /api/renovations/:id (another household)': async () => ({
          method: 'GET',
          url: `/api/renovations/${(await renovationAt('submitted', neighbour)).id}`,
        }),
        'GET /api/renovations/:id (CH renovation)': async () => ({
          method: 'GET',
          url: `/api/renovations/${(await renovationAt('submitted', chRoom, 'CH')).id}`,
        }),
        'POST /api/renovations/:id/documents': async (c) => ({
          method: 'POST',
          url: `/api/renovations/${(await at('POST /api/renovations/:id/documents', c, 'submitted')).id}/documents`,
          ...multipart({ code: 'floor_plan', isSigned: 'true' }, pdf, 'plan.pdf'),
        }),
        'POST /api/renovations/:id/documents/:documentId/signed': async (c) => {
          const { id } = await at('POST /api/renovations/:id/documents/:documentId/signed', c, 'submitted');
          const up = await t.call(await t.login('yg.clerk'), {
            method: 'POST',
            url: `/api/renovations/${id}/documents`,
            ...multipart({ code: 'floor_plan' }, pdf, 'plan.pdf'),
          });
          return {
            method: 'POST',
            url: `/api/renovations/${id}/documents/${up.json().documents[0].id}/signed`,
            payload: { isSigned: true },
          };
        },
        'POST /api/renovations/:id/photos': async (c) => {
          const { id, violationId } = await at('POST /api/renovations/:id/photos', c, 'violation');
          return {
            method: 'POST',
            url: `/api/renovations/${id}/photos`,
            ...multipart({ purpose: 'violation', targetId: violationId! }, png, 'v.png'),
          };
        },
        'GET /api/renovations/:id/files/:fileId': async () => {
          const { id } = await renovationAt('cs_review');
          const d = await call('yg.clerk', 'GET', `/api/renovations/${id}`);
          return { method: 'GET', url: `/api/renovations/${id}/files/${d.documents[0].fileId}` };
        },
        'GET /api/renovations/:id/files/:fileId (another household)': async () => {
          const { id } = await renovationAt('cs_review', neighbour);
          const d = await call('yg.clerk', 'GET', `/api/renovations/${id}`);
          return { method: 'GET', url: `/api/renovations/${id}/files/${d.documents[0].fileId}` };
        },
        'GET /print/renovations/:id/application': async () => ({
          method: 'GET',
          url: `/print/renovations/${(await renovationAt('submitted')).id}/application`,
        }),
        'GET /print/renovations/:id/application (CH renovation)': async () => ({
          method: 'GET',
          url: `/print/renovations/${(await renovationAt('submitted', chRoom, 'CH')).id}/application`,
        }),
        'GET /print/renovations/:id/permit': async () => ({
          method: 'GET',
          url: `/print/renovations/${(await renovationAt('in_works')).id}/permit`,
        }),
        'GET /print/renovations/:id/acceptance': async () => ({
          method: 'GET',
          url: `/print/renovations/${(await renovationAt('refund_due')).id}/acceptance`,
        }),
        'GET /print/renovations/:id/violations/:violationId/notice': async () => {
          const { id, violationId } = await renovationAt('noticed');
          return { method: 'GET', url: `/print/renovations/${id}/violations/${violationId}/notice` };
        },
      };
      for (const [action, stage] of Object.entries(stageOf)) {
        const label = `POST /api/renovations/:id/${action}`;
        rows[label] = async (c) => {
          const { id, violationId } = await at(label, c, stage);
          let patrolId: string | undefined;
          if (action === 'record-patrol' && dutyOf[c]) {
            const d = await call('yg.clerk', 'GET', `/api/renovations/${id}`);
            patrolId = d.patrols.find((p: { duty: string }) => p.duty === dutyOf[c])?.id;
          }
          return { method: 'POST', url: `/api/renovations/${id}/${action}`, payload: bodyFor(action, violationId, patrolId) };
        };
      }
      return rows;
    },
    (caller, req) => t.call(cookies[caller], req),
  );
});
