import { type FieldIssue, invalid } from '../shared/errors.js';

/** 投诉案例分析: one notable case of the month, its cause and what is done about it [001]. */
export interface CaseEntry {
  /** The complaint of the month it is about; null for a case written without one. */
  complaintId: string | null;
  title: string;
  cause: string;
  correctiveAction: string;
  preventiveAction: string;
}

/** The analysis the CS supervisor writes into the report. */
export interface CaseAnalysis {
  summary: string;
  cases: CaseEntry[];
}

const need = (field: string, zh: string, en: string): FieldIssue => ({
  field,
  message: { zh: `请填写${zh}`, en: `Fill in the ${en}` },
});

/**
 * Checks the analysis before it is stored: every case names its title, cause, corrective and
 * preventive action, and a case about a complaint names one of the month's complaints. Every
 * problem is reported at once, by field (cases.0.cause …).
 */
export function checkCaseAnalysis(analysis: CaseAnalysis, monthComplaintIds: readonly string[]): CaseAnalysis {
  const issues: FieldIssue[] = [];
  const trimmed = analysis.cases.map((c) => ({
    complaintId: c.complaintId,
    title: c.title.trim(),
    cause: c.cause.trim(),
    correctiveAction: c.correctiveAction.trim(),
    preventiveAction: c.preventiveAction.trim(),
  }));
  trimmed.forEach((c, i) => {
    if (!c.title) issues.push(need(`cases.${i}.title`, '案例', 'case'));
    if (!c.cause) issues.push(need(`cases.${i}.cause`, '原因分析', 'cause'));
    if (!c.correctiveAction) issues.push(need(`cases.${i}.correctiveAction`, '纠正措施', 'corrective action'));
    if (!c.preventiveAction) issues.push(need(`cases.${i}.preventiveAction`, '预防措施', 'preventive action'));
    if (c.complaintId !== null && !monthComplaintIds.includes(c.complaintId)) {
      issues.push({
        field: `cases.${i}.complaintId`,
        message: { zh: '该投诉不是本月受理的投诉', en: 'This complaint was not received in the month' },
      });
    }
  });
  const seen = new Set<string>();
  trimmed.forEach((c, i) => {
    if (c.complaintId === null) return;
    if (seen.has(c.complaintId)) {
      issues.push({
        field: `cases.${i}.complaintId`,
        message: { zh: '同一投诉只分析一次', en: 'Each complaint is analysed once' },
      });
    }
    seen.add(c.complaintId);
  });
  if (issues.length > 0) {
    throw invalid('invalid_analysis', { zh: '案例分析填写不完整', en: 'The case analysis is incomplete' }, issues);
  }
  return { summary: analysis.summary.trim(), cases: trimmed };
}
