import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { myNotifications, readNotification, smsOutbox } from '../../commands/inbox.js';
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
                  /** The kind of the ticket it is about (repair, complaint, contact, matter), to open the right page. */
                  ticketKind: z.string().nullable(),
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
            ticketKind: n.ticketKind,
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
