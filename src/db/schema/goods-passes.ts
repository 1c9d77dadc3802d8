import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tickets } from './tickets.js';

/**
 * 物品放行条: a goods release pass, a ticket of kind 'goods_pass' (number YG-FX-…, state, history
 * and expiry timer on the ticket). Only the last digits of the applicant's ID are kept.
 */
export const goodsPasses = pgTable(
  'goods_passes',
  {
    ticketId: uuid('ticket_id')
      .primaryKey()
      .references(() => tickets.id),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    /** 物品清单: [{ name, quantity, note }]. */
    items: jsonb('items').notNull().default([]),
    applicantName: text('applicant_name'),
    /** owner · tenant · delegate */
    applicantRelation: text('applicant_relation'),
    idType: text('id_type'),
    idLast4: text('id_last4'),
    authorisation: text('authorisation'),
    carrierName: text('carrier_name').notNull().default(''),
    vehiclePlate: text('vehicle_plate').notNull().default(''),
    plannedAt: timestamp('planned_at', { withTimezone: true }),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedById: text('issued_by_id'),
    issuedByName: text('issued_by_name'),
    /** What the household owed when the pass was issued (cents). */
    arrearsAtIssueCents: integer('arrears_at_issue_cents').notNull().default(0),
    overrideReason: text('override_reason'),
    overrideById: text('override_by_id'),
    overrideByName: text('override_by_name'),
    overrideAt: timestamp('override_at', { withTimezone: true }),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    releasedById: text('released_by_id'),
    releasedByName: text('released_by_name'),
    gateNote: text('gate_note'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    /** When the pass ended without leaving the gate (expired or cancelled). */
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('goods_passes_issued').on(t.companyId, t.communityId, t.issuedAt),
    index('goods_passes_released').on(t.companyId, t.communityId, t.releasedAt),
    index('goods_passes_returned').on(t.companyId, t.communityId, t.returnedAt),
    index('goods_passes_ended').on(t.companyId, t.communityId, t.endedAt),
  ],
);

/** 保安经理每天对放行条进行核对，签名确认: one row per community and local day reviewed. */
export const goodsPassReviews = pgTable(
  'goods_pass_reviews',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    /** The local day reviewed, YYYY-MM-DD. */
    day: text('day').notNull(),
    reviewedById: text('reviewed_by_id').notNull(),
    reviewedByName: text('reviewed_by_name').notNull(),
    note: text('note').notNull().default(''),
    counts: jsonb('counts').notNull().default({}),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('goods_pass_reviews_day').on(t.companyId, t.communityId, t.day)],
);
