/**
 * Fixtures for the matter tests. Not imported by production code.
 *
 * `procedure` is [002] 3.2 and domain.md §3 written out by hand, independently of machine.ts.
 */
import type { Actor } from '../access/roles.js';
import { actorFor, bj, COMMUNITY, COMPANY, everyone, iso, RESIDENT, SYSTEM, staff, T0, type Who } from '../shared/test-actors.js';
export { actorFor, bj, COMMUNITY, COMPANY, everyone, iso, RESIDENT, SYSTEM, staff, T0, type Who };
import { DomainError } from '../shared/errors.js';
import { defaultVisitPolicy } from '../visit/policy.js';
import type { Matter, MatterCommand, MatterContext } from './decide.js';
import type { MatterAction, MatterDepartment, MatterStatus } from './machine.js';
import { defaultMatterPolicy, type MatterPolicy } from './policy.js';

export const CLERK = staff('clerk', 'clerk-1');
/** The specialist supervisor the fixtures' matters were sent to. */
export const SUPERVISOR = staff('cs_supervisor', 'cs_supervisor-1');
/** A guard of the security department, which the fixtures' matters were handed to. */
export const GUARD = staff('department_staff', 'department_staff-1');

/** Where each role works in the fixtures: department staff in security, engineering staff in engineering. */
export function departmentOf(who: Who): MatterDepartment | null {
  if (who === 'department_staff') return 'security';
  if (who === 'eng_supervisor' || who === 'technician') return 'engineering';
  return null;
}

export const matterPolicy = (over: Partial<MatterPolicy> = {}): MatterPolicy => ({ ...defaultMatterPolicy(), ...over });

export const ctx = (
  actor: Actor,
  opts: { now?: Date; policy?: MatterPolicy; department?: MatterDepartment | null } = {},
): MatterContext => ({
  actor,
  actorDepartment: opts.department === undefined ? departmentOf(actor.role) : opts.department,
  policy: opts.policy ?? matterPolicy(),
  visitPolicy: defaultVisitPolicy(),
  now: opts.now ?? T0,
});

export function newMatter(over: Partial<Matter> = {}): Matter {
  return {
    status: 'created',
    ownerId: CLERK.id,
    supervisorId: null,
    department: null,
    handlerId: null,
    category: 'public_order',
    isMajor: false,
    createdAt: T0,
    completedAt: null,
    reopenCount: 0,
    flags: [],
    ...over,
  };
}

export function matterIn(status: MatterStatus, over: Partial<Matter> = {}): Matter {
  const sent = { supervisorId: SUPERVISOR.id };
  const handed = { ...sent, department: 'security' as const };
  const byStatus: Record<MatterStatus, Partial<Matter>> = {
    created: {},
    with_supervisor: sent,
    with_department: handed,
    in_progress: { ...handed, handlerId: GUARD.id },
    returned: { ...handed, handlerId: GUARD.id, completedAt: bj('2026-11-25T11:00:00') },
    closed: { ...handed, handlerId: GUARD.id, completedAt: bj('2026-11-25T11:00:00') },
    cancelled: sent,
  };
  return newMatter({ status, ...byStatus[status], ...over });
}

export function sampleCommand(action: MatterAction): MatterCommand {
  switch (action) {
    case 'send':
      return { action, supervisorId: SUPERVISOR.id, supervisorRole: 'cs_supervisor' };
    case 'hand_over':
      return { action, department: 'cleaning', note: '楼道有垃圾 rubbish in the stairwell' };
    case 'decline':
      return { action, reason: '不归我部门 not ours' };
    case 'accept':
      return { action };
    case 'complete':
      return { action, result: '已清理 cleared' };
    case 'chase':
      return { action, note: '业主再次来电 the resident called again' };
    case 'reopen':
      return { action, reason: '回访不满意 unsatisfied' };
    case 'close':
      return { action, note: '回访满意 satisfied' };
    case 'cancel':
      return { action, reason: '业主撤回 withdrawn' };
  }
}

const DESK: Who[] = ['clerk', 'cs_supervisor'];
const DEPT: Who[] = ['department_staff', 'eng_supervisor', 'technician'];

export interface ProcedureStep {
  from: MatterStatus[];
  who: Who[];
  by: 'supervisor' | 'department' | 'anyone';
  to: MatterStatus | 'same';
}

/** [002] 3.2 and domain.md §3, step by step. */
export const procedure: Record<MatterAction, ProcedureStep> = {
  // 3.2.2 the desk sends it to the project's specialist supervisor.
  send: { from: ['created'], who: DESK, by: 'anyone', to: 'with_supervisor' },
  // 3.2.3 the supervisor hands it to the department concerned (and may move it to another).
  hand_over: {
    from: ['with_supervisor', 'with_department', 'in_progress'],
    who: ['cs_supervisor', 'eng_supervisor', 'director'],
    by: 'supervisor',
    to: 'with_department',
  },
  // Not this department's: back to the supervisor.
  decline: { from: ['with_department'], who: DEPT, by: 'department', to: 'with_supervisor' },
  // The department takes it on the phone and has its staff do it; its head returns it to the desk (返单).
  accept: { from: ['with_department'], who: DEPT, by: 'department', to: 'in_progress' },
  complete: { from: ['in_progress'], who: DEPT, by: 'department', to: 'returned' },
  // Unfinished work is chased by the desk (区域客服员跟踪).
  chase: { from: ['with_supervisor', 'with_department', 'in_progress'], who: DESK, by: 'anyone', to: 'same' },
  // 3.2.4 the visit: unsatisfied → done again; satisfied → archived.
  reopen: { from: ['returned'], who: [...DESK, 'system'], by: 'anyone', to: 'with_department' },
  close: { from: ['returned'], who: [...DESK, 'system'], by: 'anyone', to: 'closed' },
  // Withdrawn before it is done.
  cancel: {
    from: ['created', 'with_supervisor', 'with_department', 'in_progress'],
    who: [...DESK, 'director'],
    by: 'anyone',
    to: 'cancelled',
  },
};

export const stepsByState: Record<MatterStatus, MatterAction[]> = {
  created: ['send', 'cancel'],
  with_supervisor: ['hand_over', 'chase', 'cancel'],
  with_department: ['hand_over', 'decline', 'accept', 'chase', 'cancel'],
  in_progress: ['hand_over', 'complete', 'chase', 'cancel'],
  returned: ['reopen', 'close'],
  closed: [],
  cancelled: [],
};

/** Whether the fixture persona passes "whose matter": the supervisor it was sent to (or the director); the security department. */
export function isTheirs(by: ProcedureStep['by'], who: Who, status: MatterStatus): boolean {
  if (by === 'anyone') return true;
  if (by === 'supervisor') return (who === 'cs_supervisor' && matterIn(status).supervisorId === SUPERVISOR.id) || who === 'director';
  const department = matterIn(status).department;
  return department !== null && departmentOf(who) === department;
}

export function expectedAllowed(status: MatterStatus, action: MatterAction, who: Who): boolean {
  const step = procedure[action];
  return step.from.includes(status) && step.who.includes(who) && isTheirs(step.by, who, status);
}

export const expectedTarget = (status: MatterStatus, action: MatterAction): MatterStatus =>
  procedure[action].to === 'same' ? status : (procedure[action].to as MatterStatus);

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
