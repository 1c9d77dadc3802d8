import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { policyOf, requirePermission } from '../../commands/context.js';
import { applyHotWork } from '../../commands/hot-work/apply-hot-work.js';
import { attachInspectionPhoto, inspectionPhoto } from '../../commands/hot-work/inspection-photos.js';
import { getHotWork, type HotWorkListRow, queryHotWork } from '../../commands/hot-work/query-hot-work.js';
import { runTicketAction } from '../../commands/tickets/engine.js';
import { errorBody, idParam } from '../../contract/common.js';
import {
  applyHotWorkBody,
  type HotWorkActionPath,
  hotWorkActionBodies,
  hotWorkDetail,
  hotWorkList,
  hotWorkListQuery,
  type hotWorkSummary,
  inspectionPhotoParams,
  inspectionPhotoView,
} from '../../contract/hot-work.js';
import { getCommunity, getCompany } from '../../db/repositories/org.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { presentEvents, presentTimers, iso } from '../presenters/ticket.js';
import { esc, fmt, printPage, row, sendPrintPage, sheet, signs } from '../print/page.js';
import { readUpload, sendAttachment } from '../uploads.js';

const failures = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

type Summary = z.infer<typeof hotWorkSummary>;
type Detail = z.infer<typeof hotWorkDetail>;

function presentHotWork(r: HotWorkListRow): Summary {
  const { ticket, permit } = r;
  return {
    id: ticket.id,
    number: ticket.number,
    communityId: ticket.communityId,
    communityName: r.communityName,
    status: ticket.status as Summary['status'],
    applicantCompany: permit.applicantCompany,
    personInCharge: permit.personInCharge,
    personInChargePhone: permit.personInChargePhone,
    operatorName: permit.operatorName,
    location: ticket.location,
    workType: permit.workType as Summary['workType'],
    windowStartAt: iso(permit.windowStartAt)!,
    windowEndAt: iso(permit.windowEndAt)!,
    lastInspectedAt: iso(permit.lastInspectedAt),
    inspectionCount: permit.inspectionCount,
    createdAt: iso(ticket.createdAt)!,
  };
}

function presentHotWorkDetail(d: Awaited<ReturnType<typeof getHotWork>>): Detail {
  const { ticket, permit } = d.row;
  return {
    ...presentHotWork(d.row),
    roomId: ticket.roomId,
    operatorCertificateNo: permit.operatorCertificateNo,
    reason: permit.reason,
    extinguisherCount: permit.extinguisherCount,
    fireWatcherName: permit.fireWatcherName,
    hasClearedCombustibles: permit.hasClearedCombustibles,
    csApprovedByName: permit.csApprovedByName,
    csApprovedAt: iso(permit.csApprovedAt),
    engineeringApprovedByName: permit.engineeringApprovedByName,
    engineeringApprovedAt: iso(permit.engineeringApprovedAt),
    issuedAt: iso(permit.issuedAt),
    safetyNotes: permit.safetyNotes,
    rejectionReason: permit.rejectionReason,
    closedByName: permit.closedByName,
    closeNote: permit.closeNote,
    reappliedFromId: permit.reappliedFromId,
    createdByName: ticket.createdByName,
    inspections: d.inspections.map((i) => ({
      id: i.id,
      at: iso(i.at)!,
      inspectorName: i.inspectorName,
      findings: i.findings as 'ok' | 'problem',
      note: i.note,
      outcome: i.outcome as 'none' | 'suspended' | 'resumed',
      photos: i.photos.map((ph) => ({ id: ph.id, filename: ph.filename, mime: ph.mime })),
    })),
    events: presentEvents(d.events),
    timers: presentTimers(d.timers),
    allowedActions: d.allowedActions,
  };
}

