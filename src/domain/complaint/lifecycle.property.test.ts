/**
 * Property-based tests of the complaint lifecycle: random people try random steps (mostly steps
 * the state allows, sometimes anything at all), time passes and timers fire, and after every step
 * the complaint must still make sense.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Actor, type Department, departments, type Role, type StaffRole, staffRoles, systemActor } from '../access/roles.js';
import { DomainError } from '../shared/errors.js';
import {
  type Complaint,
  type ComplaintClass,
  type ComplaintCommand,
  classesNeedingSignoff,
  complaintClasses,
  type Decision,
  decide,
  type ReplyMethod,
  recordComplaint,
  replyMethods,
  type TimerSpec,
  timerKinds,
  type VisitOutcome,
} from './decide.js';
import { fireTimer } from './fire-timer.js';
import {
  actionsFor,
  type ComplaintAction,
  type ComplaintStatus,
  complaintActions,
  complaintRules,
  complaintStatuses,
  type OverdueFlag,
  overdueFlags,
  terminalStatuses,
} from './machine.js';
import { type ComplaintPolicy, complaintPolicySchema, escalationRungs } from './policy.js';
import { COMMUNITY, COMPANY, COMPLAINANT, households, NEIGHBOUR, staff, T0 } from './test-support.js';

const NUM_RUNS = 600;

interface World {
  complaint: Complaint;
  now: Date;
  timers: TimerSpec[];
  policy: ComplaintPolicy;
}

const staffPool: Actor[] = staffRoles.map((r) => staff(r));
const everybody: Actor[] = [...staffPool, COMPLAINANT, NEIGHBOUR, systemActor(COMPANY, COMMUNITY)];

interface PayloadSeed {
  text: string;
  complaintClass: ComplaintClass;
  isSerious: boolean;
  isDeveloperCaused: boolean;
  minutesAhead: number;
  party: 'developer' | 'external' | 'department';
  department: Department;
  /** Whether the signer belongs to the solving department. */
  isSignerOfDepartment: boolean;
  method: ReplyMethod;
  hasWrittenCopy: boolean;
  /** Whether the reply does what the procedure asks of this complaint. */
  isByTheBook: boolean;
  outcome: VisitOutcome;
  mergeIntoSelf: boolean;
}

type Step =
  | { t: 'act'; guided: boolean; actionPick: number; actorPick: number; seed: PayloadSeed }
  | { t: 'wait'; minutes: number }
  | { t: 'fire' };

const weighted = <T>(common: fc.Arbitrary<T>, rare: fc.Arbitrary<T>, odds = 9) =>
  fc.oneof({ weight: odds, arbitrary: common }, { weight: 1, arbitrary: rare });

const seedArb: fc.Arbitrary<PayloadSeed> = fc.record({
  text: weighted(fc.constant('说明 note'), fc.constantFrom('', '   ')),
  complaintClass: fc.constantFrom(...complaintClasses),
  isSerious: weighted(fc.constant(false), fc.constant(true), 4),
  isDeveloperCaused: weighted(fc.constant(false), fc.constant(true), 4),
  minutesAhead: weighted(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: -60, max: 0 })),
  party: fc.constantFrom('developer', 'external', 'department'),
  department: fc.constantFrom(...departments),
  isSignerOfDepartment: weighted(fc.constant(true), fc.constant(false), 4),
  method: fc.constantFrom(...replyMethods),
  hasWrittenCopy: fc.boolean(),
  isByTheBook: weighted(fc.constant(true), fc.constant(false), 2),
  outcome: weighted(fc.constantFrom<VisitOutcome>('satisfied', 'basically_satisfied'), fc.constant<VisitOutcome>('unsatisfied'), 3),
  mergeIntoSelf: weighted(fc.constant(false), fc.constant(true)),
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
  { weight: 1, arbitrary: fc.record({ t: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 900 }) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('fire' as const) }) },
);

const policyArb: fc.Arbitrary<ComplaintPolicy> = fc
  .record(
    {
      classifyMinutes: fc.integer({ min: 1, max: 240 }),
      contactMinutes: fc.integer({ min: 1, max: 240 }),
      referralMinutes: fc.integer({ min: 1, max: 240 }),
      invalidReplyMinutes: fc.integer({ min: 1, max: 240 }),
      onSpotReportMinutes: fc.integer({ min: 1, max: 120 }),
      onSpotReplyMinutes: fc.integer({ min: 1, max: 240 }),
      forwardedReportHours: fc.integer({ min: 1, max: 48 }),
      progressUpdateHours: fc.integer({ min: 1, max: 48 }),
      collectiveMinHouseholds: fc.integer({ min: 2, max: 7 }),
      escalationChain: fc.array(fc.constantFrom(...escalationRungs), { minLength: 1, maxLength: 5 }),
      escalationIntervalMinutes: fc.integer({ min: 1, max: 600 }),
      visitWithinHours: fc.integer({ min: 1, max: 200 }),
    },
    { requiredKeys: [] },
  )
  .map((o) => complaintPolicySchema.parse(o));

