import type { Role } from '../access/roles.js';

/**
 * A hot-work permit (临时动火, domain.md §7, [001]): the contractor applies on the form
 * 临时动火作业申请表 → customer service approves → engineering approves → the desk issues the
 * permit with its safety notes → work runs in its window while security inspects at any time.
 */
export const hotWorkStatuses = [
  'pending_cs', // 待客服审批
  'pending_engineering', // 待工程审批
  'issued', // 已发证: permit issued, window not yet begun
  'active', // 动火中
  'suspended', // 已停工: a problem found on inspection, work must stop
  'finished', // 时段已结束: the window is over, the site still to be checked and closed
  'closed', // 已完工关闭
  'rejected', // 已驳回
  'cancelled', // 已取消
] as const;
export type HotWorkStatus = (typeof hotWorkStatuses)[number];

export const terminalHotWorkStatuses: readonly HotWorkStatus[] = ['closed', 'rejected', 'cancelled'];

/** Types of work on the form (作业类型): 电焊 · 切割 · 打磨 · 其他. */
export const hotWorkTypes = ['welding', 'cutting', 'grinding', 'other'] as const;
export type HotWorkType = (typeof hotWorkTypes)[number];

export const hotWorkActions = ['approve_cs', 'approve_engineering', 'reject', 'inspect', 'close', 'cancel', 'start', 'end'] as const;
export type HotWorkAction = (typeof hotWorkActions)[number];

/**
 * One step of the procedure: from which states, to which (`decided` = the rules pick), who may
 * take it, and `security` when a department member must work in security (保安部).
 */
export interface HotWorkRule {
  from: readonly HotWorkStatus[];
  to: HotWorkStatus | 'decided';
  who: readonly (Role | 'system')[];
  security?: boolean;
  event: string;
}

/** 客服部审批 */
export const csApprovers: readonly Role[] = ['cs_supervisor', 'cs_manager'];
/** 工程部审批 */
export const engineeringApprovers: readonly Role[] = ['eng_supervisor'];
const desk: Role[] = ['clerk', 'cs_supervisor'];

export const hotWorkRules: Record<HotWorkAction, HotWorkRule> = {
  approve_cs: { from: ['pending_cs'], to: 'pending_engineering', who: csApprovers, event: 'HotWorkApprovedByCs' },
  approve_engineering: { from: ['pending_engineering'], to: 'decided', who: engineeringApprovers, event: 'HotWorkPermitIssued' },
  // Either approver may reject at their own stage (see `rejectorsAt`).
  reject: {
    from: ['pending_cs', 'pending_engineering'],
    to: 'rejected',
    who: [...csApprovers, ...engineeringApprovers],
    event: 'HotWorkRejected',
  },
  inspect: { from: ['active', 'suspended'], to: 'decided', who: ['department_staff'], security: true, event: 'HotWorkInspected' },
  close: {
    from: ['active', 'suspended', 'finished'],
    to: 'closed',
    who: ['department_staff', ...desk],
    security: true,
    event: 'HotWorkClosed',
  },
  cancel: { from: ['pending_cs', 'pending_engineering', 'issued'], to: 'cancelled', who: desk, event: 'HotWorkCancelled' },
  // The window's own steps, taken by the timers.
  start: { from: ['issued'], to: 'active', who: ['system'], event: 'HotWorkStarted' },
  end: { from: ['issued', 'active', 'suspended'], to: 'finished', who: ['system'], event: 'HotWorkWindowEnded' },
};

/** Who may reject in each review stage: each approver only their own stage. */
export const rejectorsAt: Partial<Record<HotWorkStatus, readonly Role[]>> = {
  pending_cs: csApprovers,
  pending_engineering: engineeringApprovers,
};

/** The actions a person could take on a permit in a state, before it is checked whose department they work in. */
export function hotWorkActionsFor(status: HotWorkStatus, role: Role | 'system', department: string | null): HotWorkAction[] {
  return hotWorkActions.filter((a) => {
    const rule = hotWorkRules[a];
    if (!rule.from.includes(status) || !rule.who.includes(role)) return false;
    if (rule.security && role === 'department_staff' && department !== 'security') return false;
    if (a === 'reject') return (rejectorsAt[status] ?? []).includes(role as Role);
    return true;
  });
}
