import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';

/** Renovation (装修). */
export const renovationRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async () => {};
