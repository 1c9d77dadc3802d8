import type { Role } from '../access/roles.js';

/**
 * A monthly report's life (部门客户投诉工作月报 and the owner-visit summary [003]): generated as a
 * draft on the 1st, filled in and submitted by the community by the policy day, received by the
 * company complaint centre.
 */
export const reportStatuses = [
  'draft', // 草稿: figures taken, the case analysis being written
  'submitted', // 已上报: sent to the company complaint centre
  'received', // 已签收: the centre has it
] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** The two reports every community owes each month. */
export const reportKinds = ['complaints', 'owner_visits'] as const;
export type ReportKind = (typeof reportKinds)[number];

export const reportActions = ['regenerate', 'write_analysis', 'submit', 'receive'] as const;
export type ReportAction = (typeof reportActions)[number];

export interface ReportRule {
  from: readonly ReportStatus[];
  to: ReportStatus;
  who: readonly Role[];
  event: string;
}

/** Who prepares a community's report: the CS supervisor writes it, the director reviews it (经管理处主任审阅). */
const preparers: Role[] = ['cs_supervisor', 'director'];

export const reportRules: Record<ReportAction, ReportRule> = {
  // Figures are taken again while the report is a draft (late classifications, late visits).
  regenerate: { from: ['draft'], to: 'draft', who: preparers, event: 'ReportRegenerated' },
  // 投诉案例分析: causes, corrective and preventive actions [001].
  write_analysis: { from: ['draft'], to: 'draft', who: preparers, event: 'ReportAnalysisWritten' },
  // 下月5日前报公司业户投诉处理中心 [003].
  submit: { from: ['draft'], to: 'submitted', who: preparers, event: 'ReportSubmitted' },
  receive: { from: ['submitted'], to: 'received', who: ['complaint_centre'], event: 'ReportReceived' },
};

/** The report's next state, or why the action cannot be taken now. */
export function nextReportStatus(
  status: ReportStatus,
  action: ReportAction,
  role: Role,
): { ok: true; to: ReportStatus } | { ok: false; reason: 'role' | 'state' } {
  const rule = reportRules[action];
  if (!rule.who.includes(role)) return { ok: false, reason: 'role' };
  if (!rule.from.includes(status)) return { ok: false, reason: 'state' };
  return { ok: true, to: rule.to };
}

/** Late: still a draft once the due time has come. A report submitted late stays marked late. */
export const isReportOverdue = (status: ReportStatus, dueAt: Date, now: Date): boolean =>
  status === 'draft' && now.getTime() >= dueAt.getTime();
