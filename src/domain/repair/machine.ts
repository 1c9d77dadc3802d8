import type { Role } from '../access/roles.js';

/**
 * The repair order's lifecycle (domain.md §3), as a table a reader can check against the
 * procedure: for each action, the states it may start from, the state it leads to, and who may
 * take it. Rules that need more than the table (whose order it is, what the payload says) live
 * in decide.ts.
 */
export const repairStatuses = [
  'open', // 待抢单 / 待派工: created, waiting for a technician
  'dispatched', // 已派工: assigned, waiting for the technician to accept
  'accepted', // 已接单
  'on_the_way', // 在途
  'arrived', // 已到场: on site, code not yet checked
  'in_progress', // 维修中
  'on_hold', // 挂起: parts, long job, resident not home
  'awaiting_quote', // 待报价: out-of-scope work, supervisor prices it
  'awaiting_approval', // 待业主确认报价
  'returned', // 已退回前台: resident refused the price or the job is infeasible
  'completed', // 已完工, waiting for the resident's confirmation
  'confirmed', // 业主已确认, waiting for the follow-up visit
  'closed', // 已回访归档
  'cancelled', // 已取消
] as const;
export type RepairStatus = (typeof repairStatuses)[number];

export const openStatuses: readonly RepairStatus[] = repairStatuses.filter((s) => !['closed', 'cancelled'].includes(s));

export const repairActions = [
  'grab',
  'assign',
  'accept',
  'decline',
  'set_off',
  'arrive',
  'verify_code',
  'confirm_by_phone',
  'reschedule',
  'record_work',
  'hold',
  'resume',
  'request_quote',
  'quote',
  'accept_quote',
  'refuse_quote',
  'complete',
  'confirm',
  'reject_completion',
  'record_payment',
  'visit',
  'cancel',
  'close_returned',
] as const;
export type RepairAction = (typeof repairActions)[number];

/** `'same'` keeps the state; a function picks the target from the order or the payload. */
export type Target = RepairStatus | 'same' | 'decided';

export interface ActionRule {
  from: readonly RepairStatus[];
  to: Target;
  who: readonly Role[];
  /** Technician actions are for the assigned technician only. */
  assigneeOnly?: boolean;
  /** Resident actions are for the reporting household only. */
  ownerOnly?: boolean;
  /** Overdue flags this action settles. */
  clears?: readonly OverdueFlag[];
  event: string;
}

export const overdueFlags = [
  'grab_overdue',
  'accept_overdue',
  'arrival_overdue',
  'progress_overdue',
  'not_done_same_day',
  'quote_overdue',
  'visit_overdue',
] as const;
export type OverdueFlag = (typeof overdueFlags)[number];

const desk: Role[] = ['clerk', 'cs_supervisor'];
const dispatchers: Role[] = ['eng_supervisor', 'director'];
const beforeArrival: RepairStatus[] = ['open', 'dispatched', 'accepted', 'on_the_way'];

