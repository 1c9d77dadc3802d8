import type { Role } from '../access/roles.js';

/**
 * A follow-up visit task (回访, domain.md §5) for any finished ticket, as a table a reader can
 * check against the procedure. The rest (what the visit found) is in decide.ts.
 */
export const visitStatuses = [
  'pending', // 待回访: due by a time, phone or on site
  'booked', // 已预约: a home visit booked with the resident
  'rectifying', // 待整改通知: visited, problems found, the written notice to the technician is due
  'reprocessing', // 重新处理中: unsatisfied; the ticket is being reprocessed, to be visited again
  'closed', // 已回访
  'cancelled', // 已取消: the ticket was voided
] as const;
export type VisitStatus = (typeof visitStatuses)[number];

export const terminalVisitStatuses: readonly VisitStatus[] = ['closed', 'cancelled'];

export const visitActions = ['assign', 'book', 'record', 'issue_rectification_notice', 'rework_done', 'cancel'] as const;
export type VisitAction = (typeof visitActions)[number];

export const visitFlags = ['visit_overdue', 'rectification_overdue'] as const;
export type VisitFlag = (typeof visitFlags)[number];

/**
 * `visitor`: the assigned visitor, or an overseer; an unassigned task is anybody's of the roles
 * but a technician's (a repairer visits only the orders drawn for them). `anyone`: any of the roles.
 */
export interface VisitRule {
  from: readonly VisitStatus[];
  to: VisitStatus | 'same' | 'decided';
  who: readonly (Role | 'system')[];
  by: 'visitor' | 'anyone';
  clears?: readonly VisitFlag[];
  event: string;
}

/** Who visits: the desk, the office, the engineering head, the repairer on sampling duty [004][003]. */
export const visitors: readonly Role[] = ['clerk', 'cs_supervisor', 'cs_manager', 'director', 'eng_supervisor', 'technician'];
/** Who may act on any visit, to supervise the visit rate. */
export const visitOverseers: readonly Role[] = ['cs_supervisor', 'cs_manager', 'director'];
const planners: Role[] = ['cs_supervisor', 'cs_manager', 'director', 'eng_supervisor'];
const desk: Role[] = ['clerk', 'cs_supervisor', 'cs_manager', 'director'];

export const visitRules: Record<VisitAction, VisitRule> = {
  assign: { from: ['pending', 'booked', 'reprocessing'], to: 'same', who: planners, by: 'anyone', event: 'VisitAssigned' },
  book: { from: ['pending', 'booked'], to: 'booked', who: visitors, by: 'visitor', event: 'HomeVisitBooked' },
  record: { from: ['pending', 'booked'], to: 'decided', who: visitors, by: 'visitor', clears: ['visit_overdue'], event: 'VisitRecorded' },
  issue_rectification_notice: {
    from: ['pending', 'booked', 'rectifying', 'reprocessing'],
    to: 'decided',
    who: [...desk, 'eng_supervisor'],
    by: 'anyone',
    clears: ['rectification_overdue'],
    event: 'RectificationNoticeIssued',
  },
  rework_done: { from: ['reprocessing'], to: 'pending', who: [...desk, 'eng_supervisor', 'system'], by: 'anyone', event: 'ReworkDone' },
  cancel: {
    from: ['pending', 'booked', 'rectifying', 'reprocessing'],
    to: 'cancelled',
    who: [...desk, 'system'],
    by: 'anyone',
    clears: [...visitFlags],
    event: 'VisitCancelled',
  },
};

/** The actions a role could take on a visit in a state, before it is checked whose visit it is. */
export function visitActionsFor(status: VisitStatus, role: Role | 'system'): VisitAction[] {
  return visitActions.filter((a) => visitRules[a].from.includes(status) && visitRules[a].who.includes(role));
}
