import { describe, expect, it } from 'vitest';
import { createVisitTask, decideVisit, type VisitTask } from './decide.js';
import { visitActions, visitRules, visitStatuses } from './machine.js';
import {
  actorFor,
  bj,
  ctx,
  deepFreeze,
  everyone,
  expectedAllowed,
  expectedTarget,
  fixtureFor,
  isTheirs,
  iso,
  newTask,
  OTHER_CLERK,
  procedure,
  refusal,
  SYSTEM,
  sampleCommand,
  staff,
  T0,
  TECH,
  taskIn,
  VISITOR,
  visitPolicy,
} from './test-support.js';

const applied = (t: VisitTask, d: ReturnType<typeof decideVisit>): VisitTask => ({ ...t, ...d.patch, status: d.to });
const phone = { action: 'record', method: 'phone', outcome: 'satisfied', chargeCheck: 'correct', comment: '满意' } as const;

describe('who may do what to a visit, in every state (exhaustive)', () => {
  const cases = visitStatuses.flatMap((status) => visitActions.map((action) => [status, action] as const));

  it.each(cases)('in %s, %s is allowed for exactly the people the procedure names', (status, action) => {
    for (const who of everyone) {
      const task = deepFreeze(fixtureFor(status, action));
      const run = () => decideVisit(task, sampleCommand(action), ctx(actorFor(who)));
      const label = `${who} doing ${action} in ${status}`;
      if (expectedAllowed(status, action, who)) {
        const d = run();
        expect(d.to, label).toBe(expectedTarget(status, action));
        expect(d.event.type, label).toBe(visitRules[action].event);
      } else {
        const err = refusal(run);
        const step = procedure[action];
        expect(err.kind, `${label}: ${err.code}`).toBe(step.who.includes(who) && isTheirs(step.by, who) ? 'conflict' : 'forbidden');
      }
    }
  });

  it('keeps a clerk off another clerk’s visit, and a technician off visits not drawn for them', () => {
    expect(refusal(() => decideVisit(taskIn('pending'), phone, ctx(OTHER_CLERK))).code).toBe('not_visitor');
    expect(refusal(() => decideVisit(taskIn('pending', { visitorId: null }), phone, ctx(TECH))).code).toBe('not_visitor');
    expect(decideVisit(taskIn('pending', { visitorId: TECH.id, duty: 'repairer' }), phone, ctx(TECH)).to).toBe('closed');
  });

  it('lets anybody at the desk take an unassigned visit', () => {
    expect(decideVisit(taskIn('pending', { visitorId: null }), phone, ctx(OTHER_CLERK)).to).toBe('closed');
    expect(decideVisit(taskIn('pending', { visitorId: null }), phone, ctx(staff('eng_supervisor'))).to).toBe('closed');
  });

  it('never changes the task it is given', () => {
    for (const status of visitStatuses) {
      for (const action of visitActions) {
        for (const who of everyone) {
          try {
            decideVisit(deepFreeze(fixtureFor(status, action)), sampleCommand(action), ctx(actorFor(who)));
          } catch {
            // refusals are covered above
          }
        }
      }
    }
  });
});

describe('creating a visit task when a ticket is done', () => {
  it('schedules the visit of a repair confirmed at 09:00 for 09:00 the next day', () => {
    const { task, schedule } = createVisitTask(
      { ticketKind: 'repair', ticketId: 'rep-1', category: 'plumbing', completedAt: T0 },
      visitPolicy(),
      T0,
    );
    expect(task).toMatchObject({ status: 'pending', round: 1, duty: 'desk', visitorId: null, isHomeVisitRequired: false });
    expect(schedule).toEqual([{ kind: 'visit_due', dueAt: bj('2026-11-26T09:00:00'), level: 0 }]);
  });

  it('schedules a leak finished 2026-11-25 10:00 for 2026-11-28 10:00', () => {
    const { task } = createVisitTask(
      {
        ticketKind: 'repair',
        ticketId: 'rep-1',
        category: 'plumbing',
        caseFlags: { isLeak: true },
        completedAt: bj('2026-11-25T10:00:00'),
      },
      visitPolicy(),
      bj('2026-11-25T10:05:00'),
    );
    expect(iso(task.dueAt)).toBe(iso(bj('2026-11-28T10:00:00')));
  });

  it('fires at once, never in the past, for work finished long ago', () => {
    const now = bj('2026-12-10T09:00:00');
    const { task, schedule } = createVisitTask({ ticketKind: 'repair', ticketId: 'r', category: 'x', completedAt: T0 }, visitPolicy(), now);
    expect(iso(task.dueAt)).toBe(iso(bj('2026-11-26T09:00:00')));
    expect(schedule[0]?.dueAt).toEqual(now);
  });
});

