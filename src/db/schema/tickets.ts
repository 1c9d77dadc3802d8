import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * What every kind of ticket has in common: number, place, reporter, state, owner, timers'
 * flags. Kind-specific fields live in a table of their own keyed by the ticket id.
 */
export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    status: text('status').notNull(),
    buildingId: uuid('building_id'),
    roomId: uuid('room_id'),
    location: text('location').notNull(),
    reporterName: text('reporter_name').notNull(),
    reporterPhone: text('reporter_phone').notNull(),
    residentId: uuid('resident_id'),
    channel: text('channel').notNull(),
    content: text('content').notNull(),
    urgency: text('urgency').notNull(),
    assigneeId: uuid('assignee_id'),
    flags: text('flags').array().notNull().default([]),
    createdById: text('created_by_id').notNull(),
    createdByName: text('created_by_name').notNull(),
    /** The policy in force when the ticket was created; later policy changes do not touch it. */
    policy: jsonb('policy').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('tickets_number').on(t.companyId, t.number),
    index('tickets_board').on(t.companyId, t.communityId, t.kind, t.status, t.createdAt),
    index('tickets_assignee').on(t.assigneeId, t.status),
    index('tickets_resident').on(t.residentId, t.createdAt),
    index('tickets_room').on(t.roomId, t.createdAt),
    index('tickets_open').on(t.companyId, t.communityId, t.createdAt).where(sql`status not in ('closed', 'cancelled')`),
  ],
);

/** 报修 / 维修单: the repair order's own fields. */
export const repairOrders = pgTable('repair_orders', {
  ticketId: uuid('ticket_id')
    .primaryKey()
    .references(() => tickets.id),
  category: text('category').notNull(),
  area: text('area').notNull(),
  timing: text('timing').notNull(),
  appointmentAt: timestamp('appointment_at', { withTimezone: true }),
  promisedTimes: jsonb('promised_times').notNull().default([]),
  requestedTechnicianId: uuid('requested_technician_id'),
  codeHash: text('code_hash').notNull(),
  codeAttempts: integer('code_attempts').notNull().default(0),
  verifiedAt: timestamp('verified_at', { withTimezone: true }),
  verifiedBy: text('verified_by'),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  arrivedAt: timestamp('arrived_at', { withTimezone: true }),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  actualItems: text('actual_items'),
  summary: text('summary'),
  labourFeeCents: integer('labour_fee_cents').notNull().default(0),
  materialFeeCents: integer('material_fee_cents').notNull().default(0),
  customerMaterialRating: text('customer_material_rating'),
  holdReason: text('hold_reason'),
  holdNote: text('hold_note'),
  quoteDescription: text('quote_description'),
  quoteCents: integer('quote_cents'),
  feeStatus: text('fee_status').notNull().default('none'),
  paidAt: timestamp('paid_at', { withTimezone: true }),
  reopenCount: integer('reopen_count').notNull().default(0),
  satisfaction: text('satisfaction'),
});

/** Photos attached to a ticket; kept in the database so a backup holds everything. */
export const ticketPhotos = pgTable(
  'ticket_photos',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    mime: text('mime').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('ticket_photos_ticket').on(t.ticketId)],
);

/** The ticket's history: every step, who took it, when, from which state to which. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    data: jsonb('data').notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('ticket_events_seq').on(t.ticketId, t.seq)],
);

/** 回访: a follow-up visit task of a ticket. */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    status: text('status').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    method: text('method'),
    outcome: text('outcome'),
    comment: text('comment'),
    visitedById: text('visited_by_id'),
    visitedByName: text('visited_by_name'),
    visitedAt: timestamp('visited_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('visits_scope').on(t.companyId, t.communityId, t.status, t.dueAt), index('visits_ticket').on(t.ticketId)],
);

/** Per-scope sequences for human-readable numbers. */
export const counters = pgTable('counters', {
  key: text('key').primaryKey(),
  value: integer('value').notNull(),
});
