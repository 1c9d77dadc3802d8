import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A property-management company: the tenant every row belongs to. */
export const companies = pgTable('companies', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  code: text('code').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 小区 / 管理处: a community (project office) of a company. */
export const communities = pgTable(
  'communities',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    name: text('name').notNull(),
    code: text('code').notNull(),
    address: text('address').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('communities_company_code').on(t.companyId, t.code)],
);

/** 楼栋 */
export const buildings = pgTable(
  'buildings',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    name: text('name').notNull(),
    /** 交付日期: when warranty periods start. */
    handoverDate: date('handover_date'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('buildings_scope').on(t.companyId, t.communityId)],
);

/** 室 / 户: a room within a building and unit (单元). */
export const rooms = pgTable(
  'rooms',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    unit: text('unit').notNull(),
    number: text('number').notNull(),
    floor: integer('floor').notNull(),
    areaSqm: integer('area_sqm'),
  },
  (t) => [
    index('rooms_scope').on(t.companyId, t.communityId, t.buildingId),
    uniqueIndex('rooms_address').on(t.buildingId, t.unit, t.number),
  ],
);

/** 业主 / 住户: a person of a household; residents log in with their phone. */
export const residents = pgTable(
  'residents',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    relation: text('relation').notNull().default('owner'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('residents_scope').on(t.companyId, t.communityId),
    index('residents_phone').on(t.phone),
    index('residents_room').on(t.roomId),
  ],
);
