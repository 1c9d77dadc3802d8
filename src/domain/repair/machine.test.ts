import { describe, expect, it } from 'vitest';
import { staffRoles } from '../access/roles.js';
import {
  actionsFor,
  openStatuses,
  overdueFlags,
  type RepairAction,
  type RepairStatus,
  repairActions,
  repairRules,
  repairStatuses,
} from './machine.js';
import { allRoles, expectedAllowed, procedure, stepsByState } from './test-support.js';

const sorted = <T extends string>(xs: readonly T[]): T[] => [...xs].sort();

describe('the repair lifecycle table (domain.md §3)', () => {
  it('has the states of the procedure, from created to archived, in order', () => {
    expect(repairStatuses).toEqual([
      'open',
      'dispatched',
      'accepted',
      'on_the_way',
      'arrived',
      'in_progress',
      'on_hold',
      'awaiting_quote',
      'awaiting_approval',
      'returned',
      'completed',
      'confirmed',
      'closed',
      'cancelled',
    ]);
  });

  it('counts every state but closed and cancelled as still open', () => {
    expect(openStatuses).toEqual(repairStatuses.filter((s) => s !== 'closed' && s !== 'cancelled'));
  });

  it('has exactly the steps of the hand-written procedure, no more and no fewer', () => {
    expect(sorted(repairActions)).toEqual(sorted(Object.keys(procedure) as RepairAction[]));
    expect(new Set(repairActions).size).toBe(repairActions.length);
  });

  it.each(repairActions)('%s starts from the states and is taken by the people the procedure names', (action) => {
    const rule = repairRules[action];
    const step = procedure[action];
    expect(sorted(rule.from)).toEqual(sorted(step.from));
    expect(sorted(rule.who)).toEqual(sorted(step.who));
    expect(Boolean(rule.assigneeOnly)).toBe(Boolean(step.assigneeOnly));
    expect(Boolean(rule.ownerOnly)).toBe(Boolean(step.ownerOnly));
    if (typeof step.to === 'string') expect(rule.to).toBe(step.to);
    else expect(rule.to).toBe('decided');
  });

  it.each(repairStatuses)('in state %s allows exactly the steps the procedure allows there', (status) => {
    const fromTable = repairActions.filter((a) => repairRules[a].from.includes(status));
    expect(sorted(fromTable)).toEqual(sorted(stepsByState[status]));
  });

  it('reads the same whether the procedure is read by step or by state', () => {
    for (const status of repairStatuses) {
      const byStep = (Object.keys(procedure) as RepairAction[]).filter((a) => procedure[a].from.includes(status));
      expect(sorted(byStep), status).toEqual(sorted(stepsByState[status]));
    }
  });

  it('names only real states as targets', () => {
    for (const action of repairActions) {
      const to = repairRules[action].to;
      expect(['same', 'decided', ...repairStatuses], action).toContain(to);
    }
  });

  it('lets nothing leave a cancelled order, and only payment touch a closed one', () => {
    expect(repairActions.filter((a) => repairRules[a].from.includes('cancelled'))).toEqual([]);
    expect(repairActions.filter((a) => repairRules[a].from.includes('closed'))).toEqual(['record_payment']);
    expect(repairRules.record_payment.to).toBe('same');
  });

  it('gives every step its own history event name', () => {
    const events = repairActions.map((a) => repairRules[a].event);
    expect(new Set(events).size).toBe(events.length);
    for (const e of events) expect(e).toMatch(/^[A-Z][A-Za-z]+$/);
  });

  it('clears only real overdue flags, and cancelling or closing a returned order clears them all', () => {
    for (const action of repairActions) {
      for (const f of repairRules[action].clears ?? []) expect(overdueFlags, action).toContain(f);
    }
    expect(sorted(repairRules.cancel.clears ?? [])).toEqual(sorted(overdueFlags));
    expect(sorted(repairRules.close_returned.clears ?? [])).toEqual(sorted(overdueFlags));
  });

  it.each([
    ['grab', ['grab_overdue']],
    ['assign', ['grab_overdue', 'accept_overdue']],
    ['accept', ['accept_overdue']],
    ['decline', ['accept_overdue']],
    ['arrive', ['arrival_overdue', 'progress_overdue']],
    ['reschedule', ['arrival_overdue', 'progress_overdue', 'not_done_same_day']],
    ['hold', ['progress_overdue']],
    ['quote', ['quote_overdue']],
    ['complete', ['arrival_overdue', 'progress_overdue', 'not_done_same_day']],
    ['visit', ['visit_overdue']],
  ] as const)('%s settles the overdue flags %j', (action, flags) => {
    expect(sorted(repairRules[action].clears ?? [])).toEqual(sorted(flags));
  });

  it('keeps a technician off desk and supervisor work, and the desk off the technician’s', () => {
    const technicianOnly: RepairAction[] = [
      'grab',
      'accept',
      'decline',
      'set_off',
      'arrive',
      'verify_code',
      'record_work',
      'hold',
      'resume',
      'request_quote',
      'complete',
    ];
    for (const a of repairActions) {
      expect(repairRules[a].who.includes('technician'), a).toBe(technicianOnly.includes(a));
      if (technicianOnly.includes(a)) expect(repairRules[a].who, a).toEqual(['technician']);
    }
  });

  it('gives company-level roles, department staff and the developer liaison no part in a repair', () => {
    for (const role of ['admin', 'company_manager', 'complaint_centre', 'department_staff', 'developer_liaison'] as const) {
      for (const status of repairStatuses) expect(actionsFor(status, role), `${role} in ${status}`).toEqual([]);
    }
  });
});

describe('actionsFor: what each person may do in each state', () => {
  const cases = repairStatuses.flatMap((status) => allRoles.map((role) => [status, role] as const));

  it.each(cases)('in %s a %s may do exactly what the procedure says', (status, role) => {
    const expected = repairActions.filter((a) => expectedAllowed(status, a, role));
    expect(actionsFor(status, role)).toEqual(expected);
  });

  it('lets a resident cancel only while nobody has started on the order', () => {
    const residentCancels = repairStatuses.filter((s: RepairStatus) => actionsFor(s, 'resident').includes('cancel'));
    expect(residentCancels).toEqual(['open', 'dispatched']);
    // …while the desk can still cancel later, up to the technician's arrival and while on hold or being priced.
    expect(repairStatuses.filter((s) => actionsFor(s, 'clerk').includes('cancel'))).toEqual([
      'open',
      'dispatched',
      'accepted',
      'on_the_way',
      'on_hold',
      'awaiting_quote',
      'awaiting_approval',
    ]);
  });

  it('lets the finance office only take payments, on completed, confirmed and closed orders', () => {
    for (const status of repairStatuses) {
      const expected = ['completed', 'confirmed', 'closed'].includes(status) ? ['record_payment'] : [];
      expect(actionsFor(status, 'finance'), status).toEqual(expected);
    }
  });

  it('knows every staff role', () => {
    expect(allRoles).toHaveLength(staffRoles.length + 1);
  });
});
