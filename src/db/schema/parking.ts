import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tickets } from './tickets.js';

/** 车位台账: a community's parking spaces. */
export const parkingSpaces = pgTable(
  'parking_spaces',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    number: text('number').notNull(),
    /** 区域 / 层: 'B1 区', '地面东区'… */
    zone: text('zone').notNull(),
    /** owned · rented · visitor */
    kind: text('kind').notNull(),
    /** free · occupied · reserved */
    status: text('status').notNull(),
    /** The application (ticket) holding it, while one does. */
    holderTicketId: uuid('holder_ticket_id'),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('parking_spaces_number').on(t.companyId, t.communityId, t.number),
    index('parking_spaces_list').on(t.companyId, t.communityId, t.status, t.zone, t.number),
  ],
);

/** 车位申请 and the 停车卡 it becomes, keyed by its ticket (number CW). */
export const parkingApplications = pgTable(
  'parking_applications',
  {
    ticketId: uuid('ticket_id')
      .primaryKey()
      .references(() => tickets.id),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    roomId: uuid('room_id').notNull(),
    plateNumber: text('plate_number').notNull(),
    vehicleModel: text('vehicle_model').notNull(),
    driverName: text('driver_name').notNull(),
    /** The space asked for; null = any. */
    wantedSpaceId: uuid('wanted_space_id'),
    spaceId: uuid('space_id'),
    agreementSignedAt: timestamp('agreement_signed_at', { withTimezone: true }),
    paidMonths: integer('paid_months'),
    cardNumber: text('card_number'),
    /** Local dates, inclusive. */
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    rejectionReason: text('rejection_reason'),
    cancelReason: text('cancel_reason'),
  },
  (t) => [
    uniqueIndex('parking_applications_card').on(t.companyId, t.communityId, t.cardNumber).where(sql`card_number is not null`),
    index('parking_applications_valid_to').on(t.companyId, t.communityId, t.validTo),
    index('parking_applications_room').on(t.roomId),
  ],
);

/** 收费处: every parking fee paid for an application (the first and each renewal). */
export const parkingPayments = pgTable(
  'parking_payments',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    amountCents: integer('amount_cents').notNull(),
    months: integer('months').notNull(),
    receiptNo: text('receipt_no').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    recordedById: text('recorded_by_id').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
  },
  (t) => [index('parking_payments_ticket').on(t.ticketId, t.paidAt)],
);

/** 业主/住户状况登记表 (vehicles): a household's vehicles, recorded when the parking agreement is signed. */
export const householdVehicles = pgTable(
  'household_vehicles',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    roomId: uuid('room_id').notNull(),
    plateNumber: text('plate_number').notNull(),
    vehicleModel: text('vehicle_model').notNull(),
    driverName: text('driver_name').notNull(),
    ticketId: uuid('ticket_id').notNull(),
    spaceId: uuid('space_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [index('household_vehicles_room').on(t.companyId, t.communityId, t.roomId, t.removedAt)],
);