const worldArb: fc.Arbitrary<World> = fc
  .record({
    policy: policyArb,
    createdAt: fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
    // Often enough households for a collective complaint, so its path is walked as much as the others.
    householdCount: fc.oneof(fc.integer({ min: 1, max: 7 }), fc.constant(7)),
    form: fc.constantFrom<'written' | 'oral'>('written', 'oral'),
    isForwarded: fc.boolean(),
    onSpotMinutesAgo: weighted(fc.constant(null), fc.integer({ min: 0, max: 300 }), 6),
  })
  .map(({ policy, createdAt, householdCount, form, isForwarded, onSpotMinutesAgo }) => {
    const r = recordComplaint(
      'cmp-1',
      {
        complainant: { name: '张三', phone: null, residentId: COMPLAINANT.id },
        households: households(householdCount),
        placeKey: 'building:3',
        channel: form === 'written' ? 'letter' : 'phone',
        form,
        content: '电梯坏了',
        isForwarded,
        onSpot:
          onSpotMinutesAgo === null
            ? null
            : { handledAt: new Date(createdAt.getTime() - onSpotMinutesAgo * 60_000), handledById: 'guard-1', result: '已处理' },
      },
      { actor: staff('clerk'), policy, now: createdAt },
    );
    return { complaint: r.complaint, now: createdAt, timers: r.schedule, policy };
  });

// ---------------------------------------------------------------------------------------------

function pickAction(w: World, step: Extract<Step, { t: 'act' }>): ComplaintAction {
  let possible = complaintActions.filter((a) => complaintRules[a].from.includes(w.complaint.status));
  // Merging and withdrawing end the walk: try them less often, so walks get far.
  const detours: ComplaintAction[] = ['merge', 'withdraw'];
  if (step.actionPick % 10 !== 0 && possible.some((a) => !detours.includes(a))) possible = possible.filter((a) => !detours.includes(a));
  // The incident report is skipped now and then, so replies are also tried before it is filed.
  if (step.actionPick % 3 !== 0 && possible.length > 1) possible = possible.filter((a) => a !== 'file_incident_report');
  if (step.guided && possible.length > 0) return possible[step.actionPick % possible.length] as ComplaintAction;
  return complaintActions[step.actionPick % complaintActions.length] as ComplaintAction;
}

function pickActor(action: ComplaintAction, step: Extract<Step, { t: 'act' }>): Actor {
  if (!step.guided) return everybody[step.actorPick % everybody.length] as Actor;
  const who = complaintRules[action].who;
  const role = who[step.actorPick % who.length] as Role;
  if (role === 'resident') return step.actorPick % 5 === 0 ? NEIGHBOUR : COMPLAINANT;
  return staff(role as StaffRole);
}

function commandFor(action: ComplaintAction, s: PayloadSeed, w: World): ComplaintCommand {
  const c = w.complaint;
  switch (action) {
    case 'classify':
      return {
        action,
        complaintClass: s.complaintClass,
        reason: s.text,
        isSerious: s.isSerious,
        isDeveloperCaused: s.isDeveloperCaused && s.complaintClass === 'assisted',
      };
    case 'contact':
      return { action, agreedReplyAt: new Date(w.now.getTime() + s.minutesAhead * 60_000) };
    case 'refer':
      return {
        action,
        party: c.isDeveloperCaused && s.isSignerOfDepartment ? 'developer' : s.party,
        department: s.department,
        recipient: '解决部门',
        note: s.text,
      };
    case 'update_progress':
      return { action, note: s.text };
    case 'escalate':
      return { action, reason: s.text };
    case 'file_incident_report':
      return { action, summary: s.text };
    case 'record_result':
      return { action, solvingDepartment: s.department, summary: s.text };
    case 'return_result':
      return { action, reason: s.text };
    case 'sign_off':
      return { action };
    case 'reply':
      // Mostly what the procedure asks of this complaint, sometimes anything.
      return {
        action,
        method:
          c.complaintClass === 'collective' && s.isByTheBook ? 'home_visit' : c.form === 'written' && s.isByTheBook ? 'phone' : s.method,
        hasWrittenCopy: c.form === 'written' && s.isByTheBook ? true : s.hasWrittenCopy,
        summary: s.text,
      };
    case 'report_to_centre':
      return { action, summary: s.text };
    case 'visit':
      return { action, outcome: s.outcome, method: 'phone', comment: s.text };
    case 'merge':
      return { action, intoComplaintId: s.mergeIntoSelf ? c.id : 'cmp-collective' };
    case 'withdraw':
      return { action, reason: s.text };
  }
}

