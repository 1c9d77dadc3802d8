import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Versioned policy overrides: a company's (community null) or a community's. The newest wins. */
export const policyVersions = pgTable(
  'policy_versions',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').notNull(),
    communityId: uuid('community_id'),
    version: integer('version').notNull(),
    override: jsonb('override').notNull(),
    changedBy: text('changed_by').notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('policy_versions_scope').on(t.companyId, t.communityId, t.version)],
);
