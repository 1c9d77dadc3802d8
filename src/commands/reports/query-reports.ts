import { eq, inArray, type SQL } from 'drizzle-orm';
import type { ReportDetail, ReportListQuery } from '../../contract/reports.js';
import { monthlyReports } from '../../db/schema/index.js';
import { communityScope, type Deps, type Principal, requirePermission } from '../context.js';
import { visibleTo } from './act-on-report.js';
import { reportDetailOf, reportSummaryOf } from './present.js';
import { communityNames, findReport, listReports } from './store.js';

/** The reports by month and community: a community's staff see their own, the centre every community's. */
export async function queryReports(deps: Deps, p: Principal, q: ReportListQuery) {
  requirePermission(p, 'report.view');
  const ex = deps.database.db;
  const scope = await communityScope(ex, p, q.communityId);
  const where: SQL[] = [eq(monthlyReports.companyId, p.companyId)];
  if (scope) where.push(inArray(monthlyReports.communityId, scope));
  if (q.period) where.push(eq(monthlyReports.period, q.period));
  if (q.kind) where.push(eq(monthlyReports.kind, q.kind));
  if (q.status) where.push(eq(monthlyReports.status, q.status));
  const { items, total } = await listReports(ex, where, q.limit, q.offset);
  return { items: items.map((i) => reportSummaryOf(i.report, i.communityName)), total };
}

/** One report in full; another community's is not found. */
export async function getReport(deps: Deps, p: Principal, id: string): Promise<ReportDetail> {
  requirePermission(p, 'report.view');
  const ex = deps.database.db;
  const r = visibleTo(p, await findReport(ex, p.companyId, id));
  const names = await communityNames(ex, [r.communityId]);
  return reportDetailOf(r, names.get(r.communityId) ?? '', p);
}
