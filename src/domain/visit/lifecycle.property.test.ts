/**
 * Property-based tests of visit tasks: random people record random visits, time passes and
 * timers fire, and after every step the task must still make sense.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/roles.js';
import { DomainError } from '../shared/errors.js';
import { createVisitTask, decideVisit, type VisitCommand, type VisitTask, type VisitTimerSpec } from './decide.js';
import { isHomeVisitTimeAllowed } from './due.js';
import { fireVisitTimer } from './fire-timer.js';
import { terminalVisitStatuses, type VisitAction, type VisitStatus, visitActions, visitRules, visitStatuses } from './machine.js';
import { type VisitPolicy, visitPolicySchema } from './policy.js';
import { OTHER_CLERK, RESIDENT, SYSTEM, staff, TECH, TZ, VISITOR } from './test-support.js';

const NUM_RUNS = Number(process.env.PROP_RUNS ?? 300);

interface World {
  task: VisitTask;
  now: Date;
  timers: VisitTimerSpec[];
  policy: VisitPolicy;
}

const people: Actor[] = [VISITOR, OTHER_CLERK, TECH, staff('cs_supervisor'), staff('eng_supervisor'), staff('finance'), RESIDENT, SYSTEM];

const commandArb = fc
  .record({
    method: fc.constantFrom('phone', 'home', 'on_site') as fc.Arbitrary<'phone' | 'home' | 'on_site'>,
    outcome: fc.constantFrom('satisfied', 'basically_satisfied', 'unsatisfied') as fc.Arbitrary<'satisfied'>,
    chargeCheck: fc.constantFrom('correct', 'incorrect', 'no_charge') as fc.Arbitrary<'correct'>,
    sign: fc.constantFrom('signed', 'refused', 'none'),
    problems: fc.constantFrom('', '', '胶没打好'),
    text: fc.constantFrom('记录 text', '记录 text', ''),
    hoursAhead: fc.integer({ min: -5, max: 96 }),
    visitor: fc.constantFrom(VISITOR.id, TECH.id, OTHER_CLERK.id),
  })
  .map((s) => (action: VisitAction, now: Date): VisitCommand => {
    switch (action) {
      case 'assign':
        return { action, visitorId: s.visitor, duty: s.visitor === TECH.id ? 'repairer' : 'desk' };
      case 'book':
        return { action, appointmentAt: new Date(now.getTime() + s.hoursAhead * 3_600_000) };
      case 'record':
        return {
          action,
          method: s.method,
          outcome: s.outcome,
          chargeCheck: s.chargeCheck,
          comment: s.text,
          apology: s.text,
          problems: s.problems,
          ...(s.sign === 'signed' ? { signature: '张三' } : s.sign === 'refused' ? { hasRefusedToSign: true } : {}),
        };
      case 'issue_rectification_notice':
        return { action, technicianId: TECH.id, text: s.text };
      case 'rework_done':
        return { action, completedAt: new Date(now.getTime() - Math.max(0, s.hoursAhead) * 3_600_000) };
      case 'cancel':
        return { action, reason: s.text };
    }
  });

type Step =
  | { t: 'act'; guided: boolean; pick: number; who: number; cmd: (a: VisitAction, now: Date) => VisitCommand }
  | { t: 'wait'; minutes: number }
  | { t: 'fire' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ t: fc.constant('act' as const), guided: fc.boolean(), pick: fc.nat(), who: fc.nat(), cmd: commandArb }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 3000 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('fire' as const) }) },
);

const worldArb: fc.Arbitrary<World> = fc
  .record({
    at: fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
    lagHours: fc.integer({ min: 0, max: 400 }),
    kind: fc.constantFrom('repair', 'complaint', 'matter', 'other') as fc.Arbitrary<'repair'>,
    flags: fc.record({ isLeak: fc.boolean(), isSafetyFacility: fc.boolean(), isMajor: fc.boolean() }),
    rectificationNoticeHours: fc.integer({ min: 1, max: 72 }),
    assigned: fc.boolean(),
  })
  .map(({ at, lagHours, kind, flags, rectificationNoticeHours, assigned }) => {
    const policy = visitPolicySchema.parse({ rectificationNoticeHours });
    const completedAt = new Date(at.getTime() - lagHours * 3_600_000);
    const out = createVisitTask(
      {
        ticketKind: kind,
        ticketId: 't-1',
        category: 'plumbing',
        caseFlags: flags,
        completedAt,
        visitorId: assigned ? VISITOR.id : null,
        technicianId: TECH.id,
      },
      policy,
      at,
    );
    return { task: out.task, now: at, timers: out.schedule, policy };
  });

const seen = { statuses: new Set<VisitStatus>(), actions: new Set<VisitAction>(), fired: 0 };

function schedule(w: World, cancel: readonly string[], add: VisitTimerSpec[]): void {
  w.timers = w.timers.filter((t) => !cancel.includes(t.kind));
  for (const t of add) {
    expect(t.dueAt.getTime(), `${t.kind} scheduled in the past`).toBeGreaterThanOrEqual(w.now.getTime());
    expect(
      w.timers.map((p) => p.kind),
      `a second ${t.kind}`,
    ).not.toContain(t.kind);
    w.timers.push(t);
  }
}

function run(world: World, steps: Step[]): void {
  const w = { ...world, timers: [...world.timers] };
  for (const step of steps) {
    const before = w.task;
    const wasTerminal = terminalVisitStatuses.includes(before.status);
    if (step.t === 'wait') {
      w.now = new Date(w.now.getTime() + step.minutes * 60_000);
      continue;
    }
    if (step.t === 'fire') {
      const due = [...w.timers].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
      if (!due) continue;
      if (due.dueAt > w.now) w.now = due.dueAt;
      w.timers = w.timers.filter((t) => t !== due);
      const out = fireVisitTimer(w.task, due);
      if (wasTerminal) expect(out.isRelevant).toBe(false);
      if (out.isRelevant && out.flag) {
        seen.fired++;
        if (!w.task.flags.includes(out.flag)) w.task = { ...w.task, flags: [...w.task.flags, out.flag] };
      }
      if (out.next) schedule(w, [], [out.next]);
    } else {
      const possible = visitActions.filter((a) => visitRules[a].from.includes(w.task.status));
      const action =
        step.guided && possible.length > 0
          ? (possible[step.pick % possible.length] as VisitAction)
          : (visitActions[step.pick % visitActions.length] as VisitAction);
      const fitting = step.guided ? people.filter((p) => visitRules[action].who.includes(p.role)) : people;
      const pool = fitting.length > 0 ? fitting : people;
      const actor = pool[step.who % pool.length] as Actor;
      try {
        const d = decideVisit(w.task, step.cmd(action, w.now), { actor, policy: w.policy, timezone: TZ, now: w.now });
        expect(wasTerminal, `${action} left ${before.status}`).toBe(false);
        w.task = { ...w.task, ...d.patch, status: d.to };
        schedule(w, d.cancel, d.schedule);
        seen.actions.add(action);
        // The visitor changes only when somebody assigns the visit.
        if (action !== 'assign') expect(w.task.visitorId).toBe(before.visitorId);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
      }
    }
    if (wasTerminal) expect(w.task).toEqual(before);
    // Closed means visited to the resident's satisfaction with no notice owed; nothing ticks on a finished task.
    if (w.task.status === 'closed') {
      expect(w.task.rectificationDueAt).toBeNull();
      expect(w.task.lastOutcome).not.toBe('unsatisfied');
    }
    if (terminalVisitStatuses.includes(w.task.status)) expect(w.timers).toEqual([]);
    if (w.task.rectificationDueAt && !terminalVisitStatuses.includes(w.task.status)) {
      const pending = w.timers.some((t) => t.kind === 'rectification_due');
      expect(pending || w.task.flags.includes('rectification_overdue')).toBe(true);
    }
    // A booked home visit always has a time within visiting hours.
    if (w.task.status === 'booked') expect(w.task.appointmentAt && isHomeVisitTimeAllowed(w.task.appointmentAt, w.policy, TZ)).toBe(true);
    expect(w.task.round).toBeGreaterThanOrEqual(before.round);
    seen.statuses.add(w.task.status);
  }
}

describe('visit tasks under random use', () => {
  it('keeps terminal states terminal, the visitor fixed but by assignment, and timers sane', () => {
    fc.assert(
      fc.property(worldArb, fc.array(stepArb, { maxLength: 60, size: 'max' }), (world, steps) => run(world, steps)),
      { numRuns: NUM_RUNS },
    );
    expect([...seen.statuses].sort()).toEqual([...visitStatuses].sort());
    expect([...seen.actions].sort()).toEqual([...visitActions].sort());
    expect(seen.fired).toBeGreaterThan(0);
  });
});
