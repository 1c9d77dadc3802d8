import { describe, expect, it } from 'vitest';
import { systemActor } from '../access/roles.js';
import { defaultPolicy, effectivePolicy } from '../policy/policy.js';
import { DomainError } from '../shared/errors.js';
import { arrivalDue, type DecideContext, decide, type RepairCommand, type RepairOrder, timersForNewOrder, timerKinds } from './decide.js';
import { overdueFlags, repairActions, repairRules, repairStatuses } from './machine.js';
import {
  actorFor,
  allRoles,
  bj,
  CLERK,
  COMMUNITY,
  COMPANY,
  ctx,
  deepFreeze,
  ENG_SUPERVISOR,
  expectedAllowed,
  expectedTarget,
  FINANCE,
  NEIGHBOUR,
  newOrder,
  OTHER_TECH,
  OWNER,
  orderIn,
  procedure,
  repairPolicy,
  resident,
  sampleCommand,
  staff,
  T0,
  TECH,
  TZ,
} from './test-support.js';

/** Runs `fn` and returns the DomainError it throws (fails the test if it does not throw one). */
function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected the action to be refused');
}

const iso = (d: Date | undefined) => d?.toISOString();

describe('who may do what, in every state (exhaustive)', () => {
  const cases = repairStatuses.flatMap((status) => repairActions.map((action) => [status, action] as const));

  it.each(cases)('in %s, %s is allowed for exactly the people the procedure names', (status, action) => {
    for (const role of allRoles) {
      const order = deepFreeze(orderIn(status));
      const run = () => decide(order, sampleCommand(action), ctx(actorFor(role)));
      const label = `${role} doing ${action} in ${status}`;
      if (expectedAllowed(status, action, role)) {
        const d = run();
        expect(d.to, label).toBe(expectedTarget(status, action));
        expect(d.refusal, label).toBeUndefined();
        expect(d.event.type, label).toBe(repairRules[action].event);
      } else {
        const err = refusal(run);
        const step = procedure[action];
        let kind: 'forbidden' | 'conflict';
        if (!step.who.includes(role)) kind = 'forbidden';
        else if (step.assigneeOnly && order.assigneeId !== TECH.id) kind = 'forbidden';
        else kind = 'conflict';
        expect(err.kind, `${label}: ${err.code}`).toBe(kind);
        if (!step.who.includes(role)) expect(err.code, label).toBe('forbidden');
      }
    }
  });

  it.each(repairStatuses)('refuses the system itself anything in %s', (status) => {
    for (const action of repairActions) {
      const err = refusal(() => decide(orderIn(status), sampleCommand(action), ctx(systemActor(COMPANY, COMMUNITY))));
      expect(err.kind).toBe('forbidden');
    }
  });

  const assigneeOnly = repairActions.filter((a) => procedure[a].assigneeOnly);
  const assigneeCases = repairStatuses.flatMap((s) =>
    assigneeOnly.filter((a) => procedure[a].from.includes(s)).map((a) => [s, a] as const),
  );

  it.each(assigneeCases)('in %s, refuses %s by a technician who is not the assignee', (status, action) => {
    const err = refusal(() => decide(orderIn(status), sampleCommand(action), ctx(OTHER_TECH)));
    expect(err.kind).toBe('forbidden');
    expect(err.code).toBe('not_assignee');
    // …and the assignee may.
    expect(() => decide(orderIn(status), sampleCommand(action), ctx(TECH))).not.toThrow();
  });

  const ownerOnly = repairActions.filter((a) => procedure[a].ownerOnly);
  const ownerCases = repairStatuses.flatMap((s) => ownerOnly.filter((a) => expectedAllowed(s, a, 'resident')).map((a) => [s, a] as const));

  it.each(ownerCases)('in %s, refuses %s by a resident of another household', (status, action) => {
    const err = refusal(() => decide(orderIn(status), sampleCommand(action), ctx(NEIGHBOUR)));
    expect(err.kind).toBe('forbidden');
    expect(() => decide(orderIn(status), sampleCommand(action), ctx(OWNER))).not.toThrow();
  });

  it.each(ownerCases)('in %s, lets the desk do %s for the household', (status, action) => {
    expect(() => decide(orderIn(status), sampleCommand(action), ctx(CLERK, { isOwner: false }))).not.toThrow();
  });

  it.each(repairStatuses.filter((s) => s !== 'open'))('tells a technician grabbing an order already %s: already taken', (status) => {
    const err = refusal(() => decide(orderIn(status), { action: 'grab' }, ctx(OTHER_TECH)));
    expect(err.kind).toBe('conflict');
    expect(err.code).toBe('already_taken');
    expect(err.text.zh).toContain('已被抢走');
  });

  it('tells a resident a technician has taken the order when they try to cancel too late', () => {
    for (const status of ['accepted', 'on_the_way', 'on_hold', 'awaiting_quote', 'awaiting_approval'] as const) {
      const err = refusal(() => decide(orderIn(status), sampleCommand('cancel'), ctx(OWNER)));
      expect(err.kind, status).toBe('conflict');
      expect(err.code, status).toBe('resident_cancel_too_late');
      // The desk can still cancel it.
      expect(decide(orderIn(status), sampleCommand('cancel'), ctx(CLERK)).to).toBe('cancelled');
    }
  });

  it('explains a step out of turn as a conflict naming the state', () => {
    const err = refusal(() => decide(orderIn('open'), { action: 'complete', summary: 'x' }, ctx(OTHER_TECH)));
    expect(err.kind).toBe('forbidden'); // not even assigned
    const err2 = refusal(() => decide(orderIn('dispatched'), { action: 'complete', summary: 'x' }, ctx(TECH)));
    expect(err2.kind).toBe('conflict');
    expect(err2.code).toBe('invalid_transition');
    expect(err2.text.en).toContain('dispatched');
  });

  it('never changes the order it is given', () => {
    for (const status of repairStatuses) {
      for (const action of repairActions) {
        const order = deepFreeze(orderIn(status, { flags: [...overdueFlags], promisedTimes: [] }));
        for (const role of allRoles) {
          try {
            decide(order, sampleCommand(action), ctx(actorFor(role)));
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
          }
        }
      }
    }
  });
});