// ---------------------------------------------------------------------------------------------

const seen = {
  statuses: new Set<ComplaintStatus>(),
  actions: new Set<ComplaintAction>(),
  refusals: new Set<string>(),
  flags: new Set<OverdueFlag>(),
  classesReplied: new Set<string>(),
  topReached: 0,
  successors: 0,
};

/** A cheap assertion for the hot loop; fast-check prints the shrunk counterexample. */
function must(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`invariant broken: ${message}`);
}
const show = (c: Complaint) => `(${c.status}, ${c.complaintClass}, level ${c.escalationLevel}, flags [${c.flags}])`;

const handled: ComplaintStatus[] = ['in_hand', 'awaiting_signoff', 'awaiting_reply'];
const flagOnlyIn: Record<OverdueFlag, ComplaintStatus[]> = {
  classify_overdue: ['recorded'],
  contact_overdue: ['contacting'],
  referral_overdue: ['referring'],
  reply_overdue: handled,
  progress_update_overdue: handled,
  centre_report_overdue: ['replied', 'closed'],
  visit_overdue: ['replied'],
};

function checkInvariants(w: World): void {
  const c = w.complaint;
  const at = show(c);
  must(complaintStatuses.includes(c.status), `unknown state ${c.status}`);
  // The ladder: within the chain, never below the handler.
  must(c.escalationLevel >= 0 && c.escalationLevel < w.policy.escalationChain.length, `${at}: level outside the chain`);
  if (c.escalationLevel === w.policy.escalationChain.length - 1 && c.escalationLevel > 0) seen.topReached++;
  // Flags: real, once each, only while what they report is still true.
  must(new Set(c.flags).size === c.flags.length, `${at}: a flag twice`);
  for (const f of c.flags) {
    must(overdueFlags.includes(f), `${at}: unknown flag ${f}`);
    must(flagOnlyIn[f].includes(c.status), `${at}: stale flag ${f}`);
  }
  // One pending timer of each kind; none left on a merged or withdrawn complaint.
  const kinds = w.timers.map((t) => t.kind);
  must(new Set(kinds).size === kinds.length, `${at}: duplicate timers ${kinds}`);
  if (c.status === 'merged' || c.status === 'withdrawn') must(w.timers.length === 0, `${at}: timers left ${kinds}`);
  // Classified from contacting on (unless fixed on the spot).
  if (c.status !== 'recorded' && !c.onSpot && !['merged', 'withdrawn'].includes(c.status))
    must(c.complaintClass !== null, `${at}: unclassified`);
  // Answered complaints: the procedure's paperwork is all there.
  if (c.status === 'replied' || c.status === 'closed') {
    must(c.reply !== null, `${at}: replied without a reply`);
    const reply = c.reply!;
    if (c.complaintClass && classesNeedingSignoff.includes(c.complaintClass)) {
      must(c.signedOffAt !== null && c.signedOffAt.getTime() <= reply.at.getTime(), `${at}: replied before the sign-off`);
    }
    if (c.complaintClass === 'collective') {
      must(reply.method === 'home_visit', `${at}: collective replied by ${reply.method}`);
      must(c.incidentReportFiledAt !== null, `${at}: collective replied with no incident report`);
    }
    if (c.form === 'written')
      must(reply.hasWrittenCopy && reply.method !== 'written', `${at}: written complaint without written + other reply`);
    seen.classesReplied.add(c.onSpot ? 'on_spot' : String(c.complaintClass));
  }
  if (c.complaintClass === 'collective') {
    must(
      new Set(c.households.map((h) => h.householdId)).size >= w.policy.collectiveMinHouseholds,
      `${at}: collective with too few households`,
    );
  }
  seen.statuses.add(c.status);
}

