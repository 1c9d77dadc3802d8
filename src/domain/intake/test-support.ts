/**
 * Fixtures for the duty-log tests. Not imported by production code.
 *
 * `procedure` is domain.md §2 written out by hand, independently of machine.ts, so a slip in
 * the table there makes the tests fail.
 */
import type { Actor, Role } from '../access/roles.js';
import { actorFor, bj, COMMUNITY, COMPANY, everyone, iso, RESIDENT, SYSTEM, staff, T0, type Who } from '../shared/test-actors.js';
export { actorFor, bj, COMMUNITY, COMPANY, everyone, iso, RESIDENT, SYSTEM, staff, T0, type Who };
import { DomainError } from '../shared/errors.js';
import type { IntakeCommand, IntakeContext, IntakeEntry } from './decide.js';
import type { IntakeAction, IntakeStatus } from './machine.js';
import { defaultIntakePolicy, type IntakePolicy } from './policy.js';

/** The clerk who picked up the phone: the first-contact owner of every fixture. */
export const FIRST = staff('clerk', 'clerk-1');
export const OTHER_CLERK = staff('clerk', 'clerk-2');
/** The head of the front desk, who takes over on escalation. */
export const HEAD = staff('cs_supervisor', 'cs_supervisor-1');
/** A security guard who took the emergency. */
export const GUARD = staff('department_staff', 'department_staff-1');

export const intakePolicy = (over: Partial<IntakePolicy> = {}): IntakePolicy => ({ ...defaultIntakePolicy(), ...over });

export const ctx = (actor: Actor, opts: { now?: Date; policy?: IntakePolicy } = {}): IntakeContext => ({
  actor,
  policy: opts.policy ?? intakePolicy(),
  now: opts.now ?? T0,
});

export function newEntry(over: Partial<IntakeEntry> = {}): IntakeEntry {
  return {
    status: 'logged',
    channel: 'phone',
    isWritten: false,
    category: null,
    emergencyKind: null,
    loggedAt: T0,
    firstOwnerId: FIRST.id,
    ownerId: FIRST.id,
    departmentHeadId: HEAD.id,
    isEscalated: false,
    escalationReason: null,
    hasBeenUnsatisfied: false,
    responderId: null,
    replyDueAt: null,
    ticketKindToCreate: null,
    linkedTicket: null,
    flags: [],
    ...over,
  };
}

/** A consistent entry in `status`, as the procedure would leave it. */
export function entryIn(status: IntakeStatus, over: Partial<IntakeEntry> = {}): IntakeEntry {
  const byStatus: Record<IntakeStatus, Partial<IntakeEntry>> = {
    logged: {},
    awaiting_reply: { category: 'consultation', replyDueAt: bj('2026-11-25T11:00:00') },
    emergency: { category: 'emergency', emergencyKind: 'fire' },
    responding: { category: 'emergency', emergencyKind: 'fire', responderId: GUARD.id },
    referred: { category: 'repair', ticketKindToCreate: 'repair', linkedTicket: { kind: 'repair', id: 'rep-1' } },
    closed: { category: 'consultation' },
    voided: {},
  };
  return newEntry({ status, ...byStatus[status], ...over });
}

/** The fixture an action is tried on: a ticket can be linked only to an entry without one. */
export const fixtureFor = (status: IntakeStatus, action: IntakeAction): IntakeEntry =>
  action === 'link_ticket' ? entryIn(status, { linkedTicket: null }) : entryIn(status);

export function sampleCommand(action: IntakeAction): IntakeCommand {
  switch (action) {
    case 'triage':
      return { action, category: 'repair' };
    case 'link_ticket':
      return { action, ticketKind: 'repair', ticketId: 'rep-9' };
    case 'reply':
      return { action, answer: '物业费按月收取 fees are monthly', method: 'phone', isSatisfied: true };
    case 'escalate':
      return { action, reason: '超出权限 beyond my authority' };
    case 'acknowledge':
      return { action, note: '马上到 on my way' };
    case 'resolve':
      return { action, result: '火已扑灭 fire out', hasCalledPolice: false };
    case 'close':
      return { action, result: '已修好 repaired' };
    case 'void':
      return { action, reason: '重复登记 duplicate' };
  }
}

