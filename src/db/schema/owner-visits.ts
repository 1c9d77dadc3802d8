import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { VisitIssue } from '../../domain/owner-visits/visit.js';

/** Owner visits (业户访问): tables of this feature. */

/** A community's month of owner visits: the quota computed once from the occupied households. */
export const ownerVisitPlans = pgTable(
  'owner_visit_plans',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    /** Local month, 'YYYY-MM'. */
    month: text('month').notNull(),
    /** Rooms with at least one registered resident when the plan was made. */
    occupiedHouseholds: integer('occupied_households').notNull(),
    quotaPercent: integer('quota_percent').notNull(),
    quota: integer('quota').notNull(),
    /** Null when the periodic duty made it. */
    createdById: uuid('created_by_id'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('owner_visit_plans_month').on(t.companyId, t.communityId, t.month)],
);

/** One household's visit of a month: booked, then done (the 业户访问记录) or cancelled. */
export const ownerVisits = pgTable(
  'owner_visits',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => ownerVisitPlans.id),
    month: text('month').notNull(),
    roomId: uuid('room_id').notNull(),
    buildingId: uuid('building_id').notNull(),
    /** The household's address as it read when booked ('1栋 1单元 101'). */
    householdLabel: text('household_label').notNull(),
    status: text('status').notNull(),
    /** The appointment agreed with the household; null for a visit recorded without booking (a call). */
    bookedFor: timestamp('booked_for', { withTimezone: true }),
    bookedById: uuid('booked_by_id'),
    bookedByName: text('booked_by_name'),
    method: text('method'),
    visitorId: uuid('visitor_id'),
    visitorName: text('visitor_name'),
    /** Who was met (业户姓名). */
    residentName: text('resident_name'),
    visitedAt: timestamp('visited_at', { withTimezone: true }),
    notes: text('notes'),
    opinions: text('opinions'),
    issues: jsonb('issues').$type<VisitIssue[]>().notNull().default([]),
    signature: text('signature'),
    signedBy: text('signed_by'),
    /** The record holds private matters: only those who record visits read its notes. */
    isConfidential: boolean('is_confidential').notNull().default(false),
    recordedById: uuid('recorded_by_id'),
    recordedByName: text('recorded_by_name'),
    cancelReason: text('cancel_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('owner_visits_list').on(t.companyId, t.communityId, t.month, t.status, t.bookedFor),
    index('owner_visits_room').on(t.companyId, t.communityId, t.roomId, t.visitedAt),
    // No household twice in one month.
    uniqueIndex('owner_visits_once').on(t.planId, t.roomId).where(sql`status <> 'cancelled'`),
  ],
);
