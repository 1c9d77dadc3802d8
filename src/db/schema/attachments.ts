import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * Uploaded documents and photos of the front-desk processes (a renovation's drawings and licences,
 * a patrol's or an inspection's photos). Kept in the database so a backup holds everything; the
 * owner (`ownerKind` + `ownerId`) decides who may read one, through its own route.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id').notNull(),
    /** What the file belongs to: 'renovation', 'renovation_patrol', 'hot_work_inspection', 'patrol_round'… */
    ownerKind: text('owner_kind').notNull(),
    ownerId: uuid('owner_id').notNull(),
    /** Why it was uploaded: a required document's code ('floor_plan'), 'photo'… */
    purpose: text('purpose').notNull(),
    /** The name the uploader gave it, for display and download only. */
    filename: text('filename').notNull(),
    /** The type sniffed from the bytes; the declared type is never trusted. */
    mime: text('mime').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    uploadedById: text('uploaded_by_id').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('attachments_owner').on(t.ownerKind, t.ownerId, t.createdAt)],
);
