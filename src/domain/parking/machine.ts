import type { Role } from '../access/roles.js';

/**
 * A parking application and the card it becomes (车位, domain.md §7, [001] 办理车位手续流程):
 * application with documents → the desk checks and assigns a space → 车位使用协议 signed and the
 * household register (业主/住户状况登记表) updated → fee paid at the cashier → 停车卡 issued →
 * active until it expires; renewal extends it after a new payment; cancelling frees the space.
 */
export const parkingStatuses = [
  'submitted', // 待审核
  'assigned', // 已分配车位: waiting for the agreement
  'signed', // 已签协议: waiting for the fee
  'paid', // 已缴费: waiting for the card
  'active', // 有效
  'expired', // 已过期
  'rejected', // 未通过
  'cancelled', // 已注销
] as const;
export type ParkingStatus = (typeof parkingStatuses)[number];

export const terminalParkingStatuses: readonly ParkingStatus[] = ['rejected', 'cancelled'];

/** What kind of space: 产权车位 · 租赁车位 · 访客车位. */
export const parkingSpaceKinds = ['owned', 'rented', 'visitor'] as const;
export type ParkingSpaceKind = (typeof parkingSpaceKinds)[number];

/** 空闲 · 已占用 · 已预留 */
export const parkingSpaceStatuses = ['free', 'occupied', 'reserved'] as const;
export type ParkingSpaceStatus = (typeof parkingSpaceStatuses)[number];

export const parkingActions = ['assign', 'reject', 'sign_agreement', 'pay', 'issue_card', 'renew', 'cancel', 'expire'] as const;
export type ParkingAction = (typeof parkingActions)[number];

export interface ParkingRule {
  from: readonly ParkingStatus[];
  to: ParkingStatus;
  who: readonly (Role | 'system')[];
  event: string;
}

const desk: Role[] = ['clerk', 'cs_supervisor'];

export const parkingRules: Record<ParkingAction, ParkingRule> = {
  assign: { from: ['submitted'], to: 'assigned', who: desk, event: 'ParkingSpaceAssigned' },
  reject: { from: ['submitted'], to: 'rejected', who: desk, event: 'ParkingApplicationRejected' },
  sign_agreement: { from: ['assigned'], to: 'signed', who: desk, event: 'ParkingAgreementSigned' },
  pay: { from: ['signed'], to: 'paid', who: ['finance'], event: 'ParkingFeePaid' },
  issue_card: { from: ['paid'], to: 'active', who: desk, event: 'ParkingCardIssued' },
  renew: { from: ['active', 'expired'], to: 'active', who: ['finance'], event: 'ParkingCardRenewed' },
  // A household withdraws its own application before it is handled (see `residentMayCancelIn`).
  cancel: {
    from: ['submitted', 'assigned', 'signed', 'paid', 'active', 'expired'],
    to: 'cancelled',
    who: [...desk, 'resident'],
    event: 'ParkingCancelled',
  },
  expire: { from: ['active'], to: 'expired', who: ['system'], event: 'ParkingCardExpired' },
};

/** A resident may withdraw only an application nobody has handled yet. */
export const residentMayCancelIn: readonly ParkingStatus[] = ['submitted'];

/** The actions a person could take on an application in a state. */
export function parkingActionsFor(status: ParkingStatus, role: Role | 'system'): ParkingAction[] {
  return parkingActions.filter((a) => {
    const rule = parkingRules[a];
    if (!rule.from.includes(status) || !rule.who.includes(role)) return false;
    return !(a === 'cancel' && role === 'resident' && !residentMayCancelIn.includes(status));
  });
}
