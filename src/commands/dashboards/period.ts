import type { DashboardQuery } from '../../contract/dashboard.js';
import { effectivePolicy, type PolicyOverride } from '../../domain/policy/policy.js';
import { invalid } from '../../domain/shared/errors.js';
import { isSensiblePeriod, type LocalPeriod, periodInstants, presetPeriod } from '../../domain/stats/dashboard.js';
import { latestOverride } from '../../db/repositories/policy.js';
import type { Deps, Principal } from '../context.js';
import type { DashboardPeriod } from './query-dashboard.js';

/** The longest period the dashboards accept, in days. */
const maxPeriodDays = 366;

/**
 * The instants a dashboard request covers: a preset or two local dates (both included) of the
 * company's time zone; with neither, this month so far.
 */
export async function dashboardPeriodOf(deps: Deps, p: Principal, q: DashboardQuery): Promise<DashboardPeriod> {
  const company = await latestOverride(deps.database.db, p.companyId, null);
  const timeZone = effectivePolicy(company?.override as PolicyOverride | undefined, undefined).timezone;
  let local: LocalPeriod;
  if (q.from || q.to) {
    if (!q.from || !q.to) {
      const message = { zh: '请同时填写开始和结束日期', en: 'Give both the first and the last day' };
      throw invalid('required', message, [{ field: q.from ? 'to' : 'from', message }]);
    }
    local = { from: q.from, to: q.to };
  } else {
    local = presetPeriod(q.preset ?? 'this_month', deps.clock.now(), timeZone);
  }
  if (!isSensiblePeriod(local, maxPeriodDays)) {
    const message = {
      zh: `结束日期须不早于开始日期，且期间不超过 ${maxPeriodDays} 天`,
      en: `The last day must not be before the first, and at most ${maxPeriodDays} days`,
    };
    throw invalid('invalid_period', message, [{ field: 'to', message }]);
  }
  return { communityId: q.communityId, ...periodInstants(local, timeZone) };
}
