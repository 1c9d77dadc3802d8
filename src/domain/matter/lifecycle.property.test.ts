/**
 * Property-based tests of matters: random people try random steps, time passes and timers
 * fire, and after every step the matter must still make sense.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/roles.js';
import { DomainError } from '../shared/errors.js';
import { defaultVisitPolicy } from '../visit/policy.js';
import { createMatter, decideMatter, type Matter, type MatterCommand, type MatterTimerSpec } from './decide.js';
import { fireMatterTimer } from './fire-timer.js';
import {
  type MatterAction,
  type MatterDepartment,
  type MatterStatus,
  matterActions,
  matterDepartments,
  matterRules,
  matterStatuses,
  terminalMatterStatuses,
} from './machine.js';
import { type MatterPolicy, matterPolicySchema } from './policy.js';
import { CLERK, departmentOf, GUARD, RESIDENT, SUPERVISOR, SYSTEM, staff } from './test-support.js';

const NUM_RUNS = Number(process.env.PROP_RUNS ?? 300);

interface World {
  matter: Matter;
  now: Date;
  timers: MatterTimerSpec[];
  policy: MatterPolicy;
}

const cleaner = staff('department_staff', 'cleaner-1');
const gardener = staff('department_staff', 'gardener-1');
const people: Actor[] = [
  CLERK,
  SUPERVISOR,
  GUARD,
  cleaner,
  gardener,
  staff('eng_supervisor'),
  staff('technician'),
  staff('director'),
  staff('finance'),
  RESIDENT,
  SYSTEM,
];
const departmentOfPerson = (a: Actor): MatterDepartment | null =>
  a.id === cleaner.id ? 'cleaning' : a.id === gardener.id ? 'landscaping' : a.role === 'system' ? null : departmentOf(a.role);

const commandArb = fc
  .record({
    department: fc.constantFrom(...matterDepartments),
    text: fc.constantFrom('说明 text', '说明 text', ''),
    supervisor: fc.constantFrom([SUPERVISOR.id, 'cs_supervisor'], ['eng_supervisor-1', 'eng_supervisor'], ['tech-1', 'technician']),
  })
  .map((s) => (action: MatterAction): MatterCommand => {
    switch (action) {
      case 'send':
        return { action, supervisorId: s.supervisor[0] as string, supervisorRole: s.supervisor[1] as 'cs_supervisor' };
      case 'hand_over':
        return { action, department: s.department };
      case 'decline':
      case 'reopen':
      case 'cancel':
        return { action, reason: s.text };
      case 'accept':
        return { action };
      case 'complete':
        return { action, result: s.text };
      case 'chase':
        return { action, note: s.text };
      case 'close':
        return { action };
    }
  });

type Step =
  | { t: 'act'; guided: boolean; pick: number; who: number; cmd: (a: MatterAction) => MatterCommand }
  | { t: 'wait'; minutes: number }
  | { t: 'fire' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      t: fc.constant('act' as const),
      guided: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      pick: fc.nat(),
      who: fc.nat(),
      cmd: commandArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 600 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('fire' as const) }) },
);

const target = fc.constantFrom('supervisor', 'department_head', 'director', 'company_manager') as fc.Arbitrary<'director'>;
const worldArb: fc.Arbitrary<World> = fc
  .record({
    at: fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
    policy: fc.record(
      {
        handOverMinutes: fc.integer({ min: 1, max: 120 }),
        completionMinutes: fc.integer({ min: 1, max: 3000 }),
        escalationIntervalMinutes: fc.integer({ min: 1, max: 600 }),
        handOverEscalationChain: fc.array(target, { minLength: 1, maxLength: 3 }),
        completionEscalationChain: fc.array(target, { minLength: 1, maxLength: 3 }),
      },
      { requiredKeys: [] },
    ),
    sendNow: fc.boolean(),
  })
  .map(({ at, policy: over, sendNow }) => {
    const policy = matterPolicySchema.parse(over);
    const out = createMatter(
      {
        category: 'public_order',
        content: '报事',
        ...(sendNow ? { sendTo: { supervisorId: SUPERVISOR.id, supervisorRole: 'cs_supervisor' as const } } : {}),
      },
      { actor: CLERK, actorDepartment: null, policy, visitPolicy: defaultVisitPolicy(), now: at },
    );
    return { matter: out.matter, now: at, timers: out.schedule, policy };
  });

const seen = { statuses: new Set<MatterStatus>(), actions: new Set<MatterAction>(), fired: 0 };

function schedule(w: World, cancel: readonly string[], add: MatterTimerSpec[]): void {
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
  const owner = w.matter.ownerId;
  for (const step of steps) {
    const before = w.matter;
    const wasTerminal = terminalMatterStatuses.includes(before.status);
    if (step.t === 'wait') {
      w.now = new Date(w.now.getTime() + step.minutes * 60_000);
      continue;
    }
    if (step.t === 'fire') {
      const due = [...w.timers].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
      if (!due) continue;
      if (due.dueAt > w.now) w.now = due.dueAt;
      w.timers = w.timers.filter((t) => t !== due);
      const out = fireMatterTimer(w.matter, due, w.policy, w.now);
      if (wasTerminal) expect(out.isRelevant).toBe(false);
      if (out.isRelevant && out.flag) {
        seen.fired++;
        if (!w.matter.flags.includes(out.flag)) w.matter = { ...w.matter, flags: [...w.matter.flags, out.flag] };
      }
      if (out.next) schedule(w, [], [out.next]);
    } else {
      let possible = matterActions.filter((a) => matterRules[a].from.includes(w.matter.status));
      // Cancelling ends the walk: try it less often, so walks get far.
      if (step.pick % 8 !== 0 && possible.some((a) => a !== 'cancel')) possible = possible.filter((a) => a !== 'cancel');
      const action =
        step.guided && possible.length > 0
          ? (possible[step.pick % possible.length] as MatterAction)
          : (matterActions[step.pick % matterActions.length] as MatterAction);
      const rule = matterRules[action];
      // Guided steps are mostly tried by the right person: of the role, and of the department or the supervisor it went to.
      const fitting = step.guided
        ? people.filter(
            (p) =>
              rule.who.includes(p.role) &&
              (step.who % 4 === 0 ||
                (rule.by === 'department'
                  ? departmentOfPerson(p) === w.matter.department
                  : rule.by !== 'supervisor' || p.id === w.matter.supervisorId)),
          )
        : people;
      const pool = fitting.length > 0 ? fitting : people;
      const actor = pool[step.who % pool.length] as Actor;
      try {
        const d = decideMatter(w.matter, step.cmd(action), {
          actor,
          actorDepartment: departmentOfPerson(actor),
          policy: w.policy,
          visitPolicy: defaultVisitPolicy(),
          now: w.now,
        });
        expect(wasTerminal, `${action} left ${before.status}`).toBe(false);
        w.matter = { ...w.matter, ...d.patch, status: d.to };
        schedule(w, d.cancel, d.schedule);
        seen.actions.add(action);
        // Every return to the desk brings a visit task, due after the work was done.
        if (d.to === 'returned') expect(d.visitTask && d.visitTask.dueAt.getTime() > w.now.getTime()).toBe(true);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
      }
    }
    // The desk person who took it answers for it to the end: a matter's owner never changes.
    expect(w.matter.ownerId).toBe(owner);
    if (wasTerminal) expect(w.matter).toEqual(before);
    const m = w.matter;
    if (m.status !== 'created' && m.status !== 'cancelled') expect(m.supervisorId).not.toBeNull();
    if (m.status === 'with_department' || m.status === 'in_progress' || m.status === 'returned') expect(m.department).not.toBeNull();
    if (m.status === 'in_progress') expect(m.handlerId).not.toBeNull();
    if (m.status === 'returned') expect(m.completedAt).not.toBeNull();
    if (terminalMatterStatuses.includes(m.status) || m.status === 'returned') expect(w.timers).toEqual([]);
    seen.statuses.add(m.status);
  }
}

describe('matters under random use', () => {
  it('keeps terminal states terminal, the owner fixed, and timers sane', () => {
    fc.assert(
      fc.property(worldArb, fc.array(stepArb, { maxLength: 60, size: 'max' }), (world, steps) => run(world, steps)),
      { numRuns: NUM_RUNS },
    );
    expect([...seen.statuses].sort()).toEqual([...matterStatuses].sort());
    expect([...seen.actions].sort()).toEqual([...matterActions].sort());
    expect(seen.fired).toBeGreaterThan(0);
  });
});
