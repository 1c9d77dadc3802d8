import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
    /** Every room (household) the ticket concerns besides `roomId`: a collective complaint's households. */
    partyRoomIds: uuid('party_room_ids').array().notNull().default([]),
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
    // The dashboards read a period's tickets of a kind, whatever their state.
    index('tickets_reported').on(t.companyId, t.communityId, t.kind, t.createdAt),
    // The company-wide dashboard: without a community the index above scans the company's whole range.
    index('tickets_company_reported').on(t.companyId, t.kind, t.createdAt),
    index('tickets_assignee').on(t.assigneeId, t.status),
    index('tickets_resident').on(t.residentId, t.createdAt),
    index('tickets_room').on(t.roomId, t.createdAt),
    index('tickets_party_rooms').using('gin', t.partyRoomIds),
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
  (t) => [
    uniqueIndex('ticket_events_seq').on(t.ticketId, t.seq),
    // Time to dispatch on the dashboards: the first grab or assignment of each order, index-only.
    index('ticket_events_dispatch').on(t.ticketId, t.at).where(sql`type in ('OrderGrabbed', 'OrderAssigned')`),
  ],
);

/**
 * 回访: a follow-up visit task of a ticket (any kind). Its steps go on the ticket's history and its
 * timers are the ticket's timers that name this visit.
 */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    /** The visit module's state: pending, booked, rectifying, reprocessing, closed, cancelled. */
    status: text('status').notNull(),
    ticketKind: text('ticket_kind').notNull().default('repair'),
    category: text('category').notNull().default(''),
    caseFlags: jsonb('case_flags').notNull().default({}),
    isHomeVisitRequired: boolean('is_home_visit_required').notNull().default(false),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** desk (the 100% visit), office, engineering_head, repairer (sampling duties). */
    duty: text('duty').notNull().default('desk'),
    visitorId: uuid('visitor_id'),
    technicianId: uuid('technician_id'),
    appointmentAt: timestamp('appointment_at', { withTimezone: true }),
    round: integer('round').notNull().default(1),
    flags: text('flags').array().notNull().default([]),
    method: text('method'),
    outcome: text('outcome'),
    chargeCheck: text('charge_check'),
    comment: text('comment'),
    signature: text('signature'),
    hasRefusedToSign: boolean('has_refused_to_sign').notNull().default(false),
    apology: text('apology'),
    problems: text('problems'),
    rectificationDueAt: timestamp('rectification_due_at', { withTimezone: true }),
    rectificationNotice: text('rectification_notice'),
    visitedById: text('visited_by_id'),
    visitedByName: text('visited_by_name'),
    visitedAt: timestamp('visited_at', { withTimezone: true }),
    /** The month a sampling duty's draw was taken of ('2026-10'); null for the desk's 100% visit. */
    samplingPeriod: text('sampling_period'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('visits_scope').on(t.companyId, t.communityId, t.status, t.dueAt),
    // The dashboards' visit rate: every visit falling due in a period, whatever its state.
    index('visits_due').on(t.companyId, t.communityId, t.dueAt),
    index('visits_company_due').on(t.companyId, t.dueAt),
    index('visits_ticket').on(t.ticketId),
    index('visits_visitor').on(t.visitorId, t.status),
    // A draw is taken once per community and period: the same order is never drawn twice for one duty.
    uniqueIndex('visits_sample').on(t.communityId, t.samplingPeriod, t.duty, t.ticketId).where(sql`${t.samplingPeriod} is not null`),
  ],
);