describe('1. created: the timers a new order runs', () => {
  it('gives 5 minutes to grab, 15 to be on site, chases progress at 2 h and counts the day to midnight', () => {
    const timers = timersForNewOrder(newOrder(), false, repairPolicy(), TZ, T0);
    expect(timers.map((t) => [t.kind, iso(t.dueAt), t.level])).toEqual([
      ['grab_timeout', iso(bj('2026-11-25T09:05:00')), 0],
      ['arrival_timeout', iso(bj('2026-11-25T09:15:00')), 0],
      ['progress_timeout', iso(bj('2026-11-25T11:00:00')), 0],
      ['same_day_timeout', iso(bj('2026-11-26T00:00:00')), 0],
    ]);
  });

  it('gives an urgent order 20 minutes to be on site', () => {
    const timers = timersForNewOrder(newOrder({ urgency: 'urgent' }), false, repairPolicy(), TZ, T0);
    expect(iso(timers.find((t) => t.kind === 'arrival_timeout')?.dueAt)).toBe(iso(bj('2026-11-25T09:20:00')));
  });

  it('waits 15 minutes for acceptance instead of a grab when the resident named a technician', () => {
    const timers = timersForNewOrder(newOrder(), true, repairPolicy(), TZ, T0);
    expect(timers.map((t) => t.kind)).toEqual(['accept_timeout', 'arrival_timeout', 'progress_timeout', 'same_day_timeout']);
    expect(iso(timers[0]?.dueAt)).toBe(iso(bj('2026-11-25T09:15:00')));
  });

  it('expects the technician at the appointment and counts "the same day" from the appointment day', () => {
    const order = newOrder({ timing: 'appointment', appointmentAt: bj('2026-11-27T14:00:00') });
    const timers = timersForNewOrder(order, false, repairPolicy(), TZ, T0);
    expect(iso(timers.find((t) => t.kind === 'arrival_timeout')?.dueAt)).toBe(iso(bj('2026-11-27T14:00:00')));
    expect(iso(timers.find((t) => t.kind === 'same_day_timeout')?.dueAt)).toBe(iso(bj('2026-11-28T00:00:00')));
  });

  it('counts an 18:00 cutoff from 19:00 as the next day at 18:00', () => {
    const timers = timersForNewOrder(newOrder(), false, repairPolicy({ sameDayCutoff: '18:00' }), TZ, bj('2026-11-25T19:00:00'));
    expect(iso(timers.find((t) => t.kind === 'same_day_timeout')?.dueAt)).toBe(iso(bj('2026-11-26T18:00:00')));
  });

  it('counts an 18:00 cutoff from 09:00 as the same day at 18:00', () => {
    const timers = timersForNewOrder(newOrder(), false, repairPolicy({ sameDayCutoff: '18:00' }), TZ, T0);
    expect(iso(timers.find((t) => t.kind === 'same_day_timeout')?.dueAt)).toBe(iso(bj('2026-11-25T18:00:00')));
  });

  it('uses the community override of the grab time', () => {
    const policy = effectivePolicy({ repair: { grabMinutes: 10, acceptMinutes: 30 } }, { repair: { grabMinutes: 3 } }).repair;
    const timers = timersForNewOrder(newOrder(), false, policy, TZ, T0);
    expect(iso(timers[0]?.dueAt)).toBe(iso(bj('2026-11-25T09:03:00')));
    expect(iso(timersForNewOrder(newOrder(), true, policy, TZ, T0)[0]?.dueAt)).toBe(iso(bj('2026-11-25T09:30:00')));
  });

  it('schedules nothing in the past', () => {
    for (const urgency of ['normal', 'urgent'] as const) {
      for (const pre of [true, false]) {
        for (const t of timersForNewOrder(newOrder({ urgency }), pre, repairPolicy(), TZ, T0)) {
          expect(t.dueAt.getTime()).toBeGreaterThan(T0.getTime());
        }
      }
    }
  });
});

describe('arrivalDue', () => {
  it('is the appointment for an appointment, else 15 minutes (immediate) or 20 minutes (urgent) from now', () => {
    const p = repairPolicy();
    expect(iso(arrivalDue({ urgency: 'normal', timing: 'appointment', appointmentAt: bj('2026-11-26T10:00:00') }, p, T0))).toBe(
      iso(bj('2026-11-26T10:00:00')),
    );
    expect(iso(arrivalDue({ urgency: 'normal', timing: 'immediate', appointmentAt: null }, p, T0))).toBe(iso(bj('2026-11-25T09:15:00')));
    expect(iso(arrivalDue({ urgency: 'urgent', timing: 'immediate', appointmentAt: null }, p, T0))).toBe(iso(bj('2026-11-25T09:20:00')));
    // An "appointment" without a time falls back to the window.
    expect(iso(arrivalDue({ urgency: 'urgent', timing: 'appointment', appointmentAt: null }, p, T0))).toBe(iso(bj('2026-11-25T09:20:00')));
  });

  it('follows the policy windows', () => {
    const p = repairPolicy({ immediateArrivalMinutes: 30, urgentArrivalMinutes: 10 });
    expect(iso(arrivalDue({ urgency: 'normal', timing: 'immediate', appointmentAt: null }, p, T0))).toBe(iso(bj('2026-11-25T09:30:00')));
    expect(iso(arrivalDue({ urgency: 'urgent', timing: 'immediate', appointmentAt: null }, p, T0))).toBe(iso(bj('2026-11-25T09:10:00')));
  });
});

