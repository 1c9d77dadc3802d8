import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Principal, policyOf, requirePermission } from '../../commands/context.js';
import { createRenovation } from '../../commands/renovation/create-renovation.js';
import { getRenovation, patrolTasks, queryRenovations, type RenovationListRow } from '../../commands/renovation/query-renovations.js';
import {
  markDocumentSigned,
  renovationFile,
  uploadRenovationDocument,
  uploadRenovationPhoto,
} from '../../commands/renovation/renovation-files.js';
import { runTicketAction } from '../../commands/tickets/engine.js';
import { errorBody, idParam } from '../../contract/common.js';
import {
  acceptanceQuery,
  createRenovationBody,
  documentUploadFields,
  markSignedBody,
  patrolListQuery,
  patrolTaskList,
  photoUploadFields,
  type RenovationActionPath,
  type RenovationDetail,
  type RenovationSummary,
  renovationActionBodies,
  renovationDetail,
  renovationDocumentParams,
  renovationFileParams,
  renovationList,
  renovationListQuery,
  renovationViolationParams,
} from '../../contract/renovation.js';
import type { documentCodes, WorkItems } from '../../domain/renovation/documents.js';
import type { RenovationFlag, RenovationStatus } from '../../domain/renovation/machine.js';
import type { AcceptanceSign } from '../../domain/renovation/decide.js';
import { invalid, notFound } from '../../domain/shared/errors.js';
import { getCommunity, getCompany } from '../../db/repositories/org.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { esc, fmt, fmtDate, printPage, row, sendPrintPage, sheet, signs, yuan } from '../print/page.js';
import { readUpload, sendAttachment } from '../uploads.js';

const failures = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 422: errorBody };
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

const actionSummaries: Record<RenovationActionPath, string> = {
  edit: 'Applicant or desk corrects the application (before review or after a return)',
  'pass-check': 'Clerk passes the complete file to the CS manager (当日交客服经理审核)',
  return: 'Clerk returns an incomplete file to the applicant',
  approve: 'CS manager, then the engineering manager, approves',
  reject: 'CS manager or engineering manager rejects with a reason: back to the applicant',
  resubmit: 'Applicant resubmits the corrected application (a new round)',
  withdraw: 'Applicant or desk withdraws the application before payment',
  'record-payment': 'Cashier records fees and deposit: the permit (装修许可证) is issued',
  'record-patrol': 'Patrol recorded (CS assistant, security, engineering); an issue may raise a violation',
  'record-violation': 'A violation seen on site is recorded',
  'issue-notice': 'Written rectification notice (整改通知书) with a deadline',
  recheck: 'Re-check: rectified or not',
  'decide-penalty': 'Engineering manager decides stop-work and/or a deposit deduction',
  'resume-work': 'Work resumes after rectification',
  'book-inspection': 'Completion inspection booked (竣工验收预约)',
  'record-acceptance': 'CS or engineering signs its side of the acceptance (竣工验收表)',
  'book-refund': 'Cashier books the deposit refund appointment',
  'record-refund': 'Cashier refunds the deposit (minus deductions): closed',
};

