import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { policyOf, requirePermission } from '../../commands/context.js';
import { applyParking } from '../../commands/parking/apply-parking.js';
import { attachParkingDocument, parkingDocument } from '../../commands/parking/documents.js';
import {
  createSpace,
  getParking,
  getSpace,
  listSpaces,
  type ParkingListRow,
  queryParking,
  updateSpace,
} from '../../commands/parking/query-parking.js';
import { runTicketAction } from '../../commands/tickets/engine.js';
import { errorBody, idParam } from '../../contract/common.js';
import {
  applyParkingBody,
  createSpaceBody,
  documentParams,
  type ParkingActionPath,
  parkingActionBodies,
  parkingDetail,
  parkingDocumentView,
  parkingList,
  parkingListQuery,
  type parkingSummary,
  spaceList,
  spaceListQuery,
  spaceView,
  updateSpaceBody,
} from '../../contract/parking.js';
import { getCommunity, getCompany, roomLabel } from '../../db/repositories/org.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { iso, presentEvents, presentTimers } from '../presenters/ticket.js';
import { esc, fmt, fmtDate, printPage, row, sendPrintPage, sheet, signs, yuan } from '../print/page.js';
import { readUpload, sendAttachment } from '../uploads.js';

const failures = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
type Summary = z.infer<typeof parkingSummary>;
type SpaceView = z.infer<typeof spaceView>;

function presentParking(r: ParkingListRow): Summary {
  const { ticket, application: a } = r;
  return {
    id: ticket.id,
    number: ticket.number,
    communityId: ticket.communityId,
    communityName: r.communityName,
    status: ticket.status as Summary['status'],
    roomId: a.roomId,
    roomLabel: r.roomLabel,
    applicantName: ticket.reporterName,
    applicantPhone: ticket.reporterPhone,
    plateNumber: a.plateNumber,
    vehicleModel: a.vehicleModel,
    driverName: a.driverName,
    wantedSpaceNumber: a.wantedSpaceId ? (r.spaces.get(a.wantedSpaceId)?.number ?? null) : null,
    spaceId: a.spaceId,
    spaceNumber: a.spaceId ? (r.spaces.get(a.spaceId)?.number ?? null) : null,
    cardNumber: a.cardNumber,
    validFrom: a.validFrom,
    validTo: a.validTo,
    createdAt: iso(ticket.createdAt)!,
  };
}

function presentParkingDetail(d: Awaited<ReturnType<typeof getParking>>): z.infer<typeof parkingDetail> {
  const a = d.row.application;
  return {
    ...presentParking(d.row),
    wantedSpaceId: a.wantedSpaceId,
    spaceZone: a.spaceId ? (d.row.spaces.get(a.spaceId)?.zone ?? null) : null,
    agreementSignedAt: iso(a.agreementSignedAt),
    paidMonths: a.paidMonths,
    rejectionReason: a.rejectionReason,
    cancelReason: a.cancelReason,
    createdByName: d.row.ticket.createdByName,
    payments: d.payments.map((x) => ({
      amountCents: x.amountCents,
      months: x.months,
      receiptNo: x.receiptNo,
      paidAt: iso(x.paidAt)!,
      recordedByName: x.recordedByName,
    })),
    documents: d.documents.map((x) => ({
      id: x.id,
      purpose: x.purpose,
      filename: x.filename,
      mime: x.mime,
      sizeBytes: x.sizeBytes,
      createdAt: iso(x.createdAt)!,
    })),
    events: presentEvents(d.events),
    timers: presentTimers(d.timers),
    allowedActions: d.allowedActions,
  };
}

function presentSpace(r: Awaited<ReturnType<typeof listSpaces>>['rows'][number]): SpaceView {
  const { space, ticket, application: a } = r;
  return {
    id: space.id,
    communityId: space.communityId,
    number: space.number,
    zone: space.zone,
    kind: space.kind as SpaceView['kind'],
    status: space.status as SpaceView['status'],
    note: space.note,
    holder:
      ticket && a
        ? {
            applicationId: ticket.id,
            number: ticket.number,
            status: ticket.status as Summary['status'],
            roomLabel: r.buildingName ? roomLabel(r.buildingName, r.unit ?? '', r.roomNumber ?? '') : ticket.location,
            holderName: ticket.reporterName,
            plateNumber: a.plateNumber,
            cardNumber: a.cardNumber,
            validFrom: a.validFrom,
            validTo: a.validTo,
          }
        : null,
  };
}

