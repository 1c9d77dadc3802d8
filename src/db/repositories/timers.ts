import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { timers } from '../schema/index.js';

export interface TimerInsert {
  id: string;
  companyId: string;
  communityId: string;
  ticketId: string;
  kind: string;
  level: number;
  dueAt: Date;
  /** A follow-up visit's timer names its visit. */
  visitId?: string | null;
  createdAt: Date;
}

export async function scheduleTimers(ex: Executor, rows: TimerInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await ex.insert(timers).values(rows.map((r) => ({ ...r, status: 'pending' })));
}

export async function cancelTimers(ex: Executor, ticketId: string, kinds: string[]): Promise<void> {
  if (kinds.length === 0) return;
  await ex
    .update(timers)
    .set({ status: 'cancelled' })
    .where(and(eq(timers.ticketId, ticketId), eq(timers.status, 'pending'), inArray(timers.kind, kinds)));
}

/**
 * Claims due timers for this transaction. Rows another process has claimed are skipped, and a
 * claimed row is marked fired in the same transaction, so each timer fires exactly once.
 */
export async function claimDueTimers(ex: Executor, now: Date, limit: number) {
  return ex
    .select()
    .from(timers)
    .where(and(eq(timers.status, 'pending'), lte(timers.dueAt, now)))
    .orderBy(asc(timers.dueAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markTimerFired(ex: Executor, id: string, firedAt: Date, firedBy: string, status: 'fired' | 'moot'): Promise<void> {
  await ex.update(timers).set({ status, firedAt, firedBy }).where(eq(timers.id, id));
}
