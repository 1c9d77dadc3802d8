/**
 * Property-based tests of the duty log: random people try random steps, time passes and timers
 * fire, and after every step the entry must still make sense.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/roles.js';
import { DomainError } from '../shared/errors.js';
import {
  decideIntake,
  emergencyKinds,
  type IntakeCommand,
  type IntakeEntry,
  type IntakeTimerSpec,
  intakeCategories,
  logContact,
} from './decide.js';
import { fireIntakeTimer } from './fire-timer.js';
import { type IntakeAction, type IntakeStatus, intakeActions, intakeRules, intakeStatuses, terminalIntakeStatuses } from './machine.js';
import { type IntakePolicy, intakePolicySchema } from './policy.js';
import { FIRST, GUARD, HEAD, OTHER_CLERK, RESIDENT, SYSTEM, staff } from './test-support.js';

const NUM_RUNS = Number(process.env.PROP_RUNS ?? 300);

interface World {
  entry: IntakeEntry;
  now: Date;
  timers: IntakeTimerSpec[];
  policy: IntakePolicy;
}

const people: Actor[] = [FIRST, OTHER_CLERK, HEAD, GUARD, staff('director'), staff('technician'), staff('admin'), RESIDENT, SYSTEM];

const commandArb: fc.Arbitrary<(action: IntakeAction) => IntakeCommand> = fc
  .record({
    category: fc.constantFrom(...intakeCategories),
    emergencyKind: fc.option(fc.constantFrom(...emergencyKinds), { nil: undefined }),
    isAnsweredOnSpot: fc.boolean(),
    text: fc.constantFrom('说明 text', '说明 text', ''),
    isSatisfied: fc.boolean(),
    method: fc.constantFrom('in_person', 'phone', 'written', 'message') as fc.Arbitrary<'in_person' | 'phone' | 'written' | 'message'>,
    ticketKind: fc.constantFrom('repair', 'matter', 'complaint') as fc.Arbitrary<'repair' | 'matter' | 'complaint'>,
  })
  .map((s) => (action: IntakeAction): IntakeCommand => {
    switch (action) {
      case 'triage':
        return { action, category: s.category, emergencyKind: s.emergencyKind, isAnsweredOnSpot: s.isAnsweredOnSpot, answer: s.text };
      case 'link_ticket':
        return { action, ticketKind: s.ticketKind, ticketId: 't-1' };
      case 'reply':
        return { action, answer: s.text, method: s.method, isSatisfied: s.isSatisfied, cause: s.text, responsible: s.text };
      case 'escalate':
        return { action, reason: s.text };
      case 'acknowledge':
        return { action };
      case 'resolve':
        return { action, result: s.text };
      case 'close':
        return { action, result: s.text };
      case 'void':
        return { action, reason: s.text };
    }
  });

type Step =
  | { t: 'act'; guided: boolean; pick: number; who: number; cmd: (a: IntakeAction) => IntakeCommand }
  | { t: 'wait'; minutes: number }
  | { t: 'fire' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ t: fc.constant('act' as const), guided: fc.boolean(), pick: fc.nat(), who: fc.nat(), cmd: commandArb }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 300 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('fire' as const) }) },
);

const worldArb: fc.Arbitrary<World> = fc
  .record({
    policy: fc.record(
      {
        consultationReplyMinutes: fc.integer({ min: 1, max: 600 }),
        writtenReplyMinutes: fc.integer({ min: 1, max: 3000 }),
        escalatedReplyMinutes: fc.integer({ min: 1, max: 600 }),
        emergencyAckMinutes: fc.integer({ min: 1, max: 30 }),
        emergencyEscalationChain: fc.array(
          fc.constantFrom('cs_supervisor', 'director', 'cs_manager', 'company_manager') as fc.Arbitrary<'director'>,
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
      },
      { requiredKeys: [] },
    ),
    at: fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
    channel: fc.constantFrom('phone', 'walk_in', 'app', 'wechat', 'email', 'fax', 'mailbox') as fc.Arbitrary<'phone'>,
    triage: fc.option(fc.record({ category: fc.constantFrom(...intakeCategories), emergencyKind: fc.constantFrom(...emergencyKinds) })),
  })
  .map(({ policy: over, at, channel, triage }) => {
    const policy = intakePolicySchema.parse(over);
    const c = { actor: FIRST, policy, now: at };
    const out = logContact({ channel, content: '来电', departmentHeadId: HEAD.id, ...(triage ? { triage } : {}) }, c);
    return { entry: out.entry, now: at, timers: out.schedule, policy };
  });

function schedule(w: World, cancel: readonly string[], add: IntakeTimerSpec[]): void {
  w.timers = w.timers.filter((t) => !cancel.includes(t.kind));
  for (const t of add) {
    // Timers never in the past, and one pending timer per kind.
    expect(t.dueAt.getTime(), `${t.kind} scheduled in the past`).toBeGreaterThanOrEqual(w.now.getTime());
    expect(
      w.timers.map((p) => p.kind),
      `a second ${t.kind}`,
    ).not.toContain(t.kind);
    w.timers.push(t);
  }
}

function checkOwner(before: IntakeEntry, after: IntakeEntry): void {
  // 首问责任制: the first owner keeps it, unless it is escalated to the department head — once, for good.
  expect(after.firstOwnerId).toBe(before.firstOwnerId);
  if (after.ownerId !== before.ownerId) {
    expect(after.ownerId).toBe(after.departmentHeadId);
    expect(after.isEscalated).toBe(true);
  }
  if (before.isEscalated) expect(after.isEscalated).toBe(true);
  expect([after.firstOwnerId, after.departmentHeadId]).toContain(after.ownerId);
  if (!after.isEscalated) expect(after.ownerId).toBe(after.firstOwnerId);
}

const seen = { statuses: new Set<IntakeStatus>(), actions: new Set<IntakeAction>(), escalated: 0, fired: 0 };

function run(world: World, steps: Step[]): void {
  const w = { ...world, timers: [...world.timers] };
  seen.statuses.add(w.entry.status);
  for (const step of steps) {
    const before = w.entry;
    const wasTerminal = terminalIntakeStatuses.includes(before.status);
    if (step.t === 'wait') {
      w.now = new Date(w.now.getTime() + step.minutes * 60_000);
      continue;
    }
    if (step.t === 'fire') {
      const due = [...w.timers].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
      if (!due) continue;
      if (due.dueAt > w.now) w.now = due.dueAt;
      w.timers = w.timers.filter((t) => t !== due);
      const out = fireIntakeTimer(w.entry, due, w.policy, w.now);
      if (wasTerminal) expect(out.isRelevant).toBe(false);
      if (!out.isRelevant) continue;
      seen.fired++;
      w.entry = {
        ...w.entry,
        ...out.patch,
        flags: out.flag && !w.entry.flags.includes(out.flag) ? [...w.entry.flags, out.flag] : w.entry.flags,
      };
      if (out.next) schedule(w, [], [out.next]);
    } else {
      const possible = intakeActions.filter((a) => intakeRules[a].from.includes(w.entry.status));
      const action =
        step.guided && possible.length > 0
          ? (possible[step.pick % possible.length] as IntakeAction)
          : (intakeActions[step.pick % intakeActions.length] as IntakeAction);
      // Guided steps are tried by somebody of the right role; the others by anybody at all.
      const fitting = step.guided ? people.filter((p) => intakeRules[action].who.includes(p.role)) : people;
      const pool = fitting.length > 0 ? fitting : people;
      const actor = pool[step.who % pool.length] as Actor;
      try {
        const d = decideIntake(w.entry, step.cmd(action), { actor, policy: w.policy, now: w.now });
        expect(wasTerminal, `${action} left ${before.status}`).toBe(false);
        w.entry = { ...w.entry, ...d.patch, status: d.to };
        schedule(w, d.cancel, d.schedule);
        seen.actions.add(action);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
      }
    }
    checkOwner(before, w.entry);
    if (w.entry.isEscalated && !before.isEscalated) seen.escalated++;
    if (wasTerminal) expect(w.entry).toEqual(before);
    // Nothing is left ticking on a closed or voided entry, and an emergency always has its alarm running.
    if (terminalIntakeStatuses.includes(w.entry.status)) expect(w.timers).toEqual([]);
    if (w.entry.status === 'emergency') expect(w.timers.map((t) => t.kind)).toContain('emergency_ack');
    // A pending reply is watched until the director has been told it is late at the department head too.
    const isPastTheTop = w.entry.isEscalated && w.entry.flags.includes('reply_overdue');
    if (w.entry.status === 'awaiting_reply' && !isPastTheTop) expect(w.timers.map((t) => t.kind)).toContain('reply_due');
    seen.statuses.add(w.entry.status);
  }
}

describe('the duty log under random use', () => {
  it('keeps terminal states terminal, the owner fixed but for escalation to the department head, and timers sane', () => {
    fc.assert(
      fc.property(worldArb, fc.array(stepArb, { maxLength: 60, size: 'max' }), (world, steps) => run(world, steps)),
      { numRuns: NUM_RUNS },
    );
    expect([...seen.statuses].sort()).toEqual([...intakeStatuses].sort());
    expect([...seen.actions].sort()).toEqual([...intakeActions].sort());
    expect(seen.escalated).toBeGreaterThan(0);
    expect(seen.fired).toBeGreaterThan(0);
  });
});