function fireDue(w: World, until: Date): void {
  for (;;) {
    const due = w.timers.filter((t) => t.dueAt.getTime() <= until.getTime()).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
    if (!due) break;
    w.timers = w.timers.filter((t) => t !== due);
    if (due.dueAt > w.now) w.now = due.dueAt;
    const before = w.complaint;
    const out = fireTimer(before, due, w.policy, w.now);
    if (!out.isRelevant) {
      must(!out.flag && !out.next && !out.event && out.notices.length === 0, `an irrelevant ${due.kind} does nothing`);
      continue;
    }
    let flags = before.flags;
    if (out.flag && !flags.includes(out.flag)) {
      flags = [...flags, out.flag];
      seen.flags.add(out.flag);
    }
    w.complaint = { ...before, ...out.patch, flags };
    if (due.kind === 'escalation') {
      must(
        w.complaint.escalationLevel === before.escalationLevel + 1,
        `escalation climbs exactly one rung (${before.escalationLevel} → ${w.complaint.escalationLevel})`,
      );
      must(out.event?.type === 'ComplaintEscalated', 'every rung is an event');
    } else {
      must(w.complaint.escalationLevel === before.escalationLevel, `${due.kind} does not move the level`);
    }
    w.timers = w.timers.filter((t) => !out.cancel.includes(t.kind));
    if (out.next) {
      must(out.next.kind === 'escalation', 'only the ladder schedules itself');
      must(out.next.dueAt.getTime() > w.now.getTime(), 'the next rung is not due in the past');
      must(out.next.level === w.complaint.escalationLevel + 1, 'the next rung is the one above');
      must(out.next.level < w.policy.escalationChain.length, 'the ladder stops at the top of the chain');
      w.timers.push(out.next);
    }
    checkInvariants(w);
  }
  if (until > w.now) w.now = until;
}

function checkDecision(before: World, action: ComplaintAction, cmd: ComplaintCommand, actor: Actor, d: Decision, after: Complaint): void {
  const from = before.complaint.status;
  const role = actor.role as Role;
  const what = `${role} did ${action} on ${show(before.complaint)}`;
  // The table is the gate.
  must(actionsFor(from, role).includes(action), `${what}: not in actionsFor`);
  if (role === 'resident') must(actor.id === COMPLAINANT.id, `${what}: not the complainant`);
  // Terminal states stay terminal: only the centre report touches a closed complaint, and keeps it closed.
  must(from !== 'merged' && from !== 'withdrawn', `${what}: a finished complaint moved`);
  if (from === 'closed') must(action === 'report_to_centre' && d.to === 'closed', `${what}: a closed complaint moved`);
  const target = complaintRules[action].to;
  if (target === 'same') must(d.to === from, `${what}: should keep the state`);
  else if (target !== 'decided') must(d.to === target, `${what}: should lead to ${target}, led to ${d.to}`);
  must(d.event.type === complaintRules[action].event, `${what}: event ${d.event.type}`);
  // Timers: real kinds, never due in the past, level 0 (only the ladder climbs).
  for (const k of d.cancel) must(timerKinds.includes(k), `${what}: cancels unknown timer ${k}`);
  for (const t of d.schedule) {
    must(timerKinds.includes(t.kind), `${what}: schedules unknown timer ${t.kind}`);
    must(t.dueAt.getTime() >= before.now.getTime(), `${what}: schedules ${t.kind} in the past`);
  }
  // Flags: an action only settles them, and settles those its rule names.
  for (const f of after.flags) must(before.complaint.flags.includes(f), `${what}: raised ${f}`);
  for (const f of complaintRules[action].clears ?? []) must(!after.flags.includes(f), `${what}: left ${f}`);
  // The level only climbs, one rung at a time, and only by escalating.
  const climbed = after.escalationLevel - before.complaint.escalationLevel;
  must(climbed === (action === 'escalate' ? 1 : 0), `${what}: level moved by ${climbed}`);
  // An unsatisfied visit closes this complaint and opens a linked one.
  const isUnsatisfied = cmd.action === 'visit' && cmd.outcome === 'unsatisfied';
  must(Boolean(d.successor) === isUnsatisfied, `${what}: successor ${Boolean(d.successor)}`);
  if (d.successor) {
    must(d.successor.linkedFromId === before.complaint.id && d.to === 'closed', `${what}: successor not linked`);
    must(d.successor.households.length === before.complaint.households.length, `${what}: successor lost households`);
    seen.successors++;
  }
}

