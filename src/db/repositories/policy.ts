import { and, asc, desc, eq, isNull, or } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { policyVersions } from '../schema/index.js';

/** The newest override of a company (communityId null) or of one community. */
export async function latestOverride(ex: Executor, companyId: string, communityId: string | null) {
  const [row] = await ex
    .select()
    .from(policyVersions)
    .where(
      and(
        eq(policyVersions.companyId, companyId),
        communityId ? eq(policyVersions.communityId, communityId) : isNull(policyVersions.communityId),
      ),
    )
    .orderBy(desc(policyVersions.version))
    .limit(1);
  return row ?? null;
}

export async function insertPolicyVersion(ex: Executor, row: typeof policyVersions.$inferInsert): Promise<void> {
  await ex.insert(policyVersions).values(row);
}

export async function policyHistory(ex: Executor, companyId: string, communityId: string | null) {
  return ex
    .select()
    .from(policyVersions)
    .where(
      and(
        eq(policyVersions.companyId, companyId),
        communityId ? eq(policyVersions.communityId, communityId) : isNull(policyVersions.communityId),
      ),
    )
    .orderBy(desc(policyVersions.version))
    .limit(100);
}

/** The newest company override and the newest override of one community, in one query. */
export async function latestOverrides(ex: Executor, companyId: string, communityId: string) {
  const rows = await ex
    .selectDistinctOn([policyVersions.communityId])
    .from(policyVersions)
    .where(
      and(eq(policyVersions.companyId, companyId), or(isNull(policyVersions.communityId), eq(policyVersions.communityId, communityId))),
    )
    .orderBy(asc(policyVersions.communityId), desc(policyVersions.version));
  return {
    company: rows.find((r) => r.communityId === null) ?? null,
    community: rows.find((r) => r.communityId === communityId) ?? null,
  };
}

/** The newest override of the company and of each of its communities, in one query. */
export async function latestOverridesOfCompany(ex: Executor, companyId: string) {
  return ex
    .selectDistinctOn([policyVersions.communityId])
    .from(policyVersions)
    .where(eq(policyVersions.companyId, companyId))
    .orderBy(asc(policyVersions.communityId), desc(policyVersions.version));
}