const STAFF: Role[] = ['director', 'cs_manager', 'cs_supervisor', 'clerk', 'eng_supervisor', 'technician', 'department_staff', 'finance'];
const OVERSEERS: Who[] = ['cs_supervisor', 'cs_manager', 'director', 'system'];

export interface ProcedureStep {
  from: IntakeStatus[];
  who: Who[];
  /** Whose entry: the owner's, only the first person asked, the emergency's responder, or anybody's. */
  by: 'owner' | 'first_owner' | 'responder' | 'anyone';
  /** Where the step leads with the fixtures and the sample payloads. */
  to: IntakeStatus | 'same';
}

/** domain.md §2, step by step. */
export const procedure: Record<IntakeAction, ProcedureStep> = {
  // Every contact is triaged by whoever owns it; a pending reply can still turn out to be a repair.
  triage: { from: ['logged', 'awaiting_reply'], who: STAFF, by: 'owner', to: 'referred' },
  // The ticket the caller created from the triage is linked back (by the system in the same transaction).
  link_ticket: { from: ['referred'], who: [...STAFF, 'system'], by: 'anyone', to: 'same' },
  // The owner answers; satisfied → closed.
  reply: { from: ['awaiting_reply'], who: STAFF, by: 'owner', to: 'closed' },
  // The person first asked may hand it up to the department head.
  escalate: { from: ['awaiting_reply', 'referred'], who: STAFF, by: 'first_owner', to: 'same' },
  // Anybody on duty takes the emergency; the one who took it (or the owner) reports the result.
  acknowledge: { from: ['emergency'], who: STAFF, by: 'anyone', to: 'responding' },
  resolve: { from: ['responding'], who: STAFF, by: 'responder', to: 'closed' },
  // A referred entry closes when its ticket is done.
  close: { from: ['referred'], who: [...STAFF, 'system'], by: 'owner', to: 'closed' },
  // Logged by mistake.
  void: { from: ['logged', 'awaiting_reply'], who: STAFF, by: 'owner', to: 'voided' },
};

/** The same procedure read by state. */
export const stepsByState: Record<IntakeStatus, IntakeAction[]> = {
  logged: ['triage', 'void'],
  awaiting_reply: ['triage', 'reply', 'escalate', 'void'],
  emergency: ['acknowledge'],
  responding: ['resolve'],
  referred: ['link_ticket', 'escalate', 'close'],
  closed: [],
  voided: [],
};

/** Whether the fixture persona of `who` passes the "whose entry" check (clerk-1 owns, the guard responds). */
export function isTheirs(by: ProcedureStep['by'], who: Who, status: IntakeStatus): boolean {
  if (by === 'anyone') return true;
  if (by === 'first_owner') return who === 'clerk';
  if (by === 'owner') return who === 'clerk' || OVERSEERS.includes(who);
  // Only an entry somebody took has a responder: the guard, in the `responding` fixture.
  return who === 'clerk' || (who === 'department_staff' && status === 'responding') || OVERSEERS.includes(who);
}

export function expectedAllowed(status: IntakeStatus, action: IntakeAction, who: Who): boolean {
  const step = procedure[action];
  return step.from.includes(status) && step.who.includes(who) && isTheirs(step.by, who, status);
}

export const expectedTarget = (status: IntakeStatus, action: IntakeAction): IntakeStatus =>
  procedure[action].to === 'same' ? status : (procedure[action].to as IntakeStatus);

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Runs `fn` and returns the DomainError it throws; anything else fails the test. */
export function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected the action to be refused');
}