describe('2. dispatched: grab or assign', () => {
  it('gives the order to the technician who grabs it first and stops the grab and accept clocks', () => {
    const d = decide(newOrder({ flags: ['grab_overdue'] }), { action: 'grab' }, ctx(TECH, { now: bj('2026-11-25T09:03:00') }));
    expect(d.to).toBe('accepted');
    expect(d.patch.assigneeId).toBe(TECH.id);
    expect(d.patch.flags).toEqual([]);
    expect(d.cancel).toEqual(['grab_timeout', 'accept_timeout']);
    expect(d.schedule).toEqual([]);
    expect(d.event).toEqual({ type: 'OrderGrabbed', data: { technicianId: TECH.id, technicianName: TECH.name } });
  });

  it('tells the second technician the order is already taken', () => {
    const first = decide(newOrder(), { action: 'grab' }, ctx(TECH));
    const after = { ...newOrder(), status: first.to, ...first.patch };
    const err = refusal(() => decide(after, { action: 'grab' }, ctx(OTHER_TECH)));
    expect([err.kind, err.code]).toEqual(['conflict', 'already_taken']);
  });

  it('lets the engineering supervisor assign directly, telling the technician and waiting 15 minutes for acceptance', () => {
    const d = decide(
      newOrder({ flags: ['grab_overdue'] }),
      { action: 'assign', technicianId: TECH.id, technicianCommunityId: COMMUNITY, note: '急' },
      ctx(ENG_SUPERVISOR),
    );
    expect(d.to).toBe('dispatched');
    expect(d.patch).toMatchObject({ assigneeId: TECH.id, flags: [] });
    expect(d.cancel).toEqual(['grab_timeout', 'accept_timeout']);
    expect(d.schedule).toEqual([{ kind: 'accept_timeout', dueAt: bj('2026-11-25T09:15:00'), level: 0 }]);
    expect(d.notices).toEqual([{ roles: [], userIds: [TECH.id], title: expect.objectContaining({ en: expect.any(String) }) }]);
    expect(d.event.data).toEqual({ technicianId: TECH.id, previousAssigneeId: null, note: '急' });
  });

  it('reassigns an accepted order to another technician, who must accept it again', () => {
    const d = decide(orderIn('accepted'), sampleCommand('assign'), ctx(staff('director')));
    expect(d.to).toBe('dispatched');
    expect(d.patch.assigneeId).toBe(OTHER_TECH.id);
    expect(d.event.data.previousAssigneeId).toBe(TECH.id);
  });

  it('refuses to assign a technician of another community', () => {
    const err = refusal(() =>
      decide(newOrder(), { action: 'assign', technicianId: 'tech-x', technicianCommunityId: 'comm-2' }, ctx(ENG_SUPERVISOR)),
    );
    expect([err.kind, err.code]).toEqual(['invalid', 'technician_elsewhere']);
    expect(err.fields.map((f) => f.field)).toEqual(['technicianId']);
  });

  it('settles the accept_overdue flag when an order is reassigned', () => {
    const d = decide(orderIn('dispatched', { flags: ['accept_overdue', 'arrival_overdue'] }), sampleCommand('assign'), ctx(CLERK));
    expect(d.patch.flags).toEqual(['arrival_overdue']);
  });
});

describe('3. accepted: the technician accepts or hands the order back', () => {
  it('accepts, stopping the accept clock and settling its flag', () => {
    const d = decide(orderIn('dispatched', { flags: ['accept_overdue'] }), { action: 'accept' }, ctx(TECH));
    expect(d.to).toBe('accepted');
    expect(d.cancel).toEqual(['accept_timeout']);
    expect(d.patch.flags).toEqual([]);
  });

  it('refuses acceptance by a technician the order was not assigned to', () => {
    const err = refusal(() => decide(orderIn('dispatched'), { action: 'accept' }, ctx(OTHER_TECH)));
    expect([err.kind, err.code]).toEqual(['forbidden', 'not_assignee']);
  });

  it('puts a declined order back up for grabs, restarting the 5-minute clock and telling the supervisor', () => {
    const d = decide(
      orderIn('dispatched', { flags: ['accept_overdue'] }),
      { action: 'decline', reason: '请假 on leave' },
      ctx(TECH, { now: bj('2026-11-25T09:20:00') }),
    );
    expect(d.to).toBe('open');
    expect(d.patch.assigneeId).toBeNull();
    expect(d.cancel).toEqual(['accept_timeout', 'grab_timeout']);
    expect(d.schedule).toEqual([{ kind: 'grab_timeout', dueAt: bj('2026-11-25T09:25:00'), level: 0 }]);
    expect(d.notices[0]?.roles).toEqual(['eng_supervisor']);
    // The order no longer waits for acceptance, so it is no longer late accepting.
    expect(d.patch.flags).toEqual([]);
  });

  it('needs a reason to decline', () => {
    for (const reason of ['', '   ']) {
      const err = refusal(() => decide(orderIn('dispatched'), { action: 'decline', reason }, ctx(TECH)));
      expect([err.kind, err.code]).toEqual(['invalid', 'required']);
      expect(err.fields[0]?.field).toBe('reason');
    }
  });
});

