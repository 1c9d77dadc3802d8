import type { Role } from '../access/roles.js';

/**
 * A liaison form (工作联系单, [000] J-70): the office lists in-warranty defects and sends them to
 * the developer's department; its receiver signs, replies with a plan and a date, reports the
 * repair; the office visits and the resident signs; then it is closed.
 */
export const liaisonStatuses = [
  'awaiting_receipt', // 已发出，待开发商签收
  'awaiting_reply', // 已签收，待答复
  'repair_scheduled', // 已答复（方案、完成日期），待维修
  'repaired', // 开发商报修复，待回访
  'closed', // 已回访归档
  'cancelled', // 已作废
] as const;
export type LiaisonStatus = (typeof liaisonStatuses)[number];

export const openLiaisonStatuses: readonly LiaisonStatus[] = ['awaiting_receipt', 'awaiting_reply', 'repair_scheduled', 'repaired'];

/** 公司自建工程 → 生产安全部; 外协单位 → 技术质量部 / 工程计划部 ([000]). */
export const liaisonWorks = ['own_works', 'contractor'] as const;
export type LiaisonWorks = (typeof liaisonWorks)[number];

export const liaisonActions = ['receive', 'reply', 'report_repaired', 'record_visit', 'chase', 'cancel'] as const;
export type LiaisonAction = (typeof liaisonActions)[number];

export const liaisonFlags = ['reply_overdue', 'repair_overdue'] as const;
export type LiaisonFlag = (typeof liaisonFlags)[number];

export interface LiaisonRule {
  from: readonly LiaisonStatus[];
  to: LiaisonStatus | 'same';
  who: readonly (Role | 'system')[];
  clears?: readonly LiaisonFlag[];
  event: string;
}

/** The office (物业管理处) that compiles, chases and visits. */
export const liaisonOffice: readonly Role[] = ['clerk', 'cs_supervisor', 'director'];
const developer: Role[] = ['developer_liaison'];

export const liaisonRules: Record<LiaisonAction, LiaisonRule> = {
  receive: { from: ['awaiting_receipt'], to: 'awaiting_reply', who: developer, event: 'LiaisonReceived' },
  reply: { from: ['awaiting_reply'], to: 'repair_scheduled', who: developer, clears: ['reply_overdue'], event: 'LiaisonReplied' },
  report_repaired: { from: ['repair_scheduled'], to: 'repaired', who: developer, clears: ['repair_overdue'], event: 'LiaisonRepaired' },
  record_visit: { from: ['repaired'], to: 'closed', who: liaisonOffice, event: 'LiaisonVisited' },
  chase: { from: ['awaiting_receipt', 'awaiting_reply', 'repair_scheduled'], to: 'same', who: liaisonOffice, event: 'LiaisonChased' },
  cancel: {
    from: openLiaisonStatuses,
    to: 'cancelled',
    who: ['cs_supervisor', 'director'],
    clears: [...liaisonFlags],
    event: 'LiaisonCancelled',
  },
};

/** The actions a role may take on a liaison form in a state. */
export function liaisonActionsFor(status: LiaisonStatus, role: Role | 'system'): LiaisonAction[] {
  return liaisonActions.filter((a) => liaisonRules[a].from.includes(status) && liaisonRules[a].who.includes(role));
}
