import { localDay } from '../../domain/goods-passes/daily-review.js';
import { type Deps, loadPolicy, type Principal } from '../context.js';
import { getReport } from './query-reports.js';
import { reportWorkbook } from './report-workbook.js';

/** One report as an .xlsx (the centre's export), dates in the community's time zone. */
export async function exportReport(deps: Deps, p: Principal, id: string): Promise<{ name: string; bytes: Buffer }> {
  const r = await getReport(deps, p, id);
  const tz = (await loadPolicy(deps.database.db, p.companyId, r.communityId)).timezone;
  const bytes = await reportWorkbook(r, (iso) => (iso ? localDay(new Date(iso), tz) : ''));
  const title = r.kind === 'complaints' ? '部门客户投诉工作月报' : '业户访问月度汇总';
  return { name: `${r.communityName}-${r.period}-${title}.xlsx`, bytes };
}