describe('4. on the way / arrived, and the verification code', () => {
  it('sets off with an ETA', () => {
    const d = decide(orderIn('accepted'), { action: 'set_off', etaMinutes: 12 }, ctx(TECH));
    expect(d.to).toBe('on_the_way');
    expect(d.event.data).toEqual({ etaMinutes: 12 });
    expect(decide(orderIn('accepted'), { action: 'set_off' }, ctx(TECH)).event.data).toEqual({ etaMinutes: null });
  });

  it('arrives, stopping the arrival and progress clocks, and records whether it was late', () => {
    const late = decide(
      orderIn('on_the_way', { flags: ['arrival_overdue', 'progress_overdue', 'not_done_same_day'] }),
      { action: 'arrive' },
      ctx(TECH),
    );
    expect(late.to).toBe('arrived');
    expect(late.cancel).toEqual(['arrival_timeout', 'progress_timeout']);
    expect(late.patch.flags).toEqual(['not_done_same_day']);
    expect(late.event.data).toEqual({ isLate: true });
    expect(decide(orderIn('accepted'), { action: 'arrive' }, ctx(TECH)).event.data).toEqual({ isLate: false });
  });

  it('starts the work when the resident’s code is right', () => {
    const now = bj('2026-11-25T09:14:00');
    const d = decide(orderIn('arrived', { codeAttempts: 2 }), { action: 'verify_code', isCodeCorrect: true }, ctx(TECH, { now }));
    expect(d.to).toBe('in_progress');
    expect(d.patch.verifiedAt).toEqual(now);
    expect(d.event).toEqual({ type: 'CodeVerified', data: { method: 'code' } });
    expect(d.refusal).toBeUndefined();
  });

  it('refuses a wrong code and locks after the policy number of attempts', () => {
    const policy = repairPolicy(); // 5 attempts
    let order = orderIn('arrived');
    const codes: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const d = decide(order, { action: 'verify_code', isCodeCorrect: false }, ctx(TECH, { policy }));
      expect(d.to).toBe('arrived');
      expect(d.patch).toEqual({ codeAttempts: i });
      expect(d.event).toEqual({ type: 'CodeRejected', data: { attempts: i, attemptsLeft: 5 - i } });
      expect(d.refusal).toBeInstanceOf(DomainError);
      expect(d.refusal?.kind).toBe('invalid');
      expect(d.refusal?.fields[0]?.field).toBe('code');
      codes.push(d.refusal?.code ?? '');
      order = { ...order, ...d.patch };
    }
    expect(codes).toEqual(['wrong_code', 'wrong_code', 'wrong_code', 'wrong_code', 'code_locked']);
    // Locked: even the right code is refused now…
    for (const isCodeCorrect of [true, false]) {
      const err = refusal(() => decide(order, { action: 'verify_code', isCodeCorrect }, ctx(TECH, { policy })));
      expect([err.kind, err.code]).toEqual(['conflict', 'code_locked']);
    }
    // …and the desk verifies by phone instead.
    const byPhone = decide(order, { action: 'confirm_by_phone', reason: '电话核实 called the resident' }, ctx(CLERK));
    expect(byPhone.to).toBe('in_progress');
    expect(byPhone.patch.verifiedAt).toEqual(T0);
    expect(byPhone.event.data).toEqual({ method: 'phone', reason: '电话核实 called the resident' });
  });

  it('tells the technician how many tries are left', () => {
    const d = decide(
      orderIn('arrived', { codeAttempts: 1 }),
      { action: 'verify_code', isCodeCorrect: false },
      ctx(TECH, { policy: repairPolicy({ codeMaxAttempts: 3 }) }),
    );
    expect(d.refusal?.text.en).toBe('Wrong code; 1 attempts left');
    expect(d.refusal?.text.zh).toBe('验证码不正确，还可尝试1次');
  });

  it('locks at once when the policy allows one attempt', () => {
    const d = decide(
      orderIn('arrived'),
      { action: 'verify_code', isCodeCorrect: false },
      ctx(TECH, { policy: repairPolicy({ codeMaxAttempts: 1 }) }),
    );
    expect(d.refusal?.code).toBe('code_locked');
  });

  it('needs a reason to verify by phone', () => {
    const err = refusal(() => decide(orderIn('arrived'), { action: 'confirm_by_phone', reason: ' ' }, ctx(CLERK)));
    expect(err.kind).toBe('invalid');
  });
});

