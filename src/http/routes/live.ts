import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { canSeeInScope, canSeeTicket } from '../../commands/context.js';
import { kindOf } from '../../commands/tickets/registry.js';
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
        if (m.type === 'notification') {
          if (p.role === 'resident' || (!isCompanyLevel(p.role) && m.communityId !== p.communityId)) return;
          res.write(`data: ${JSON.stringify({ type: 'notification' })}\n\n`);
          return;
        }
        // A ticket change reaches only those who may see that ticket, as its own route decides.
        const ticket = {
          companyId: m.companyId,
          communityId: m.communityId ?? '',
          status: m.status ?? '',
          assigneeId: m.assigneeId ?? null,
          roomId: m.roomId ?? null,
          residentId: m.residentId ?? null,
          partyRoomIds: m.partyRoomIds ?? [],
        };
        const kind = m.kind ?? 'repair';
        const canSee = kind === 'repair' ? canSeeTicket(p, ticket) : canSeeInScope(p, ticket, kindOf(kind).viewPermission);
        if (!canSee) {
          // A technician's pool changes when someone else takes an order: a bare nudge, no details.
          if (p.role === 'technician' && m.communityId === p.communityId) res.write(`data: ${JSON.stringify({ type: 'pool' })}\n\n`);
          return;
        }
        res.write(
          `data: ${JSON.stringify({ type: 'ticket', kind, ticketId: m.ticketId, communityId: m.communityId, status: m.status })}\n\n`,
        );
      });
      const keepAlive = setInterval(() => res.write(': ping\n\n'), 25_000);
      req.raw.on('close', () => {
        clearInterval(keepAlive);
        unsubscribe();
      });
    });
  };
