import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Timers live here so nothing is lost on restart. The scheduler claims due rows with
 * FOR UPDATE SKIP LOCKED and fires each in the same transaction that marks it fired.
 */
export const timers = pgTable(
  'timers',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    ticketId: uuid('ticket_id').notNull(),
    kind: text('kind').notNull(),
    /** Set for a follow-up visit's timers: which visit of the ticket. */
    visitId: uuid('visit_id'),
    level: integer('level').notNull().default(0),
    status: text('status').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    firedAt: timestamp('fired_at', { withTimezone: true }),
    firedBy: text('fired_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('timers_due').on(t.dueAt).where(sql`status = 'pending'`),
    index('timers_ticket').on(t.ticketId, t.status),
    // The dashboards' on-time rates: the timers of a community falling due in a period.
    index('timers_scope_due').on(t.companyId, t.communityId, t.dueAt),
    index('timers_company_due').on(t.companyId, t.dueAt),
  ],
);
