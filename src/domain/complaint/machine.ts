import type { Role } from '../access/roles.js';

/**
 * The complaint's lifecycle (domain.md §4, seed [003] 业户投诉处理规程), as a table a reader can
 * check against the procedure: for each action, the states it may start from, the state it leads
 * to, and who may take it. Rules that need more than the table (the complaint's class, the
 * payload, the signer's department) live in decide.ts.
 *
 * The paths, by class:
 *   valid      recorded → contacting → in_hand → awaiting_signoff → awaiting_reply → replied → closed
 *   collective as valid, the director contacts, a special incident report before the home-visit reply
 *   assisted   recorded → referring → in_hand (progress updates) → awaiting_signoff → awaiting_reply → …
 *   invalid    recorded → awaiting_reply (explain within 2 h) → replied → closed
 *   on the spot  recorded straight into awaiting_reply by the staff who fixed it → replied → closed
 */
export const complaintStatuses = [
  'recorded', // 已登记: logged on the duty record, waiting for the CS supervisor to classify it
  'contacting', // 待联系: valid or collective, the complainant must be contacted and a reply time agreed
  'referring', // 待转交: assisted, the written referral to the solving department is not sent yet
  'in_hand', // 处理中: being handled by the solving department (or the developer / outside party)
  'awaiting_signoff', // 待签认: result recorded, the solving department's head must sign it [000]
  'awaiting_reply', // 待回复: result ready (or explanation due), the complainant must be answered
  'replied', // 已回复: answered, waiting for the follow-up visit (100% visited [000])
  'closed', // 已回访归档: visited; an unsatisfied complainant's new complaint carries on
  'merged', // 已并案: folded into a collective case that keeps every household
  'withdrawn', // 已撤诉: the complainant withdrew it
] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

export const terminalStatuses: readonly ComplaintStatus[] = ['closed', 'merged', 'withdrawn'];
export const openStatuses: readonly ComplaintStatus[] = complaintStatuses.filter((s) => !terminalStatuses.includes(s));
/** Not answered yet: the states in which a complaint can still be late and climb the ladder. */
export const unansweredStatuses: readonly ComplaintStatus[] = [
  'recorded',
  'contacting',
  'referring',
  'in_hand',
  'awaiting_signoff',
  'awaiting_reply',
];

export const complaintActions = [
  'classify',
  'contact',
  'refer',
  'update_progress',
  'escalate',
  'file_incident_report',
  'record_result',
  'return_result',
  'sign_off',
  'reply',
  'report_to_centre',
  'visit',
  'merge',
  'withdraw',
] as const;
export type ComplaintAction = (typeof complaintActions)[number];

/** `'same'` keeps the state; `'decided'` means decide.ts picks it from the class or the payload. */
export type Target = ComplaintStatus | 'same' | 'decided';

export const overdueFlags = [
  'classify_overdue',
  'contact_overdue',
  'referral_overdue',
  'reply_overdue',
  'progress_update_overdue',
  'centre_report_overdue',
  'visit_overdue',
] as const;
export type OverdueFlag = (typeof overdueFlags)[number];

export interface ActionRule {
  from: readonly ComplaintStatus[];
  to: Target;
  who: readonly Role[];
  /** Resident actions are for the complainant only. */
  complainantOnly?: boolean;
  /** Overdue flags this action settles. */
  clears?: readonly OverdueFlag[];
  event: string;
}

const desk: Role[] = ['clerk', 'cs_supervisor'];
/** Heads who may sign a result for their department [000]; decide.ts checks the department. */
const departmentHeads: Role[] = [
  'director',
  'cs_manager',
  'cs_supervisor',
  'eng_supervisor',
  'department_staff',
  'finance',
  'developer_liaison',
];
const beingHandled: ComplaintStatus[] = ['in_hand', 'awaiting_signoff', 'awaiting_reply'];