const actionSummaries: Record<ParkingActionPath, string> = {
  assign: 'The desk checks the application and assigns a free space (held until the card is out)',
  reject: 'The desk refuses the application, with a reason',
  'sign-agreement': 'The parking agreement (车位使用协议) is signed; the vehicle is recorded against the room',
  pay: 'The cashier records the parking fee and receipt for N months',
  'issue-card': 'The desk issues the parking card (停车卡), valid for the months paid',
  renew: 'The cashier records a renewal payment; the validity is extended',
  cancel: 'Cancel: the space is freed and the vehicle taken off the register (a household: only before it is handled)',
};

/** 车位: spaces register, applications and parking cards. */
export const parkingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const detail = async (req: Parameters<typeof principalOf>[0], id: string) =>
      presentParkingDetail(await getParking(ctx.deps, principalOf(req), id));

    app.get(
      '/api/parking/spaces',
      {
        schema: {
          tags: ['parking'],
          summary: 'The spaces register with holder, plate, card number and validity',
          querystring: spaceListQuery,
          response: { 200: spaceList, ...failures },
        },
      },
      async (req) => {
        const { rows, zones } = await listSpaces(ctx.deps, principalOf(req), req.query);
        return { items: rows.map(presentSpace), zones };
      },
    );
    app.post(
      '/api/parking/spaces',
      {
        schema: {
          tags: ['parking'],
          summary: 'Add a space to the register',
          body: createSpaceBody,
          response: { 201: spaceView, ...failures },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        const id = await createSpace(ctx.deps, p, req.body);
        reply.status(201);
        return presentSpace(await getSpace(ctx.deps, p, id));
      },
    );
    app.patch(
      '/api/parking/spaces/:id',
      {
        schema: {
          tags: ['parking'],
          summary: "Change a space's register details",
          params: idParam,
          body: updateSpaceBody,
          response: { 200: spaceView, ...failures },
        },
      },
      async (req) => {
        const p = principalOf(req);
        await updateSpace(ctx.deps, p, req.params.id, req.body);
        return presentSpace(await getSpace(ctx.deps, p, req.params.id));
      },
    );
    app.post(
      '/api/parking/applications',
      {
        schema: {
          tags: ['parking'],
          summary: 'Apply for a parking space (a resident for their household, or the desk)',
          body: applyParkingBody,
          response: { 201: parkingDetail, ...failures },
        },
      },
      async (req, reply) => {
        const { id } = await applyParking(ctx.deps, principalOf(req), req.body);
        reply.status(201);
        return detail(req, id);
      },
    );
    app.get(
      '/api/parking/applications',
      {
        schema: {
          tags: ['parking'],
          summary: 'Parking applications and cards the user may see (residents: their own)',
          querystring: parkingListQuery,
          response: { 200: parkingList, ...failures },
        },
      },
      async (req) => {
        const { items, total } = await queryParking(ctx.deps, principalOf(req), req.query);
        return { items: items.map(presentParking), total };
      },
    );
    app.get(
      '/api/parking/applications/:id',
      {
        schema: {
          tags: ['parking'],
          summary: 'One application with its card, payments, documents and timeline',
          params: idParam,
          response: { 200: parkingDetail, ...failures },
        },
      },
      async (req) => detail(req, req.params.id),
    );
    for (const path of Object.keys(parkingActionBodies) as ParkingActionPath[]) {
      app.post(
        `/api/parking/applications/:id/${path}`,
        {
          schema: {
            tags: ['parking'],
            summary: actionSummaries[path],
            params: idParam,
            body: parkingActionBodies[path],
            response: { 200: parkingDetail, ...failures },
          },
        },
        async (req) => {
          const p = principalOf(req);
          requirePermission(p, 'parking.view');
          await runTicketAction(ctx.deps, p, req.params.id, 'parking', path.replaceAll('-', '_'), req.body);
          return detail(req, req.params.id);
        },
      );
    }
    app.post(
      '/api/parking/applications/:id/documents',
      {
        schema: {
          tags: ['parking'],
          summary: 'Upload a document (multipart: purpose driving_licence | id_card | other, file)',
          consumes: ['multipart/form-data'],
          params: idParam,
          response: { 201: parkingDocumentView, ...failures, 413: errorBody },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        requirePermission(p, 'parking.view');
        const stored = await attachParkingDocument(ctx.deps, p, req.params.id, await readUpload(req));
        reply.status(201);
        return { ...stored, createdAt: stored.createdAt.toISOString() };
      },
    );
    app.get(
      '/api/parking/applications/:id/documents/:fileId',
      { schema: { tags: ['parking'], summary: 'One document of an application', params: documentParams } },
      async (req, reply) => sendAttachment(reply, await parkingDocument(ctx.deps, principalOf(req), req.params.id, req.params.fileId)),
    );

    const printed = async (req: Parameters<typeof principalOf>[0], id: string) => {
      const p = principalOf(req);
      const d = await getParking(ctx.deps, p, id);
      const tz = policyOf(d.row.ticket).timezone;
      const ex = ctx.deps.database.db;
      const [company, community] = await Promise.all([getCompany(ex, d.row.ticket.companyId), getCommunity(ex, d.row.ticket.communityId)]);
      return { d, tz, company: company?.name ?? '', community: community?.name ?? '' };
    };
    const notYet = (reply: Parameters<typeof sendPrintPage>[0], company: string, community: string, title: string, why: string) => {
      reply.status(409);
      return sendPrintPage(reply, printPage(title, [sheet({ company, community, title, body: `<p class="note">${esc(why)}</p>` })]));
    };
    app.get('/print/parking/:id/agreement', { schema: { hide: true, params: idParam } }, async (req, reply) => {
      const { d, tz, company, community } = await printed(req, req.params.id);
      const { ticket, application: a } = d.row;
      if (!a.spaceId) return notYet(reply, company, community, '车位使用协议', '尚未分配车位。');
      const space = d.row.spaces.get(a.spaceId);
      const body = `<table>
    ${row('甲方（管理方）', esc(`${company} ${community}`))}
    ${row('乙方（使用人）', esc(ticket.reporterName), '联系电话', esc(ticket.reporterPhone))}
    ${row('房号', esc(d.row.roomLabel), '驾驶人', esc(a.driverName))}
    ${row('车牌号', `<b>${esc(a.plateNumber)}</b>`, '车辆品牌型号', esc(a.vehicleModel))}
    ${row('车位号', `<b>${esc(space?.number ?? '')}</b>`, '区域', esc(space?.zone ?? ''))}
    ${row('签订日期', esc(fmtDate(a.agreementSignedAt ?? ctx.deps.clock.now(), tz)))}
  </table>
  <p class="note">一、乙方在上述车位停放登记车辆，凭停车卡出入，不得转租、转借。</p>
  <p class="note">二、乙方按期到收费处缴纳车位费，停车卡到期前办理续费，逾期停车卡失效。</p>
  <p class="note">三、乙方遵守小区停车管理规定，车内勿留贵重物品；车辆及物品的保管责任以双方约定为准。</p>
  <p class="note">四、更换车辆或不再使用车位，须到客服中心办理变更或注销手续。</p>
  ${signs('甲方（盖章）', '乙方签字', '经办人')}`;
      const page = sheet({
        company,
        community,
        title: '车位使用协议',
        meta: [`编号 No. <b>${esc(ticket.number)}</b>`],
        body,
        footer: `打印时间 ${esc(fmt(ctx.deps.clock.now(), tz))}`,
      });
      return sendPrintPage(reply, printPage(`${ticket.number} 车位使用协议`, [page]));
    });
    app.get('/print/parking/:id/card', { schema: { hide: true, params: idParam } }, async (req, reply) => {
      const { d, tz, company, community } = await printed(req, req.params.id);
      const { ticket, application: a } = d.row;
      if (!a.cardNumber) return notYet(reply, company, community, '停车卡', '停车卡尚未办理。');
      const space = a.spaceId ? d.row.spaces.get(a.spaceId) : undefined;
      const last = d.payments.at(-1);
      const body = `<table>
    ${row('卡号', `<b>${esc(a.cardNumber)}</b>`, '车牌号', `<b>${esc(a.plateNumber)}</b>`)}
    ${row('房号', esc(d.row.roomLabel), '车主', esc(ticket.reporterName))}
    ${row('车位号', esc(space?.number ?? ''), '区域', esc(space?.zone ?? ''))}
    ${row('有效期', `<b>${esc(a.validFrom)} 至 ${esc(a.validTo)}</b>`)}
    ${last ? row('缴费', `${esc(yuan(last.amountCents))}（${esc(last.months)}个月）`, '收据号', esc(last.receiptNo)) : ''}
  </table>
  <p class="note">请将本卡置于前挡风玻璃内侧显眼处，凭卡出入；到期前请到客服中心续费。</p>
  ${signs('发卡人', '领卡人')}`;
      const page = sheet({
        company,
        community,
        title: '停车卡',
        meta: [`编号 No. <b>${esc(ticket.number)}</b>`],
        body,
        footer: `打印时间 ${esc(fmt(ctx.deps.clock.now(), tz))}`,
      });
      return sendPrintPage(reply, printPage(`${a.cardNumber} 停车卡`, [page]));
    });
  };
