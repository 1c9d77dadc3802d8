import { describe, expect, it } from 'vitest';
import {
  type IntakeAction,
  intakeActions,
  intakeActionsFor,
  intakeFlags,
  intakeRules,
  intakeStatuses,
  terminalIntakeStatuses,
} from './machine.js';
import { everyone, expectedAllowed, procedure, stepsByState } from './test-support.js';

const sorted = <T extends string>(xs: readonly T[]): T[] => [...xs].sort();

describe('the duty-log table (domain.md §2)', () => {
  it('has the states of an entry, from logged to closed or voided', () => {
    expect(intakeStatuses).toEqual(['logged', 'awaiting_reply', 'emergency', 'responding', 'referred', 'closed', 'voided']);
    expect(terminalIntakeStatuses).toEqual(['closed', 'voided']);
  });

  it('has exactly the steps of the hand-written procedure', () => {
    expect(sorted(intakeActions)).toEqual(sorted(Object.keys(procedure) as IntakeAction[]));
  });

  it.each(intakeActions)('%s starts from the states, is taken by the people and on the entries the procedure names', (action) => {
    const rule = intakeRules[action];
    const step = procedure[action];
    expect(sorted(rule.from)).toEqual(sorted(step.from));
    expect(sorted(rule.who)).toEqual(sorted(step.who));
    expect(rule.by).toBe(step.by);
    if (rule.to !== 'decided') expect(rule.to).toBe(step.to);
  });

  it.each(intakeStatuses)('in state %s allows exactly the steps the procedure allows there', (status) => {
    expect(sorted(intakeActions.filter((a) => intakeRules[a].from.includes(status)))).toEqual(sorted(stepsByState[status]));
  });

  it('lets nothing leave a closed or voided entry', () => {
    for (const status of terminalIntakeStatuses) expect(intakeActions.filter((a) => intakeRules[a].from.includes(status))).toEqual([]);
  });

  it('gives every step its own history event name', () => {
    const events = intakeActions.map((a) => intakeRules[a].event);
    expect(new Set(events).size).toBe(events.length);
  });

  it('settles a late reply by replying, and an unanswered alarm by taking it', () => {
    expect(intakeRules.reply.clears).toEqual(['reply_overdue']);
    expect(intakeRules.acknowledge.clears).toEqual(['emergency_unacknowledged']);
    expect(sorted(intakeRules.close.clears ?? [])).toEqual(sorted(intakeFlags));
  });

  it('binds every community staff member by first-contact responsibility, but no resident nor company-level role', () => {
    for (const role of ['resident', 'admin', 'company_manager', 'complaint_centre', 'developer_liaison'] as const) {
      for (const status of intakeStatuses) expect(intakeActionsFor(status, role), `${role} in ${status}`).toEqual([]);
    }
  });
});

describe('intakeActionsFor: what each role may do in each state', () => {
  const cases = intakeStatuses.flatMap((status) => everyone.map((who) => [status, who] as const));
  it.each(cases)('in %s a %s may do what the procedure says (before whose entry it is)', (status, who) => {
    const expected = intakeActions.filter((a) => procedure[a].from.includes(status) && procedure[a].who.includes(who));
    expect(intakeActionsFor(status, who)).toEqual(expected);
    // The persona check only ever narrows it.
    for (const a of intakeActions.filter((x) => expectedAllowed(status, x, who))) expect(expected).toContain(a);
  });
});
