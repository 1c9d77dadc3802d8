import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import type { Checkpoint } from '../../domain/patrol/rounds.js';

/** Building patrol (巡楼): tables of this feature. */

/** A patrol route of a community: its ordered checkpoints (building and floors, or a public facility). */
export const patrolRoutes = pgTable(
  'patrol_routes',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    name: text('name').notNull(),
    checkpoints: jsonb('checkpoints').$type<Checkpoint[]>().notNull(),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('patrol_routes_scope').on(t.companyId, t.communityId, t.isActive, t.name)],
);

/** One walk of a route: who, when, how long, and its summary for the daily report. */
export const patrolRounds = pgTable(
  'patrol_rounds',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    routeId: uuid('route_id')
      .notNull()
      .references(() => patrolRoutes.id),
    routeName: text('route_name').notNull(),
    /** The route's checkpoints as they were when the round started: a later edit does not change a walked round. */
    checkpoints: jsonb('checkpoints').$type<Checkpoint[]>().notNull(),
    status: text('status').notNull(),
    patrollerId: uuid('patroller_id').notNull(),
    patrollerName: text('patroller_name').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    durationMinutes: integer('duration_minutes'),
    summary: text('summary'),
  },
  (t) => [
    index('patrol_rounds_list').on(t.companyId, t.communityId, t.status, t.startedAt),
    index('patrol_rounds_day').on(t.companyId, t.communityId, t.startedAt),
  ],
);

/** What was found at one checkpoint of a round; an issue links the repair order it raised. */
export const patrolFindings = pgTable(
  'patrol_findings',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => patrolRounds.id),
    checkpointId: text('checkpoint_id').notNull(),
    checkpointLabel: text('checkpoint_label').notNull(),
    result: text('result').notNull(),
    note: text('note'),
    category: text('category'),
    repairTicketId: uuid('repair_ticket_id'),
    recordedById: uuid('recorded_by_id').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('patrol_findings_checkpoint').on(t.roundId, t.checkpointId),
    index('patrol_findings_scope').on(t.companyId, t.communityId, t.roundId),
  ],
);
