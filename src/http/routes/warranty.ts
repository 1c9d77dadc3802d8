import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Principal, policyOf, requirePermission } from '../../commands/context.js';
import { runTicketAction } from '../../commands/tickets/engine.js';
import { createLiaison } from '../../commands/warranty/create-liaison.js';
import { addLiaisonPhoto, liaisonPhoto } from '../../commands/warranty/liaison-photos.js';
import { getLiaison, type LiaisonListRow, queryLiaisons } from '../../commands/warranty/query-liaisons.js';
import { repairWarrantyStatus, warrantyCandidates } from '../../commands/warranty/warranty-status.js';
import { errorBody, idParam } from '../../contract/common.js';
import {
  createLiaisonBody,
  type LiaisonActionPath,
  liaisonActionBodies,
  liaisonDetail,
  liaisonList,
  liaisonListQuery,
  type liaisonSummary,
  warrantyCandidateList,
  warrantyStatusView,
} from '../../contract/warranty.js';
import { getCommunity, getCompany } from '../../db/repositories/org.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { iso, presentEvents, presentTimers } from '../presenters/ticket.js';
import { esc, fmt, fmtDate, printPage, row, sendPrintPage, sheet, signs } from '../print/page.js';
import { readUpload, sendAttachment } from '../uploads.js';

const failures = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 422: errorBody };

const actionSummaries: Record<LiaisonActionPath, string> = {
  receive: "Developer's liaison signs for the form (签收), naming the receiver",
  reply: 'Developer replies with a repair plan and a date',
  'report-repaired': 'Developer reports the defects repaired',
  'record-visit': "Office records the visit and the resident's signature (signed / refused): closed",
  chase: 'Office chases the developer',
  cancel: 'Cancel the form with a reason',
};

type Summary = z.infer<typeof liaisonSummary>;

function presentLiaison(r: LiaisonListRow): Summary {
  return {
    id: r.ticket.id,
    number: r.ticket.number,
    communityId: r.ticket.communityId,
    communityName: r.communityName,
    status: r.ticket.status as Summary['status'],
    works: r.form.works as Summary['works'],
    toDepartment: r.form.toDepartment,
    subject: r.form.subject,
    itemCount: r.itemCount,
    receiverName: r.form.receiverName,
    repairBy: iso(r.form.repairBy),
    flags: r.ticket.flags,
    createdByName: r.ticket.createdByName,
    createdAt: iso(r.ticket.createdAt)!,
    updatedAt: iso(r.ticket.updatedAt)!,
  };
}

function presentLiaisonDetail(d: Awaited<ReturnType<typeof getLiaison>>): z.infer<typeof liaisonDetail> {
  const f = d.row.form;
  return {
    ...presentLiaison(d.row),
    items: d.items.map(({ item, sourceNumber, photoIds }) => ({
      id: item.id,
      seq: item.seq,
      source: item.source as 'repair' | 'complaint' | 'inspection',
      sourceTicketId: item.sourceTicketId,
      sourceNumber,
      roomId: item.roomId,
      location: item.location,
      defect: item.defect,
      warrantyClass: item.warrantyClass as z.infer<typeof liaisonDetail>['items'][number]['warrantyClass'],
      photos: photoIds.map((id) => ({ id, url: `/api/liaison-forms/${d.row.ticket.id}/photos/${id}` })),
    })),
    receivedAt: iso(f.receivedAt),
    replyPlan: f.replyPlan,
    repliedAt: iso(f.repliedAt),
    repairedNote: f.repairedNote,
    repairedAt: iso(f.repairedAt),
    residentSignature: f.residentSignature as 'signed' | 'refused' | null,
    visitComment: f.visitComment,
    visitedAt: iso(f.visitedAt),
    visitedByName: f.visitedByName,
    events: presentEvents(d.events),
    timers: presentTimers(d.timers),
    allowedActions: d.allowedActions,
    canAddPhotos: d.canAddPhotos,
  };
}

const classZh: Record<string, string> = {
  structure: '地基基础和主体结构',
  waterproofing: '防水、防渗漏',
  heating_cooling: '供热与供冷系统',
  electrical: '电气管线',
  drainage: '给排水管道',
  equipment: '设备安装',
  decoration: '装修工程',
};
const worksZh: Record<string, string> = { own_works: '公司自建工程', contractor: '外协单位' };
const sourceZh: Record<string, string> = { repair: '报修', complaint: '投诉', inspection: '检查' };

