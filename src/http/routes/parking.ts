import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';

/** Parking (车位). */
export const parkingRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async () => {};
