import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../commands/context.js';
import { DomainError } from '../domain/shared/errors.js';

export const sessionCookie = 'pd_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** The signed-in person, or a 401. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) {
    throw new DomainError('unauthenticated', 'not_signed_in', { zh: '请先登录', en: 'Please sign in' });
  }
  return request.principal;
}

export function setSessionCookie(reply: FastifyReply, token: string, hours: number, secure: boolean): void {
  reply.setCookie(sessionCookie, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: hours * 3600 });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { path: '/' });
}
