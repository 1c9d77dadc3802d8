import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { updatePolicy, viewPolicy } from '../../commands/policy.js';
import { errorBody, isoDateTime } from '../../contract/common.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';

const policyView = z.object({
  defaults: z.record(z.string(), z.unknown()),
  effective: z.record(z.string(), z.unknown()),
  companyOverride: z.record(z.string(), z.unknown()),
  communityOverride: z.record(z.string(), z.unknown()),
  communityId: z.uuid().nullable(),
  history: z.array(
    z.object({
      version: z.number().int(),
      communityId: z.uuid().nullable(),
      override: z.unknown(),
      changedBy: z.string(),
      note: z.string(),
      createdAt: isoDateTime,
    }),
  ),
});
const failures = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 422: errorBody };

type View = Awaited<ReturnType<typeof viewPolicy>>;
const present = (v: View) => ({
  ...v,
  history: v.history.map((h) => ({
    version: h.version,
    communityId: h.communityId,
    override: h.override,
    changedBy: h.changedBy,
    note: h.note,
    createdAt: h.createdAt.toISOString(),
  })),
});

export const policyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/policy',
      {
        schema: {
          tags: ['policy'],
          summary: 'Policy in force for a community, its layers and history',
          querystring: z.object({ communityId: z.uuid().optional() }),
          response: { 200: policyView, ...failures },
        },
      },
      async (req) => present(await viewPolicy(ctx.deps, principalOf(req), req.query.communityId)),
    );
    app.put(
      '/api/policy',
      {
        schema: {
          tags: ['policy'],
          summary: "Save a new version of the company's (communityId null) or a community's override; applies to new orders",
          body: z.object({
            communityId: z.uuid().nullable(),
            override: z.record(z.string(), z.unknown()),
            note: z.string().trim().max(500).default(''),
          }),
          response: { 200: policyView, ...failures },
        },
      },
      async (req) => present(await updatePolicy(ctx.deps, principalOf(req), req.body.communityId, req.body.override, req.body.note)),
    );
  };