describe('4. missed appointments: rescheduling and the promised-time history (T3 rewritable three times)', () => {
  const next = (n: number) => new Date(T0.getTime() + n * 86_400_000);

  it('records each promised time and refuses a fourth change', () => {
    let order: RepairOrder = orderIn('accepted');
    for (let i = 1; i <= 4; i++) {
      const d = decide(order, { action: 'reschedule', appointmentAt: next(i), reason: `改约${i}` }, ctx(ENG_SUPERVISOR));
      expect(d.patch.promisedTimes).toHaveLength(i);
      expect(d.patch.promisedTimes?.[i - 1]).toEqual({
        at: next(i).toISOString(),
        setAt: T0.toISOString(),
        by: ENG_SUPERVISOR.name,
        reason: `改约${i}`,
      });
      order = { ...order, ...d.patch, status: d.to };
    }
    // The first promise plus three changes.
    const err = refusal(() => decide(order, { action: 'reschedule', appointmentAt: next(9), reason: 'again' }, ctx(ENG_SUPERVISOR)));
    expect([err.kind, err.code]).toEqual(['conflict', 'too_many_reschedules']);
    expect(err.text.en).toContain('3 times');
  });

  it('follows the policy number of changes', () => {
    const policy = repairPolicy({ maxPromiseChanges: 0 });
    const order = orderIn('accepted', { promisedTimes: [{ at: next(1).toISOString(), setAt: T0.toISOString(), by: 'x', reason: null }] });
    expect(refusal(() => decide(order, sampleCommand('reschedule'), ctx(CLERK, { policy }))).code).toBe('too_many_reschedules');
    expect(decide(orderIn('accepted'), sampleCommand('reschedule'), ctx(CLERK, { policy })).patch.promisedTimes).toHaveLength(1);
  });

  it('moves the arrival clock to the new appointment and tells the technician', () => {
    const at = bj('2026-11-26T14:00:00');
    const d = decide(
      orderIn('accepted', { flags: ['arrival_overdue', 'progress_overdue'] }),
      { action: 'reschedule', appointmentAt: at, reason: '不在家' },
      ctx(CLERK),
    );
    // A new promise: arrival, the 2-hour chase and the same day all count from the new time.
    expect(d.patch).toMatchObject({ appointmentAt: at, timing: 'appointment', flags: [] });
    expect(d.cancel).toEqual(['arrival_timeout', 'progress_timeout', 'same_day_timeout']);
    expect(d.schedule).toEqual([
      { kind: 'arrival_timeout', dueAt: at, level: 0 },
      { kind: 'progress_timeout', dueAt: bj('2026-11-26T16:00:00'), level: 0 },
      { kind: 'same_day_timeout', dueAt: bj('2026-11-27T00:00:00'), level: 0 },
    ]);
    expect(d.notices).toEqual([expect.objectContaining({ userIds: [TECH.id] })]);
    expect(d.event.data).toEqual({ appointmentAt: at.toISOString(), previous: null, reason: '不在家' });
  });

  it('sends a technician on the way or at the door back to "accepted" for the new time', () => {
    expect(decide(orderIn('on_the_way'), sampleCommand('reschedule'), ctx(CLERK)).to).toBe('accepted');
    expect(decide(orderIn('arrived'), sampleCommand('reschedule'), ctx(CLERK)).to).toBe('accepted');
    expect(decide(orderIn('on_hold'), sampleCommand('reschedule'), ctx(CLERK)).to).toBe('on_hold');
  });

  it('tells nobody when nobody is assigned yet', () => {
    expect(decide(orderIn('open'), sampleCommand('reschedule'), ctx(CLERK)).notices).toEqual([]);
  });

  it('refuses an appointment that is not in the future, and a missing reason', () => {
    for (const appointmentAt of [T0, bj('2026-11-25T08:59:00')]) {
      const err = refusal(() => decide(orderIn('accepted'), { action: 'reschedule', appointmentAt, reason: 'x' }, ctx(CLERK)));
      expect([err.kind, err.code]).toEqual(['invalid', 'appointment_in_past']);
    }
    expect(refusal(() => decide(orderIn('accepted'), { action: 'reschedule', appointmentAt: next(1), reason: '' }, ctx(CLERK))).code).toBe(
      'required',
    );
  });
});

describe('5. in progress: actual work, fees, holds and out-of-scope quotes', () => {
  it('records the actual items, fees and the rating of customer-supplied material', () => {
    const cmd: RepairCommand = {
      action: 'record_work',
      actualItems: '换阀门',
      labourFeeCents: 3000,
      materialFeeCents: 1250,
      customerMaterialRating: 'poor',
      note: '已告知',
    };
    const d = decide(orderIn('in_progress'), cmd, ctx(TECH));
    expect(d.to).toBe('in_progress');
    expect(d.patch).toEqual({ labourFeeCents: 3000, materialFeeCents: 1250 });
    expect(d.event.data).toEqual({
      actualItems: '换阀门',
      labourFeeCents: 3000,
      materialFeeCents: 1250,
      customerMaterialRating: 'poor',
      note: '已告知',
    });
  });

  it('leaves fees it is not told about alone', () => {
    expect(decide(orderIn('arrived'), { action: 'record_work', note: 'x' }, ctx(TECH)).patch).toEqual({});
  });

  it.each([-1, 1.5, 100_000_001, Number.NaN])('refuses a fee of %s fen', (fee) => {
    const err = refusal(() => decide(orderIn('in_progress'), { action: 'record_work', materialFeeCents: fee }, ctx(TECH)));
    expect([err.kind, err.code, err.fields[0]?.field]).toEqual(['invalid', 'invalid_amount', 'materialFeeCents']);
  });

  it('accepts fees from 0 up to 1,000,000 yuan', () => {
    expect(
      decide(orderIn('in_progress'), { action: 'record_work', labourFeeCents: 0, materialFeeCents: 100_000_000 }, ctx(TECH)).patch,
    ).toEqual({
      labourFeeCents: 0,
      materialFeeCents: 100_000_000,
    });
  });

  it('puts the order on hold with a reason, telling the desk and stopping the progress chase', () => {
    const d = decide(
      orderIn('in_progress', { flags: ['progress_overdue', 'not_done_same_day'] }),
      { action: 'hold', reason: 'parts', note: '等配件' },
      ctx(TECH),
    );
    expect(d.to).toBe('on_hold');
    expect(d.cancel).toEqual(['progress_timeout']);
    expect(d.patch.flags).toEqual(['not_done_same_day']);
    expect(d.notices[0]?.roles).toEqual(['clerk']);
    expect(refusal(() => decide(orderIn('in_progress'), { action: 'hold', reason: 'parts', note: '' }, ctx(TECH))).code).toBe('required');
  });

  it('resumes work where it stopped: in progress once the code was checked, else back to accepted', () => {
    expect(decide(orderIn('on_hold'), { action: 'resume' }, ctx(TECH)).to).toBe('in_progress');
    expect(decide(orderIn('on_hold', { verifiedAt: null }), { action: 'resume', note: '业主回来了' }, ctx(TECH)).to).toBe('accepted');
  });

  it('asks the supervisor to price out-of-scope work within 5 minutes', () => {
    const d = decide(orderIn('arrived'), { action: 'request_quote', description: '换热水器' }, ctx(TECH));
    expect(d.to).toBe('awaiting_quote');
    expect(d.schedule).toEqual([{ kind: 'quote_timeout', dueAt: bj('2026-11-25T09:05:00'), level: 0 }]);
    expect(d.notices[0]?.roles).toEqual(['eng_supervisor']);
  });

  it('prices feasible work for the resident to approve', () => {
    const d = decide(
      orderIn('awaiting_quote', { flags: ['quote_overdue'] }),
      { action: 'quote', isFeasible: true, quoteCents: 30000, note: '可做' },
      ctx(ENG_SUPERVISOR),
    );
    expect(d.to).toBe('awaiting_approval');
    expect(d.patch).toEqual({ quoteCents: 30000, flags: [] });
    expect(d.cancel).toEqual(['quote_timeout']);
  });

  it('needs a price for feasible work', () => {
    const err = refusal(() => decide(orderIn('awaiting_quote'), { action: 'quote', isFeasible: true, note: 'ok' }, ctx(ENG_SUPERVISOR)));
    expect([err.code, err.fields[0]?.field]).toEqual(['required', 'quoteCents']);
    expect(
      refusal(() =>
        decide(orderIn('awaiting_quote'), { action: 'quote', isFeasible: true, quoteCents: -5, note: 'ok' }, ctx(ENG_SUPERVISOR)),
      ).code,
    ).toBe('invalid_amount');
  });

  it('returns infeasible work to the desk', () => {
    const d = decide(orderIn('awaiting_quote'), { action: 'quote', isFeasible: false, note: '做不了' }, ctx(staff('director')));
    expect(d.to).toBe('returned');
    expect(d.patch.quoteCents).toBeUndefined();
  });

  it('carries on when the resident agrees the price, telling the technician', () => {
    const d = decide(orderIn('awaiting_approval'), { action: 'accept_quote' }, ctx(OWNER));
    expect(d.to).toBe('in_progress');
    expect(d.event.data).toEqual({ quoteCents: 20000 });
    expect(d.notices).toEqual([expect.objectContaining({ userIds: [TECH.id] })]);
    expect(decide(orderIn('awaiting_approval', { verifiedAt: null }), { action: 'accept_quote' }, ctx(OWNER)).to).toBe('arrived');
  });

  it('returns the order to the desk when the resident refuses the price', () => {
    const d = decide(orderIn('awaiting_approval'), { action: 'refuse_quote', reason: '太贵' }, ctx(OWNER));
    expect(d.to).toBe('returned');
    expect(d.notices[0]?.roles).toEqual(['clerk']);
    expect(refusal(() => decide(orderIn('awaiting_approval'), { action: 'refuse_quote', reason: '' }, ctx(OWNER))).code).toBe('required');
  });

  it('lets the desk close a returned order, stopping every clock', () => {
    const d = decide(
      orderIn('returned', { flags: ['not_done_same_day'] }),
      { action: 'close_returned', reason: '业主自行处理' },
      ctx(CLERK),
    );
    expect(d.to).toBe('closed');
    expect(d.cancel).toEqual([...timerKinds]);
    expect(d.patch.flags).toEqual([]);
  });
});