describe('booking a home visit', () => {
  it('refuses a home visit at 22:00 and books one at 21:30', () => {
    const err = refusal(() => decideVisit(taskIn('pending'), { action: 'book', appointmentAt: bj('2026-11-25T22:00:00') }, ctx(VISITOR)));
    expect(err.code).toBe('outside_visiting_hours');
    expect(err.text.zh).toContain('22:00');
    const d = decideVisit(taskIn('pending'), { action: 'book', appointmentAt: bj('2026-11-25T21:30:00') }, ctx(VISITOR));
    expect(d.to).toBe('booked');
    expect(d.patch.appointmentAt).toEqual(bj('2026-11-25T21:30:00'));
  });

  it('refuses 07:30 in the morning and a time already past', () => {
    expect(
      refusal(() => decideVisit(taskIn('pending'), { action: 'book', appointmentAt: bj('2026-11-26T07:30:00') }, ctx(VISITOR))).code,
    ).toBe('outside_visiting_hours');
    expect(
      refusal(() => decideVisit(taskIn('pending'), { action: 'book', appointmentAt: bj('2026-11-25T08:30:00') }, ctx(VISITOR))).code,
    ).toBe('appointment_in_past');
  });

  it('rebooks a booked visit, keeping the previous time in the history', () => {
    const d = decideVisit(taskIn('booked'), { action: 'book', appointmentAt: bj('2026-11-26T10:00:00') }, ctx(VISITOR));
    expect(d.event.data).toEqual({ appointmentAt: iso(bj('2026-11-26T10:00:00')), previous: iso(bj('2026-11-25T19:00:00')) });
  });
});

describe('recording the visit', () => {
  it('closes a satisfied phone visit with no signature needed, and stops the visit timer', () => {
    const d = decideVisit(taskIn('pending', { flags: ['visit_overdue'] }), phone, ctx(VISITOR));
    expect(d.to).toBe('closed');
    expect(d.cancel).toEqual(['visit_due']);
    expect(d.patch.flags).toEqual([]);
    expect(d.event.data).toMatchObject({
      method: 'phone',
      outcome: 'satisfied',
      chargeCheck: 'correct',
      signature: null,
      hasRefusedToSign: false,
    });
  });

  it('counts "basically satisfied" as satisfied', () => {
    expect(decideVisit(taskIn('pending'), { ...phone, outcome: 'basically_satisfied' }, ctx(VISITOR)).to).toBe('closed');
  });

  it('asks for a signature in person, and records a refusal without forcing it', () => {
    const onSite = { ...phone, method: 'on_site' } as const;
    expect(refusal(() => decideVisit(taskIn('pending'), onSite, ctx(VISITOR))).code).toBe('signature_required');
    expect(refusal(() => decideVisit(taskIn('pending'), { ...onSite, signature: '张三', hasRefusedToSign: true }, ctx(VISITOR))).code).toBe(
      'signature_required',
    );
    expect(decideVisit(taskIn('pending'), { ...onSite, signature: '张三' }, ctx(VISITOR)).event.data.signature).toBe('张三');
    const refused = decideVisit(taskIn('pending'), { ...onSite, hasRefusedToSign: true }, ctx(VISITOR));
    expect(refused.to).toBe('closed');
    expect(refused.event.data.hasRefusedToSign).toBe(true);
  });

  it('visits at home only by appointment, and a major case only at home', () => {
    const home = { ...phone, method: 'home', signature: '张三' } as const;
    expect(refusal(() => decideVisit(taskIn('pending'), home, ctx(VISITOR))).code).toBe('home_visit_not_booked');
    expect(decideVisit(taskIn('booked'), home, ctx(VISITOR)).to).toBe('closed');
    const major = taskIn('booked', { isHomeVisitRequired: true });
    expect(refusal(() => decideVisit(major, phone, ctx(VISITOR))).code).toBe('home_visit_required');
    expect(decideVisit(major, home, ctx(VISITOR)).to).toBe('closed');
  });

  it('needs what was said', () => {
    expect(refusal(() => decideVisit(taskIn('pending'), { ...phone, comment: ' ' }, ctx(VISITOR))).code).toBe('required');
  });

  it('marks a visit made after its due time as late', () => {
    expect(decideVisit(taskIn('pending'), phone, ctx(VISITOR, { now: bj('2026-11-26T09:30:00') })).event.data.isLate).toBe(true);
    expect(decideVisit(taskIn('pending'), phone, ctx(VISITOR)).event.data.isLate).toBe(false);
  });
});