function presentSummary(r: RenovationListRow): RenovationSummary {
  const { ticket, row: x } = r;
  return {
    id: ticket.id,
    number: ticket.number,
    communityId: ticket.communityId,
    communityName: r.communityName,
    buildingId: ticket.buildingId,
    roomId: ticket.roomId,
    roomLabel: ticket.location,
    status: ticket.status as RenovationStatus,
    applicantName: x.applicantName,
    applicantPhone: x.applicantPhone,
    contractorCompany: x.contractorCompany,
    plannedStartDate: x.plannedStartDate,
    plannedEndDate: x.plannedEndDate,
    round: x.round,
    isComplete: r.isComplete,
    permitNumber: x.permitNumber,
    depositCents: x.depositCents,
    depositBalanceCents: r.depositBalanceCents,
    refundDueDate: x.refundDueDate,
    flags: ticket.flags as RenovationFlag[],
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

function presentDetail(d: Awaited<ReturnType<typeof getRenovation>>): RenovationDetail {
  const x = d.row;
  const deductions = d.violations
    .filter((v) => v.deductionCents > 0)
    .map((v) => ({
      violationId: v.id,
      amountCents: v.deductionCents,
      reason: v.penaltyReason ?? '',
      at: (v.penaltyAt ?? v.recordedAt).toISOString(),
    }));
  const deductedCents = deductions.reduce((s, v) => s + v.amountCents, 0);
  return {
    ...presentSummary(d),
    contractorContact: x.contractorContact,
    contractorPhone: x.contractorPhone,
    workItems: x.workItems as WorkItems,
    description: x.description,
    isAgreementSigned: x.isAgreementSigned,
    completeness: d.completeness,
    documents: d.documents.map(({ doc, file }) => ({
      id: doc.id,
      code: doc.code as (typeof documentCodes)[number],
      fileId: doc.attachmentId,
      filename: file?.filename ?? '',
      mime: file?.mime ?? '',
      sizeBytes: file?.sizeBytes ?? 0,
      isSigned: doc.isSigned,
      isCurrent: doc.isCurrent,
      uploadedBy: doc.uploadedBy,
      createdAt: doc.createdAt.toISOString(),
    })),
    lastReturnReason: x.lastReturnReason,
    csApprovedBy: x.csApprovedBy,
    csApprovedAt: iso(x.csApprovedAt),
    engApprovedBy: x.engApprovedBy,
    engApprovedAt: iso(x.engApprovedAt),
    fees: x.fees as { name: string; amountCents: number }[],
    paymentReceiptNumber: x.paymentReceiptNumber,
    paidAt: iso(x.paidAt),
    permitIssuedAt: iso(x.permitIssuedAt),
    permitValidFrom: x.permitValidFrom,
    permitValidTo: x.permitValidTo,
    inspectionPassedAt: iso(x.inspectionPassedAt),
    refundAppointmentAt: iso(x.refundAppointmentAt),
    ledger: {
      depositCents: x.depositCents,
      deductions,
      deductedCents,
      balanceCents: x.depositCents - deductedCents - (x.refundCents ?? 0),
      refundCents: x.refundCents,
      refundedAt: iso(x.refundedAt),
      refundReceiptNumber: x.refundReceiptNumber,
    },
    patrols: d.patrols.map((pt) => ({
      id: pt.id,
      renovationId: pt.ticketId,
      duty: pt.duty as 'cs' | 'security' | 'engineering',
      date: pt.patrolDate,
      status: pt.isMissed ? 'missed' : (pt.status as 'due' | 'done'),
      result: pt.result as 'pass' | 'issue' | null,
      note: pt.note,
      photoFileId: pt.photoAttachmentId,
      violationId: pt.violationId,
      recordedBy: pt.recordedBy,
      recordedAt: iso(pt.recordedAt),
    })),
    violations: d.violations.map((v) => ({
      id: v.id,
      seq: v.seq,
      description: v.description,
      status: v.status as 'recorded' | 'notice_issued' | 'rectified' | 'overdue',
      photoFileId: v.photoAttachmentId,
      recordedBy: v.recordedBy,
      recordedAt: v.recordedAt.toISOString(),
      noticeNumber: v.noticeNumber,
      requirement: v.requirement,
      deadlineAt: iso(v.deadlineAt),
      noticeIssuedBy: v.noticeIssuedBy,
      noticeIssuedAt: iso(v.noticeIssuedAt),
      rechecks: v.rechecks as { at: string; by: string; isRectified: boolean; note: string | null }[],
      rectifiedAt: iso(v.rectifiedAt),
      isStopWork: v.isStopWork,
      deductionCents: v.deductionCents,
      penaltyReason: v.penaltyReason,
      penaltyBy: v.penaltyBy,
      penaltyAt: iso(v.penaltyAt),
    })),
    inspections: d.inspections.map((i) => ({
      id: i.id,
      round: i.round,
      at: i.at.toISOString(),
      bookedBy: i.bookedBy,
      cs: i.csSign as AcceptanceSign | null,
      engineering: i.engSign as AcceptanceSign | null,
      outcome: i.outcome as 'pending' | 'passed' | 'failed',
      decidedAt: iso(i.decidedAt),
    })),
    events: d.events.map((e) => ({
      seq: e.seq,
      type: e.type,
      actorName: e.actorName,
      actorRole: e.actorRole,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      data: e.data as Record<string, unknown>,
      at: e.at.toISOString(),
    })),
    timers: d.timers.map((t) => ({ kind: t.kind, dueAt: t.dueAt.toISOString(), level: t.level, status: t.status })),
    createdByName: d.ticket.createdByName,
    allowedActions: d.allowedActions,
  };
}

const documentZh: Record<string, string> = {
  business_licence: '营业执照（加盖红章）',
  qualification_certificate: '资质证书（加盖红章）',
  floor_plan: '平面布置图',
  demolition_plan: '拆墙示意图',
  pipe_changes: '管道变化图',
  electrical_diagram: '电气分布图及配电系统图',
  duplex_plan: '复式改建图',
  ceiling_plan: '天花布置图',
  waterproofing_plan: '防水施工方案',
};
const workItemZh: Record<string, string> = {
  walls: '墙体改动',
  pipes: '管道改动',
  electrical: '电气改动',
  duplex: '复式改建',
  ceiling: '天花吊顶',
  waterproofing: '洗手间改动（防水）',
};
const tick = (b: boolean) => (b ? '☑' : '☐');

/** 装修: applications, review, permit, patrols, violations, inspection, deposit refund. */
export const renovationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const detail = async (p: Principal, id: string) => presentDetail(await getRenovation(ctx.deps, p, id));

    app.get(
      '/api/renovations',
      {
        schema: {
          tags: ['renovations'],
          summary: 'Renovations the user may see (residents: their own households)',
          querystring: renovationListQuery,
          response: { 200: renovationList, ...failures },
        },
      },
      async (req) => {
        const { items, total } = await queryRenovations(ctx.deps, principalOf(req), req.query);
        return { items: items.map(presentSummary), total };
      },
    );
    app.post(
      '/api/renovations',
      {
        schema: {
          tags: ['renovations'],
          summary: 'Apply for a renovation (装修申请表): a resident for their own room, the desk for any room',
          body: createRenovationBody,
          response: { 201: renovationDetail, ...failures },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        const { id } = await createRenovation(ctx.deps, p, req.body);
        reply.status(201);
        return detail(p, id);
      },
    );
    app.get(
      '/api/renovation-patrols',
      {
        schema: {
          tags: ['renovations'],
          summary: "The day's renovation patrols of the caller's duty (generated on read)",
          querystring: patrolListQuery,
          response: { 200: patrolTaskList, ...failures },
        },
      },
      async (req) => {
        const t = await patrolTasks(ctx.deps, principalOf(req), req.query);
        return {
          date: t.date,
          duty: t.duty,
          items: t.items.map(({ patrol: pt, ticket, row: x, isMissed }) => ({
            id: pt.id,
            renovationId: pt.ticketId,
            duty: pt.duty as 'cs' | 'security' | 'engineering',
            date: pt.patrolDate,
            status: isMissed ? ('missed' as const) : (pt.status as 'due' | 'done'),
            result: pt.result as 'pass' | 'issue' | null,
            note: pt.note,
            photoFileId: pt.photoAttachmentId,
            violationId: pt.violationId,
            recordedBy: pt.recordedBy,
            recordedAt: iso(pt.recordedAt),
            renovationNumber: ticket.number,
            roomLabel: ticket.location,
            contractorCompany: x.contractorCompany,
            renovationStatus: ticket.status as RenovationStatus,
          })),
        };
      },
    );
    app.get(
      '/api/renovations/:id',
      {
        schema: {
          tags: ['renovations'],
          summary: 'One renovation: application, documents, timeline, patrols, violations, inspections, deposit',
          params: idParam,
          response: { 200: renovationDetail, ...failures },
        },
      },
      async (req) => detail(principalOf(req), req.params.id),
    );
    for (const path of Object.keys(renovationActionBodies) as RenovationActionPath[]) {
      app.post(
        `/api/renovations/:id/${path}`,
        {
          schema: {
            tags: ['renovations'],
            summary: actionSummaries[path],
            params: idParam,
            body: renovationActionBodies[path],
            response: { 200: renovationDetail, ...failures },
          },
        },
        async (req) => {
          const p = principalOf(req);
          requirePermission(p, 'renovation.view');
          await runTicketAction(ctx.deps, p, req.params.id, 'renovation', path.replaceAll('-', '_'), req.body);
          return detail(p, req.params.id);
        },
      );
    }
    app.post(
      '/api/renovations/:id/documents',
      {
        schema: {
          tags: ['renovations'],
          summary: 'Upload a document of the file (multipart: file, code, isSigned); replaces the current one of its code',
          params: idParam,
          consumes: ['multipart/form-data'],
          response: { 201: renovationDetail, ...failures },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        requirePermission(p, 'renovation.view');
        const upload = await readUpload(req);
        const fields = documentUploadFields.safeParse(upload.fields);
        if (!fields.success) {
          throw invalid('invalid_field', { zh: '请选择资料类别', en: 'Choose the kind of document' }, [
            { field: 'code', message: { zh: '请选择资料类别', en: 'Choose the kind of document' } },
          ]);
        }
        await uploadRenovationDocument(ctx.deps, p, req.params.id, {
          code: fields.data.code,
          isSigned: fields.data.isSigned === 'true',
          bytes: upload.bytes,
          filename: upload.filename,
        });
        reply.status(201);
        return detail(p, req.params.id);
      },
    );
    app.post(
      '/api/renovations/:id/documents/:documentId/signed',
      {
        schema: {
          tags: ['renovations'],
          summary: 'Mark a document signed / stamped (or not)',
          params: renovationDocumentParams,
          body: markSignedBody,
          response: { 200: renovationDetail, ...failures },
        },
      },
      async (req) => {
        const p = principalOf(req);
        await markDocumentSigned(ctx.deps, p, req.params.id, req.params.documentId, req.body.isSigned);
        return detail(p, req.params.id);
      },
    );
    app.post(
      '/api/renovations/:id/photos',
      {
        schema: {
          tags: ['renovations'],
          summary: "A patrol's or a violation's photo (multipart: file, purpose, targetId)",
          params: idParam,
          consumes: ['multipart/form-data'],
          response: { 201: renovationDetail, ...failures },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        requirePermission(p, 'renovation.view');
        const upload = await readUpload(req);
        const fields = photoUploadFields.safeParse(upload.fields);
        if (!fields.success) {
          throw invalid('invalid_field', { zh: '请说明照片属于哪条记录', en: 'Say which record the photo belongs to' }, [
            { field: 'targetId', message: { zh: '请说明照片属于哪条记录', en: 'Say which record the photo belongs to' } },
          ]);
        }
        await uploadRenovationPhoto(ctx.deps, p, req.params.id, { ...fields.data, bytes: upload.bytes, filename: upload.filename });
        reply.status(201);
        return detail(p, req.params.id);
      },
    );
    app.get(
      '/api/renovations/:id/files/:fileId',
      {
        schema: {
          tags: ['renovations'],
          summary: 'A document or photo of the renovation, served as its sniffed type (never HTML)',
          params: renovationFileParams,
          response: { 200: z.any(), ...failures },
        },
      },
      async (req, reply) => sendAttachment(reply, await renovationFile(ctx.deps, principalOf(req), req.params.id, req.params.fileId)),
    );

    // ── Printed forms (装修申请表, 装修许可证, 装修竣工验收表, 整改通知书) ──
    const printable = async (p: Principal, id: string) => {
      const d = await getRenovation(ctx.deps, p, id);
      const ex = ctx.deps.database.db;
      const [company, community] = await Promise.all([getCompany(ex, d.ticket.companyId), getCommunity(ex, d.ticket.communityId)]);
      const tz = policyOf(d.ticket).timezone;
      const head = { company: company?.name ?? '', community: community?.name ?? '' };
      const footer = `打印时间 ${fmt(ctx.deps.clock.now(), tz)}`;
      return { d, tz, head, footer };
    };
    app.get('/print/renovations/:id/application', { schema: { hide: true, params: idParam } }, async (req, reply) => {
      const { d, tz, head, footer } = await printable(principalOf(req), req.params.id);
      const x = d.row;
      const items = x.workItems as WorkItems;
      const current = new Map(d.documents.filter(({ doc }) => doc.isCurrent).map(({ doc }) => [doc.code, doc]));
      const docRows = d.completeness.required
        .map((c) => {
          const doc = current.get(c);
          return `<tr><td>${esc(documentZh[c])}</td><td>${doc ? '已交' : '未交'}</td><td>${doc ? (doc.isSigned ? '已签章' : '未签章') : ''}</td></tr>`;
        })
        .join('');
      const body = `
  <table>
    ${row('申请人（业主/装修负责人）', esc(x.applicantName), '联系电话', esc(x.applicantPhone))}
    ${row('房号', esc(d.ticket.location), '申请日期', fmtDate(d.ticket.createdAt, tz))}
    ${row('施工单位', esc(x.contractorCompany), '负责人 / 电话', `${esc(x.contractorContact)} ${esc(x.contractorPhone)}`)}
    ${row('计划工期', `${esc(x.plannedStartDate)} 至 ${esc(x.plannedEndDate)}`, '审核轮次', String(x.round))}
    ${row(
      '装修项目',
      Object.entries(workItemZh)
        .map(([k, zh]) => `${tick(items[k as keyof WorkItems])} ${zh}`)
        .join('　'),
    )}
    ${row('装修内容', esc(x.description))}
    ${row('装修协议书', x.isAgreementSigned ? '已签订' : '未签订')}
  </table>
  <table class="list"><tr><th>申报资料</th><th>提交</th><th>签名/盖章</th></tr>${docRows}</table>
  <table>
    ${row('客服审核', esc(x.csApprovedBy ?? ''), '日期', fmt(x.csApprovedAt, tz))}
    ${row('工程部审核', esc(x.engApprovedBy ?? ''), '日期', fmt(x.engApprovedAt, tz))}
  </table>
  ${signs('申请人签字', '客服经理', '工程部经理')}`;
      const html = sheet({
        ...head,
        title: '装修申请表 Renovation application',
        meta: [`编号 No. <b>${esc(d.ticket.number)}</b>`],
        body,
        footer,
      });
      return sendPrintPage(reply, printPage(`${d.ticket.number} 装修申请表`, [html]));
    });
    app.get('/print/renovations/:id/permit', { schema: { hide: true, params: idParam } }, async (req, reply) => {
      const { d, tz, head, footer } = await printable(principalOf(req), req.params.id);
      const x = d.row;
      if (!x.permitNumber) throw notFound({ zh: '装修许可证', en: 'Permit' });
      const fees = (x.fees as { name: string; amountCents: number }[]).map((f) => `${esc(f.name)} ${yuan(f.amountCents)}`).join('；');
      const body = `
  <table>
    ${row('房号', esc(d.ticket.location), '业主/装修负责人', esc(x.applicantName))}
    ${row('施工单位', esc(x.contractorCompany), '现场负责人 / 电话', `${esc(x.contractorContact)} ${esc(x.contractorPhone)}`)}
    ${row('有效期', `<b>${esc(x.permitValidFrom)} 至 ${esc(x.permitValidTo)}</b>`, '发证日期', fmtDate(x.permitIssuedAt, tz))}
    ${row('装修内容', esc(x.description))}
    ${row('已缴费用', fees, '装修押金', yuan(x.depositCents))}
    ${row('收据号', esc(x.paymentReceiptNumber ?? ''))}
  </table>
  <p class="note">请将本证张贴于施工现场门口，接受客服、工程及保安人员巡查。施工须遵守《装修协议书》，违规者将开具《整改通知书》，逾期不整改的责令停工并扣除相应押金。</p>
  ${signs('发证人', '管理处（盖章）')}`;
      const html = sheet({
        ...head,
        title: '装修许可证 Renovation permit',
        meta: [`许可证号 No. <b>${esc(x.permitNumber)}</b>`, `申请 ${esc(d.ticket.number)}`],
        body,
        footer,
      });
      return sendPrintPage(reply, printPage(`${x.permitNumber} 装修许可证`, [html]));
    });
    app.get(
      '/print/renovations/:id/acceptance',
      { schema: { hide: true, params: idParam, querystring: acceptanceQuery } },
      async (req, reply) => {
        const { d, tz, head, footer } = await printable(principalOf(req), req.params.id);
        const ins = req.query.inspectionId ? d.inspections.find((i) => i.id === req.query.inspectionId) : d.inspections.at(-1);
        if (!ins) throw notFound({ zh: '验收记录', en: 'Inspection' });
        const side = (label: string, s: AcceptanceSign | null) =>
          s
            ? `<tr><th colspan="3">${label}：${esc(s.byName)}（${fmt(new Date(s.at), tz)}）</th></tr>${s.items
                .map(
                  (i) => `<tr><td>${esc(i.name)}</td><td>${i.isPassed ? '合格' : '<b>不合格</b>'}</td><td>${esc(i.note ?? '')}</td></tr>`,
                )
                .join('')}${s.note ? `<tr><td colspan="3">意见：${esc(s.note)}</td></tr>` : ''}`
            : `<tr><th colspan="3">${label}：未验收</th></tr>`;
        const outcomeZh = ins.outcome === 'passed' ? '合格' : ins.outcome === 'failed' ? '不合格，须整改后再次验收' : '待验收';
        const body = `
  <table>
    ${row('房号', esc(d.ticket.location), '业主/装修负责人', esc(d.row.applicantName))}
    ${row('施工单位', esc(d.row.contractorCompany), '许可证号', esc(d.row.permitNumber ?? ''))}
    ${row('验收时间', fmt(ins.at, tz), '验收次数', `第 ${ins.round} 次`)}
  </table>
  <table class="list"><tr><th>验收项目</th><th>结果</th><th>备注</th></tr>
    ${side('客服部', ins.csSign as AcceptanceSign | null)}
    ${side('工程部', ins.engSign as AcceptanceSign | null)}
  </table>
  <table>${row('验收结论', `<b>${outcomeZh}</b>`, '押金退还期限', esc(d.row.refundDueDate ?? ''))}</table>
  ${signs('客服部签字', '工程部签字', '业主/装修负责人签字')}`;
        const html = sheet({
          ...head,
          title: '装修竣工验收表 Completion acceptance',
          meta: [`编号 No. <b>${esc(d.ticket.number)}</b>`],
          body,
          footer,
        });
        return sendPrintPage(reply, printPage(`${d.ticket.number} 装修竣工验收表`, [html]));
      },
    );
    app.get(
      '/print/renovations/:id/violations/:violationId/notice',
      { schema: { hide: true, params: renovationViolationParams } },
      async (req, reply) => {
        const { d, tz, head, footer } = await printable(principalOf(req), req.params.id);
        const v = d.violations.find((x) => x.id === req.params.violationId);
        if (!v?.noticeNumber) throw notFound({ zh: '整改通知书', en: 'Rectification notice' });
        const body = `
  <table>
    ${row('致（业主/装修负责人）', esc(d.row.applicantName), '房号', esc(d.ticket.location))}
    ${row('施工单位', esc(d.row.contractorCompany), '许可证号', esc(d.row.permitNumber ?? ''))}
    ${row('违规情况', esc(v.description))}
    ${row('发现时间', fmt(v.recordedAt, tz), '发现人', esc(v.recordedBy))}
    ${row('整改要求', esc(v.requirement ?? ''))}
    ${row('整改期限', `<b>${fmt(v.deadlineAt, tz)}</b> 前`)}
  </table>
  <p class="note">请于上述期限内完成整改并通知管理处复查。逾期不整改的，由工程部经理决定责令停工，并按《装修协议书》扣除相应押金。</p>
  ${signs('开单人', '业主/装修负责人签收')}`;
        const html = sheet({
          ...head,
          title: '整改通知书 Rectification notice',
          meta: [`编号 No. <b>${esc(v.noticeNumber)}</b>`],
          body,
          footer: `开具时间 ${fmt(v.noticeIssuedAt, tz)} · ${footer}`,
        });
        return sendPrintPage(reply, printPage(`${v.noticeNumber} 整改通知书`, [html]));
      },
    );
  };
