import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { buildingsOf, communitiesOf, findRooms, techniciansOf } from '../../commands/directory.js';
import { buildingView, communityQuery, roomSearchQuery, roomView, technicianView } from '../../contract/directory.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';

export const directoryRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/communities',
      {
        schema: {
          tags: ['directory'],
          summary: 'Communities the user may see',
          response: { 200: z.array(z.object({ id: z.uuid(), name: z.string(), code: z.string() })) },
        },
      },
      async (req) => communitiesOf(ctx.deps, principalOf(req)),
    );
    app.get(
      '/api/buildings',
      {
        schema: {
          tags: ['directory'],
          summary: 'Buildings of a community',
          querystring: communityQuery,
          response: { 200: z.array(buildingView) },
        },
      },
      async (req) => buildingsOf(ctx.deps, principalOf(req), req.query.communityId),
    );
    app.get(
      '/api/rooms',
      {
        schema: {
          tags: ['directory'],
          summary: 'Find rooms by address or resident name / phone',
          querystring: roomSearchQuery,
          response: { 200: z.array(roomView) },
        },
      },
      async (req) => findRooms(ctx.deps, principalOf(req), req.query),
    );
    app.get(
      '/api/technicians',
      {
        schema: {
          tags: ['directory'],
          summary: "A community's technicians with their open load",
          querystring: communityQuery,
          response: { 200: z.array(technicianView) },
        },
      },
      async (req) => techniciansOf(ctx.deps, principalOf(req), req.query.communityId),
    );
  };
