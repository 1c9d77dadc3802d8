import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tickets } from './tickets.js';

/** In-warranty defects (保修期内维修): tables of this feature. */

/** 工作联系单: the liaison form's own fields (a ticket of kind `liaison`). */
export const liaisonForms = pgTable(
  'liaison_forms',
  {
    ticketId: uuid('ticket_id')
      .primaryKey()
      .references(() => tickets.id),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    /** own_works (公司自建工程) or contractor (外协单位). */
    works: text('works').notNull(),
    /** The developer's department it is addressed to (生产安全部, 技术质量部, 工程计划部…). */
    toDepartment: text('to_department').notNull(),
    subject: text('subject').notNull(),
    receiverName: text('receiver_name'),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    replyPlan: text('reply_plan'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    repairBy: timestamp('repair_by', { withTimezone: true }),
    repairedNote: text('repaired_note'),
    repairedAt: timestamp('repaired_at', { withTimezone: true }),
    /** signed / refused. */
    residentSignature: text('resident_signature'),
    visitComment: text('visit_comment'),
    visitedAt: timestamp('visited_at', { withTimezone: true }),
    visitedByName: text('visited_by_name'),
  },
  (t) => [index('liaison_forms_scope').on(t.companyId, t.communityId)],
);

/** One defect listed on a liaison form: where, what, its warranty class, and the record it came from. */
export const liaisonItems = pgTable(
  'liaison_items',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    seq: integer('seq').notNull(),
    /** repair (a repair order), complaint (a complaint record), inspection (entered by hand). */
    source: text('source').notNull(),
    sourceTicketId: uuid('source_ticket_id'),
    buildingId: uuid('building_id'),
    roomId: uuid('room_id'),
    location: text('location').notNull(),
    defect: text('defect').notNull(),
    warrantyClass: text('warranty_class').notNull(),
  },
  (t) => [
    index('liaison_items_form').on(t.ticketId, t.seq),
    index('liaison_items_source').on(t.companyId, t.communityId, t.sourceTicketId),
  ],
);
