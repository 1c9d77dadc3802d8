import type { Role } from '../access/roles.js';

/**
 * A goods release pass (物品放行条, domain.md §7, seed [001] 物品放行流程). A resident or their
 * delegate applies (at the desk, or ahead on the phone); the desk checks who they are and what the
 * household owes, then issues a numbered two-part pass; the gate compares the goods with part 2,
 * keeps it and signs "released", or sends the person back to the desk. An unused pass expires.
 */
export const goodsPassStatuses = [
  'applied', // 待开具: applied for, not yet issued
  'issued', // 已开具: valid, waiting at the gate
  'released', // 已放行: the gate kept part 2 and signed
  'returned', // 已退回: the gate sent the person back to the desk
  'expired', // 已过期: not used in time
  'cancelled', // 已作废
] as const;
export type GoodsPassStatus = (typeof goodsPassStatuses)[number];

export const terminalGoodsPassStatuses: readonly GoodsPassStatus[] = ['released', 'returned', 'expired', 'cancelled'];

export const goodsPassActions = ['issue', 'override', 'release', 'return', 'expire', 'cancel'] as const;
export type GoodsPassAction = (typeof goodsPassActions)[number];

/** 业主 · 租户 · 受托人 (a delegate needs the owner's authorisation). */
export const applicantRelations = ['owner', 'tenant', 'delegate'] as const;
export type ApplicantRelation = (typeof applicantRelations)[number];

/** The identity document shown at the desk; only its last digits are kept. */
export const idTypes = ['id_card', 'passport', 'hk_macau_permit', 'driving_licence', 'other'] as const;
export type IdType = (typeof idTypes)[number];

export interface GoodsPassRule {
  from: readonly GoodsPassStatus[];
  to: GoodsPassStatus | 'same';
  who: readonly (Role | 'system')[];
  event: string;
}

const desk: Role[] = ['clerk', 'cs_supervisor'];
/** The gate: security staff (门岗保安). */
const gate: Role[] = ['department_staff'];

export const goodsPassRules: Record<GoodsPassAction, GoodsPassRule> = {
  issue: { from: ['applied'], to: 'issued', who: desk, event: 'PassIssued' },
  // 遇特殊情况上报客服主管: the supervisor lets a household with arrears take its goods out.
  override: { from: ['applied'], to: 'same', who: ['cs_supervisor'], event: 'ArrearsOverridden' },
  release: { from: ['issued'], to: 'released', who: gate, event: 'PassReleased' },
  return: { from: ['issued'], to: 'returned', who: gate, event: 'PassReturned' },
  expire: { from: ['issued'], to: 'expired', who: ['system'], event: 'PassExpired' },
  cancel: { from: ['applied', 'issued'], to: 'cancelled', who: [...desk, 'resident'], event: 'PassCancelled' },
};

/** The actions a role could take on a pass in a state (residents may only withdraw an application). */
export function goodsPassActionsFor(status: GoodsPassStatus, role: Role | 'system'): GoodsPassAction[] {
  return goodsPassActions.filter(
    (a) =>
      goodsPassRules[a].from.includes(status) &&
      goodsPassRules[a].who.includes(role) &&
      !(a === 'cancel' && role === 'resident' && status !== 'applied'),
  );
}
