import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Principal, requirePermission } from '../../commands/context.js';
import { createMatter } from '../../commands/matters/create-matter.js';
import { getMatter, matterSupervisors, queryMatters } from '../../commands/matters/query-matters.js';
import { runTicketAction } from '../../commands/tickets/engine.js';
import { errorBody, idParam } from '../../contract/common.js';
import {
  createMatterBody,
  type MatterActionPath,
  matterActionBodies,
  matterDetail,
  matterList,
  matterListQuery,
  supervisorList,
} from '../../contract/matter.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { presentMatter, presentMatterDetail } from '../presenters/matter.js';

const failures = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

const actionSummaries: Record<MatterActionPath, string> = {
  send: 'Desk sends the matter to a specialist supervisor',
  'hand-over': 'Supervisor hands the matter to a department (or moves it to another)',
  decline: 'Department gives the matter back to the supervisor, with a reason',
  accept: 'Department accepts the matter (接单)',
  complete: 'Department completes it: returned to the desk (返单), a visit task follows',
  chase: 'Desk chases the supervisor or the department',
  reopen: 'Unsatisfied visit: back to the same department',
  close: 'Desk closes a returned matter',
  cancel: 'Cancel with a reason',
};

/** 报事: matters for another department. */
export const matterRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const detail = async (p: Principal, id: string, hasJustActed = false) =>
      presentMatterDetail(await getMatter(ctx.deps, p, id, { hasJustActed }));

    app.post(
      '/api/matters',
      {
        schema: {
          tags: ['matters'],
          summary: 'Create a matter (报事) and send it to the specialist supervisor',
          body: createMatterBody,
          response: { 201: matterDetail, ...failures },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        const { id } = await createMatter(ctx.deps, p, req.body);
        reply.status(201);
        return detail(p, id);
      },
    );
    app.get(
      '/api/matters',
      {
        schema: {
          tags: ['matters'],
          summary: 'Matters the user may see',
          querystring: matterListQuery,
          response: { 200: matterList, ...failures },
        },
      },
      async (req) => {
        const { items, total } = await queryMatters(ctx.deps, principalOf(req), req.query);
        return { items: items.map(presentMatter), total };
      },
    );
    app.get(
      '/api/matters/supervisors',
      {
        schema: {
          tags: ['matters'],
          summary: 'The specialist supervisors a matter can be sent to',
          querystring: z.object({ communityId: z.uuid().optional() }),
          response: { 200: supervisorList, ...failures },
        },
      },
      async (req) => ({ items: await matterSupervisors(ctx.deps, principalOf(req), req.query.communityId) }),
    );
    app.get(
      '/api/matters/:id',
      {
        schema: {
          tags: ['matters'],
          summary: 'One matter with its timeline, timers and visits',
          params: idParam,
          response: { 200: matterDetail, ...failures },
        },
      },
      async (req) => detail(principalOf(req), req.params.id),
    );
    for (const path of Object.keys(matterActionBodies) as MatterActionPath[]) {
      app.post(
        `/api/matters/:id/${path}`,
        {
          schema: {
            tags: ['matters'],
            summary: actionSummaries[path],
            params: idParam,
            body: matterActionBodies[path],
            response: { 200: matterDetail, ...failures },
          },
        },
        async (req) => {
          const p = principalOf(req);
          // Roles that may not see these at all are refused before anything is looked up.
          requirePermission(p, 'matter.view');
          await runTicketAction(ctx.deps, p, req.params.id, 'matter', path.replaceAll('-', '_'), req.body);
          return detail(p, req.params.id, true);
        },
      );
    }
  };
