import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';

/** Arrears (欠费催缴). */
export const arrearsRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async () => {};
