import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tickets } from './tickets.js';

/** Renovation (装修): the application and its course, keyed by the ticket (kind 'renovation'). */
export const renovations = pgTable(
  'renovations',
  {
    ticketId: uuid('ticket_id')
      .primaryKey()
      .references(() => tickets.id),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantPhone: text('applicant_phone').notNull(),
    contractorCompany: text('contractor_company').notNull(),
    contractorContact: text('contractor_contact').notNull(),
    contractorPhone: text('contractor_phone').notNull(),
    /** Local dates 'YYYY-MM-DD'. */
    plannedStartDate: text('planned_start_date').notNull(),
    plannedEndDate: text('planned_end_date').notNull(),
    workItems: jsonb('work_items').notNull(),
    description: text('description').notNull(),
    isAgreementSigned: boolean('is_agreement_signed').notNull(),
    /** Review rounds: 1, plus one per resubmission after a return. */
    round: integer('round').notNull().default(1),
    lastReturnReason: text('last_return_reason'),
    csApprovedBy: text('cs_approved_by'),
    csApprovedAt: timestamp('cs_approved_at', { withTimezone: true }),
    engApprovedBy: text('eng_approved_by'),
    engApprovedAt: timestamp('eng_approved_at', { withTimezone: true }),
    /** [{ name, amountCents }] */
    fees: jsonb('fees').notNull().default([]),
    depositCents: integer('deposit_cents').notNull().default(0),
    paymentReceiptNumber: text('payment_receipt_number'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    paidBy: text('paid_by'),
    permitNumber: text('permit_number'),
    permitIssuedAt: timestamp('permit_issued_at', { withTimezone: true }),
    permitValidFrom: text('permit_valid_from'),
    permitValidTo: text('permit_valid_to'),
    inspectionPassedAt: timestamp('inspection_passed_at', { withTimezone: true }),
    /** The local date by which the deposit is refunded (working-day calendar). */
    refundDueDate: text('refund_due_date'),
    refundAppointmentAt: timestamp('refund_appointment_at', { withTimezone: true }),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
    refundCents: integer('refund_cents'),
    refundReceiptNumber: text('refund_receipt_number'),
    refundedBy: text('refunded_by'),
  },
  (t) => [
    index('renovations_refund_due').on(t.companyId, t.communityId, t.refundDueDate),
    index('renovations_permit').on(t.companyId, t.communityId, t.permitValidTo),
  ],
);

/** The application's documents (申请资料): each upload of a code; a newer upload replaces the current one. */
export const renovationDocuments = pgTable(
  'renovation_documents',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    code: text('code').notNull(),
    attachmentId: uuid('attachment_id').notNull(),
    isSigned: boolean('is_signed').notNull(),
    isCurrent: boolean('is_current').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('renovation_documents_ticket').on(t.ticketId, t.code, t.createdAt)],
);

/** One patrol due on one day by one duty (客户助理 / 保安 daily, 工程 every N days), generated on read. */
export const renovationPatrols = pgTable(
  'renovation_patrols',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    duty: text('duty').notNull(),
    patrolDate: text('patrol_date').notNull(),
    status: text('status').notNull(),
    result: text('result'),
    note: text('note'),
    photoAttachmentId: uuid('photo_attachment_id'),
    violationId: uuid('violation_id'),
    recordedById: text('recorded_by_id'),
    recordedBy: text('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('renovation_patrols_once').on(t.ticketId, t.duty, t.patrolDate),
    index('renovation_patrols_list').on(t.companyId, t.communityId, t.patrolDate, t.duty, t.status),
  ],
);

/** A violation (违规) and its rectification notice (整改通知书), re-checks and penalty. */
export const renovationViolations = pgTable(
  'renovation_violations',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    seq: integer('seq').notNull(),
    description: text('description').notNull(),
    status: text('status').notNull(),
    photoAttachmentId: uuid('photo_attachment_id'),
    patrolId: uuid('patrol_id'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    noticeNumber: text('notice_number'),
    requirement: text('requirement'),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    noticeIssuedBy: text('notice_issued_by'),
    noticeIssuedAt: timestamp('notice_issued_at', { withTimezone: true }),
    /** [{ at, by, isRectified, note }] */
    rechecks: jsonb('rechecks').notNull().default([]),
    rectifiedAt: timestamp('rectified_at', { withTimezone: true }),
    isStopWork: boolean('is_stop_work').notNull().default(false),
    deductionCents: integer('deduction_cents').notNull().default(0),
    penaltyReason: text('penalty_reason'),
    penaltyBy: text('penalty_by'),
    penaltyAt: timestamp('penalty_at', { withTimezone: true }),
  },
  (t) => [
    index('renovation_violations_ticket').on(t.ticketId, t.seq),
    index('renovation_violations_open')
      .on(t.companyId, t.communityId, t.status, t.deadlineAt)
      .where(sql`status in ('recorded', 'notice_issued', 'overdue')`),
  ],
);

/** A completion inspection (竣工验收): CS and engineering each sign their side. */
export const renovationInspections = pgTable(
  'renovation_inspections',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    round: integer('round').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    bookedBy: text('booked_by').notNull(),
    /** { items: [{ name, isPassed, note }], note, byName, byRole, at } */
    csSign: jsonb('cs_sign'),
    engSign: jsonb('eng_sign'),
    outcome: text('outcome').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('renovation_inspections_round').on(t.ticketId, t.round),
    index('renovation_inspections_list').on(t.companyId, t.communityId, t.outcome, t.at),
  ],
);