export const repairRules: Record<RepairAction, ActionRule> = {
  grab: { from: ['open'], to: 'accepted', who: ['technician'], clears: ['grab_overdue'], event: 'OrderGrabbed' },
  assign: {
    from: ['open', 'dispatched', 'accepted'],
    to: 'dispatched',
    who: [...dispatchers, ...desk],
    clears: ['grab_overdue', 'accept_overdue'],
    event: 'OrderAssigned',
  },
  accept: {
    from: ['dispatched'],
    to: 'accepted',
    who: ['technician'],
    assigneeOnly: true,
    clears: ['accept_overdue'],
    event: 'OrderAccepted',
  },
  // Back up for grabs: the order no longer waits for acceptance, so it is no longer late accepting.
  decline: {
    from: ['dispatched'],
    to: 'open',
    who: ['technician'],
    assigneeOnly: true,
    clears: ['accept_overdue'],
    event: 'OrderDeclined',
  },
  set_off: { from: ['accepted'], to: 'on_the_way', who: ['technician'], assigneeOnly: true, event: 'TechnicianSetOff' },
  arrive: {
    from: ['accepted', 'on_the_way'],
    to: 'arrived',
    who: ['technician'],
    assigneeOnly: true,
    clears: ['arrival_overdue', 'progress_overdue'],
    event: 'TechnicianArrived',
  },
  verify_code: { from: ['arrived'], to: 'in_progress', who: ['technician'], assigneeOnly: true, event: 'CodeVerified' },
  confirm_by_phone: { from: ['arrived'], to: 'in_progress', who: desk, event: 'VerifiedByPhone' },
  reschedule: {
    from: [...beforeArrival, 'arrived', 'on_hold'],
    to: 'decided',
    who: [...dispatchers, ...desk],
    clears: ['arrival_overdue', 'progress_overdue', 'not_done_same_day'],
    event: 'AppointmentRescheduled',
  },
  record_work: { from: ['arrived', 'in_progress', 'on_hold'], to: 'same', who: ['technician'], assigneeOnly: true, event: 'WorkRecorded' },
  hold: {
    from: ['arrived', 'in_progress'],
    to: 'on_hold',
    who: ['technician'],
    assigneeOnly: true,
    clears: ['progress_overdue'],
    event: 'OrderPutOnHold',
  },
  resume: { from: ['on_hold'], to: 'decided', who: ['technician'], assigneeOnly: true, event: 'OrderResumed' },
  request_quote: {
    from: ['arrived', 'in_progress'],
    to: 'awaiting_quote',
    who: ['technician'],
    assigneeOnly: true,
    event: 'QuoteRequested',
  },
  quote: { from: ['awaiting_quote'], to: 'decided', who: dispatchers, clears: ['quote_overdue'], event: 'QuoteGiven' },
  accept_quote: { from: ['awaiting_approval'], to: 'decided', who: ['resident', ...desk], ownerOnly: true, event: 'QuoteAccepted' },
  refuse_quote: { from: ['awaiting_approval'], to: 'returned', who: ['resident', ...desk], ownerOnly: true, event: 'QuoteRefused' },
  complete: {
    from: ['in_progress'],
    to: 'completed',
    who: ['technician'],
    assigneeOnly: true,
    clears: ['arrival_overdue', 'progress_overdue', 'not_done_same_day'],
    event: 'OrderCompleted',
  },
  confirm: { from: ['completed'], to: 'confirmed', who: ['resident', ...desk], ownerOnly: true, event: 'CompletionConfirmed' },
  reject_completion: { from: ['completed'], to: 'in_progress', who: ['resident', ...desk], ownerOnly: true, event: 'CompletionRejected' },
  record_payment: { from: ['completed', 'confirmed', 'closed'], to: 'same', who: ['finance'], event: 'PaymentRecorded' },
  visit: {
    from: ['confirmed'],
    to: 'decided',
    who: [...desk, 'eng_supervisor', 'cs_manager'],
    clears: ['visit_overdue'],
    event: 'VisitRecorded',
  },
  cancel: {
    from: [...beforeArrival, 'awaiting_quote', 'awaiting_approval', 'on_hold'],
    to: 'cancelled',
    who: ['resident', ...desk, ...dispatchers],
    ownerOnly: true,
    clears: [...overdueFlags],
    event: 'OrderCancelled',
  },
  close_returned: { from: ['returned'], to: 'closed', who: desk, clears: [...overdueFlags], event: 'OrderClosed' },
};

/** The actions a role could take on an order in a state, before ownership is checked. */
export function actionsFor(status: RepairStatus, role: Role): RepairAction[] {
  return repairActions.filter((a) => {
    const rule = repairRules[a];
    if (!rule.from.includes(status) || !rule.who.includes(role)) return false;
    // A resident may cancel only while nobody has started on the order.
    if (a === 'cancel' && role === 'resident') return status === 'open' || status === 'dispatched';
    return true;
  });
}