describe('6. completed: confirmation and payment', () => {
  it('completes with the fee owed, stopping every work clock and settling the lateness flags', () => {
    const d = decide(
      orderIn('in_progress', {
        labourFeeCents: 3000,
        materialFeeCents: 500,
        flags: ['arrival_overdue', 'progress_overdue', 'not_done_same_day'],
      }),
      { action: 'complete', summary: '已修复' },
      ctx(TECH),
    );
    expect(d.to).toBe('completed');
    expect(d.patch).toEqual({ feeStatus: 'owed', flags: [] });
    expect(d.cancel).toEqual(['arrival_timeout', 'progress_timeout', 'same_day_timeout', 'quote_timeout']);
    expect(d.event.data).toEqual({ summary: '已修复', feeCents: 3500 });
    expect(d.notices[0]?.roles).toEqual(['clerk']);
  });

  it('completes free work with nothing owed', () => {
    expect(decide(orderIn('in_progress', { labourFeeCents: 0 }), sampleCommand('complete'), ctx(TECH)).patch.feeStatus).toBe('none');
  });

  it('books the follow-up visit 24 hours after the resident confirms', () => {
    const d = decide(orderIn('completed'), { action: 'confirm', signature: '张三' }, ctx(OWNER));
    expect(d.to).toBe('confirmed');
    expect(d.visitDueAt).toEqual(bj('2026-11-26T09:00:00'));
    expect(d.schedule).toEqual([{ kind: 'visit_due', dueAt: bj('2026-11-26T09:00:00'), level: 0 }]);
    expect(d.event.data).toEqual({ signature: '张三', byResident: true });
    expect(decide(orderIn('completed'), { action: 'confirm' }, ctx(CLERK)).event.data).toEqual({ signature: null, byResident: false });
  });

  it('sends the work back when the resident is not satisfied with it', () => {
    const d = decide(orderIn('completed'), { action: 'reject_completion', reason: '还漏' }, ctx(OWNER));
    expect(d.to).toBe('in_progress');
    expect(d.patch.feeStatus).toBe('none');
    expect(d.notices).toEqual([expect.objectContaining({ userIds: [TECH.id] })]);
  });

  it('takes payment at the cashier for exactly what is owed', () => {
    const order = orderIn('completed', { labourFeeCents: 3000, materialFeeCents: 500 });
    const d = decide(order, { action: 'record_payment', amountCents: 3500, receiptNo: 'R-9' }, ctx(FINANCE));
    expect(d.to).toBe('completed');
    expect(d.patch).toEqual({ feeStatus: 'paid' });
    expect(d.event.data).toEqual({ amountCents: 3500, receiptNo: 'R-9' });
    const err = refusal(() => decide(order, { action: 'record_payment', amountCents: 3000 }, ctx(FINANCE)));
    expect([err.kind, err.code]).toEqual(['invalid', 'amount_mismatch']);
    expect(err.fields[0]?.message.zh).toBe('应收35.00元');
  });

  it('refuses a payment when nothing is owed, or twice', () => {
    for (const feeStatus of ['none', 'paid'] as const) {
      const err = refusal(() => decide(orderIn('closed', { feeStatus }), { action: 'record_payment', amountCents: 5000 }, ctx(FINANCE)));
      expect([err.kind, err.code]).toEqual(['conflict', 'nothing_owed']);
    }
  });

  it('does not charge twice when a paid order is reworked and completed again', () => {
    // Paid at the cashier, then the resident finds it still leaks.
    let order = orderIn('completed', { feeStatus: 'paid' });
    const rejected = decide(order, { action: 'reject_completion', reason: '还漏' }, ctx(OWNER));
    order = { ...order, ...rejected.patch, status: rejected.to };
    expect(order.feeStatus).toBe('paid');
    const done = decide(order, sampleCommand('complete'), ctx(TECH));
    expect(done.patch.feeStatus).toBe('paid');
  });

  it('does not charge twice when a paid order is reopened after an unsatisfied visit', () => {
    let order = orderIn('confirmed', { feeStatus: 'paid' });
    const step = (o: RepairOrder, cmd: RepairCommand, c: DecideContext): RepairOrder => {
      const d = decide(o, cmd, c);
      return { ...o, ...d.patch, status: d.to };
    };
    order = step(order, { action: 'visit', outcome: 'unsatisfied', comment: '没修好', method: 'phone' }, ctx(CLERK));
    order = step(order, { action: 'grab' }, ctx(TECH));
    order = step(order, { action: 'arrive' }, ctx(TECH));
    order = step(order, { action: 'verify_code', isCodeCorrect: true }, ctx(TECH));
    order = step(order, sampleCommand('complete'), ctx(TECH));
    expect(order.feeStatus).toBe('paid');
  });
});

