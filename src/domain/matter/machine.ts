import type { Role } from '../access/roles.js';

/**
 * A matter (报事, domain.md §3 and [002] 3.2): non-repair work for another department. The desk
 * creates it and sends it to the community's specialist supervisor, who hands it to a department;
 * the department accepts and completes it, and it returns to the desk (返单); a visit follows.
 */
export const matterStatuses = [
  'created', // 已建单: not yet sent
  'with_supervisor', // 待分派: with the specialist supervisor (项目专业主管)
  'with_department', // 待接单: handed to a department, not yet accepted
  'in_progress', // 处理中
  'returned', // 已返单: done, back at the desk, waiting for the follow-up visit
  'closed', // 已回访归档
  'cancelled', // 已取消
] as const;
export type MatterStatus = (typeof matterStatuses)[number];

export const terminalMatterStatuses: readonly MatterStatus[] = ['closed', 'cancelled'];

/** 保安部 · 清洁部 · 绿化部 · 工程部 · 其他 */
export const matterDepartments = ['security', 'cleaning', 'landscaping', 'engineering', 'other'] as const;
export type MatterDepartment = (typeof matterDepartments)[number];

export const matterActions = ['send', 'hand_over', 'decline', 'accept', 'complete', 'chase', 'reopen', 'close', 'cancel'] as const;
export type MatterAction = (typeof matterActions)[number];

export const matterFlags = ['handover_overdue', 'completion_overdue'] as const;
export type MatterFlag = (typeof matterFlags)[number];

/**
 * Whose matter: `supervisor` = the specialist supervisor it was sent to (or the director);
 * `department` = staff of the department it was handed to; `anyone` = any person of the roles.
 */
export interface MatterRule {
  from: readonly MatterStatus[];
  to: MatterStatus | 'same' | 'decided';
  who: readonly (Role | 'system')[];
  by: 'supervisor' | 'department' | 'anyone';
  clears?: readonly MatterFlag[];
  event: string;
}

const desk: Role[] = ['clerk', 'cs_supervisor'];
/** The community's specialist supervisors, who dispatch matters. */
export const specialistSupervisors: readonly Role[] = ['cs_supervisor', 'eng_supervisor', 'director'];
/** Staff who work in a department: its head and members (engineering: supervisor and technicians). */
export const departmentRoles: readonly Role[] = ['department_staff', 'eng_supervisor', 'technician'];
const open: MatterStatus[] = ['created', 'with_supervisor', 'with_department', 'in_progress'];

export const matterRules: Record<MatterAction, MatterRule> = {
  send: { from: ['created'], to: 'with_supervisor', who: desk, by: 'anyone', event: 'MatterSent' },
  hand_over: {
    from: ['with_supervisor', 'with_department', 'in_progress'],
    to: 'with_department',
    who: specialistSupervisors,
    by: 'supervisor',
    clears: ['handover_overdue', 'completion_overdue'],
    event: 'MatterHandedOver',
  },
  decline: {
    from: ['with_department'],
    to: 'with_supervisor',
    who: departmentRoles,
    by: 'department',
    clears: ['completion_overdue'],
    event: 'MatterDeclined',
  },
  accept: { from: ['with_department'], to: 'in_progress', who: departmentRoles, by: 'department', event: 'MatterAccepted' },
  complete: {
    from: ['in_progress'],
    to: 'returned',
    who: departmentRoles,
    by: 'department',
    clears: ['completion_overdue'],
    event: 'MatterReturned',
  },
  chase: { from: ['with_supervisor', 'with_department', 'in_progress'], to: 'same', who: desk, by: 'anyone', event: 'MatterChased' },
  reopen: { from: ['returned'], to: 'with_department', who: [...desk, 'system'], by: 'anyone', event: 'MatterReopened' },
  close: { from: ['returned'], to: 'closed', who: [...desk, 'system'], by: 'anyone', clears: [...matterFlags], event: 'MatterClosed' },
  cancel: { from: open, to: 'cancelled', who: [...desk, 'director'], by: 'anyone', clears: [...matterFlags], event: 'MatterCancelled' },
};

/** The actions a role could take on a matter in a state, before it is checked whose matter it is. */
export function matterActionsFor(status: MatterStatus, role: Role | 'system'): MatterAction[] {
  return matterActions.filter((a) => matterRules[a].from.includes(status) && matterRules[a].who.includes(role));
}
