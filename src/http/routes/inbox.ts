import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { myNotifications, readNotification, smsOutbox, visitTasks } from '../../commands/inbox.js';
import { errorBody, idParam, isoDateTime, okBody } from '../../contract/common.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';

const failures = { 401: errorBody, 403: errorBody, 404: errorBody };
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const inboxRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/notifications',
      {
        schema: {
          tags: ['inbox'],
          summary: 'My notifications (to me, or to my role in my community)',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.uuid(),
                  kind: z.string(),
                  titleZh: z.string(),
                  titleEn: z.string(),
                  body: z.string(),
                  ticketId: z.uuid().nullable(),
                  readAt: isoDateTime.nullable(),
                  createdAt: isoDateTime,
                }),
              ),
              unread: z.number().int(),
            }),
            ...failures,
          },
        },
      },
      async (req) => {
        const { items, unread } = await myNotifications(ctx.deps, principalOf(req));
        return {
          items: items.map((n) => ({
            id: n.id,
            kind: n.kind,
            titleZh: n.titleZh,
            titleEn: n.titleEn,
            body: n.body,
            ticketId: n.ticketId,
            readAt: iso(n.readAt),
            createdAt: n.createdAt.toISOString(),
          })),
          unread,
        };
      },
    );
    app.post(
      '/api/notifications/:id/read',
      { schema: { tags: ['inbox'], summary: 'Mark a notification read', params: idParam, response: { 200: okBody, ...failures } } },
      async (req) => {
        await readNotification(ctx.deps, principalOf(req), req.params.id);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/visits',
      {
        schema: {
          tags: ['inbox'],
          summary: 'Follow-up visit tasks (回访)',
          querystring: z.object({ communityId: z.uuid().optional(), status: z.enum(['pending', 'done']).default('pending') }),
          response: {
            200: z.array(
              z.object({
                id: z.uuid(),
                ticketId: z.uuid(),
                ticketNumber: z.string(),
                communityName: z.string(),
                content: z.string(),
                location: z.string(),
                reporterName: z.string(),
                reporterPhone: z.string(),
                assigneeName: z.string().nullable(),
                status: z.string(),
                dueAt: isoDateTime,
                isOverdue: z.boolean(),
                outcome: z.string().nullable(),
                method: z.string().nullable(),
                comment: z.string().nullable(),
                visitedByName: z.string().nullable(),
                visitedAt: isoDateTime.nullable(),
              }),
            ),
            ...failures,
          },
        },
      },
      async (req) => {
        const rows = await visitTasks(ctx.deps, principalOf(req), req.query.communityId, req.query.status);
        const now = ctx.deps.clock.now();
        return rows.map(({ visit: v, number, content, location, reporterName, reporterPhone, assigneeName, communityName }) => ({
          id: v.id,
          ticketId: v.ticketId,
          ticketNumber: number,
          communityName,
          content,
          location,
          reporterName,
          reporterPhone,
          assigneeName: assigneeName ?? null,
          status: v.status,
          dueAt: v.dueAt.toISOString(),
          isOverdue: v.status === 'pending' && v.dueAt.getTime() <= now.getTime(),
          outcome: v.outcome,
          method: v.method,
          comment: v.comment,
          visitedByName: v.visitedByName,
          visitedAt: iso(v.visitedAt),
        }));
      },
    );
    app.get(
      '/api/outbox',
      {
        schema: {
          tags: ['inbox'],
          summary: 'Text messages stored by the outbox SMS provider (admin)',
          response: {
            200: z.array(
              z.object({
                id: z.uuid(),
                phone: z.string(),
                body: z.string(),
                purpose: z.string(),
                status: z.string(),
                createdAt: isoDateTime,
              }),
            ),
            ...failures,
          },
        },
      },
      async (req) =>
        (await smsOutbox(ctx.deps, principalOf(req))).map((m) => ({
          id: m.id,
          phone: m.phone,
          body: m.body,
          purpose: m.purpose,
          status: m.status,
          createdAt: m.createdAt.toISOString(),
        })),
    );
  };
