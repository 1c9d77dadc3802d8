import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** In-app notifications: to one person, or to a role within a community. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id'),
    userId: uuid('user_id'),
    role: text('role'),
    ticketId: uuid('ticket_id'),
    kind: text('kind').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    body: text('body').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('notifications_user').on(t.userId, t.createdAt),
    index('notifications_role').on(t.companyId, t.communityId, t.role, t.createdAt),
  ],
);

/** Who has read which notification: a role-wide notice is read by each person separately. */
export const notificationReads = pgTable(
  'notification_reads',
  {
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id),
    userId: uuid('user_id').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.userId] })],
);

/** Text messages to send. The default provider only stores them here for the admin to read. */
export const smsOutbox = pgTable(
  'sms_outbox',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id'),
    communityId: uuid('community_id'),
    phone: text('phone').notNull(),
    body: text('body').notNull(),
    purpose: text('purpose').notNull(),
    status: text('status').notNull(),
    provider: text('provider').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('sms_outbox_scope').on(t.companyId, t.createdAt)],
);