export const complaintRules: Record<ComplaintAction, ActionRule> = {
  // 客服主管按投诉内容区分为有效投诉、协助投诉或无效投诉 (and collective) [003].
  classify: {
    from: ['recorded'],
    to: 'decided',
    who: ['cs_supervisor', 'director'],
    clears: ['classify_overdue'],
    event: 'ComplaintClassified',
  },
  // Valid: 2 小时内和业户联系，约定回复时间 [003]; collective: the director contacts the households.
  contact: {
    from: ['contacting'],
    to: 'in_hand',
    who: ['cs_supervisor', 'director'],
    clears: ['contact_overdue'],
    event: 'ComplainantContacted',
  },
  // Assisted: 书面报告解决部门 / 转呈发展商 [003], by the person who took the complaint or the supervisor.
  refer: { from: ['referring'], to: 'in_hand', who: [...desk, 'director'], clears: ['referral_overdue'], event: 'ComplaintReferred' },
  // 及时通报投诉处理的进程 [003].
  update_progress: {
    from: beingHandled,
    to: 'same',
    who: [...desk, 'director'],
    clears: ['progress_update_overdue'],
    event: 'ProgressUpdated',
  },
  // 提交上级领导处理，必要时提交主管副总经理或总经理 [003]: one rung at a time.
  escalate: {
    from: ['contacting', 'referring', ...beingHandled],
    to: 'same',
    who: [...desk, 'director', 'cs_manager', 'complaint_centre', 'company_manager'],
    event: 'ComplaintEscalated',
  },
  // 《特别事故报告》 for a collective complaint, filed by the director [003].
  file_incident_report: {
    from: ['contacting', ...beingHandled],
    to: 'same',
    who: ['director'],
    event: 'IncidentReportFiled',
  },
  record_result: { from: ['in_hand'], to: 'awaiting_signoff', who: [...desk, 'director'], event: 'ResultRecorded' },
  // The head refuses to sign: back to the department.
  return_result: { from: ['awaiting_signoff'], to: 'in_hand', who: departmentHeads, event: 'ResultReturned' },
  // 由具体解决部门的负责人签字认可 [000].
  sign_off: { from: ['awaiting_signoff'], to: 'awaiting_reply', who: departmentHeads, event: 'ResultSignedOff' },
  reply: {
    from: ['awaiting_reply'],
    to: 'replied',
    who: [...desk, 'director'],
    clears: ['reply_overdue', 'progress_update_overdue'],
    event: 'ComplainantReplied',
  },
  // 公司客户投诉处理中心转交的投诉，处理完毕后12小时内报结果 [003].
  report_to_centre: {
    from: ['replied', 'closed'],
    to: 'same',
    who: ['cs_supervisor', 'director'],
    clears: ['centre_report_overdue'],
    event: 'ResultReportedToCentre',
  },
  // 对投诉100%进行回访 [000]; unsatisfied → a new complaint linked to this one (重新投诉 [003]).
  visit: {
    from: ['replied'],
    to: 'closed',
    who: [...desk, 'director', 'cs_manager'],
    clears: ['visit_overdue'],
    event: 'ComplaintVisited',
  },
  // Folded into a collective case (collective.ts proposes; the supervisor decides).
  merge: {
    from: ['recorded', 'contacting', 'referring', 'in_hand'],
    to: 'merged',
    who: ['cs_supervisor', 'director'],
    clears: ['classify_overdue', 'contact_overdue', 'referral_overdue', 'reply_overdue', 'progress_update_overdue'],
    event: 'ComplaintMerged',
  },
  withdraw: {
    from: [...unansweredStatuses],
    to: 'withdrawn',
    who: ['resident', ...desk],
    complainantOnly: true,
    clears: ['classify_overdue', 'contact_overdue', 'referral_overdue', 'reply_overdue', 'progress_update_overdue'],
    event: 'ComplaintWithdrawn',
  },
};

/** The actions a role could take on a complaint in a state, before the class and payload are checked. */
export function actionsFor(status: ComplaintStatus, role: Role): ComplaintAction[] {
  return complaintActions.filter((a) => complaintRules[a].from.includes(status) && complaintRules[a].who.includes(role));
}
