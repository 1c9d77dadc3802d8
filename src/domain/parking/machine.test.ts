import { describe, expect, it } from 'vitest';
import {
  type ParkingAction,
  type ParkingStatus,
  parkingActions,
  parkingActionsFor,
  parkingRules,
  parkingStatuses,
  terminalParkingStatuses,
} from './machine.js';

const sorted = <T extends string>(xs: readonly T[]): T[] => [...xs].sort();

/** 办理车位手续流程 [001], step by step. */
const procedure: Record<ParkingAction, { from: ParkingStatus[]; to: ParkingStatus; who: string[] }> = {
  assign: { from: ['submitted'], to: 'assigned', who: ['clerk', 'cs_supervisor'] },
  reject: { from: ['submitted'], to: 'rejected', who: ['clerk', 'cs_supervisor'] },
  sign_agreement: { from: ['assigned'], to: 'signed', who: ['clerk', 'cs_supervisor'] },
  pay: { from: ['signed'], to: 'paid', who: ['finance'] },
  issue_card: { from: ['paid'], to: 'active', who: ['clerk', 'cs_supervisor'] },
  renew: { from: ['active', 'expired'], to: 'active', who: ['finance'] },
  cancel: {
    from: ['submitted', 'assigned', 'signed', 'paid', 'active', 'expired'],
    to: 'cancelled',
    who: ['clerk', 'cs_supervisor', 'resident'],
  },
  expire: { from: ['active'], to: 'expired', who: ['system'] },
};

describe('the parking table (车位, [001])', () => {
  it('has the states from application to an active, expired or cancelled card', () => {
    expect(parkingStatuses).toEqual(['submitted', 'assigned', 'signed', 'paid', 'active', 'expired', 'rejected', 'cancelled']);
    expect(terminalParkingStatuses).toEqual(['rejected', 'cancelled']);
  });
  it.each(parkingActions)('%s goes from and to the states, by the people the procedure names', (action) => {
    expect(sorted(parkingRules[action].from)).toEqual(sorted(procedure[action].from));
    expect(parkingRules[action].to).toBe(procedure[action].to);
    expect(sorted(parkingRules[action].who as string[])).toEqual(sorted(procedure[action].who));
  });
  it('lets nothing leave a rejected or cancelled application', () => {
    for (const s of terminalParkingStatuses) expect(parkingActions.filter((a) => parkingRules[a].from.includes(s))).toEqual([]);
  });
  it('lets a household withdraw only what nobody has handled yet', () => {
    expect(parkingActionsFor('submitted', 'resident')).toEqual(['cancel']);
    expect(parkingActionsFor('assigned', 'resident')).toEqual([]);
    expect(parkingActionsFor('active', 'clerk')).toEqual(['cancel']);
    expect(parkingActionsFor('active', 'finance')).toEqual(['renew']);
  });
});
