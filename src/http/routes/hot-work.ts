import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';

/** Hot-work permits (临时动火). */
export const hotWorkRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async () => {};
