import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loadPolicy } from '../../commands/context.js';
import { receiveReport, regenerateReport, submitReport, writeCaseAnalysis } from '../../commands/reports/act-on-report.js';
import { exportReport } from '../../commands/reports/export-report.js';
import { generateReports } from '../../commands/reports/generate-reports.js';
import { getReport, queryReports } from '../../commands/reports/query-reports.js';
import { errorBody, idParam } from '../../contract/common.js';
import {
  caseAnalysisBody,
  generatedReports,
  generateReportsBody,
  reportDetail,
  reportList,
  reportListQuery,
} from '../../contract/reports.js';
import { getCompany } from '../../db/repositories/org.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { printPage, sendPrintPage } from '../print/page.js';
import { complaintReportSheet, ownerVisitSheet } from './reports-print.js';

const failures = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 月报: the monthly complaint report and the owner-visit summary, from the community to the company complaint centre. */
export const reportsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/reports',
      {
        schema: {
          tags: ['reports'],
          summary: 'Monthly reports by month and community (community staff: their own; the centre: every community)',
          querystring: reportListQuery,
          response: { 200: reportList, ...failures },
        },
      },
      async (req) => queryReports(ctx.deps, principalOf(req), req.query),
    );
    app.post(
      '/api/reports/generate',
      {
        schema: {
          tags: ['reports'],
          summary: 'Generate a month’s reports of one community now (missing ones made, existing ones kept)',
          body: generateReportsBody,
          response: { 200: generatedReports, ...failures },
        },
      },
      async (req) => generateReports(ctx.deps, principalOf(req), req.body),
    );
    app.get(
      '/api/reports/:id',
      {
        schema: {
          tags: ['reports'],
          summary: 'One report: figures, case analysis, steps',
          params: idParam,
          response: { 200: reportDetail, ...failures },
        },
      },
      async (req) => getReport(ctx.deps, principalOf(req), req.params.id),
    );
    app.post(
      '/api/reports/:id/regenerate',
      {
        schema: {
          tags: ['reports'],
          summary: 'Take a draft’s figures again',
          params: idParam,
          response: { 200: reportDetail, ...failures },
        },
      },
      async (req) => regenerateReport(ctx.deps, principalOf(req), req.params.id),
    );
    app.put(
      '/api/reports/:id/analysis',
      {
        schema: {
          tags: ['reports'],
          summary: 'Write the month’s case analysis (cause, corrective and preventive action per case)',
          params: idParam,
          body: caseAnalysisBody,
          response: { 200: reportDetail, ...failures },
        },
      },
      async (req) => writeCaseAnalysis(ctx.deps, principalOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/reports/:id/submit',
      {
        schema: {
          tags: ['reports'],
          summary: 'Submit to the company complaint centre',
          params: idParam,
          response: { 200: reportDetail, ...failures },
        },
      },
      async (req) => submitReport(ctx.deps, principalOf(req), req.params.id),
    );
    app.post(
      '/api/reports/:id/receive',
      {
        schema: {
          tags: ['reports'],
          summary: 'The complaint centre marks it received',
          params: idParam,
          response: { 200: reportDetail, ...failures },
        },
      },
      async (req) => receiveReport(ctx.deps, principalOf(req), req.params.id),
    );
    app.get(
      '/api/reports/:id/export',
      { schema: { tags: ['reports'], summary: 'The report as .xlsx', params: idParam, produces: [xlsxType] } },
      async (req, reply) => {
        const { name, bytes } = await exportReport(ctx.deps, principalOf(req), req.params.id);
        return reply
          .header('content-type', xlsxType)
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
          .send(bytes);
      },
    );
    app.get('/print/reports/:id', { schema: { hide: true, params: idParam } }, async (req, reply) => {
      const p = principalOf(req);
      const r = await getReport(ctx.deps, p, req.params.id);
      const ex = ctx.deps.database.db;
      const [company, policy] = await Promise.all([getCompany(ex, p.companyId), loadPolicy(ex, p.companyId, r.communityId)]);
      const now = ctx.deps.clock.now();
      const page = r.complaintFigures
        ? complaintReportSheet(r, company?.name ?? '', policy.timezone, now)
        : ownerVisitSheet(r, company?.name ?? '', policy.timezone, now);
      return sendPrintPage(reply, printPage(`${r.communityName} ${r.period} 月报`, [page]));
    });
  };
