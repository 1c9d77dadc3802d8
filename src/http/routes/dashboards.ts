import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportDashboardPanel, panelTitle } from '../../commands/dashboards/export-dashboard.js';
import { dashboardPeriodOf } from '../../commands/dashboards/period.js';
import { dashboardOf } from '../../commands/dashboards/query-dashboard.js';
import { errorBody } from '../../contract/common.js';
import { dashboardExportQuery, dashboardQuery, dashboardView } from '../../contract/dashboard.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';

const failures = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 422: errorBody };
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 统计看板: what the company measures, for a community or the whole company, and each chart as .xlsx. */
export const dashboardRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/dashboards',
      {
        schema: {
          tags: ['dashboards'],
          summary:
            'Every figure of a period (preset or local dates) for one community or every community in scope: orders and complaints per day, by category, building and technician, average times, on-time rates, visit, satisfaction, complaint and reopen rates',
          querystring: dashboardQuery,
          response: { 200: dashboardView, ...failures },
        },
      },
      async (req) => {
        const p = principalOf(req);
        return dashboardOf(ctx.deps, p, await dashboardPeriodOf(ctx.deps, p, req.query));
      },
    );
    app.get(
      '/api/dashboards/export',
      {
        schema: {
          tags: ['dashboards'],
          summary: 'One chart’s figures as .xlsx (one sheet), with the same period and community as the dashboard',
          querystring: dashboardExportQuery,
          produces: [xlsxType],
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        const { panel, lang } = req.query;
        const bytes = await exportDashboardPanel(ctx.deps, p, panel, await dashboardPeriodOf(ctx.deps, p, req.query), lang);
        const name = `${panelTitle(panel, lang)}.xlsx`;
        return reply
          .header('content-type', xlsxType)
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', `attachment; filename="${panel}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
          .send(bytes);
      },
    );
  };
