import type { Role } from '../access/roles.js';

/**
 * A renovation (装修, domain.md §6 and [001]): application with documents → the clerk checks the
 * file the same day → the CS manager → the engineering manager → fees and deposit at the cashier →
 * permit → works (patrols, violations) → inspection by CS and engineering → deposit refund → closed.
 */
export const renovationStatuses = [
  'submitted', // 待资料审核: with the clerk, who checks the file the same day
  'cs_review', // 待客服经理审核
  'eng_review', // 待工程部经理审核
  'returned', // 退回修改: back with the applicant to correct and resubmit
  'approved', // 审核通过，待缴费
  'in_works', // 施工中: fees and deposit paid, permit issued
  'stopped', // 停工整改
  'inspection_booked', // 已预约竣工验收
  'inspection_failed', // 验收不合格，整改中
  'refund_due', // 验收合格，待退押金
  'closed', // 已退押金，结案
  'withdrawn', // 已撤回
] as const;
export type RenovationStatus = (typeof renovationStatuses)[number];

export const terminalRenovationStatuses: readonly RenovationStatus[] = ['closed', 'withdrawn'];
/** A permit is in force: patrols are due, violations can be recorded. */
export const worksStatuses: readonly RenovationStatus[] = ['in_works', 'stopped', 'inspection_booked', 'inspection_failed'];

export const renovationActions = [
  'edit',
  'pass_check',
  'return',
  'approve',
  'reject',
  'resubmit',
  'withdraw',
  'record_payment',
  'record_patrol',
  'record_violation',
  'issue_notice',
  'recheck',
  'decide_penalty',
  'resume_work',
  'book_inspection',
  'record_acceptance',
  'book_refund',
  'record_refund',
] as const;
export type RenovationAction = (typeof renovationActions)[number];

export const renovationFlags = ['check_overdue', 'rectification_overdue', 'refund_overdue'] as const;
export type RenovationFlag = (typeof renovationFlags)[number];

/**
 * `by`: `applicant` = the resident of the room (a resident may act only on their own household's
 * renovation; staff of the roles may act for them); `anyone` = any person of the roles.
 */
export interface RenovationRule {
  from: readonly RenovationStatus[];
  /** 'same' keeps the status; 'decided' lets the rules pick (approve, acceptance, penalty). */
  to: RenovationStatus | 'same' | 'decided';
  who: readonly Role[];
  clears?: readonly RenovationFlag[];
  event: string;
}

const desk: Role[] = ['clerk', 'cs_supervisor'];
const applicantOrDesk: Role[] = ['resident', ...desk];
/** Who patrols: the CS assistant (clerk), security (department staff), engineering. */
export const patrolRoles: readonly Role[] = ['clerk', 'cs_supervisor', 'department_staff', 'eng_supervisor', 'technician'];
/** Who may record a violation seen on site. */
const violationRecorders: Role[] = ['clerk', 'cs_supervisor', 'cs_manager', 'eng_supervisor', 'technician', 'department_staff'];
/** Who writes the rectification notice (整改通知书). */
const noticeIssuers: Role[] = ['clerk', 'cs_supervisor', 'cs_manager', 'eng_supervisor'];
/** The CS side and the engineering side of the completion inspection. */
export const csInspectors: readonly Role[] = ['clerk', 'cs_supervisor'];
export const engInspectors: readonly Role[] = ['eng_supervisor', 'technician'];
const preWorks: RenovationStatus[] = ['submitted', 'cs_review', 'eng_review', 'returned', 'approved'];
const violationOpen: RenovationStatus[] = ['in_works', 'stopped', 'inspection_booked', 'inspection_failed'];

export const renovationRules: Record<RenovationAction, RenovationRule> = {
  edit: { from: ['submitted', 'returned'], to: 'same', who: applicantOrDesk, event: 'RenovationEdited' },
  pass_check: { from: ['submitted'], to: 'cs_review', who: desk, clears: ['check_overdue'], event: 'RenovationFileChecked' },
  return: { from: ['submitted'], to: 'returned', who: desk, clears: ['check_overdue'], event: 'RenovationReturned' },
  approve: { from: ['cs_review', 'eng_review'], to: 'decided', who: ['cs_manager', 'eng_supervisor'], event: 'RenovationApproved' },
  reject: { from: ['cs_review', 'eng_review'], to: 'returned', who: ['cs_manager', 'eng_supervisor'], event: 'RenovationRejected' },
  resubmit: { from: ['returned'], to: 'submitted', who: applicantOrDesk, event: 'RenovationResubmitted' },
  withdraw: { from: preWorks, to: 'withdrawn', who: applicantOrDesk, clears: [...renovationFlags], event: 'RenovationWithdrawn' },
  record_payment: { from: ['approved'], to: 'in_works', who: ['finance'], event: 'RenovationPaid' },
  record_patrol: { from: violationOpen, to: 'same', who: patrolRoles, event: 'RenovationPatrolled' },
  record_violation: { from: violationOpen, to: 'same', who: violationRecorders, event: 'ViolationRecorded' },
  issue_notice: { from: violationOpen, to: 'same', who: noticeIssuers, event: 'RectificationNoticeIssued' },
  recheck: { from: violationOpen, to: 'same', who: violationRecorders, event: 'ViolationRechecked' },
  decide_penalty: { from: violationOpen, to: 'decided', who: ['eng_supervisor'], event: 'PenaltyDecided' },
  resume_work: { from: ['stopped'], to: 'in_works', who: ['eng_supervisor', 'cs_manager'], event: 'WorkResumed' },
  book_inspection: { from: ['in_works', 'inspection_failed'], to: 'inspection_booked', who: applicantOrDesk, event: 'InspectionBooked' },
  record_acceptance: { from: ['inspection_booked'], to: 'decided', who: [...csInspectors, ...engInspectors], event: 'AcceptanceRecorded' },
  book_refund: { from: ['refund_due'], to: 'same', who: ['finance'], event: 'RefundBooked' },
  record_refund: { from: ['refund_due'], to: 'closed', who: ['finance'], clears: [...renovationFlags], event: 'DepositRefunded' },
};

/** Which role approves at which review step (客服经理 then 工程部经理). */
export const reviewerOf: Partial<Record<RenovationStatus, Role>> = { cs_review: 'cs_manager', eng_review: 'eng_supervisor' };

/** The actions a role could take in a state (before it is checked whose renovation it is). */
export function renovationActionsFor(status: RenovationStatus, role: Role): RenovationAction[] {
  return renovationActions.filter((a) => {
    const rule = renovationRules[a];
    if (!rule.from.includes(status) || !rule.who.includes(role)) return false;
    if (a === 'approve' || a === 'reject') return reviewerOf[status] === role;
    return true;
  });
}
