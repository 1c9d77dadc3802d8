import { periodOf, previousPeriod } from '../domain/reports/period.js';
import { type Deps, loadPolicy } from './context.js';
import { submitReport, writeCaseAnalysis } from './reports/act-on-report.js';
import { generateDueReports, generateReports } from './reports/generate-reports.js';
import { getReport } from './reports/query-reports.js';
import type { DemoSummary } from './seed-demo.js';
import { demoStaff } from './seed-sample-orders.js';

/**
 * Sample monthly reports through the real commands: last month's of every community as the duty
 * on the 1st makes them (翠湖苑's complaint report already submitted, waiting at the centre), and
 * 阳光花园's of this month generated now, its first complaint analysed.
 */
export async function seedSampleReports(deps: Deps, demo: DemoSummary): Promise<void> {
  const yg = demo.communities.find((c) => c.code === 'YG');
  const ch = demo.communities.find((c) => c.code === 'CH');
  if (!yg || !ch) return;
  await generateDueReports(deps);

  const chSup = await demoStaff(deps, 'ch.cssup');
  const ygSup = await demoStaff(deps, 'yg.cssup');
  const tz = (await loadPolicy(deps.database.db, demo.companyId, yg.id)).timezone;
  const thisMonth = periodOf(deps.clock.now(), tz);
  const chReports = await generateReports(deps, chSup, { communityId: ch.id, period: previousPeriod(thisMonth) });
  const chComplaints = chReports.items.find((r) => r.kind === 'complaints');
  if (chComplaints) await submitReport(deps, chSup, chComplaints.id);

  const now = await generateReports(deps, ygSup, { communityId: yg.id, period: thisMonth });
  const report = now.items.find((r) => r.kind === 'complaints');
  if (!report) return;
  const first = (await getReport(deps, ygSup, report.id)).complaintFigures?.complaints[0];
  await writeCaseAnalysis(deps, ygSup, report.id, {
    summary: '本月投诉以服务态度和噪音为主，均已按时联系业户。',
    cases: first
      ? [
          {
            complaintId: first.id,
            title: first.content.slice(0, 40),
            cause: '岗位培训不到位，交接班沟通不畅',
            correctiveAction: '当面向业户致歉，责任人批评教育',
            preventiveAction: '每月开展服务礼仪培训，纳入绩效考核',
          },
        ]
      : [],
  });
}
