import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * A community's monthly report to the company complaint centre: 部门客户投诉工作月报 (kind
 * `complaints`) or the owner-visit summary (`owner_visits`). The figures are a snapshot taken when
 * the report was generated (again while a draft); the case analysis is what the CS supervisor writes.
 */
export const monthlyReports = pgTable(
  'monthly_reports',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    kind: text('kind').notNull(),
    /** The month reported on, 'YYYY-MM' in the community's time zone. */
    period: text('period').notNull(),
    /** draft, submitted, received. */
    status: text('status').notNull(),
    figures: jsonb('figures').notNull(),
    /** CaseAnalysis: { summary, cases: [{ complaintId, title, cause, correctiveAction, preventiveAction }] }. */
    analysis: jsonb('analysis').notNull().default({ summary: '', cases: [] }),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** Still a draft at the due time: stays true once submitted late. */
    isOverdue: boolean('is_overdue').notNull().default(false),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
    generatedByName: text('generated_by_name').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedById: text('submitted_by_id'),
    submittedByName: text('submitted_by_name'),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    receivedById: text('received_by_id'),
    receivedByName: text('received_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // One report of each kind per community and month: generating twice changes nothing.
    uniqueIndex('monthly_reports_once').on(t.communityId, t.kind, t.period),
    index('monthly_reports_scope').on(t.companyId, t.communityId, t.status, t.period),
    index('monthly_reports_period').on(t.companyId, t.period, t.kind),
    index('monthly_reports_due').on(t.dueAt).where(sql`status = 'draft' and not is_overdue`),
  ],
);