const actionSummaries: Record<HotWorkActionPath, string> = {
  'approve-cs': 'Customer service approves (客服部审批)',
  'approve-engineering': 'Engineering approves and the permit is issued with its safety notes (工程部审批)',
  reject: 'The approver of the current stage rejects, with a reason',
  inspect: 'Security records an inspection; a problem may stop work, a later inspection may resume it',
  close: 'Close with the completion check (site safe, no embers)',
  cancel: 'The desk cancels an application or an issued permit not yet begun',
};

const workTypeZh: Record<string, string> = { welding: '电焊', cutting: '切割', grinding: '打磨', other: '其他' };
const check = (b: boolean) => (b ? '☑' : '☐');

/** 临时动火: hot-work permits. */
export const hotWorkRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const detail = async (req: Parameters<typeof principalOf>[0], id: string) =>
      presentHotWorkDetail(await getHotWork(ctx.deps, principalOf(req), id));

    app.post(
      '/api/hot-work',
      {
        schema: {
          tags: ['hot-work'],
          summary: 'Enter a hot-work application (临时动火作业申请表) for CS approval',
          body: applyHotWorkBody,
          response: { 201: hotWorkDetail, ...failures },
        },
      },
      async (req, reply) => {
        const { id } = await applyHotWork(ctx.deps, principalOf(req), req.body);
        reply.status(201);
        return detail(req, id);
      },
    );
    app.get(
      '/api/hot-work',
      {
        schema: {
          tags: ['hot-work'],
          summary: 'Hot-work permits the user may see',
          querystring: hotWorkListQuery,
          response: { 200: hotWorkList, ...failures },
        },
      },
      async (req) => {
        const { items, total } = await queryHotWork(ctx.deps, principalOf(req), req.query);
        return { items: items.map(presentHotWork), total };
      },
    );
    app.get(
      '/api/hot-work/:id',
      {
        schema: {
          tags: ['hot-work'],
          summary: 'One permit with its inspections, timeline and timers',
          params: idParam,
          response: { 200: hotWorkDetail, ...failures },
        },
      },
      async (req) => detail(req, req.params.id),
    );
    for (const path of Object.keys(hotWorkActionBodies) as HotWorkActionPath[]) {
      app.post(
        `/api/hot-work/:id/${path}`,
        {
          schema: {
            tags: ['hot-work'],
            summary: actionSummaries[path],
            params: idParam,
            body: hotWorkActionBodies[path],
            response: { 200: hotWorkDetail, ...failures },
          },
        },
        async (req) => {
          const p = principalOf(req);
          requirePermission(p, 'hot_work.view');
          await runTicketAction(ctx.deps, p, req.params.id, 'hot_work', path.replaceAll('-', '_'), req.body);
          return detail(req, req.params.id);
        },
      );
    }
    app.post(
      '/api/hot-work/:id/photos',
      {
        schema: {
          tags: ['hot-work'],
          summary: 'Attach a photo to one of your inspections (multipart: inspectionId, file)',
          consumes: ['multipart/form-data'],
          params: idParam,
          response: { 201: inspectionPhotoView, ...failures, 413: errorBody },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        requirePermission(p, 'hot_work.view');
        const upload = await readUpload(req);
        const stored = await attachInspectionPhoto(ctx.deps, p, req.params.id, upload);
        reply.status(201);
        return { id: stored.id, filename: stored.filename, mime: stored.mime };
      },
    );
    app.get(
      '/api/hot-work/:id/photos/:fileId',
      { schema: { tags: ['hot-work'], summary: 'One inspection photo', params: inspectionPhotoParams } },
      async (req, reply) => sendAttachment(reply, await inspectionPhoto(ctx.deps, principalOf(req), req.params.id, req.params.fileId)),
    );

    const printed = async (req: Parameters<typeof principalOf>[0], id: string) => {
      const d = await getHotWork(ctx.deps, principalOf(req), id);
      const tz = policyOf(d.row.ticket).timezone;
      const ex = ctx.deps.database.db;
      const [company, community] = await Promise.all([getCompany(ex, d.row.ticket.companyId), getCommunity(ex, d.row.ticket.communityId)]);
      return { d, tz, company: company?.name ?? '', community: community?.name ?? '' };
    };
    const formTable = (d: Awaited<ReturnType<typeof getHotWork>>, tz: string) => {
      const { ticket, permit } = d.row;
      return `<table>
    ${row('施工单位', esc(permit.applicantCompany))}
    ${row('现场负责人', esc(permit.personInCharge), '联系电话', esc(permit.personInChargePhone))}
    ${row('动火操作人', esc(permit.operatorName), '操作证编号', esc(permit.operatorCertificateNo))}
    ${row('动火地点', esc(ticket.location), '作业类型', esc(workTypeZh[permit.workType] ?? permit.workType))}
    ${row('动火原因', esc(permit.reason))}
    ${row('动火时段', `${esc(fmt(permit.windowStartAt, tz))} 至 ${esc(fmt(permit.windowEndAt, tz))}`)}
    ${row('消防措施', `灭火器 ${esc(permit.extinguisherCount)} 具　监护人 ${esc(permit.fireWatcherName)}　${check(permit.hasClearedCombustibles)} 已清除周边可燃物`)}
  </table>`;
    };
    app.get('/print/hot-work/:id/application', { schema: { hide: true, params: idParam } }, async (req, reply) => {
      const { d, tz, company, community } = await printed(req, req.params.id);
      const { ticket, permit } = d.row;
      const body = `${formTable(d, tz)}
  <table>
    ${row('客服部审批', esc(permit.csApprovedByName ?? ''), '审批时间', esc(fmt(permit.csApprovedAt, tz)))}
    ${row('工程部审批', esc(permit.engineeringApprovedByName ?? ''), '审批时间', esc(fmt(permit.engineeringApprovedAt, tz)))}
    ${permit.rejectionReason ? row('驳回原因', esc(permit.rejectionReason)) : ''}
  </table>
  ${signs('申请单位（盖章）', '客服部', '工程部')}`;
      const page = sheet({
        company,
        community,
        title: '临时动火作业申请表',
        meta: [`编号 No. <b>${esc(ticket.number)}</b>`],
        body,
        footer: `打印时间 ${esc(fmt(ctx.deps.clock.now(), tz))}`,
      });
      return sendPrintPage(reply, printPage(`${ticket.number} 临时动火作业申请表`, [page]));
    });
    app.get('/print/hot-work/:id/permit', { schema: { hide: true, params: idParam } }, async (req, reply) => {
      const { d, tz, company, community } = await printed(req, req.params.id);
      const { ticket, permit } = d.row;
      if (!permit.issuedAt) {
        reply.status(409);
        return sendPrintPage(
          reply,
          printPage('未发证', [
            sheet({ company, community, title: '临时动火作业许可证', body: '<p class="note">该申请尚未批准发证。</p>' }),
          ]),
        );
      }
      const notes = permit.safetyNotes.map((n, i) => `<p class="note">${i + 1}. ${esc(n.zh)}</p>`).join('');
      const body = `${formTable(d, tz)}
  <table>
    ${row('批准', `客服部 ${esc(permit.csApprovedByName ?? '')}　工程部 ${esc(permit.engineeringApprovedByName ?? '')}`, '发证时间', esc(fmt(permit.issuedAt, tz)))}
    ${row('有效时段', `<b>${esc(fmt(permit.windowStartAt, tz))} 至 ${esc(fmt(permit.windowEndAt, tz))}</b>`)}
  </table>
  <p class="note"><b>动火注意事项</b></p>${notes}
  ${signs('发证人', '施工单位领证人', '监护人')}`;
      const page = sheet({
        company,
        community,
        title: '临时动火作业许可证',
        meta: [`编号 No. <b>${esc(ticket.number)}</b>`],
        body,
        footer: `打印时间 ${esc(fmt(ctx.deps.clock.now(), tz))}`,
      });
      return sendPrintPage(reply, printPage(`${ticket.number} 动火许可证`, [page]));
    });
  };