describe('7. the follow-up visit: closed, or reopened and reprocessed', () => {
  it('closes and archives the order after a satisfied visit', () => {
    for (const outcome of ['satisfied', 'basically_satisfied'] as const) {
      const d = decide(
        orderIn('confirmed', { flags: ['visit_overdue'] }),
        { action: 'visit', outcome, comment: '满意', method: 'home' },
        ctx(staff('cs_manager')),
      );
      expect(d.to).toBe('closed');
      expect(d.event.type).toBe('VisitRecorded');
      expect(d.cancel).toEqual(['visit_due']);
      expect(d.patch).toEqual({ flags: [] });
    }
  });

  it('reopens the order from the start after an unsatisfied visit', () => {
    const now = bj('2026-11-26T10:00:00');
    const order = orderIn('confirmed', {
      codeAttempts: 3,
      flags: ['visit_overdue'],
      reopenCount: 1,
      timing: 'appointment',
      appointmentAt: bj('2026-11-25T10:00:00'),
    });
    const d = decide(order, { action: 'visit', outcome: 'unsatisfied', comment: '还漏水', method: 'phone' }, ctx(CLERK, { now }));
    expect(d.to).toBe('open');
    expect(d.event.type).toBe('OrderReopened');
    expect(d.patch).toMatchObject({ reopenCount: 2, assigneeId: null, verifiedAt: null, codeAttempts: 0, flags: [], timing: 'immediate' });
    expect(d.cancel).toEqual(['visit_due']);
    expect(d.schedule.map((t) => [t.kind, iso(t.dueAt)])).toEqual([
      ['grab_timeout', iso(bj('2026-11-26T10:05:00'))],
      ['arrival_timeout', iso(bj('2026-11-26T10:15:00'))],
      ['progress_timeout', iso(bj('2026-11-26T12:00:00'))],
      ['same_day_timeout', iso(bj('2026-11-27T00:00:00'))],
    ]);
    expect(d.notices[0]?.roles).toEqual(['eng_supervisor', 'cs_supervisor']);
  });

  it('needs a comment', () => {
    expect(
      refusal(() => decide(orderIn('confirmed'), { action: 'visit', outcome: 'satisfied', comment: '', method: 'phone' }, ctx(CLERK))).code,
    ).toBe('required');
  });
});

describe('cancelling', () => {
  it('lets the reporting resident cancel an order nobody has started, stopping every clock and settling every flag', () => {
    const d = decide(
      orderIn('dispatched', { flags: ['grab_overdue', 'accept_overdue'] }),
      { action: 'cancel', reason: '不修了' },
      ctx(OWNER),
    );
    expect(d.to).toBe('cancelled');
    expect(d.cancel).toEqual([...timerKinds]);
    expect(d.patch.flags).toEqual([]);
    expect(d.event).toEqual({ type: 'OrderCancelled', data: { reason: '不修了' } });
  });

  it('refuses a resident of another household', () => {
    expect(refusal(() => decide(newOrder(), sampleCommand('cancel'), ctx(resident('res-9')))).kind).toBe('forbidden');
  });

  it('needs a reason', () => {
    expect(refusal(() => decide(newOrder(), { action: 'cancel', reason: '' }, ctx(OWNER))).code).toBe('required');
  });
});

describe('every decision', () => {
  it('cancels and schedules only real timer kinds, never in the past, and settles the flags its step settles', () => {
    for (const status of repairStatuses) {
      for (const action of repairActions) {
        for (const role of allRoles) {
          if (!expectedAllowed(status, action, role)) continue;
          const order = orderIn(status, { flags: [...overdueFlags] });
          const d = decide(order, sampleCommand(action), ctx(actorFor(role)));
          for (const k of [...d.cancel, ...d.schedule.map((t) => t.kind)]) expect(timerKinds).toContain(k);
          for (const t of d.schedule) expect(t.dueAt.getTime()).toBeGreaterThanOrEqual(T0.getTime());
          const clears = repairRules[action].clears ?? [];
          if (clears.length > 0) for (const f of clears) expect(d.patch.flags, `${action}`).not.toContain(f);
          else expect(d.patch.flags).toBeUndefined();
        }
      }
    }
  });
});

