/**
 * Property-based tests of the repair lifecycle: random people try random steps (mostly steps the
 * state allows, sometimes anything at all), time passes and timers fire, and after every step the
 * order must still make sense.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Actor, type Role, type StaffRole, staffRoles, systemActor } from '../access/roles.js';
import { effectivePolicy, type RepairPolicy } from '../policy/policy.js';
import { DomainError } from '../shared/errors.js';
import {
  type Decision,
  decide,
  type HoldReason,
  type RepairCommand,
  type RepairOrder,
  type TimerSpec,
  timerKinds,
  timersForNewOrder,
  type VisitOutcome,
} from './decide.js';
import { fireTimer } from './fire-timer.js';
import {
  actionsFor,
  type OverdueFlag,
  overdueFlags,
  type RepairAction,
  type RepairStatus,
  repairActions,
  repairRules,
  repairStatuses,
} from './machine.js';
import { COMMUNITY, COMPANY, expectedAllowed, NEIGHBOUR, newOrder, OWNER, staff, TZ } from './test-support.js';

const NUM_RUNS = 300;

// ---------------------------------------------------------------------------------------------
// The world: one order, a clock, the pending timers.

interface World {
  order: RepairOrder;
  now: Date;
  timers: TimerSpec[];
  policy: RepairPolicy;
}

const technicians = ['tech-1', 'tech-2', 'tech-3'].map((id) => staff('technician', id));
const staffPool: Actor[] = staffRoles.filter((r) => r !== 'technician').map((r) => staff(r));
const everybody: Actor[] = [...technicians, ...staffPool, OWNER, NEIGHBOUR, systemActor(COMPANY, COMMUNITY)];

interface PayloadSeed {
  text: string;
  isCodeCorrect: boolean;
  isFeasible: boolean;
  quoteCents: number | null;
  labour: number | null;
  material: number | null;
  outcome: VisitOutcome;
  appointmentIn: number;
  technician: number;
  sameCommunity: boolean;
  exactAmount: boolean;
  amount: number;
  holdReason: HoldReason;
  eta: number | null;
}

type Step =
  | { t: 'act'; guided: boolean; actionPick: number; actorPick: number; seed: PayloadSeed }
  | { t: 'wait'; minutes: number }
  | { t: 'fire' };

const weighted = <T>(common: fc.Arbitrary<T>, rare: fc.Arbitrary<T>, odds = 9) =>
  fc.oneof({ weight: odds, arbitrary: common }, { weight: 1, arbitrary: rare });

const money = weighted(fc.integer({ min: 0, max: 50_000 }), fc.constantFrom(-1, 0.5, 100_000_001));

const seedArb: fc.Arbitrary<PayloadSeed> = fc.record({
  text: weighted(fc.constant('原因 reason'), fc.constantFrom('', '   ')),
  isCodeCorrect: fc.boolean(),
  isFeasible: weighted(fc.constant(true), fc.constant(false), 3),
  quoteCents: weighted(money, fc.constant(null)),
  labour: fc.option(money),
  material: fc.option(money),
  outcome: fc.constantFrom<VisitOutcome>('satisfied', 'basically_satisfied', 'unsatisfied'),
  appointmentIn: weighted(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: -120, max: 0 })),
  technician: fc.nat({ max: 2 }),
  sameCommunity: weighted(fc.constant(true), fc.constant(false)),
  exactAmount: weighted(fc.constant(true), fc.constant(false), 4),
  amount: fc.integer({ min: 0, max: 50_000 }),
  holdReason: fc.constantFrom<HoldReason>('parts', 'long_job', 'leftover', 'not_home', 'other'),
  eta: fc.option(fc.integer({ min: 1, max: 120 })),
});

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      t: fc.constant('act' as const),
      guided: weighted(fc.constant(true), fc.constant(false), 4),
      actionPick: fc.nat(),
      actorPick: fc.nat(),
      seed: seedArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 600 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('fire' as const) }) },
);

const hhmm = fc.oneof(
  fc.constant('24:00'),
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
);
const chainRole = fc.constantFrom('eng_supervisor', 'cs_supervisor', 'director', 'cs_manager', 'company_manager') as fc.Arbitrary<
  RepairPolicy['escalationChain'][number]
>;
const repairOverride = fc.record(
  {
    grabMinutes: fc.integer({ min: 1, max: 30 }),
    acceptMinutes: fc.integer({ min: 1, max: 60 }),
    urgentArrivalMinutes: fc.integer({ min: 1, max: 60 }),
    immediateArrivalMinutes: fc.integer({ min: 1, max: 60 }),
    progressChaseMinutes: fc.integer({ min: 1, max: 600 }),
    sameDayCutoff: hhmm,
    escalationIntervalMinutes: fc.integer({ min: 1, max: 600 }),
    escalationChain: fc.array(chainRole, { minLength: 1, maxLength: 4 }),
    quoteMinutes: fc.integer({ min: 1, max: 60 }),
    visitWithinHours: fc.integer({ min: 1, max: 72 }),
    codeMaxAttempts: fc.integer({ min: 1, max: 6 }),
    maxPromiseChanges: fc.integer({ min: 0, max: 4 }),
  },
  { requiredKeys: [] },
);

const worldArb: fc.Arbitrary<World> = fc
  .record({
    company: repairOverride,
    community: repairOverride,
    createdAt: fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
    urgency: fc.constantFrom('normal', 'urgent') as fc.Arbitrary<'normal' | 'urgent'>,
    appointmentIn: fc.option(fc.integer({ min: 1, max: 4000 })),
    recordsFirstPromise: fc.boolean(),
  })
  .map(({ company, community, createdAt, urgency, appointmentIn, recordsFirstPromise }) => {
    const policy = effectivePolicy({ repair: company }, { repair: community }).repair;
    const appointmentAt = appointmentIn === null ? null : new Date(createdAt.getTime() + appointmentIn * 60_000);
    const order = newOrder({
      createdAt,
      urgency,
      timing: appointmentAt ? 'appointment' : 'immediate',
      appointmentAt,
      promisedTimes:
        appointmentAt && recordsFirstPromise
          ? [{ at: appointmentAt.toISOString(), setAt: createdAt.toISOString(), by: 'clerk', reason: null }]
          : [],
    });
    return { order, now: createdAt, timers: timersForNewOrder(order, false, policy, TZ, createdAt), policy };
  });

// ---------------------------------------------------------------------------------------------
// Turning a step into a command by an actor.

function pickActor(w: World, action: RepairAction, step: Extract<Step, { t: 'act' }>): Actor {
  if (!step.guided) return everybody[step.actorPick % everybody.length] as Actor;
  const who = repairRules[action].who;
  const role = who[step.actorPick % who.length] as Role;
  if (role === 'technician') {
    // Mostly the assignee, sometimes somebody else.
    if (w.order.assigneeId && step.actorPick % 5 !== 0) return technicians.find((t) => t.id === w.order.assigneeId) as Actor;
    return technicians[step.seed.technician] as Actor;
  }
  if (role === 'resident') return step.actorPick % 6 === 0 ? NEIGHBOUR : OWNER;
  return staff(role as StaffRole);
}

function pickAction(w: World, step: Extract<Step, { t: 'act' }>): RepairAction {
  let possible = repairActions.filter((a) => repairRules[a].from.includes(w.order.status));
  // Cancelling ends the walk and rescheduling goes back a step: try them less often, so walks get far.
  const detours: RepairAction[] = ['cancel', 'reschedule'];
  if (step.actionPick % 8 !== 0 && possible.some((a) => !detours.includes(a))) possible = possible.filter((a) => !detours.includes(a));
  if (step.guided && possible.length > 0) return possible[step.actionPick % possible.length] as RepairAction;
  return repairActions[step.actionPick % repairActions.length] as RepairAction;
}

function commandFor(action: RepairAction, s: PayloadSeed, w: World): RepairCommand {
  const money = (v: number | null) => (v === null ? undefined : v);
  switch (action) {
    case 'grab':
    case 'accept':
    case 'arrive':
    case 'accept_quote':
      return { action };
    case 'assign':
      return {
        action,
        technicianId: technicians[s.technician]?.id ?? 'tech-1',
        technicianCommunityId: s.sameCommunity ? COMMUNITY : 'comm-elsewhere',
      };
    case 'decline':
    case 'confirm_by_phone':
    case 'refuse_quote':
    case 'reject_completion':
    case 'cancel':
    case 'close_returned':
      return { action, reason: s.text };
    case 'set_off':
      return s.eta === null ? { action } : { action, etaMinutes: s.eta };
    case 'verify_code':
      return { action, isCodeCorrect: s.isCodeCorrect };
    case 'reschedule':
      return { action, appointmentAt: new Date(w.now.getTime() + s.appointmentIn * 60_000), reason: s.text };
    case 'record_work':
      return { action, labourFeeCents: money(s.labour), materialFeeCents: money(s.material), customerMaterialRating: 'qualified' };
    case 'hold':
      return { action, reason: s.holdReason, note: s.text };
    case 'resume':
      return { action };
    case 'request_quote':
      return { action, description: s.text };
    case 'quote':
      return { action, isFeasible: s.isFeasible, quoteCents: money(s.quoteCents), note: s.text };
    case 'complete':
      return { action, summary: s.text };
    case 'confirm':
      return { action };
    case 'record_payment':
      return { action, amountCents: s.exactAmount ? w.order.labourFeeCents + w.order.materialFeeCents : s.amount };
    case 'visit':
      return { action, outcome: s.outcome, comment: s.text, method: 'phone' };
  }
}

// ---------------------------------------------------------------------------------------------
// Running a world forward, checking as we go.

/** What the runs reached, to prove the generator explores the whole lifecycle. */
const seen = {
  statuses: new Set<RepairStatus>(),
  actions: new Set<RepairAction>(),
  refusals: new Set<string>(),
  flags: new Set<OverdueFlag>(),
  reopened: 0,
  escalatedLevels: new Set<number>(),
  locked: 0,
  paid: 0,
};

