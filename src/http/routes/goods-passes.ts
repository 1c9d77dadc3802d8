import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';

/** Goods release passes (物品放行). */
export const goodsPassesRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async () => {};
