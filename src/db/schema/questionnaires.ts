import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { QuestionnairePolicy } from '../../domain/questionnaires/policy.js';
import type { Mark } from '../../domain/stats/satisfaction.js';

/** Questionnaires (问卷调查): tables of this feature. */

/** One item of a questionnaire: a question rated 满意 / 基本满意 / 不满意. */
export interface QuestionnaireItem {
  id: string;
  text: string;
}

/** A questionnaire of a community for a period ('YYYY-MM'): one per community and period. */
export const questionnaires = pgTable(
  'questionnaires',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    title: text('title').notNull(),
    period: text('period').notNull(),
    items: jsonb('items').$type<QuestionnaireItem[]>().notNull(),
    status: text('status').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedById: text('issued_by_id'),
    issuedByName: text('issued_by_name'),
    /** Local dates of the recovery and statistics deadlines (working days from issue). */
    recoveryDeadline: date('recovery_deadline', { mode: 'string' }),
    statisticsDeadline: date('statistics_deadline', { mode: 'string' }),
    /** The end of the recovery deadline's day: no answer is taken from then on. */
    closesAt: timestamp('closes_at', { withTimezone: true }),
    /** The questionnaire rules in force when it was issued: its statistics keep them. */
    policy: jsonb('policy').$type<QuestionnairePolicy>(),
    createdById: text('created_by_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('questionnaires_period').on(t.companyId, t.communityId, t.period),
    index('questionnaires_list').on(t.companyId, t.communityId, t.status, t.period),
  ],
);

/** A household a questionnaire was issued to (已入住户), and its answer once recovered. */
export const questionnaireHouseholds = pgTable(
  'questionnaire_households',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id),
    roomId: uuid('room_id').notNull(),
    /** '1栋 1单元 101', as it was at issue. */
    roomLabel: text('room_label').notNull(),
    sortOrder: integer('sort_order').notNull(),
    /** One mark per item, in the questionnaire's item order; null until answered. */
    marks: jsonb('marks').$type<Mark[]>(),
    comment: text('comment'),
    /** 'phone' (the resident) or 'paper' (entered by the clerk). */
    channel: text('channel'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredById: text('answered_by_id'),
    answeredByName: text('answered_by_name'),
  },
  (t) => [
    uniqueIndex('questionnaire_households_room').on(t.questionnaireId, t.roomId),
    index('questionnaire_households_scope').on(t.companyId, t.communityId, t.questionnaireId, t.sortOrder),
    index('questionnaire_households_room_lookup').on(t.companyId, t.roomId),
  ],
);
