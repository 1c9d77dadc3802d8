import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tickets } from './tickets.js';

/**
 * 临时动火作业申请表 / 动火许可证: a hot-work permit's own fields, keyed by its ticket. The
 * shared ticket row holds the number (DH), the place, the state and the policy snapshot.
 */
export const hotWorkPermits = pgTable(
  'hot_work_permits',
  {
    ticketId: uuid('ticket_id')
      .primaryKey()
      .references(() => tickets.id),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    /** 施工单位 */
    applicantCompany: text('applicant_company').notNull(),
    /** 现场负责人 and their phone */
    personInCharge: text('person_in_charge').notNull(),
    personInChargePhone: text('person_in_charge_phone').notNull(),
    /** 动火操作人 and 特种作业操作证编号 */
    operatorName: text('operator_name').notNull(),
    operatorCertificateNo: text('operator_certificate_no').notNull(),
    workType: text('work_type').notNull(),
    reason: text('reason').notNull(),
    windowStartAt: timestamp('window_start_at', { withTimezone: true }).notNull(),
    windowEndAt: timestamp('window_end_at', { withTimezone: true }).notNull(),
    /** 消防措施: extinguishers on site, the fire watcher, combustibles cleared. */
    extinguisherCount: integer('extinguisher_count').notNull(),
    fireWatcherName: text('fire_watcher_name').notNull(),
    hasClearedCombustibles: boolean('has_cleared_combustibles').notNull(),
    csApprovedById: text('cs_approved_by_id'),
    csApprovedByName: text('cs_approved_by_name'),
    csApprovedAt: timestamp('cs_approved_at', { withTimezone: true }),
    engineeringApprovedById: text('engineering_approved_by_id'),
    engineeringApprovedByName: text('engineering_approved_by_name'),
    engineeringApprovedAt: timestamp('engineering_approved_at', { withTimezone: true }),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    /** The safety notes the permit was issued with (动火注意事项), bilingual. */
    safetyNotes: jsonb('safety_notes').$type<{ zh: string; en: string }[]>().notNull().default([]),
    lastInspectedAt: timestamp('last_inspected_at', { withTimezone: true }),
    inspectionCount: integer('inspection_count').notNull().default(0),
    rejectionReason: text('rejection_reason'),
    closedByName: text('closed_by_name'),
    closeNote: text('close_note'),
    /** The rejected application this one applies again for. */
    reappliedFromId: uuid('reapplied_from_id'),
  },
  (t) => [index('hot_work_permits_window').on(t.companyId, t.communityId, t.windowStartAt)],
);

/** 动火巡查记录: security's inspections of a permit's site during its window. */
export const hotWorkInspections = pgTable(
  'hot_work_inspections',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    inspectorId: text('inspector_id').notNull(),
    inspectorName: text('inspector_name').notNull(),
    /** ok · problem */
    findings: text('findings').notNull(),
    note: text('note'),
    /** What the inspection did to the permit: none · suspended · resumed */
    outcome: text('outcome').notNull(),
  },
  (t) => [index('hot_work_inspections_ticket').on(t.ticketId, t.at)],
);
