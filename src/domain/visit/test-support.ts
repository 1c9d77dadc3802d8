/**
 * Fixtures for the visit tests. Not imported by production code.
 *
 * `procedure` is domain.md §5 written out by hand, independently of machine.ts.
 */
import type { Actor } from '../access/roles.js';
import { actorFor, bj, COMMUNITY, COMPANY, everyone, iso, RESIDENT, SYSTEM, staff, T0, type Who } from '../shared/test-actors.js';
export { actorFor, bj, COMMUNITY, COMPANY, everyone, iso, RESIDENT, SYSTEM, staff, T0, type Who };
import { DomainError } from '../shared/errors.js';
import type { VisitCommand, VisitContext, VisitTask } from './decide.js';
import type { VisitAction, VisitStatus } from './machine.js';
import { defaultVisitPolicy, type VisitPolicy } from './policy.js';

export const TZ = 'Asia/Shanghai';

/** The clerk the fixtures' visits are assigned to. */
export const VISITOR = staff('clerk', 'clerk-1');
export const OTHER_CLERK = staff('clerk', 'clerk-2');
export const TECH = staff('technician', 'tech-1');

export const visitPolicy = (over: Partial<VisitPolicy> = {}): VisitPolicy => ({ ...defaultVisitPolicy(), ...over });

export const ctx = (actor: Actor, opts: { now?: Date; policy?: VisitPolicy } = {}): VisitContext => ({
  actor,
  policy: opts.policy ?? visitPolicy(),
  timezone: TZ,
  now: opts.now ?? T0,
});

export function newTask(over: Partial<VisitTask> = {}): VisitTask {
  return {
    status: 'pending',
    ticketKind: 'repair',
    ticketId: 'rep-1',
    category: 'plumbing',
    caseFlags: {},
    isHomeVisitRequired: false,
    dueAt: bj('2026-11-26T09:00:00'),
    visitorId: VISITOR.id,
    duty: 'desk',
    technicianId: TECH.id,
    appointmentAt: null,
    round: 1,
    lastOutcome: null,
    rectificationDueAt: null,
    flags: [],
    ...over,
  };
}

export function taskIn(status: VisitStatus, over: Partial<VisitTask> = {}): VisitTask {
  const byStatus: Record<VisitStatus, Partial<VisitTask>> = {
    pending: {},
    booked: { appointmentAt: bj('2026-11-25T19:00:00') },
    rectifying: { lastOutcome: 'satisfied', rectificationDueAt: bj('2026-11-26T09:00:00') },
    reprocessing: { lastOutcome: 'unsatisfied' },
    closed: { lastOutcome: 'satisfied' },
    cancelled: {},
  };
  return newTask({ status, ...byStatus[status], ...over });
}

/** The fixture an action is tried on: a notice can be issued only while one is owed. */
export const fixtureFor = (status: VisitStatus, action: VisitAction): VisitTask =>
  action === 'issue_rectification_notice' ? taskIn(status, { rectificationDueAt: bj('2026-11-26T09:00:00') }) : taskIn(status);

export function sampleCommand(action: VisitAction): VisitCommand {
  switch (action) {
    case 'assign':
      return { action, visitorId: 'clerk-3', duty: 'desk' };
    case 'book':
      return { action, appointmentAt: bj('2026-11-25T19:30:00') };
    case 'record':
      return { action, method: 'phone', outcome: 'satisfied', chargeCheck: 'correct', comment: '业主满意 happy' };
    case 'issue_rectification_notice':
      return { action, technicianId: TECH.id, text: '请重新打胶 reseal the joint' };
    case 'rework_done':
      return { action, completedAt: T0 };
    case 'cancel':
      return { action, reason: '工单作废 ticket voided' };
  }
}

const DESK: Who[] = ['clerk', 'cs_supervisor', 'cs_manager', 'director'];
const VISITORS: Who[] = [...DESK, 'eng_supervisor', 'technician'];
const OVERSEERS: Who[] = ['cs_supervisor', 'cs_manager', 'director'];

export interface ProcedureStep {
  from: VisitStatus[];
  who: Who[];
  /** Whose visit: only its visitor (or an overseer), or anybody's of the roles. */
  by: 'visitor' | 'anyone';
  to: VisitStatus | 'same' | Partial<Record<VisitStatus, VisitStatus>>;
}

/** domain.md §5, step by step. */
export const procedure: Record<VisitAction, ProcedureStep> = {
  // The supervisors hand visits out (sampling duties included); not once it is done.
  assign: {
    from: ['pending', 'booked', 'reprocessing'],
    who: ['cs_supervisor', 'cs_manager', 'director', 'eng_supervisor'],
    by: 'anyone',
    to: 'same',
  },
  // A home visit is booked with the resident (and may be rebooked).
  book: { from: ['pending', 'booked'], who: VISITORS, by: 'visitor', to: 'booked' },
  // The visit: greet, identify, ask satisfaction, check the charge, ask for a signature.
  record: { from: ['pending', 'booked'], who: VISITORS, by: 'visitor', to: 'closed' },
  // Problems found → written notice to the technician, whenever one is owed.
  issue_rectification_notice: {
    from: ['pending', 'booked', 'rectifying', 'reprocessing'],
    who: [...DESK, 'eng_supervisor'],
    by: 'anyone',
    to: { pending: 'pending', booked: 'booked', rectifying: 'closed', reprocessing: 'reprocessing' },
  },
  // Reprocessed work done → visited again.
  rework_done: { from: ['reprocessing'], who: [...DESK, 'eng_supervisor', 'system'], by: 'anyone', to: 'pending' },
  // The ticket was voided.
  cancel: { from: ['pending', 'booked', 'rectifying', 'reprocessing'], who: [...DESK, 'system'], by: 'anyone', to: 'cancelled' },
};

export const stepsByState: Record<VisitStatus, VisitAction[]> = {
  pending: ['assign', 'book', 'record', 'issue_rectification_notice', 'cancel'],
  booked: ['assign', 'book', 'record', 'issue_rectification_notice', 'cancel'],
  rectifying: ['issue_rectification_notice', 'cancel'],
  reprocessing: ['assign', 'issue_rectification_notice', 'rework_done', 'cancel'],
  closed: [],
  cancelled: [],
};

/** The fixtures' visits are the clerk's. */
export const isTheirs = (by: ProcedureStep['by'], who: Who): boolean => by === 'anyone' || who === 'clerk' || OVERSEERS.includes(who);

export function expectedAllowed(status: VisitStatus, action: VisitAction, who: Who): boolean {
  const step = procedure[action];
  return step.from.includes(status) && step.who.includes(who) && isTheirs(step.by, who);
}

export function expectedTarget(status: VisitStatus, action: VisitAction): VisitStatus {
  const to = procedure[action].to;
  if (to === 'same') return status;
  if (typeof to === 'string') return to;
  const target = to[status];
  if (!target) throw new Error(`no expected target for ${action} from ${status}`);
  return target;
}

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
