import type { ComplaintFiguresView, OwnerVisitFiguresView, ReportDetail, ReportSummary } from '../../contract/reports.js';
import { can } from '../../domain/access/permissions.js';
import type { CaseAnalysis } from '../../domain/reports/case-analysis.js';
import { nextReportStatus, type ReportKind, type ReportStatus } from '../../domain/reports/machine.js';
import type { Principal } from '../context.js';
import type { ReportRow } from './store.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A report as listed. */
export function reportSummaryOf(r: ReportRow, communityName: string): ReportSummary {
  return {
    id: r.id,
    communityId: r.communityId,
    communityName,
    kind: r.kind as ReportKind,
    period: r.period,
    status: r.status as ReportStatus,
    dueAt: r.dueAt.toISOString(),
    isOverdue: r.isOverdue,
    generatedAt: r.generatedAt.toISOString(),
    submittedAt: iso(r.submittedAt),
    receivedAt: iso(r.receivedAt),
  };
}

/** A report in full, with what this person may do with it now. */
export function reportDetailOf(r: ReportRow, communityName: string, p: Principal): ReportDetail {
  const status = r.status as ReportStatus;
  const may = (action: Parameters<typeof nextReportStatus>[1], permission: Parameters<typeof can>[1]) =>
    can(p.role, permission) && nextReportStatus(status, action, p.role).ok;
  return {
    ...reportSummaryOf(r, communityName),
    complaintFigures: r.kind === 'complaints' ? (r.figures as ComplaintFiguresView) : null,
    ownerVisitFigures: r.kind === 'owner_visits' ? (r.figures as OwnerVisitFiguresView) : null,
    analysis: r.analysis as CaseAnalysis,
    generatedByName: r.generatedByName,
    submittedByName: r.submittedByName,
    receivedByName: r.receivedByName,
    can: {
      regenerate: may('regenerate', 'report.prepare'),
      writeAnalysis: r.kind === 'complaints' && may('write_analysis', 'report.prepare'),
      submit: may('submit', 'report.prepare'),
      receive: may('receive', 'report.receive'),
    },
  };
}