function run(initial: World, steps: Step[]): void {
  const w: World = { ...initial, timers: [...initial.timers] };
  for (const t of w.timers) must(t.dueAt.getTime() >= w.now.getTime(), `a new complaint's ${t.kind} is due in the past`);
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
    const actor = pickActor(action, step);
    const cmd = commandFor(action, step.seed, w);
    const solving = w.complaint.solvingDepartment;
    const actorDepartment: Department | null =
      step.seed.isSignerOfDepartment && solving ? solving : (departments.find((x) => x !== solving) ?? null);
    const ctx = {
      actor,
      isComplainant: actor.kind === 'resident' && actor.id === COMPLAINANT.id,
      actorDepartment,
      policy: w.policy,
      now: w.now,
    };
    let d: Decision;
    try {
      d = decide(w.complaint, cmd, ctx);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      must(['forbidden', 'conflict', 'invalid'].includes(e.kind), `odd error kind ${e.kind}`);
      if (!actionsFor(w.complaint.status, actor.role as Role).includes(action)) {
        must(e.kind === 'forbidden' || e.kind === 'conflict', `${action} out of turn refused as ${e.kind}`);
      }
      if (e.kind === 'invalid') must(e.fields.length > 0, `${e.code}: an invalid input names its field`);
      seen.refusals.add(e.code);
      continue;
    }
    const after: Complaint = { ...w.complaint, ...d.patch, status: d.to };
    checkDecision(w, action, cmd, actor, d, after);
    seen.actions.add(action);
    w.complaint = after;
    w.timers = w.timers.filter((t) => !d.cancel.includes(t.kind)).concat(d.schedule);
    checkInvariants(w);
  }
}

describe('the complaint lifecycle under random use', () => {
  it('keeps every invariant whatever anybody tries, in any order, as time passes', () => {
    fc.assert(
      fc.property(worldArb, fc.array(stepArb, { maxLength: 80, size: 'max' }), (world, steps) => run(world, steps)),
      { numRuns: NUM_RUNS },
    );
    // The runs must have walked the whole procedure, or the property proves little.
    expect([...seen.statuses].sort()).toEqual([...complaintStatuses].sort());
    expect([...seen.actions].sort()).toEqual([...complaintActions].sort());
    expect([...seen.flags].sort()).toEqual([...overdueFlags].sort());
    expect([...seen.classesReplied].sort()).toEqual(['assisted', 'collective', 'invalid', 'on_spot', 'valid']);
    expect(seen.topReached).toBeGreaterThan(0);
    expect(seen.successors).toBeGreaterThan(0);
    for (const code of [
      'forbidden',
      'invalid_transition',
      'required',
      'too_few_households',
      'director_only',
      'not_solving_department',
      'home_visit_only',
      'incident_report_missing',
      'written_reply_required',
      'reply_time_in_past',
      'top_of_chain',
      'not_collective',
      'merge_into_self',
    ]) {
      expect(seen.refusals, code).toContain(code);
    }
  });

  it('never lets anything but the centre report touch a closed complaint, nor anything a merged or withdrawn one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ComplaintStatus>(...terminalStatuses),
        fc.constantFrom(...complaintActions),
        fc.constantFrom(...everybody),
        seedArb,
        worldArb,
        (status, action, actor, seed, world) => {
          const w = { ...world, complaint: { ...world.complaint, status, complaintClass: 'valid' as const, isForwarded: true } };
          let d: Decision | null = null;
          try {
            d = decide(w.complaint, commandFor(action, seed, w), {
              actor,
              isComplainant: actor.id === COMPLAINANT.id,
              actorDepartment: null,
              policy: w.policy,
              now: w.now,
            });
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
          }
          if (d) {
            expect(status).toBe('closed');
            expect(action).toBe('report_to_centre');
            expect(d.to).toBe('closed');
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('never takes a collective complaint’s reply other than by home visit (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...replyMethods), fc.boolean(), fc.boolean(), (method, hasWrittenCopy, filed) => {
        const base = {
          ...worldArbSample(),
          status: 'awaiting_reply' as const,
          complaintClass: 'collective' as const,
          households: households(5),
          signedOffAt: T0,
          incidentReportFiledAt: filed ? T0 : null,
        };
        const ctx = {
          actor: staff('director'),
          isComplainant: false,
          actorDepartment: null,
          policy: complaintPolicySchema.parse({}),
          now: T0,
        };
        let d: Decision | null = null;
        try {
          d = decide(base, { action: 'reply', method, hasWrittenCopy, summary: '上门回复' }, ctx);
        } catch (e) {
          expect(e).toBeInstanceOf(DomainError);
        }
        if (d) {
          expect(method).toBe('home_visit');
          expect(filed).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });
});

function worldArbSample(): Complaint {
  return recordComplaint(
    'cmp-s',
    {
      complainant: { name: '李四', phone: null, residentId: null },
      households: households(1),
      placeKey: null,
      channel: 'phone',
      form: 'oral',
      content: '噪音',
      isForwarded: false,
    },
    { actor: staff('clerk'), policy: complaintPolicySchema.parse({}), now: T0 },
  ).complaint;
}