describe('unsatisfied: apologise, record, reprocess, visit again until satisfied', () => {
  const unsatisfied = { ...phone, outcome: 'unsatisfied', apology: '非常抱歉，我们马上重新处理', comment: '还在漏' } as const;

  it('refuses to record dissatisfaction without the apology', () => {
    expect(refusal(() => decideVisit(taskIn('pending'), { ...unsatisfied, apology: '' }, ctx(VISITOR))).code).toBe('required');
  });

  it('sends the ticket back for reprocessing and keeps the visit open', () => {
    const d = decideVisit(taskIn('pending'), unsatisfied, ctx(VISITOR));
    expect(d.to).toBe('reprocessing');
    expect(d.reprocess).toEqual({ ticketKind: 'repair', ticketId: 'rep-1' });
    expect(d.notices.map((n) => n.roles)).toEqual([['eng_supervisor', 'cs_supervisor']]);
    expect(d.event.data.apology).toBe(unsatisfied.apology);
  });

  it('visits again within 24 hours of the rework: redone 2026-11-27 15:00 → due 2026-11-28 15:00, second round', () => {
    const now = bj('2026-11-27T15:10:00');
    const d = decideVisit(taskIn('reprocessing'), { action: 'rework_done', completedAt: bj('2026-11-27T15:00:00') }, ctx(SYSTEM, { now }));
    expect(d.to).toBe('pending');
    expect(d.patch).toMatchObject({ dueAt: bj('2026-11-28T15:00:00'), round: 2, appointmentAt: null });
    expect(d.schedule).toEqual([{ kind: 'visit_due', dueAt: bj('2026-11-28T15:00:00'), level: 0 }]);
  });

  it('refuses rework finished in the future', () => {
    expect(
      refusal(() => decideVisit(taskIn('reprocessing'), { action: 'rework_done', completedAt: bj('2026-11-25T10:00:00') }, ctx(SYSTEM)))
        .code,
    ).toBe('completed_in_future');
  });

  it('goes round as many times as it takes, until the resident is satisfied', () => {
    let task = taskIn('pending');
    let now = T0;
    for (let round = 1; round <= 3; round++) {
      task = applied(task, decideVisit(task, unsatisfied, ctx(VISITOR, { now })));
      now = new Date(now.getTime() + 3_600_000);
      task = applied(task, decideVisit(task, { action: 'rework_done', completedAt: now }, ctx(SYSTEM, { now })));
    }
    expect(task.round).toBe(4);
    expect(applied(task, decideVisit(task, phone, ctx(VISITOR, { now }))).status).toBe('closed');
  });
});

