import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listMyTickets, rateTicket } from '../../commands/resident-tickets.js';
import { errorBody, idParam, okBody } from '../../contract/common.js';
import { myTicket, myTicketsQuery, rateBody } from '../../contract/resident.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';

const failures = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

/** The resident's phone: everything they follow, and their rating of what is done. */
export const residentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/my/tickets',
      {
        schema: {
          tags: ['resident'],
          summary: "The resident's own repairs, complaints, matters and consultations, with answers and ratings",
          querystring: myTicketsQuery,
          response: { 200: z.array(myTicket), ...failures },
        },
      },
      async (req) => (await listMyTickets(ctx.deps, principalOf(req), req.query.kind)) as z.infer<typeof myTicket>[],
    );
    app.post(
      '/api/tickets/:id/rating',
      {
        schema: {
          tags: ['resident'],
          summary: 'The resident rates a finished ticket of their household (满意 / 基本满意 / 不满意)',
          params: idParam,
          body: rateBody,
          response: { 200: okBody, ...failures },
        },
      },
      async (req) => {
        await rateTicket(ctx.deps, principalOf(req), req.params.id, req.body);
        return { ok: true as const };
      },
    );
  };