describe('orders booked for a later day', () => {
  it('counts the 2-hour progress chase and the same day from the appointment, not from the call', () => {
    const now = new Date('2026-11-25T09:00:00+08:00');
    const appointmentAt = new Date('2026-11-27T14:00:00+08:00');
    const timers = timersForNewOrder(
      { urgency: 'normal', timing: 'appointment', appointmentAt },
      false,
      defaultPolicy().repair,
      'Asia/Shanghai',
      now,
    );
    const due = Object.fromEntries(timers.map((t) => [t.kind, t.dueAt.toISOString()]));
    expect(due.grab_timeout).toBe(new Date('2026-11-25T09:05:00+08:00').toISOString());
    expect(due.arrival_timeout).toBe(appointmentAt.toISOString());
    expect(due.progress_timeout).toBe(new Date('2026-11-27T16:00:00+08:00').toISOString());
    expect(due.same_day_timeout).toBe(new Date('2026-11-28T00:00:00+08:00').toISOString());
  });
});

describe('rework after the resident rejects the completion', () => {
  it('runs a new same-day deadline from the rejection', () => {
    const now = new Date('2026-11-25T15:00:00+08:00');
    const ctx: DecideContext = {
      actor: { kind: 'resident', id: 'r1', role: 'resident', name: '业主', companyId: 'c', communityId: 'yg' },
      isOwner: true,
      policy: defaultPolicy().repair,
      timezone: 'Asia/Shanghai',
      now,
    };
    const order: RepairOrder = {
      status: 'completed',
      assigneeId: 't1',
      urgency: 'normal',
      timing: 'immediate',
      createdAt: new Date('2026-11-25T09:00:00+08:00'),
      appointmentAt: null,
      promisedTimes: [],
      codeAttempts: 0,
      verifiedAt: new Date('2026-11-25T10:00:00+08:00'),
      flags: [],
      reopenCount: 0,
      labourFeeCents: 0,
      materialFeeCents: 0,
      quoteCents: null,
      feeStatus: 'none',
      ownerResidentIds: ['r1'],
    };
    const d = decide(order, { action: 'reject_completion', reason: '还在滴水' }, ctx);
    expect(d.to).toBe('in_progress');
    expect(d.schedule).toEqual([{ kind: 'same_day_timeout', dueAt: new Date('2026-11-26T00:00:00+08:00'), level: 0 }]);
  });

  it('refuses to rewrite fees that were paid at the cashier', () => {
    const ctx: DecideContext = {
      actor: { kind: 'staff', id: 't1', role: 'technician', name: '李师傅', companyId: 'c', communityId: 'yg' },
      isOwner: false,
      policy: defaultPolicy().repair,
      timezone: 'Asia/Shanghai',
      now: new Date('2026-11-26T10:00:00+08:00'),
    };
    const order = {
      status: 'in_progress',
      assigneeId: 't1',
      urgency: 'normal',
      timing: 'immediate',
      createdAt: new Date('2026-11-25T09:00:00+08:00'),
      appointmentAt: null,
      promisedTimes: [],
      codeAttempts: 0,
      verifiedAt: new Date('2026-11-25T10:00:00+08:00'),
      flags: [],
      reopenCount: 1,
      labourFeeCents: 3000,
      materialFeeCents: 0,
      quoteCents: null,
      feeStatus: 'paid',
      ownerResidentIds: [],
    } satisfies RepairOrder;
    expect(() => decide(order, { action: 'record_work', labourFeeCents: 5000 }, ctx)).toThrow(/paid/);
    expect(decide(order, { action: 'record_work', actualItems: '返修：重新打胶' }, ctx).to).toBe('in_progress');
  });
});

describe('resuming after the resident was not home', () => {
  it('makes the technician due on site again within the arrival window', () => {
    const now = new Date('2026-11-25T16:00:00+08:00');
    const ctx: DecideContext = {
      actor: { kind: 'staff', id: 't1', role: 'technician', name: '李师傅', companyId: 'c', communityId: 'yg' },
      isOwner: false,
      policy: defaultPolicy().repair,
      timezone: 'Asia/Shanghai',
      now,
    };
    const order: RepairOrder = {
      status: 'on_hold',
      assigneeId: 't1',
      urgency: 'normal',
      timing: 'immediate',
      createdAt: new Date('2026-11-25T09:00:00+08:00'),
      appointmentAt: null,
      promisedTimes: [],
      codeAttempts: 0,
      verifiedAt: null,
      flags: [],
      reopenCount: 0,
      labourFeeCents: 0,
      materialFeeCents: 0,
      quoteCents: null,
      feeStatus: 'none',
      ownerResidentIds: [],
    };
    const d = decide(order, { action: 'resume', note: '业主回家了' }, ctx);
    expect(d.to).toBe('accepted');
    expect(d.cancel).toEqual(['arrival_timeout']);
    expect(d.schedule).toEqual([{ kind: 'arrival_timeout', dueAt: new Date('2026-11-25T16:15:00+08:00'), level: 0 }]);
  });
});

describe('assigning the technician who already has the order', () => {
  it('is refused as already assigned, so the history does not gain an empty reassignment', () => {
    const d = () =>
      decide(orderIn('dispatched'), { action: 'assign', technicianId: TECH.id, technicianCommunityId: COMMUNITY }, ctx(ENG_SUPERVISOR));
    expect(d).toThrow(DomainError);
    expect(d).toThrow(/already assigned/);
  });
});
