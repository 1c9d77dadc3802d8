import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actOnVisit } from '../../commands/visits/act-on-visit.js';
import { getVisit, myVisits, queryVisits } from '../../commands/visits/query-visits.js';
import { drawSamplingDuties, samplingStatus } from '../../commands/visits/sampling.js';
import { allowedVisitActions } from '../../commands/visits/scope.js';
import { errorBody, idParam } from '../../contract/common.js';
import {
  samplingDrawBody,
  samplingQuery,
  samplingView,
  type VisitActionPath,
  visitBodies,
  visitDetail,
  visitListQuery,
  visitSummary,
} from '../../contract/visit.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { presentVisitDetail, presentVisitSummary } from '../presenters/visit.js';

const failures = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

const actionSummaries: Record<VisitActionPath, string> = {
  assign: 'Assign the visitor (and the duty) of a visit task',
  book: 'Book a home visit with the resident (08:00–22:00 local by policy)',
  record:
    'Record the visit: method, outcome, charge check, comment, signature or refusal, apology when unsatisfied, problems found; the ticket closes or is reprocessed',
  'rectification-notice': 'Issue the written rectification notice to the technician (due within 24 h of the visit)',
  cancel: 'Cancel a visit task with a reason',
};

export const visitRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const now = () => ctx.deps.clock.now();
    app.get(
      '/api/visits',
      {
        schema: {
          tags: ['visits'],
          summary: 'Follow-up visit tasks (回访) of every ticket kind, by status tab, kind, visitor and duty',
          querystring: visitListQuery,
          response: { 200: z.array(visitSummary), ...failures },
        },
      },
      async (req) => {
        const p = principalOf(req);
        return (await queryVisits(ctx.deps, p, req.query)).map((r) => presentVisitSummary(r, now(), allowedVisitActions(p, r.visit)));
      },
    );
    app.get(
      '/api/visits/mine',
      {
        schema: {
          tags: ['visits'],
          summary: 'Open visit tasks assigned to me (a repairer’s sampling duty included)',
          response: { 200: z.array(visitSummary), ...failures },
        },
      },
      async (req) => {
        const p = principalOf(req);
        return (await myVisits(ctx.deps, p)).map((r) => presentVisitSummary(r, now(), allowedVisitActions(p, r.visit)));
      },
    );
    app.get(
      '/api/visits/:id',
      {
        schema: {
          tags: ['visits'],
          summary: 'One visit task with its ticket summary and steps',
          params: idParam,
          response: { 200: visitDetail, ...failures },
        },
      },
      async (req) => presentVisitDetail(await getVisit(ctx.deps, principalOf(req), req.params.id), now()),
    );
    for (const path of Object.keys(visitBodies) as VisitActionPath[]) {
      app.post(
        `/api/visits/:id/${path}`,
        {
          schema: {
            tags: ['visits'],
            summary: actionSummaries[path],
            params: idParam,
            body: visitBodies[path],
            response: { 200: visitDetail, ...failures },
          },
        },
        async (req) => {
          const p = principalOf(req);
          await actOnVisit(ctx.deps, p, req.params.id, path, req.body as never);
          return presentVisitDetail(await getVisit(ctx.deps, p, req.params.id), now());
        },
      );
    }
    app.post(
      '/api/visit-sampling/draw',
      {
        schema: {
          tags: ['visits'],
          summary: 'Draw last month’s sampling duties of a community (office 5%, engineering head 10%, each repairer 20%); once per period',
          body: samplingDrawBody,
          response: { 200: samplingView, ...failures },
        },
      },
      async (req) => drawSamplingDuties(ctx.deps, principalOf(req), req.body.communityId, req.body.period),
    );
    app.get(
      '/api/visit-sampling',
      {
        schema: {
          tags: ['visits'],
          summary: 'Sampling duties of a period: required, drawn and visited, by duty and person',
          querystring: samplingQuery,
          response: { 200: samplingView, ...failures },
        },
      },
      async (req) => samplingStatus(ctx.deps, principalOf(req), req.query.communityId, req.query.period),
    );
  };
