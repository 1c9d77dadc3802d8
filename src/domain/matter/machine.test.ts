import { describe, expect, it } from 'vitest';
import {
  type MatterAction,
  matterActions,
  matterActionsFor,
  matterFlags,
  matterRules,
  matterStatuses,
  terminalMatterStatuses,
} from './machine.js';
import { everyone, procedure, stepsByState } from './test-support.js';

const sorted = <T extends string>(xs: readonly T[]): T[] => [...xs].sort();

describe('the matter table (报事, [002] 3.2)', () => {
  it('has the states of a matter, from created to closed or cancelled', () => {
    expect(matterStatuses).toEqual(['created', 'with_supervisor', 'with_department', 'in_progress', 'returned', 'closed', 'cancelled']);
    expect(terminalMatterStatuses).toEqual(['closed', 'cancelled']);
  });

  it('has exactly the steps of the hand-written procedure', () => {
    expect(sorted(matterActions)).toEqual(sorted(Object.keys(procedure) as MatterAction[]));
  });

  it.each(matterActions)('%s starts from the states, is taken by the people and on the matters the procedure names', (action) => {
    const rule = matterRules[action];
    const step = procedure[action];
    expect(sorted(rule.from)).toEqual(sorted(step.from));
    expect(sorted(rule.who)).toEqual(sorted(step.who));
    expect(rule.by).toBe(step.by);
    expect(rule.to).toBe(step.to);
  });

  it.each(matterStatuses)('in state %s allows exactly the steps the procedure allows there', (status) => {
    expect(sorted(matterActions.filter((a) => matterRules[a].from.includes(status)))).toEqual(sorted(stepsByState[status]));
  });

  it('lets nothing leave a closed or cancelled matter', () => {
    for (const status of terminalMatterStatuses) expect(matterActions.filter((a) => matterRules[a].from.includes(status))).toEqual([]);
  });

  it('settles a late hand-over by handing over, late work by finishing or moving it, and everything by closing or cancelling', () => {
    expect(sorted(matterRules.hand_over.clears ?? [])).toEqual(['completion_overdue', 'handover_overdue']);
    expect(matterRules.complete.clears).toEqual(['completion_overdue']);
    expect(sorted(matterRules.close.clears ?? [])).toEqual(sorted(matterFlags));
    expect(sorted(matterRules.cancel.clears ?? [])).toEqual(sorted(matterFlags));
  });

  it('gives every step its own history event name', () => {
    const events = matterActions.map((a) => matterRules[a].event);
    expect(new Set(events).size).toBe(events.length);
  });

  it('gives residents, finance and company-level roles no part in a matter', () => {
    for (const role of ['resident', 'finance', 'admin', 'company_manager', 'complaint_centre', 'developer_liaison'] as const) {
      for (const status of matterStatuses) expect(matterActionsFor(status, role), `${role} in ${status}`).toEqual([]);
    }
  });
});

describe('matterActionsFor: what each role may do in each state', () => {
  const cases = matterStatuses.flatMap((status) => everyone.map((who) => [status, who] as const));
  it.each(cases)('in %s a %s may do what the procedure says (before whose matter it is)', (status, who) => {
    expect(matterActionsFor(status, who)).toEqual(
      matterActions.filter((a) => procedure[a].from.includes(status) && procedure[a].who.includes(who)),
    );
  });
});
