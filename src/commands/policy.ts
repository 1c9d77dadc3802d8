import { randomUUID } from 'node:crypto';
import { defaultPolicy, effectivePolicy, type PolicyOverride, policyOverrideSchema } from '../domain/policy/policy.js';
import { forbidden, invalid } from '../domain/shared/errors.js';
import { isCompanyLevel } from '../domain/access/roles.js';
import { insertPolicyVersion, latestOverride, policyHistory } from '../db/repositories/policy.js';
import { communityScope, type Deps, type Principal, requirePermission } from './context.js';

/** The policy in force for a community, with the layers it comes from and their history. */
export async function viewPolicy(deps: Deps, p: Principal, communityId: string | undefined) {
  requirePermission(p, 'policy.view');
  const ex = deps.database.db;
  const scope = await communityScope(ex, p, communityId);
  const target = communityId ?? (scope && scope.length === 1 ? scope[0]! : null);
  const company = await latestOverride(ex, p.companyId, null);
  const community = target ? await latestOverride(ex, p.companyId, target) : null;
  const history = [...(await policyHistory(ex, p.companyId, null)), ...(target ? await policyHistory(ex, p.companyId, target) : [])].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime(),
  );
  return {
    defaults: defaultPolicy(),
    effective: effectivePolicy(company?.override as PolicyOverride | undefined, community?.override as PolicyOverride | undefined),
    companyOverride: (company?.override as PolicyOverride | undefined) ?? {},
    communityOverride: (community?.override as PolicyOverride | undefined) ?? {},
    communityId: target,
    history,
  };
}

/**
 * Saves a new version of the company's or a community's override. Orders keep the policy they
 * were created under; only new orders see the change.
 */
export async function updatePolicy(deps: Deps, p: Principal, communityId: string | null, override: unknown, note: string) {
  requirePermission(p, 'policy.edit');
  if (!isCompanyLevel(p.role) && communityId !== p.communityId) throw forbidden();
  const ex = deps.database.db;
  if (communityId) await communityScope(ex, p, communityId);
  const parsed = policyOverrideSchema.safeParse(override);
  if (!parsed.success) {
    throw invalid(
      'invalid_policy',
      { zh: '策略数值无效', en: 'Invalid policy values' },
      parsed.error.issues.map((i) => ({
        field: ['override', ...i.path].join('.'),
        message: { zh: `数值无效：${i.message}`, en: i.message },
      })),
    );
  }
  const now = deps.clock.now();
  await ex.transaction(async (tx) => {
    const latest = await latestOverride(tx, p.companyId, communityId);
    // Validate the merged result too, so a community can never end up with an unusable policy.
    effectivePolicy(parsed.data);
    await insertPolicyVersion(tx, {
      id: randomUUID(),
      companyId: p.companyId,
      communityId,
      version: (latest?.version ?? 0) + 1,
      override: parsed.data,
      changedBy: p.name,
      note,
      createdAt: now,
    });
  });
  return viewPolicy(deps, p, communityId ?? undefined);
}
