import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { notifications, smsOutbox } from '../schema/index.js';

export type NotificationInsert = typeof notifications.$inferInsert;

export async function insertNotifications(ex: Executor, rows: NotificationInsert[]): Promise<void> {
  if (rows.length > 0) await ex.insert(notifications).values(rows);
}

export interface Recipient {
  userId: string;
  role: string;
  companyId: string;
  communityId: string | null;
}

/** Notifications addressed to this person, or to their role in their community (or company). */
function addressedTo(r: Recipient) {
  return and(
    eq(notifications.companyId, r.companyId),
    or(
      eq(notifications.userId, r.userId),
      and(
        isNull(notifications.userId),
        eq(notifications.role, r.role),
        r.communityId ? eq(notifications.communityId, r.communityId) : sql`true`,
      ),
    ),
  );
}

export async function listNotifications(ex: Executor, r: Recipient, limit = 50) {
  const items = await ex.select().from(notifications).where(addressedTo(r)).orderBy(desc(notifications.createdAt)).limit(limit);
  const [unread] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(addressedTo(r), isNull(notifications.readAt)));
  return { items, unread: Number(unread?.n ?? 0) };
}

/** Marks read, only when the notification is addressed to this person. */
export async function markNotificationRead(ex: Executor, r: Recipient, id: string, at: Date): Promise<boolean> {
  const rows = await ex
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), addressedTo(r)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function insertSms(ex: Executor, row: typeof smsOutbox.$inferInsert): Promise<void> {
  await ex.insert(smsOutbox).values(row);
}

export async function listSms(ex: Executor, companyId: string, limit = 200) {
  return ex.select().from(smsOutbox).where(eq(smsOutbox.companyId, companyId)).orderBy(desc(smsOutbox.createdAt)).limit(limit);
}
