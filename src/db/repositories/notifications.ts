import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { notificationReads, notifications, smsOutbox, tickets } from '../schema/index.js';

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

const myRead = (r: Recipient) => and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, r.userId));

/** The newest notifications for this person, each with when they read it. */
export async function listNotifications(ex: Executor, r: Recipient, limit = 50) {
  const items = await ex
    .select({ notification: notifications, readAt: notificationReads.readAt, ticketKind: tickets.kind })
    .from(notifications)
    .leftJoin(notificationReads, myRead(r))
    .leftJoin(tickets, eq(tickets.id, notifications.ticketId))
    .where(addressedTo(r))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
  const [unread] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .leftJoin(notificationReads, myRead(r))
    .where(and(addressedTo(r), isNull(notificationReads.userId)));
  return { items: items.map((i) => ({ ...i.notification, readAt: i.readAt, ticketKind: i.ticketKind })), unread: Number(unread?.n ?? 0) };
}

/** Marks read for this person, only when the notification is addressed to them. */
export async function markNotificationRead(ex: Executor, r: Recipient, id: string, at: Date): Promise<boolean> {
  const [found] = await ex
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.id, id), addressedTo(r)));
  if (!found) return false;
  await ex.insert(notificationReads).values({ notificationId: id, userId: r.userId, readAt: at }).onConflictDoNothing();
  return true;
}

export async function insertSms(ex: Executor, row: typeof smsOutbox.$inferInsert): Promise<void> {
  await ex.insert(smsOutbox).values(row);
}

export async function listSms(ex: Executor, companyId: string, limit = 200) {
  return ex.select().from(smsOutbox).where(eq(smsOutbox.companyId, companyId)).orderBy(desc(smsOutbox.createdAt)).limit(limit);
}