function schedule(w: World, cancel: readonly string[], add: TimerSpec[]): void {
  w.timers = w.timers.filter((t) => !cancel.includes(t.kind)).concat(add);
}

/**
 * A cheap assertion for the hot loop (vitest's expect is slow when called a million times); the
 * message says which invariant broke, and fast-check prints the shrunk counterexample.
 */
function must(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`invariant broken: ${message}`);
}
const show = (o: RepairOrder) => `(${o.status}, assignee ${o.assigneeId}, flags [${o.flags}])`;

function fireDue(w: World, until: Date): void {
  for (;;) {
    const due = w.timers.filter((t) => t.dueAt.getTime() <= until.getTime()).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
    if (!due) break;
    w.timers = w.timers.filter((t) => t !== due);
    if (due.dueAt > w.now) w.now = due.dueAt;
    const out = fireTimer(w.order, due, w.policy, w.now);
    if (!out.isRelevant) {
      must(!out.flag && !out.next && !out.event && out.notices.length === 0, `an irrelevant ${due.kind} does nothing`);
      continue;
    }
    if (out.flag && !w.order.flags.includes(out.flag)) {
      w.order = { ...w.order, flags: [...w.order.flags, out.flag] };
      seen.flags.add(out.flag);
    }
    if (due.kind === 'same_day_timeout') seen.escalatedLevels.add(due.level);
    if (out.next) {
      must(out.next.kind === due.kind, 'escalation keeps its timer kind');
      must(out.next.level === due.level + 1, 'escalation climbs one level at a time');
      must(out.next.dueAt.getTime() >= w.now.getTime(), 'the next level is not due in the past');
      must(out.next.level < w.policy.escalationChain.length, 'escalation stops at the top of the chain');
      w.timers.push(out.next);
    }
    checkInvariants(w);
  }
  if (until > w.now) w.now = until;
}