/** 投诉: a complaint's own fields. The complainant is the ticket's reporter. */
export const complaints = pgTable(
  'complaints',
  {
    ticketId: uuid('ticket_id')
      .primaryKey()
      .references(() => tickets.id),
    complaintClass: text('complaint_class'),
    isDeveloperCaused: boolean('is_developer_caused').notNull().default(false),
    isSerious: boolean('is_serious').notNull().default(false),
    isForwarded: boolean('is_forwarded').notNull().default(false),
    form: text('form').notNull(),
    /** Household[]: { householdId (the room id), label, residentId }. */
    households: jsonb('households').notNull().default([]),
    placeKey: text('place_key'),
    onSpot: jsonb('on_spot'),
    isOnSpotReportLate: boolean('is_on_spot_report_late').notNull().default(false),
    classifiedAt: timestamp('classified_at', { withTimezone: true }),
    agreedReplyAt: timestamp('agreed_reply_at', { withTimezone: true }),
    referral: jsonb('referral'),
    solvingDepartment: text('solving_department'),
    resultSummary: text('result_summary'),
    signedOffById: text('signed_off_by_id'),
    signedOffAt: timestamp('signed_off_at', { withTimezone: true }),
    incidentReportFiledAt: timestamp('incident_report_filed_at', { withTimezone: true }),
    reply: jsonb('reply'),
    replySummary: text('reply_summary'),
    centreReportedAt: timestamp('centre_reported_at', { withTimezone: true }),
    escalationLevel: integer('escalation_level').notNull().default(0),
    linkedFromId: uuid('linked_from_id'),
    mergedFromIds: uuid('merged_from_ids').array().notNull().default([]),
    mergedIntoId: uuid('merged_into_id'),
    visitOutcome: text('visit_outcome'),
  },
  (t) => [index('complaints_place').on(t.placeKey), index('complaints_linked').on(t.linkedFromId)],
);

/** 报事: a matter for another department. */
export const matters = pgTable('matters', {
  ticketId: uuid('ticket_id')
    .primaryKey()
    .references(() => tickets.id),
  category: text('category').notNull(),
  isMajor: boolean('is_major').notNull().default(false),
  /** The desk person who took it (首问): follows it to the end. */
  ownerId: text('owner_id').notNull(),
  supervisorId: uuid('supervisor_id'),
  department: text('department'),
  handlerId: uuid('handler_id'),
  result: text('result'),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  reopenCount: integer('reopen_count').notNull().default(0),
});

/** 值班记录: one contact on the duty log, triaged into a category or a ticket. */
export const contacts = pgTable(
  'contacts',
  {
    ticketId: uuid('ticket_id')
      .primaryKey()
      .references(() => tickets.id),
    isWritten: boolean('is_written').notNull().default(false),
    category: text('category'),
    emergencyKind: text('emergency_kind'),
    /** 首问责任人: never changes. */
    firstOwnerId: text('first_owner_id').notNull(),
    ownerId: text('owner_id').notNull(),
    departmentHeadId: text('department_head_id').notNull(),
    isEscalated: boolean('is_escalated').notNull().default(false),
    escalationReason: text('escalation_reason'),
    hasBeenUnsatisfied: boolean('has_been_unsatisfied').notNull().default(false),
    responderId: text('responder_id'),
    replyDueAt: timestamp('reply_due_at', { withTimezone: true }),
    answer: text('answer'),
    replyMethod: text('reply_method'),
    ticketKindToCreate: text('ticket_kind_to_create'),
    linkedTicketKind: text('linked_ticket_kind'),
    linkedTicketId: uuid('linked_ticket_id'),
  },
  (t) => [index('contacts_owner').on(t.ownerId), index('contacts_first_owner').on(t.firstOwnerId)],
);

/** Per-scope sequences for human-readable numbers. */
export const counters = pgTable('counters', {
  key: text('key').primaryKey(),
  value: integer('value').notNull(),
});

/** 业主评价: a resident's own rating of a finished ticket; the latest one counts. */
export const ticketRatings = pgTable(
  'ticket_ratings',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    residentId: uuid('resident_id').notNull(),
    outcome: text('outcome').notNull(),
    comment: text('comment').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('ticket_ratings_ticket').on(t.ticketId, t.createdAt)],
);
