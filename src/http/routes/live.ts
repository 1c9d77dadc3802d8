import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isCompanyLevel } from '../../domain/access/roles.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';

/** Server-sent events: boards refresh when any process changes a ticket the user can see. */
export const liveRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/live', { schema: { tags: ['live'], summary: 'Live updates (text/event-stream)' } }, async (req, reply) => {
      const p = principalOf(req);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 3000\n\n');
      const unsubscribe = ctx.hub.subscribe((m) => {
        if (m.companyId !== p.companyId) return;
        if (!isCompanyLevel(p.role) && m.communityId !== p.communityId) return;
        // Residents hear only about their own orders' changes, without details.
        const data = p.role === 'resident' ? { type: m.type, ticketId: m.ticketId } : m;
        res.write(`data: ${JSON.stringify(data)}\n\n`);
      });
      const keepAlive = setInterval(() => res.write(': ping\n\n'), 25_000);
      req.raw.on('close', () => {
        clearInterval(keepAlive);
        unsubscribe();
      });
    });
  };
