import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { collectiveProposals, mergeCollective } from '../../commands/complaints/collective-complaints.js';
import { createComplaint } from '../../commands/complaints/create-complaint.js';
import { getComplaint, queryComplaints } from '../../commands/complaints/query-complaints.js';
import type { Principal } from '../../commands/context.js';
import { runTicketAction } from '../../commands/tickets/engine.js';
import { errorBody, idParam } from '../../contract/common.js';
import {
  type ComplaintActionPath,
  collectiveProposalView,
  collectiveQuery,
  complaintActionBodies,
  complaintDetail,
  complaintListQuery,
  complaintSummary,
  createComplaintBody,
  mergeCollectiveBody,
} from '../../contract/complaint.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { presentComplaintDetail, presentComplaintSummary } from '../presenters/complaint.js';

const failures = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

const actionSummaries: Record<ComplaintActionPath, string> = {
  classify: 'CS supervisor classifies: valid, assisted, invalid or collective (分类)',
  contact: 'Contact the complainant and agree a reply time (valid: within 2 h; collective: the director)',
  refer: 'Assisted: written referral to the solving department or the developer',
  'update-progress': 'Tell the complainant how the handling goes',
  escalate: 'Escalate one rung up the chain (handler → director → deputy GM → GM)',
  'file-incident-report': 'Collective: the director files the special incident report (特别事故报告)',
  'record-result': 'Record the handling result and the solving department',
  'return-result': "The solving department's head sends the result back",
  'sign-off': "The solving department's head signs the result (签认)",
  reply: 'Reply to the complainant (collective: home visit only; written complaint: also in writing)',
  'report-to-centre': 'Report the result of a forwarded complaint to the company complaint centre (within 12 h)',
  visit: 'Record the follow-up visit; unsatisfied opens a new linked complaint',
  merge: 'Fold this complaint into a collective case (并案)',
  withdraw: 'The complainant withdraws the complaint',
};

export const complaintRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const detail = async (p: Principal, id: string) => presentComplaintDetail(await getComplaint(ctx.deps, p, id));

    app.post(
      '/api/complaints',
      {
        schema: {
          tags: ['complaints'],
          summary: 'Record a complaint (投诉) at the desk, or by a resident for their home',
          body: createComplaintBody,
          response: { 201: complaintDetail, ...failures },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        const { id } = await createComplaint(ctx.deps, p, req.body);
        reply.status(201);
        return detail(p, id);
      },
    );
    app.post(
      '/api/complaints/forward',
      {
        schema: {
          tags: ['complaints'],
          summary: 'The company complaint centre forwards a complaint to a community (转交管理处)',
          body: createComplaintBody,
          response: { 201: complaintDetail, ...failures },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        const { id } = await createComplaint(ctx.deps, p, req.body, { isForwardedByCentre: true });
        reply.status(201);
        return detail(p, id);
      },
    );
    app.get(
      '/api/complaints',
      {
        schema: {
          tags: ['complaints'],
          summary: 'List complaints the user may see (company roles: every community)',
          querystring: complaintListQuery,
          response: { 200: z.object({ items: z.array(complaintSummary), total: z.number().int() }), ...failures },
        },
      },
      async (req) => {
        const { items, total } = await queryComplaints(ctx.deps, principalOf(req), req.query);
        return { items: items.map(presentComplaintSummary), total };
      },
    );
    app.get(
      '/api/complaints/collective-proposals',
      {
        schema: {
          tags: ['complaints'],
          summary: 'Proposed collective cases of a community (集体投诉): same place, same time, same event',
          querystring: collectiveQuery,
          response: { 200: z.array(collectiveProposalView), ...failures },
        },
      },
      async (req) => {
        const proposals = await collectiveProposals(ctx.deps, principalOf(req), req.query.communityId);
        return proposals.map((pr) => ({ ...pr, firstAt: pr.firstAt.toISOString(), lastAt: pr.lastAt.toISOString() }));
      },
    );
    app.post(
      '/api/complaints/merge-collective',
      {
        schema: {
          tags: ['complaints'],
          summary: 'Merge complaints into one collective case keeping every household (并案)',
          body: mergeCollectiveBody,
          response: { 201: complaintDetail, ...failures },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        const { id } = await mergeCollective(ctx.deps, p, req.body.complaintIds);
        reply.status(201);
        return detail(p, id);
      },
    );
    app.get(
      '/api/complaints/:id',
      {
        schema: {
          tags: ['complaints'],
          summary: 'One complaint with its timeline, timers, visits and linked or merged cases',
          params: idParam,
          response: { 200: complaintDetail, ...failures },
        },
      },
      async (req) => detail(principalOf(req), req.params.id),
    );
    for (const path of Object.keys(complaintActionBodies) as ComplaintActionPath[]) {
      app.post(
        `/api/complaints/:id/${path}`,
        {
          schema: {
            tags: ['complaint lifecycle'],
            summary: actionSummaries[path],
            params: idParam,
            body: complaintActionBodies[path],
            response: { 200: complaintDetail, ...failures },
          },
        },
        async (req) => {
          const p = principalOf(req);
          await runTicketAction(ctx.deps, p, req.params.id, 'complaint', path.replaceAll('-', '_'), req.body);
          return detail(p, req.params.id);
        },
      );
    }
  };