function checkDecision(before: World, action: RepairAction, cmd: RepairCommand, actor: Actor, d: Decision, after: RepairOrder): void {
  const from = before.order.status;
  const role = actor.role as Role;
  const what = `${role} ${actor.id} did ${action} on ${show(before.order)}`;
  // The table is the gate: nothing succeeds that the procedure does not allow.
  must(expectedAllowed(from, action, role), `${what}: not allowed by the procedure`);
  must(actionsFor(from, role).includes(action), `${what}: not in actionsFor`);
  if (repairRules[action].assigneeOnly) must(actor.id === before.order.assigneeId, `${what}: not the assignee`);
  if (repairRules[action].ownerOnly && role === 'resident') must(actor.id === OWNER.id, `${what}: not the household`);
  // Closed and cancelled are terminal: only a payment may still be taken on a closed order.
  must(from !== 'cancelled', `${what}: a cancelled order moved`);
  if (from === 'closed') must(action === 'record_payment' && d.to === 'closed', `${what}: a closed order moved`);
  // A fixed target in the table is where the step leads (a wrong code stays put, as a stored refusal).
  const target = repairRules[action].to;
  if (d.refusal) must(action === 'verify_code' && d.to === from && d.refusal instanceof DomainError, `${what}: odd stored refusal`);
  else if (target === 'same') must(d.to === from, `${what}: should keep the state`);
  else if (target !== 'decided') must(d.to === target, `${what}: should lead to ${target}, led to ${d.to}`);
  // Timers: real kinds, never due in the past.
  for (const k of d.cancel) must(timerKinds.includes(k), `${what}: cancels unknown timer ${k}`);
  for (const t of d.schedule) {
    must(timerKinds.includes(t.kind), `${what}: schedules unknown timer ${t.kind}`);
    must(t.dueAt.getTime() >= before.now.getTime(), `${what}: schedules ${t.kind} in the past`);
    must(t.level === 0, `${what}: a new timer starts at level 0`);
  }
  if (d.visitDueAt) must(d.visitDueAt.getTime() > before.now.getTime(), `${what}: visit due in the past`);
  // Flags: a step only settles flags (timers raise them), and settles those its rule names.
  for (const f of after.flags) must(before.order.flags.includes(f), `${what}: raised ${f}`);
  if (!d.refusal) for (const f of repairRules[action].clears ?? []) must(!after.flags.includes(f), `${what}: left ${f}`);
  // Reopening: only an unsatisfied visit, one at a time, from a clean slate.
  const reopenedNow = cmd.action === 'visit' && cmd.outcome === 'unsatisfied';
  must(after.reopenCount === before.order.reopenCount + (reopenedNow ? 1 : 0), `${what}: reopenCount ${after.reopenCount}`);
  if (reopenedNow) {
    must(after.status === 'open' && after.flags.length === 0, `${what}: reopened order not open and clean`);
    seen.reopened++;
  }
  // Money received stays received.
  if (before.order.feeStatus === 'paid') must(after.feeStatus === 'paid', `${what}: a paid order became ${after.feeStatus}`);
  if (after.feeStatus === 'paid' && before.order.feeStatus !== 'paid') seen.paid++;
  must(/^[A-Z]/.test(d.event.type), `${what}: event ${d.event.type}`);
}

