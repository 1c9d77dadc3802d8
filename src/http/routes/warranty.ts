import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';

/** In-warranty defects (保修期内维修). */
export const warrantyRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async () => {};