describe('problems found → written rectification notice to the technician within 24 hours', () => {
  const withProblem = { ...phone, problems: '胶没打好 sealant poorly applied' } as const;

  it('waits for the notice after a satisfied visit that found a problem at 10:00, due 10:00 the next day', () => {
    const now = bj('2026-11-25T10:00:00');
    const d = decideVisit(taskIn('pending'), withProblem, ctx(VISITOR, { now }));
    expect(d.to).toBe('rectifying');
    expect(d.patch.rectificationDueAt).toEqual(bj('2026-11-26T10:00:00'));
    expect(d.schedule).toEqual([{ kind: 'rectification_due', dueAt: bj('2026-11-26T10:00:00'), level: 0 }]);
  });

  it('treats a wrong charge as a problem found', () => {
    expect(decideVisit(taskIn('pending'), { ...phone, chargeCheck: 'incorrect' }, ctx(VISITOR)).to).toBe('rectifying');
    expect(decideVisit(taskIn('pending'), { ...phone, chargeCheck: 'no_charge' }, ctx(VISITOR)).to).toBe('closed');
  });

  it('closes the visit once the notice is issued to the technician', () => {
    const d = decideVisit(taskIn('rectifying'), sampleCommand('issue_rectification_notice'), ctx(staff('eng_supervisor')));
    expect(d.to).toBe('closed');
    expect(d.patch.rectificationDueAt).toBeNull();
    expect(d.cancel).toEqual(['rectification_due']);
    expect(d.notices[0]?.userIds).toEqual([TECH.id]);
  });

  it('issues the notice while an unsatisfied case is being reprocessed, without closing it', () => {
    const task = taskIn('reprocessing', { rectificationDueAt: bj('2026-11-26T09:00:00') });
    expect(decideVisit(task, sampleCommand('issue_rectification_notice'), ctx(VISITOR)).to).toBe('reprocessing');
  });

  it('refuses a notice nobody owes', () => {
    expect(refusal(() => decideVisit(taskIn('pending'), sampleCommand('issue_rectification_notice'), ctx(VISITOR))).code).toBe(
      'no_rectification_due',
    );
  });

  it('keeps the first deadline when another visit finds more problems before the notice went out', () => {
    const owed = taskIn('pending', { rectificationDueAt: bj('2026-11-25T20:00:00') });
    const d = decideVisit(owed, withProblem, ctx(VISITOR));
    expect(d.schedule).toEqual([]);
    expect(d.patch.rectificationDueAt).toBeUndefined();
    expect(d.to).toBe('rectifying');
  });

  it('does not close a satisfied visit while an earlier round’s notice is still owed', () => {
    expect(decideVisit(taskIn('pending', { rectificationDueAt: bj('2026-11-25T20:00:00') }), phone, ctx(VISITOR)).to).toBe('rectifying');
  });
});

describe('assigning and cancelling', () => {
  it('hands a visit to somebody else and tells them', () => {
    const d = decideVisit(taskIn('pending'), { action: 'assign', visitorId: TECH.id, duty: 'repairer' }, ctx(staff('eng_supervisor')));
    expect(d.patch).toEqual({ visitorId: TECH.id, duty: 'repairer' });
    expect(d.notices[0]?.userIds).toEqual([TECH.id]);
  });

  it('cancels with a reason and stops every timer', () => {
    expect(refusal(() => decideVisit(taskIn('pending'), { action: 'cancel', reason: '' }, ctx(VISITOR))).code).toBe('required');
    expect(decideVisit(taskIn('rectifying'), sampleCommand('cancel'), ctx(SYSTEM)).cancel).toEqual(['visit_due', 'rectification_due']);
  });

  it('is for a ticket of any kind', () => {
    for (const ticketKind of ['complaint', 'matter', 'renovation'] as const) {
      const d = decideVisit(newTask({ ticketKind }), { ...phone, outcome: 'unsatisfied', apology: '抱歉' }, ctx(VISITOR));
      expect(d.reprocess?.ticketKind).toBe(ticketKind);
      expect(d.notices[0]?.roles).toEqual(['cs_supervisor']);
    }
  });
});
