import { describe, expect, it } from 'vitest';
import {
  type HotWorkAction,
  type HotWorkStatus,
  hotWorkActions,
  hotWorkActionsFor,
  hotWorkRules,
  hotWorkStatuses,
  terminalHotWorkStatuses,
} from './machine.js';

const sorted = <T extends string>(xs: readonly T[]): T[] => [...xs].sort();

/** The procedure as written in [001], step by step: who does what from where. */
const procedure: Record<HotWorkAction, { from: HotWorkStatus[]; who: string[] }> = {
  approve_cs: { from: ['pending_cs'], who: ['cs_supervisor', 'cs_manager'] },
  approve_engineering: { from: ['pending_engineering'], who: ['eng_supervisor'] },
  reject: { from: ['pending_cs', 'pending_engineering'], who: ['cs_supervisor', 'cs_manager', 'eng_supervisor'] },
  inspect: { from: ['active', 'suspended'], who: ['department_staff'] },
  close: { from: ['active', 'suspended', 'finished'], who: ['department_staff', 'clerk', 'cs_supervisor'] },
  cancel: { from: ['pending_cs', 'pending_engineering', 'issued'], who: ['clerk', 'cs_supervisor'] },
  start: { from: ['issued'], who: ['system'] },
  end: { from: ['issued', 'active', 'suspended'], who: ['system'] },
};

describe('the hot-work table (临时动火, [001])', () => {
  it('has the states of a permit, from CS review to closed, rejected or cancelled', () => {
    expect(hotWorkStatuses).toEqual([
      'pending_cs',
      'pending_engineering',
      'issued',
      'active',
      'suspended',
      'finished',
      'closed',
      'rejected',
      'cancelled',
    ]);
    expect(terminalHotWorkStatuses).toEqual(['closed', 'rejected', 'cancelled']);
  });

  it.each(hotWorkActions)('%s starts from the states and is taken by the people the procedure names', (action) => {
    expect(sorted(hotWorkRules[action].from)).toEqual(sorted(procedure[action].from));
    expect(sorted(hotWorkRules[action].who as string[])).toEqual(sorted(procedure[action].who));
  });

  it('lets nothing leave a closed, rejected or cancelled permit', () => {
    for (const s of terminalHotWorkStatuses) expect(hotWorkActions.filter((a) => hotWorkRules[a].from.includes(s))).toEqual([]);
  });

  it('lets each approver reject only at their own stage', () => {
    expect(hotWorkActionsFor('pending_cs', 'cs_supervisor', 'customer_service')).toEqual(['approve_cs', 'reject', 'cancel']);
    expect(hotWorkActionsFor('pending_cs', 'eng_supervisor', 'engineering')).toEqual([]);
    expect(hotWorkActionsFor('pending_engineering', 'eng_supervisor', 'engineering')).toEqual(['approve_engineering', 'reject']);
    expect(hotWorkActionsFor('pending_engineering', 'cs_manager', 'customer_service')).toEqual([]);
  });

  it('lets security, not other departments, inspect and close', () => {
    expect(hotWorkActionsFor('active', 'department_staff', 'security')).toEqual(['inspect', 'close']);
    expect(hotWorkActionsFor('active', 'department_staff', 'cleaning')).toEqual([]);
    expect(hotWorkActionsFor('finished', 'clerk', 'customer_service')).toEqual(['close']);
  });
});