const notYetOnSite: RepairStatus[] = ['open', 'dispatched', 'accepted', 'on_the_way'];
const flagOnlyIn: Record<OverdueFlag, RepairStatus[]> = {
  grab_overdue: ['open'],
  accept_overdue: ['dispatched'],
  arrival_overdue: notYetOnSite,
  progress_overdue: notYetOnSite,
  not_done_same_day: [
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
  ],
  quote_overdue: ['awaiting_quote'],
  visit_overdue: ['confirmed'],
};
const unverified: RepairStatus[] = ['open', 'dispatched', 'accepted', 'on_the_way', 'arrived'];
const verified: RepairStatus[] = ['in_progress', 'completed', 'confirmed'];

function checkInvariants(w: World): void {
  const o = w.order;
  const at = show(o);
  must(repairStatuses.includes(o.status), `unknown state ${o.status}`);
  // Nobody on an open order; somebody on every order from dispatch on (accepted … completed and after).
  if (o.status === 'open') must(o.assigneeId === null, `${at}: an open order has an assignee`);
  else if (o.status !== 'cancelled') must(o.assigneeId !== null, `${at}: nobody assigned`);
  // T3 rewritable up to the policy number of times.
  must(o.promisedTimes.length <= 1 + w.policy.maxPromiseChanges, `${at}: ${o.promisedTimes.length} promised times`);
  // Wrong codes never exceed the policy's attempts.
  must(o.codeAttempts >= 0 && o.codeAttempts <= w.policy.codeMaxAttempts, `${at}: ${o.codeAttempts} code attempts`);
  if (o.codeAttempts === w.policy.codeMaxAttempts) seen.locked++;
  // The work starts only once the resident is verified (by code or by phone).
  if (unverified.includes(o.status)) must(o.verifiedAt === null, `${at}: verified before the work`);
  if (verified.includes(o.status)) must(o.verifiedAt !== null, `${at}: working unverified`);
  // Flags: real, once each, and only while the thing they report is still true.
  must(new Set(o.flags).size === o.flags.length, `${at}: a flag twice`);
  for (const f of o.flags) {
    must(overdueFlags.includes(f), `${at}: unknown flag ${f}`);
    must(flagOnlyIn[f].includes(o.status), `${at}: stale flag ${f}`);
  }
  // One clock of each kind at a time.
  const kinds = w.timers.map((t) => t.kind);
  must(new Set(kinds).size === kinds.length, `${at}: duplicate timers ${kinds}`);
  seen.statuses.add(o.status);
}

