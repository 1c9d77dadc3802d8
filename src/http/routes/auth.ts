import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginResident, loginStaff, logout, requestLoginCode } from '../../commands/auth.js';
import { communitiesOf } from '../../commands/directory.js';
import { me, requestCodeBody, requestCodeResponse, residentLoginBody, staffLoginBody } from '../../contract/auth.js';
import { errorBody, okBody } from '../../contract/common.js';
import { getCompany, roomsOfPhone, getUser } from '../../db/repositories/org.js';
import { clearSessionCookie, principalOf, sessionCookie, setSessionCookie } from '../auth.js';
import type { AppContext } from '../context.js';

const loginLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/auth/login',
      {
        config: loginLimit,
        schema: { tags: ['auth'], summary: 'Staff sign-in', body: staffLoginBody, response: { 200: okBody, 401: errorBody } },
      },
      async (req, reply) => {
        const token = await loginStaff(ctx.deps, req.body.username, req.body.password, ctx.sessionHours);
        setSessionCookie(reply, token, ctx.sessionHours, ctx.cookieSecure);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/auth/resident/request-code',
      {
        config: loginLimit,
        schema: {
          tags: ['auth'],
          summary: 'Text a login code to a resident',
          body: requestCodeBody,
          response: { 200: requestCodeResponse },
        },
      },
      async (req) => ({ sent: true as const, ...(await requestLoginCode(ctx.deps, req.body.phone)) }),
    );
    app.post(
      '/api/auth/resident/login',
      {
        config: loginLimit,
        schema: { tags: ['auth'], summary: 'Resident sign-in with phone and code', body: residentLoginBody, response: { 200: okBody } },
      },
      async (req, reply) => {
        const token = await loginResident(ctx.deps, req.body.phone, req.body.code, ctx.sessionHours);
        setSessionCookie(reply, token, ctx.sessionHours, ctx.cookieSecure);
        return { ok: true as const };
      },
    );
    app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out', response: { 200: okBody } } }, async (req, reply) => {
      const token = req.cookies[sessionCookie];
      if (token) await logout(ctx.deps, token);
      clearSessionCookie(reply);
      return { ok: true as const };
    });
    app.get('/api/me', { schema: { tags: ['auth'], summary: 'The signed-in person', response: { 200: me } } }, async (req) => {
      const p = principalOf(req);
      const ex = ctx.deps.database.db;
      const company = await getCompany(ex, p.companyId);
      const user = p.kind === 'staff' ? await getUser(ex, p.id) : null;
      return {
        kind: p.kind === 'resident' ? ('resident' as const) : ('staff' as const),
        id: p.id,
        name: p.name,
        phone: p.phone,
        role: p.role,
        department: user?.department ?? null,
        companyId: p.companyId,
        companyName: company?.name ?? '',
        communityId: p.communityId,
        communities: await communitiesOf(ctx.deps, p),
        rooms: p.kind === 'resident' ? await roomsOfPhone(ex, p.phone) : [],
      };
    });
    app.get(
      '/api/health',
      { schema: { tags: ['auth'], summary: 'Liveness', response: { 200: z.object({ ok: z.boolean(), driver: z.string() }) } } },
      async () => ({
        ok: true,
        driver: ctx.deps.database.driver,
      }),
    );
  };
