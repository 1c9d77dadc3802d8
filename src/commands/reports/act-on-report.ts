import type { CaseAnalysisBody, ComplaintFiguresView, ReportDetail } from '../../contract/reports.js';
import { isCompanyLevel } from '../../domain/access/roles.js';
import { checkCaseAnalysis } from '../../domain/reports/case-analysis.js';
import { type ReportAction, type ReportKind, nextReportStatus, type ReportStatus } from '../../domain/reports/machine.js';
import { conflict, forbidden, notFound } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { type Deps, loadPolicy, type Principal, requirePermission } from '../context.js';
import { noticeRoles, takeFigures } from './generate-reports.js';
import { reportDetailOf } from './present.js';
import { communityNames, lockReport, type ReportRow, updateReport } from './store.js';

const notFoundReport = () => notFound({ zh: '月报', en: 'Report' });

/** The report, if this person may see it: company-level roles every community's, community staff their own. */
export function visibleTo(p: Principal, r: ReportRow | undefined): ReportRow {
  if (!r || r.companyId !== p.companyId) throw notFoundReport();
  if (!isCompanyLevel(p.role) && r.communityId !== p.communityId) throw notFoundReport();
  return r;
}

const stateTexts: Record<ReportAction, { zh: string; en: string }> = {
  regenerate: { zh: '月报已上报，不能重新生成数据', en: 'The report is submitted: its figures are final' },
  write_analysis: { zh: '月报已上报，不能再修改', en: 'The report is submitted: it can no longer be changed' },
  submit: { zh: '月报已上报', en: 'The report is already submitted' },
  receive: { zh: '月报尚未上报或已签收', en: 'The report is not submitted, or already received' },
};

/** Locks the report, checks scope, role and state, applies `change`, and returns the report as it now is. */
async function act(
  deps: Deps,
  p: Principal,
  id: string,
  action: ReportAction,
  change: (tx: Executor, r: ReportRow, to: ReportStatus, now: Date) => Promise<Partial<ReportRow>>,
): Promise<ReportDetail> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const r = visibleTo(p, await lockReport(tx, p.companyId, id));
    const next = nextReportStatus(r.status as ReportStatus, action, p.role);
    if (!next.ok) {
      if (next.reason === 'role') throw forbidden();
      throw conflict('report_not_open', stateTexts[action]);
    }
    const patch = { ...(await change(tx, r, next.to, now)), status: next.to, updatedAt: now };
    await updateReport(tx, r.id, patch);
    const names = await communityNames(tx, [r.communityId]);
    return reportDetailOf({ ...r, ...patch }, names.get(r.communityId) ?? '', p);
  });
}

/** Takes the draft's figures again (late classifications, visits recorded since); the analysis is kept. */
export async function regenerateReport(deps: Deps, p: Principal, id: string): Promise<ReportDetail> {
  requirePermission(p, 'report.prepare');
  return act(deps, p, id, 'regenerate', async (tx, r, _to, now) => {
    const policy = await loadPolicy(tx, r.companyId, r.communityId);
    return {
      figures: await takeFigures(tx, r.companyId, r.communityId, r.kind as ReportKind, r.period, policy),
      generatedAt: now,
      generatedByName: p.name,
    };
  });
}

/** 投诉案例分析: the CS supervisor's causes, corrective and preventive actions for the month's cases. */
export async function writeCaseAnalysis(deps: Deps, p: Principal, id: string, body: CaseAnalysisBody): Promise<ReportDetail> {
  requirePermission(p, 'report.prepare');
  return act(deps, p, id, 'write_analysis', async (_tx, r) => {
    if (r.kind !== 'complaints') {
      throw conflict('no_case_analysis', { zh: '业户访问汇总没有案例分析', en: 'The owner-visit summary has no case analysis' });
    }
    const ids = (r.figures as ComplaintFiguresView).complaints.map((c) => c.id);
    return { analysis: checkCaseAnalysis(body, ids) };
  });
}

/** 上报: sent to the company complaint centre, which hears of it. */
export async function submitReport(deps: Deps, p: Principal, id: string): Promise<ReportDetail> {
  requirePermission(p, 'report.prepare');
  return act(deps, p, id, 'submit', async (tx, r, _to, now) => {
    await noticeRoles(
      tx,
      r,
      ['complaint_centre'],
      'ReportSubmitted',
      { zh: `管理处上报了${r.period}月报`, en: `A community submitted its report of ${r.period}` },
      now,
      false,
    );
    return { submittedAt: now, submittedById: p.id, submittedByName: p.name };
  });
}

/** 签收: the company complaint centre has the report; the community hears of it. */
export async function receiveReport(deps: Deps, p: Principal, id: string): Promise<ReportDetail> {
  requirePermission(p, 'report.receive');
  return act(deps, p, id, 'receive', async (tx, r, _to, now) => {
    await noticeRoles(
      tx,
      r,
      ['cs_supervisor'],
      'ReportReceived',
      { zh: `公司投诉中心已签收${r.period}月报`, en: `The complaint centre received the report of ${r.period}` },
      now,
    );
    return { receivedAt: now, receivedById: p.id, receivedByName: p.name };
  });
}
