import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';

/** Building patrol (巡楼). */
export const patrolRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async () => {};