function run(initial: World, steps: Step[]): void {
  const w: World = { ...initial, timers: [...initial.timers] };
  for (const t of w.timers) must(t.dueAt.getTime() > w.now.getTime(), `a new order's ${t.kind} is due at once`);
  checkInvariants(w);
  for (const step of steps) {
    if (step.t === 'wait') {
      fireDue(w, new Date(w.now.getTime() + step.minutes * 60_000));
      continue;
    }
    if (step.t === 'fire') {
      const next = [...w.timers].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
      if (next) fireDue(w, next.dueAt);
      continue;
    }
    const action = pickAction(w, step);
    const actor = pickActor(w, action, step);
    const cmd = commandFor(action, step.seed, w);
    const isOwner = actor.kind === 'resident' && w.order.ownerResidentIds.includes(actor.id);
    const ctx = { actor, isOwner, policy: w.policy, timezone: TZ, now: w.now };
    let d: Decision;
    try {
      d = decide(w.order, cmd, ctx);
    } catch (e) {
      // A refusal is always a typed domain error, never a crash; out of turn it is forbidden or a conflict.
      if (!(e instanceof DomainError)) throw e;
      must(['forbidden', 'conflict', 'invalid'].includes(e.kind), `odd error kind ${e.kind}`);
      if (!expectedAllowed(w.order.status, action, actor.role as Role)) {
        must(e.kind === 'forbidden' || e.kind === 'conflict', `${action} out of turn refused as ${e.kind}`);
      }
      seen.refusals.add(e.code);
      continue;
    }
    const after: RepairOrder = { ...w.order, ...d.patch, status: d.to };
    checkDecision(w, action, cmd, actor, d, after);
    seen.actions.add(action);
    w.order = after;
    schedule(w, d.cancel, d.schedule);
    checkInvariants(w);
  }
}

describe('the repair lifecycle under random use', () => {
  it('keeps every invariant whatever anybody tries, in any order, as time passes', () => {
    fc.assert(
      fc.property(worldArb, fc.array(stepArb, { maxLength: 120, size: 'max' }), (world, steps) => run(world, steps)),
      { numRuns: NUM_RUNS },
    );
    // The runs must have walked the whole procedure, or the property proves little.
    expect([...seen.statuses].sort()).toEqual([...repairStatuses].sort());
    expect([...seen.actions].sort()).toEqual([...repairActions].sort());
    expect([...seen.flags].sort()).toEqual([...overdueFlags].sort());
    expect(seen.reopened).toBeGreaterThan(0);
    expect(seen.locked).toBeGreaterThan(0);
    expect(seen.paid).toBeGreaterThan(0);
    expect(seen.escalatedLevels.has(1)).toBe(true);
    for (const code of [
      'forbidden',
      'not_assignee',
      'already_taken',
      'invalid_transition',
      'required',
      'too_many_reschedules',
      'code_locked',
    ]) {
      expect(seen.refusals, code).toContain(code);
    }
  });

  it('never lets anything but a payment touch a closed order, nor anything a cancelled one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<RepairStatus>('closed', 'cancelled'),
        fc.constantFrom(...repairActions),
        fc.constantFrom(...everybody),
        seedArb,
        worldArb,
        (status, action, actor, seed, world) => {
          const w = {
            ...world,
            order: { ...world.order, status, assigneeId: 'tech-1', verifiedAt: world.now, feeStatus: 'owed' as const, labourFeeCents: 100 },
          };
          const cmd = commandFor(action, { ...seed, exactAmount: true }, w);
          const isOwner = actor.kind === 'resident' && actor.id === OWNER.id;
          let d: Decision | null = null;
          try {
            d = decide(w.order, cmd, { actor, isOwner, policy: w.policy, timezone: TZ, now: w.now });
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
          }
          if (d) {
            expect(status).toBe('closed');
            expect(action).toBe('record_payment');
            expect(d.to).toBe('closed');
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('lets exactly one of two technicians grab the same open order', () => {
    fc.assert(
      fc.property(worldArb, fc.nat({ max: 2 }), fc.nat({ max: 2 }), (world, a, b) => {
        fc.pre(a !== b);
        const ctxOf = (actor: Actor) => ({ actor, isOwner: false, policy: world.policy, timezone: TZ, now: world.now });
        const first = decide(world.order, { action: 'grab' }, ctxOf(technicians[a] as Actor));
        const taken = { ...world.order, ...first.patch, status: first.to };
        expect(taken.assigneeId).toBe(technicians[a]?.id);
        try {
          decide(taken, { action: 'grab' }, ctxOf(technicians[b] as Actor));
          expect.unreachable('the second grab must be refused');
        } catch (e) {
          expect((e as DomainError).code).toBe('already_taken');
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
