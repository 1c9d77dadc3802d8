import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assignHouseholds } from '../../commands/arrears/assign-households.js';
import { exportArrears } from '../../commands/arrears/export-arrears.js';
import { importArrears } from '../../commands/arrears/import-arrears.js';
import { arrearsClerks, getArrearsHousehold, queryArrears } from '../../commands/arrears/query-arrears.js';
import { recordArrears } from '../../commands/arrears/record-arrears.js';
import { recordChase } from '../../commands/arrears/record-chase.js';
import { recordPayment } from '../../commands/arrears/record-payment.js';
import { arrearsTemplate } from '../../commands/arrears/spreadsheet.js';
import { requirePermission } from '../../commands/context.js';
import {
  arrearsClerks as arrearsClerksView,
  arrearsExportQuery,
  arrearsHouseholdDetail,
  arrearsList,
  arrearsListQuery,
  assignBody,
  chaseBody,
  importResult,
  paymentBody,
  recordArrearsBody,
} from '../../contract/arrears.js';
import { errorBody, idParam } from '../../contract/common.js';
import { invalid } from '../../domain/shared/errors.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { readUpload } from '../uploads.js';

const failures = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** An arrears list is a spreadsheet of text: a few megabytes hold tens of thousands of rows. */
const maxImportBytes = 5 * 1024 * 1024;

const sendXlsx = (reply: import('fastify').FastifyReply, name: string, bytes: Buffer) =>
  reply
    .header('content-type', xlsxType)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `attachment; filename="arrears.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(bytes);

/** 欠费催缴: finance's list, assignment to clerks, chases and payments. */
export const arrearsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/arrears',
      {
        schema: {
          tags: ['arrears'],
          summary: 'Households with arrears, filtered, with totals (clerks: the ones assigned to them)',
          querystring: arrearsListQuery,
          response: { 200: arrearsList, ...failures },
        },
      },
      async (req) => queryArrears(ctx.deps, principalOf(req), req.query),
    );
    app.get(
      '/api/arrears/export',
      {
        schema: {
          tags: ['arrears'],
          summary: 'The arrears list as .xlsx, with the same filters',
          querystring: arrearsExportQuery,
          produces: [xlsxType],
        },
      },
      async (req, reply) => sendXlsx(reply, '欠费清单.xlsx', await exportArrears(ctx.deps, principalOf(req), req.query)),
    );
    app.get(
      '/api/arrears/template',
      { schema: { tags: ['arrears'], summary: 'The import template (.xlsx)', produces: [xlsxType] } },
      async (req, reply) => {
        requirePermission(principalOf(req), 'arrears.import');
        return sendXlsx(reply, '欠费导入模板.xlsx', await arrearsTemplate());
      },
    );
    app.post(
      '/api/arrears/import',
      {
        schema: {
          tags: ['arrears'],
          summary:
            'Import finance’s arrears list (multipart: field "communityId", then file "file", .xlsx): valid rows written, invalid rows reported',
          consumes: ['multipart/form-data'],
          response: { 200: importResult, ...failures, 413: errorBody },
        },
      },
      async (req) => {
        const p = principalOf(req);
        requirePermission(p, 'arrears.import');
        const upload = await readUpload(req, maxImportBytes);
        const communityId = z.uuid().safeParse(upload.fields.communityId);
        if (!communityId.success) {
          throw invalid('invalid_field', { zh: '请选择小区', en: 'Choose a community' }, [
            { field: 'communityId', message: { zh: '请选择小区', en: 'Choose a community' } },
          ]);
        }
        return importArrears(ctx.deps, p, communityId.data, upload.bytes);
      },
    );
    app.post(
      '/api/arrears',
      {
        schema: {
          tags: ['arrears'],
          summary: 'Record one arrears line by hand (same room, fee and period: updates the amount)',
          body: recordArrearsBody,
          response: { 201: arrearsHouseholdDetail, ...failures },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        const { roomId } = await recordArrears(ctx.deps, p, req.body);
        reply.status(201);
        return getArrearsHousehold(ctx.deps, p, roomId);
      },
    );
    app.get(
      '/api/arrears/clerks',
      {
        schema: {
          tags: ['arrears'],
          summary: 'Clerks households can be assigned to, with how many each holds',
          querystring: z.object({ communityId: z.uuid().optional() }),
          response: { 200: arrearsClerksView, ...failures },
        },
      },
      async (req) => ({ items: await arrearsClerks(ctx.deps, principalOf(req), req.query.communityId) }),
    );
    app.post(
      '/api/arrears/assign',
      {
        schema: {
          tags: ['arrears'],
          summary: 'CS supervisor assigns households to a clerk (null takes them back)',
          body: assignBody,
          response: { 200: z.object({ assigned: z.number().int() }), ...failures },
        },
      },
      async (req) => assignHouseholds(ctx.deps, principalOf(req), req.body),
    );
    app.get(
      '/api/arrears/households/:id',
      {
        schema: {
          tags: ['arrears'],
          summary: 'One household’s arrears (by room id): lines, payments, chases',
          params: idParam,
          response: { 200: arrearsHouseholdDetail, ...failures },
        },
      },
      async (req) => getArrearsHousehold(ctx.deps, principalOf(req), req.params.id),
    );
    app.post(
      '/api/arrears/households/:id/chases',
      {
        schema: {
          tags: ['arrears'],
          summary: 'Record a chase of a household (its clerk, or the CS supervisor)',
          params: idParam,
          body: chaseBody,
          response: { 201: arrearsHouseholdDetail, ...failures },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        await recordChase(ctx.deps, p, req.params.id, req.body);
        reply.status(201);
        return getArrearsHousehold(ctx.deps, p, req.params.id);
      },
    );
    app.post(
      '/api/arrears/lines/:id/payments',
      {
        schema: {
          tags: ['arrears'],
          summary: 'Finance records a payment on an arrears line (part payments reduce it)',
          params: idParam,
          body: paymentBody,
          response: { 201: arrearsHouseholdDetail, ...failures },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        const { roomId } = await recordPayment(ctx.deps, p, req.params.id, req.body);
        reply.status(201);
        return getArrearsHousehold(ctx.deps, p, roomId);
      },
    );
  };