/** In-warranty defects (保修期内维修): liaison forms (工作联系单) to the developer, and repair orders' warranty. */
export const warrantyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const detail = async (p: Principal, id: string) => presentLiaisonDetail(await getLiaison(ctx.deps, p, id));

    app.get(
      '/api/warranty/repair-orders/:id',
      {
        schema: {
          tags: ['warranty'],
          summary: 'Whether a repair order is in warranty, and the liaison forms listing it',
          params: idParam,
          response: { 200: warrantyStatusView, ...failures },
        },
      },
      async (req) => repairWarrantyStatus(ctx.deps, principalOf(req), req.params.id),
    );
    app.get(
      '/api/warranty/candidates',
      {
        schema: {
          tags: ['warranty'],
          summary: 'Repair orders in warranty that no liaison form lists yet',
          querystring: z.object({ communityId: z.uuid().optional() }),
          response: { 200: warrantyCandidateList, ...failures },
        },
      },
      async (req) => warrantyCandidates(ctx.deps, principalOf(req), req.query.communityId),
    );
    app.post(
      '/api/liaison-forms',
      {
        schema: {
          tags: ['warranty'],
          summary: 'Compile a liaison form (工作联系单) and send it to the developer',
          body: createLiaisonBody,
          response: { 201: liaisonDetail, ...failures },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        const { id } = await createLiaison(ctx.deps, p, req.body);
        reply.status(201);
        return detail(p, id);
      },
    );
    app.get(
      '/api/liaison-forms',
      {
        schema: {
          tags: ['warranty'],
          summary: 'Liaison forms the user may see',
          querystring: liaisonListQuery,
          response: { 200: liaisonList, ...failures },
        },
      },
      async (req) => {
        const { items, total } = await queryLiaisons(ctx.deps, principalOf(req), req.query);
        return { items: items.map(presentLiaison), total };
      },
    );
    app.get(
      '/api/liaison-forms/:id',
      {
        schema: {
          tags: ['warranty'],
          summary: 'One liaison form with its items, photos, timeline and timers',
          params: idParam,
          response: { 200: liaisonDetail, ...failures },
        },
      },
      async (req) => detail(principalOf(req), req.params.id),
    );
    for (const path of Object.keys(liaisonActionBodies) as LiaisonActionPath[]) {
      app.post(
        `/api/liaison-forms/:id/${path}`,
        {
          schema: {
            tags: ['warranty'],
            summary: actionSummaries[path],
            params: idParam,
            body: liaisonActionBodies[path],
            response: { 200: liaisonDetail, ...failures },
          },
        },
        async (req) => {
          const p = principalOf(req);
          requirePermission(p, 'warranty.view');
          await runTicketAction(ctx.deps, p, req.params.id, 'liaison', path.replaceAll('-', '_'), req.body);
          return detail(p, req.params.id);
        },
      );
    }
    app.post(
      '/api/liaison-forms/:id/items/:itemId/photos',
      {
        schema: {
          tags: ['warranty'],
          summary: 'Add a photo to a listed defect (multipart field "file"; JPEG, PNG or WebP)',
          params: z.object({ id: z.uuid(), itemId: z.uuid() }),
          consumes: ['multipart/form-data'],
          response: { 201: z.object({ id: z.uuid(), url: z.string() }), ...failures },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        requirePermission(p, 'warranty.create');
        const upload = await readUpload(req);
        const stored = await addLiaisonPhoto(ctx.deps, p, req.params.id, req.params.itemId, upload);
        reply.status(201);
        return { id: stored.id, url: `/api/liaison-forms/${req.params.id}/photos/${stored.id}` };
      },
    );
    app.get(
      '/api/liaison-forms/:id/photos/:photoId',
      {
        schema: {
          tags: ['warranty'],
          summary: 'A photo of a listed defect',
          params: z.object({ id: z.uuid(), photoId: z.uuid() }),
        },
      },
      async (req, reply) => sendAttachment(reply, await liaisonPhoto(ctx.deps, principalOf(req), req.params.id, req.params.photoId)),
    );

    // 工作联系单 (J-70) on A4: the items, the developer's reply and the receiver's signature line.
    app.get('/print/liaison-forms/:id', { schema: { hide: true, params: idParam } }, async (req, reply) => {
      const p = principalOf(req);
      const d = await getLiaison(ctx.deps, p, req.params.id);
      const { ticket, form } = d.row;
      const tz = policyOf(ticket).timezone;
      const ex = ctx.deps.database.db;
      const [company, community] = await Promise.all([getCompany(ex, ticket.companyId), getCommunity(ex, ticket.communityId)]);
      const items = d.items
        .map(
          ({ item, sourceNumber }) =>
            `<tr><td>${item.seq}</td><td>${esc(item.location)}</td><td>${esc(item.defect)}</td><td>${esc(classZh[item.warrantyClass] ?? item.warrantyClass)}</td><td>${esc(sourceZh[item.source] ?? item.source)}${sourceNumber ? ` ${esc(sourceNumber)}` : ''}</td></tr>`,
        )
        .join('');
      const body = `
  <table>
    ${row('发文单位', esc(community?.name ?? ''), '发文日期', fmtDate(ticket.createdAt, tz))}
    ${row('接收部门', esc(form.toDepartment), '工程类别', esc(worksZh[form.works] ?? form.works))}
    ${row('事由', esc(form.subject))}
  </table>
  <table class="list">
    <tr><th>序号</th><th>房号 / 部位</th><th>问题描述</th><th>保修类别</th><th>来源</th></tr>
    ${items}
  </table>
  <p class="note">以上问题属保修期内质量问题，请贵部门于收到本单后 ${policyOf(ticket).warranty.developerReplyHours} 小时内答复维修方案及完成日期，维修完毕后将情况反馈物业管理处。</p>
  <table>
    ${row('签收人', esc(form.receiverName ?? ''), '签收时间', fmt(form.receivedAt, tz))}
    ${row('维修方案', esc(form.replyPlan ?? ''), '承诺完成日期', fmtDate(form.repairBy, tz))}
    ${row('维修情况', esc(form.repairedNote ?? ''), '修复时间', fmt(form.repairedAt, tz))}
    ${row('回访情况', esc(form.visitComment ?? ''), '业主签字', form.residentSignature === 'signed' ? '已签字' : form.residentSignature === 'refused' ? '拒签' : '')}
  </table>
  ${signs('发文人', '接收人签字', '业主签字')}`;
      const html = printPage(`${ticket.number} 工作联系单`, [
        sheet({
          company: company?.name ?? '',
          community: community?.name ?? '',
          title: '工作联系单 Liaison form',
          meta: [`编号 No. <b>${esc(ticket.number)}</b>`],
          body,
          footer: `发文人 ${esc(ticket.createdByName)} · 打印时间 ${fmt(ctx.deps.clock.now(), tz)}`,
        }),
      ]);
      return sendPrintPage(reply, html);
    });
  };
