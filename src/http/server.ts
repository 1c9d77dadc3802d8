import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { resolveSession } from '../commands/auth.js';
import { sessionCookie } from './auth.js';
import type { AppContext } from './context.js';
import { errorBody, handleError } from './errors.js';
import { authRoutes } from './routes/auth.js';
import { contactRoutes } from './routes/contacts.js';
import { directoryRoutes } from './routes/directory.js';
import { inboxRoutes } from './routes/inbox.js';
import { liveRoutes } from './routes/live.js';
import { matterRoutes } from './routes/matters.js';
import { policyRoutes } from './routes/policy.js';
import { printRoutes } from './routes/print.js';
import { complaintRoutes } from './routes/complaints.js';
import { repairRoutes } from './routes/repair-orders.js';
import { visitRoutes } from './routes/visits.js';
import { residentRoutes } from './routes/resident.js';
import { warrantyRoutes } from './routes/warranty.js';
import { patrolRoutes } from './routes/patrol.js';
import { arrearsRoutes } from './routes/arrears.js';
import { parkingRoutes } from './routes/parking.js';
import { hotWorkRoutes } from './routes/hot-work.js';
import { goodsPassesRoutes } from './routes/goods-passes.js';
import { renovationRoutes } from './routes/renovation.js';
import { dashboardRoutes } from './routes/dashboards.js';
import { ownerVisitRoutes } from './routes/owner-visits.js';
import { questionnaireRoutes } from './routes/questionnaires.js';
import { reportsRoutes } from './routes/reports.js';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface BuildOptions {
  logLevel?: string;
  /** Serve the built web UI (web/dist) when it exists. */
  serveWeb?: boolean;
  /** Per-IP request budget; off in tests and benchmarks that hammer one address. */
  rateLimitMax?: number;
}

/** Builds the HTTP app: thin routes over commands, schemas that validate and document at once. */
export async function buildServer(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    trustProxy: true,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    // Over plain http (a desk PC or a phone on the office network) asking browsers to upgrade to
    // https would break every page; both only make sense where the site is served over https.
    hsts: ctx.cookieSecure,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: ctx.cookieSecure ? [] : null,
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
      },
    },
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: options.rateLimitMax ?? 600,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      ...errorBody('rate_limited', {
        zh: `请求过于频繁，请${Math.ceil(context.ttl / 1000)}秒后再试`,
        en: `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`,
      }),
    }),
  });
  await app.register(fastifyMultipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 5 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'propdesk API',
        version: '0.1.0',
        description:
          'Service desk for property-management companies (物业服务中心). Sign in with POST /api/auth/login; the session cookie `pd_session` authorises every other call. Errors: `{error:{code, message:{zh,en}, fields:[{field, message}]}}`.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookie } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[sessionCookie];
    req.principal = token ? await resolveSession(ctx.deps, token) : null;
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(authRoutes(ctx));
  await app.register(directoryRoutes(ctx));
  await app.register(repairRoutes(ctx));
  await app.register(contactRoutes(ctx));
  await app.register(matterRoutes(ctx));
  await app.register(complaintRoutes(ctx));
  await app.register(inboxRoutes(ctx));
  await app.register(policyRoutes(ctx));
  await app.register(liveRoutes(ctx));
  await app.register(printRoutes(ctx));
  await app.register(visitRoutes(ctx));
  await app.register(residentRoutes(ctx));
  await app.register(warrantyRoutes(ctx));
  await app.register(patrolRoutes(ctx));
  await app.register(arrearsRoutes(ctx));
  await app.register(parkingRoutes(ctx));
  await app.register(hotWorkRoutes(ctx));
  await app.register(goodsPassesRoutes(ctx));
  await app.register(renovationRoutes(ctx));
  await app.register(dashboardRoutes(ctx));
  await app.register(ownerVisitRoutes(ctx));
  await app.register(questionnaireRoutes(ctx));
  await app.register(reportsRoutes(ctx));

  const hasWeb = (options.serveWeb ?? true) && existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    // Pages fall back to the app; a missing file (an asset of an older build) is a plain 404.
    const path = req.url.split('?')[0] ?? '';
    const isPage = req.method === 'GET' && !/^\/(api|print|assets)\//.test(path) && !/\.[a-z0-9]+$/i.test(path);
    if (hasWeb && isPage) return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send(errorBody('not_found', { zh: '找不到该地址', en: 'No such route' }));
  });
  return app;
}
