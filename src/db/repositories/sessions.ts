import { and, desc, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { loginCodes, sessions } from '../schema/index.js';

export async function insertSession(ex: Executor, row: typeof sessions.$inferInsert): Promise<void> {
  await ex.insert(sessions).values(row);
}

export async function findSession(ex: Executor, tokenHash: string, now: Date) {
  const [row] = await ex
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  return row ?? null;
}

export async function deleteSession(ex: Executor, tokenHash: string): Promise<void> {
  await ex.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(ex: Executor, now: Date): Promise<void> {
  await ex.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function insertLoginCode(ex: Executor, row: typeof loginCodes.$inferInsert): Promise<void> {
  await ex.insert(loginCodes).values(row);
}

/** The newest unused, unexpired code sent to a phone. */
export async function latestLoginCode(ex: Executor, phone: string, now: Date) {
  const [row] = await ex
    .select()
    .from(loginCodes)
    .where(and(eq(loginCodes.phone, phone), isNull(loginCodes.usedAt), gt(loginCodes.expiresAt, now)))
    .orderBy(desc(loginCodes.createdAt))
    .limit(1);
  return row ?? null;
}

export async function recentLoginCodes(ex: Executor, phone: string, since: Date) {
  return ex
    .select({ id: loginCodes.id })
    .from(loginCodes)
    .where(and(eq(loginCodes.phone, phone), gt(loginCodes.createdAt, since)));
}

export async function updateLoginCode(ex: Executor, id: string, patch: Partial<typeof loginCodes.$inferInsert>): Promise<void> {
  await ex.update(loginCodes).set(patch).where(eq(loginCodes.id, id));
}
