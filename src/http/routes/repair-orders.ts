import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachPhoto, maxPhotoBytes, readPhoto } from '../../commands/attach-photo.js';
import type { Principal } from '../../commands/context.js';
import { createRepairOrder } from '../../commands/create-repair-order.js';
import { dispatchBoard, frontDeskBoard, getRepairOrder, queryRepairOrders } from '../../commands/query-repair-orders.js';
import { runRepairAction } from '../../commands/run-repair-action.js';
import { errorBody, idParam } from '../../contract/common.js';
import {
  type ActionPath,
  actionBodies,
  boardQuery,
  createRepairBody,
  dispatchBoard as dispatchBoardView,
  frontDeskBoard as frontDeskBoardView,
  repairDetail,
  repairListQuery,
  repairSummary,
} from '../../contract/repair.js';
import { invalid } from '../../domain/shared/errors.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { presentDetail, presentSummary } from '../presenters/repair.js';

const failures = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

const actionSummaries: Record<ActionPath, string> = {
  grab: 'Technician grabs an open order (抢单); only one of simultaneous grabs wins',
  assign: 'Supervisor assigns (or reassigns) a technician (派工)',
  accept: 'Assigned technician accepts (接单)',
  decline: 'Assigned technician declines with a reason',
  'set-off': 'Technician sets off',
  arrive: 'Technician arrives on site',
  'verify-code': "Technician enters the resident's verification code; wrong codes count",
  'confirm-by-phone': 'Desk verifies the visit by phone when there is no code, with a reason',
  reschedule: 'Change the promised time (kept in history, limited by policy)',
  'record-work': 'Record actual items, labour and material fees, customer-material rating',
  hold: 'Put on hold with a reason (parts, long job, not home…)',
  resume: 'Resume work after a hold',
  'request-quote': 'Out-of-scope work: ask the supervisor to price it',
  quote: 'Supervisor judges feasibility and price',
  'accept-quote': 'Resident (or desk for them) accepts the price',
  'refuse-quote': 'Resident refuses the price; the order returns to the desk',
  complete: 'Technician completes the work',
  confirm: 'Resident confirms completion (or the desk records it)',
  'reject-completion': 'Resident does not accept the work',
  'record-payment': 'Cashier records payment of the fees owed',
  visit: 'Record the follow-up visit; unsatisfied reopens the order',
  cancel: 'Cancel with a reason',
  'close-returned': 'Desk closes a returned order with a reason',
};

export const repairRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const detail = async (p: Principal, id: string) => presentDetail(await getRepairOrder(ctx.deps, p, id));

    app.post(
      '/api/repair-orders',
      {
        schema: {
          tags: ['repair'],
          summary: 'Record a repair (报修)',
          body: createRepairBody,
          response: { 201: repairDetail, ...failures },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        const body = p.role === 'resident' ? { ...req.body, channel: 'app' as const } : req.body;
        const { id } = await createRepairOrder(ctx.deps, p, body);
        reply.status(201);
        return detail(p, id);
      },
    );
    app.get(
      '/api/repair-orders',
      {
        schema: {
          tags: ['repair'],
          summary: 'List orders the user may see',
          querystring: repairListQuery,
          response: { 200: z.object({ items: z.array(repairSummary), total: z.number().int() }), ...failures },
        },
      },
      async (req) => {
        const { items, total } = await queryRepairOrders(ctx.deps, principalOf(req), req.query);
        return { items: items.map(presentSummary), total };
      },
    );
    app.get(
      '/api/repair-orders/:id',
      {
        schema: {
          tags: ['repair'],
          summary: 'One order with its timeline, timers and visits',
          params: idParam,
          response: { 200: repairDetail, ...failures },
        },
      },
      async (req) => detail(principalOf(req), req.params.id),
    );
    for (const path of Object.keys(actionBodies) as ActionPath[]) {
      app.post(
        `/api/repair-orders/:id/${path}`,
        {
          config: path === 'verify-code' ? { rateLimit: { max: 30, timeWindow: '1 minute' } } : {},
          schema: {
            tags: ['repair lifecycle'],
            summary: actionSummaries[path],
            params: idParam,
            body: actionBodies[path],
            response: { 200: repairDetail, ...failures },
          },
        },
        async (req) => {
          const p = principalOf(req);
          await runRepairAction(ctx.deps, p, req.params.id, path, req.body as never);
          return detail(p, req.params.id);
        },
      );
    }
    app.post(
      '/api/repair-orders/:id/photos',
      {
        schema: {
          tags: ['repair'],
          summary: 'Attach a photo (multipart field "file"; JPEG, PNG or WebP up to 5 MB)',
          consumes: ['multipart/form-data'],
          params: idParam,
          response: { 201: z.object({ id: z.uuid(), url: z.string(), mime: z.string() }), ...failures, 413: errorBody },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        if (!req.isMultipart()) {
          throw invalid('multipart_required', { zh: '请以表单上传照片', en: 'Upload the photo as multipart form data' }, [
            { field: 'file', message: { zh: '请选择照片', en: 'Choose a photo' } },
          ]);
        }
        const file = await req.file({ limits: { fileSize: maxPhotoBytes, files: 1 } });
        if (!file)
          throw invalid('required', { zh: '请选择照片', en: 'Choose a photo' }, [
            { field: 'file', message: { zh: '请选择照片', en: 'Choose a photo' } },
          ]);
        const bytes = await file.toBuffer();
        const photo = await attachPhoto(ctx.deps, p, req.params.id, new Uint8Array(bytes));
        reply.status(201);
        return { ...photo, url: `/api/photos/${photo.id}` };
      },
    );
    app.get('/api/photos/:id', { schema: { tags: ['repair'], summary: 'A photo of an order', params: idParam } }, async (req, reply) => {
      const photo = await readPhoto(ctx.deps, principalOf(req), req.params.id);
      // Served only as the sniffed image type, never as HTML, and never re-interpreted.
      reply
        .header('content-type', photo.mime)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'inline')
        .header('cache-control', 'private, max-age=3600');
      return reply.send(Buffer.from(photo.content));
    });
    app.get(
      '/api/boards/front-desk',
      {
        schema: {
          tags: ['boards'],
          summary: 'Front desk: every open order with its running timers',
          querystring: boardQuery,
          response: { 200: frontDeskBoardView, ...failures },
        },
      },
      async (req) => {
        const b = await frontDeskBoard(ctx.deps, principalOf(req), req.query.communityId);
        return { orders: b.items.map(presentSummary), counts: b.counts, overdue: b.overdue, emergencies: b.emergencies };
      },
    );
    app.get(
      '/api/boards/dispatch',
      {
        schema: {
          tags: ['boards'],
          summary: 'Dispatch: unassigned, overdue and per-technician load',
          querystring: boardQuery,
          response: { 200: dispatchBoardView, ...failures },
        },
      },
      async (req) => {
        const b = await dispatchBoard(ctx.deps, principalOf(req), req.query.communityId);
        return {
          unassigned: b.unassigned.map(presentSummary),
          overdue: b.overdue.map(presentSummary),
          awaitingQuote: b.awaitingQuote.map(presentSummary),
          technicians: b.technicians.map((t) => ({ id: t.id, name: t.name, openLoad: t.openLoad, orders: t.orders.map(presentSummary) })),
        };
      },
    );
  };
