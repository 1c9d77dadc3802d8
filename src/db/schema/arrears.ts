import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { rooms } from './org.js';

/**
 * 欠费明细: one fee of one household for one period, as finance listed it. Re-importing the same
 * room, fee and period updates the row instead of adding another.
 */
export const arrears = pgTable(
  'arrears',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id),
    buildingId: uuid('building_id').notNull(),
    ownerName: text('owner_name').notNull().default(''),
    feeType: text('fee_type').notNull(),
    /** 'YYYY-MM' or 'YYYY'. */
    period: text('period').notNull(),
    amountOwedCents: integer('amount_owed_cents').notNull(),
    amountPaidCents: integer('amount_paid_cents').notNull().default(0),
    /** owed · paid */
    status: text('status').notNull(),
    source: text('source').notNull(),
    createdById: text('created_by_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('arrears_line').on(t.companyId, t.roomId, t.feeType, t.period),
    index('arrears_scope').on(t.companyId, t.communityId, t.status, t.buildingId),
    index('arrears_room').on(t.roomId).where(sql`status = 'owed'`),
  ],
);

/** 任务下派: the clerk a household's arrears are assigned to, and when it was last chased. */
export const arrearsHouseholds = pgTable(
  'arrears_households',
  {
    roomId: uuid('room_id')
      .primaryKey()
      .references(() => rooms.id),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    clerkId: uuid('clerk_id'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    assignedByName: text('assigned_by_name'),
    lastChasedAt: timestamp('last_chased_at', { withTimezone: true }),
  },
  (t) => [index('arrears_households_clerk').on(t.companyId, t.communityId, t.clerkId)],
);

/** 催缴记录: one chase of a household by its clerk. */
export const arrearsChases = pgTable(
  'arrears_chases',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id),
    method: text('method').notNull(),
    result: text('result').notNull(),
    promisedDate: date('promised_date'),
    note: text('note').notNull().default(''),
    chasedById: text('chased_by_id').notNull(),
    chasedByName: text('chased_by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('arrears_chases_room').on(t.companyId, t.communityId, t.roomId, t.at)],
);

/** 收费: a payment finance recorded against one arrears line (part or all of it). */
export const arrearsPayments = pgTable(
  'arrears_payments',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    arrearsId: uuid('arrears_id')
      .notNull()
      .references(() => arrears.id),
    amountCents: integer('amount_cents').notNull(),
    note: text('note').notNull().default(''),
    recordedById: text('recorded_by_id').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('arrears_payments_line').on(t.companyId, t.communityId, t.arrearsId)],
);
