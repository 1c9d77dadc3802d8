import { describe, expect, it } from 'vitest';
import {
  type VisitAction,
  terminalVisitStatuses,
  visitActions,
  visitActionsFor,
  visitFlags,
  visitRules,
  visitStatuses,
} from './machine.js';
import { everyone, procedure, stepsByState } from './test-support.js';

const sorted = <T extends string>(xs: readonly T[]): T[] => [...xs].sort();

describe('the visit table (domain.md §5)', () => {
  it('has the states of a visit task, from pending to closed or cancelled', () => {
    expect(visitStatuses).toEqual(['pending', 'booked', 'rectifying', 'reprocessing', 'closed', 'cancelled']);
    expect(terminalVisitStatuses).toEqual(['closed', 'cancelled']);
  });

  it('has exactly the steps of the hand-written procedure', () => {
    expect(sorted(visitActions)).toEqual(sorted(Object.keys(procedure) as VisitAction[]));
  });

  it.each(visitActions)('%s starts from the states, is taken by the people and on the visits the procedure names', (action) => {
    const rule = visitRules[action];
    const step = procedure[action];
    expect(sorted(rule.from)).toEqual(sorted(step.from));
    expect(sorted(rule.who)).toEqual(sorted(step.who));
    expect(rule.by).toBe(step.by);
    // Where the outcome picks the state (a visit's satisfaction), the table says 'decided'.
    if (typeof step.to !== 'string') expect(rule.to).toBe('decided');
    else if (rule.to !== 'decided') expect(rule.to).toBe(step.to);
  });

  it.each(visitStatuses)('in state %s allows exactly the steps the procedure allows there', (status) => {
    expect(sorted(visitActions.filter((a) => visitRules[a].from.includes(status)))).toEqual(sorted(stepsByState[status]));
  });

  it('lets nothing leave a closed or cancelled visit', () => {
    for (const status of terminalVisitStatuses) expect(visitActions.filter((a) => visitRules[a].from.includes(status))).toEqual([]);
  });

  it('settles an overdue visit by visiting, an overdue notice by issuing it, and everything by cancelling', () => {
    expect(visitRules.record.clears).toEqual(['visit_overdue']);
    expect(visitRules.issue_rectification_notice.clears).toEqual(['rectification_overdue']);
    expect(sorted(visitRules.cancel.clears ?? [])).toEqual(sorted(visitFlags));
  });

  it('gives every step its own history event name', () => {
    const events = visitActions.map((a) => visitRules[a].event);
    expect(new Set(events).size).toBe(events.length);
  });

  it('gives residents, department staff, finance and company-level roles no part in a visit', () => {
    for (const role of [
      'resident',
      'department_staff',
      'finance',
      'admin',
      'company_manager',
      'complaint_centre',
      'developer_liaison',
    ] as const) {
      for (const status of visitStatuses) expect(visitActionsFor(status, role), `${role} in ${status}`).toEqual([]);
    }
  });
});

describe('visitActionsFor: what each role may do in each state', () => {
  const cases = visitStatuses.flatMap((status) => everyone.map((who) => [status, who] as const));
  it.each(cases)('in %s a %s may do what the procedure says (before whose visit it is)', (status, who) => {
    expect(visitActionsFor(status, who)).toEqual(
      visitActions.filter((a) => procedure[a].from.includes(status) && procedure[a].who.includes(who)),
    );
  });
});
