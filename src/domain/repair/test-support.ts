/**
 * Fixtures for the repair-order tests. Not imported by production code.
 *
 * `procedure` is the lifecycle written out by hand from domain.md §3, independently of
 * machine.ts, so a slip in the table there makes the tests fail.
 */
import { type Actor, isCompanyLevel, type Role, type StaffRole, staffRoles } from '../access/roles.js';
import { defaultPolicy, type RepairPolicy } from '../policy/policy.js';
import type { DecideContext, RepairCommand, RepairOrder } from './decide.js';
import type { RepairAction, RepairStatus } from './machine.js';

export const TZ = 'Asia/Shanghai';
export const COMPANY = 'co-1';
export const COMMUNITY = 'comm-1';
/** Created at 2026-11-25 09:00 Beijing time. */
export const T0 = new Date('2026-11-25T09:00:00+08:00');
export const bj = (local: string): Date => new Date(`${local}+08:00`);

export const allRoles: Role[] = [...staffRoles, 'resident'];

export function staff(role: StaffRole, id = `${role}-1`, communityId: string | null = isCompanyLevel(role) ? null : COMMUNITY): Actor {
  return { kind: 'staff', id, role, name: `${role} ${id}`, companyId: COMPANY, communityId };
}
export function resident(id = 'res-owner'): Actor {
  return { kind: 'resident', id, role: 'resident', name: `业主 ${id}`, companyId: COMPANY, communityId: COMMUNITY };
}
export const TECH = staff('technician', 'tech-1');
export const OTHER_TECH = staff('technician', 'tech-2');
export const OWNER = resident('res-owner');
export const NEIGHBOUR = resident('res-neighbour');
export const CLERK = staff('clerk');
export const ENG_SUPERVISOR = staff('eng_supervisor');
export const FINANCE = staff('finance');

/** The acting person for a role in the exhaustive tests: the assignee, the owner, or a staff member. */
export function actorFor(role: Role): Actor {
  if (role === 'technician') return TECH;
  if (role === 'resident') return OWNER;
  return staff(role);
}

export const repairPolicy = (over: Partial<RepairPolicy> = {}): RepairPolicy => ({ ...defaultPolicy().repair, ...over });

export function ctx(actor: Actor, opts: { now?: Date; policy?: RepairPolicy; isOwner?: boolean } = {}): DecideContext {
  return {
    actor,
    isOwner: opts.isOwner ?? (actor.kind === 'resident' && actor.id === OWNER.id),
    policy: opts.policy ?? repairPolicy(),
    timezone: TZ,
    now: opts.now ?? T0,
  };
}

/** A fresh order, reported by OWNER's household, nobody on it yet. */
export function newOrder(over: Partial<RepairOrder> = {}): RepairOrder {
  return {
    status: 'open',
    assigneeId: null,
    urgency: 'normal',
    timing: 'immediate',
    createdAt: T0,
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
    ownerResidentIds: [OWNER.id],
    ...over,
  };
}

const verifiedStates: RepairStatus[] = [
  'in_progress',
  'on_hold',
  'awaiting_quote',
  'awaiting_approval',
  'returned',
  'completed',
  'confirmed',
  'closed',
];
const feeOwedStates: RepairStatus[] = ['completed', 'confirmed', 'closed'];

/** A consistent order in `status` as the procedure would leave it, assigned to TECH. */
export function orderIn(status: RepairStatus, over: Partial<RepairOrder> = {}): RepairOrder {
  return newOrder({
    status,
    assigneeId: status === 'open' ? null : TECH.id,
    verifiedAt: verifiedStates.includes(status) ? bj('2026-11-25T09:40:00') : null,
    labourFeeCents: 5000,
    quoteCents: status === 'awaiting_approval' ? 20000 : null,
    feeStatus: feeOwedStates.includes(status) ? 'owed' : 'none',
    ...over,
  });
}

/** A valid payload for each action (valid with the `orderIn` fixtures at T0). */
export function sampleCommand(action: RepairAction): RepairCommand {
  switch (action) {
    case 'grab':
    case 'accept':
    case 'arrive':
    case 'accept_quote':
      return { action };
    case 'assign':
      return { action, technicianId: OTHER_TECH.id, technicianCommunityId: COMMUNITY };
    case 'decline':
      return { action, reason: '不在班 off duty' };
    case 'set_off':
      return { action, etaMinutes: 10 };
    case 'verify_code':
      return { action, isCodeCorrect: true };
    case 'confirm_by_phone':
      return { action, reason: '业主手机没电 phone dead' };
    case 'reschedule':
      return { action, appointmentAt: bj('2026-11-26T14:00:00'), reason: '业主不在家 not home' };
    case 'record_work':
      return { action, actualItems: '换水龙头 new tap', labourFeeCents: 5000 };
    case 'hold':
      return { action, reason: 'parts', note: '等配件 waiting for parts' };
    case 'resume':
      return { action };
    case 'request_quote':
      return { action, description: '更换热水器 replace water heater' };
    case 'quote':
      return { action, isFeasible: true, quoteCents: 20000, note: '可以做 feasible' };
    case 'refuse_quote':
      return { action, reason: '太贵 too dear' };
    case 'complete':
      return { action, summary: '已修好 fixed' };
    case 'confirm':
      return { action, signature: '张三' };
    case 'reject_completion':
      return { action, reason: '还漏水 still leaks' };
    case 'record_payment':
      return { action, amountCents: 5000, receiptNo: 'R-1' };
    case 'visit':
      return { action, outcome: 'satisfied', comment: '满意 happy', method: 'phone' };
    case 'cancel':
      return { action, reason: '不修了 no longer needed' };
    case 'close_returned':
      return { action, reason: '业主自行处理 resident will handle it' };
  }
}

const DESK: Role[] = ['clerk', 'cs_supervisor'];
const DISPATCH: Role[] = ['eng_supervisor', 'director'];
const OWNER_OR_DESK: Role[] = ['resident', 'clerk', 'cs_supervisor'];
const BEFORE_ARRIVAL: RepairStatus[] = ['open', 'dispatched', 'accepted', 'on_the_way'];

export interface ProcedureStep {
  from: RepairStatus[];
  who: Role[];
  /** Where the step leads with the `orderIn` fixtures and `sampleCommand` payloads. */
  to: RepairStatus | 'same' | Partial<Record<RepairStatus, RepairStatus>>;
  assigneeOnly?: true;
  ownerOnly?: true;
}

/** domain.md §3, step by step. */
export const procedure: Record<RepairAction, ProcedureStep> = {
  // 2. dispatched: technicians grab open orders, or the supervisor / desk assigns (and reassigns).
  grab: { from: ['open'], who: ['technician'], to: 'accepted' },
  assign: { from: ['open', 'dispatched', 'accepted'], who: [...DISPATCH, ...DESK], to: 'dispatched' },
  // 3. accepted: the assigned technician accepts on the phone, or hands it back.
  accept: { from: ['dispatched'], who: ['technician'], to: 'accepted', assigneeOnly: true },
  decline: { from: ['dispatched'], who: ['technician'], to: 'open', assigneeOnly: true },
  // 4. on the way / arrived; the code is entered on arrival, or the desk verifies by phone.
  set_off: { from: ['accepted'], who: ['technician'], to: 'on_the_way', assigneeOnly: true },
  arrive: { from: ['accepted', 'on_the_way'], who: ['technician'], to: 'arrived', assigneeOnly: true },
  verify_code: { from: ['arrived'], who: ['technician'], to: 'in_progress', assigneeOnly: true },
  confirm_by_phone: { from: ['arrived'], who: DESK, to: 'in_progress' },
  // Missed appointment / not home: the supervisor (or the desk) reschedules with the resident.
  reschedule: {
    from: [...BEFORE_ARRIVAL, 'arrived', 'on_hold'],
    who: [...DISPATCH, ...DESK],
    to: { open: 'open', dispatched: 'dispatched', accepted: 'accepted', on_the_way: 'accepted', arrived: 'accepted', on_hold: 'on_hold' },
  },
  // 5. in progress: actual items and fees, hold with a reason, out-of-scope work priced.
  record_work: { from: ['arrived', 'in_progress', 'on_hold'], who: ['technician'], to: 'same', assigneeOnly: true },
  hold: { from: ['arrived', 'in_progress'], who: ['technician'], to: 'on_hold', assigneeOnly: true },
  resume: { from: ['on_hold'], who: ['technician'], to: { on_hold: 'in_progress' }, assigneeOnly: true },
  request_quote: { from: ['arrived', 'in_progress'], who: ['technician'], to: 'awaiting_quote', assigneeOnly: true },
  quote: { from: ['awaiting_quote'], who: DISPATCH, to: { awaiting_quote: 'awaiting_approval' } },
  accept_quote: { from: ['awaiting_approval'], who: OWNER_OR_DESK, to: { awaiting_approval: 'in_progress' }, ownerOnly: true },
  refuse_quote: { from: ['awaiting_approval'], who: OWNER_OR_DESK, to: 'returned', ownerOnly: true },
  // 6. completed: the resident tries it and confirms (or not); fees paid at the cashier.
  complete: { from: ['in_progress'], who: ['technician'], to: 'completed', assigneeOnly: true },
  confirm: { from: ['completed'], who: OWNER_OR_DESK, to: 'confirmed', ownerOnly: true },
  reject_completion: { from: ['completed'], who: OWNER_OR_DESK, to: 'in_progress', ownerOnly: true },
  record_payment: { from: ['completed', 'confirmed', 'closed'], who: ['finance'], to: 'same' },
  // 7. visited → closed (satisfied) or reopened.
  visit: { from: ['confirmed'], who: [...DESK, 'eng_supervisor', 'cs_manager'], to: { confirmed: 'closed' } },
  // Cancelling: anyone responsible before the work starts (a resident only before a technician takes it).
  cancel: {
    from: [...BEFORE_ARRIVAL, 'awaiting_quote', 'awaiting_approval', 'on_hold'],
    who: ['resident', ...DESK, ...DISPATCH],
    to: 'cancelled',
    ownerOnly: true,
  },
  // Refused price / infeasible work comes back to the desk, which closes it.
  close_returned: { from: ['returned'], who: DESK, to: 'closed' },
};

/** The same procedure read by state: what can happen to an order in each state (anyone). */
export const stepsByState: Record<RepairStatus, RepairAction[]> = {
  open: ['grab', 'assign', 'reschedule', 'cancel'],
  dispatched: ['assign', 'accept', 'decline', 'reschedule', 'cancel'],
  accepted: ['assign', 'set_off', 'arrive', 'reschedule', 'cancel'],
  on_the_way: ['arrive', 'reschedule', 'cancel'],
  arrived: ['verify_code', 'confirm_by_phone', 'reschedule', 'record_work', 'hold', 'request_quote'],
  in_progress: ['record_work', 'hold', 'request_quote', 'complete'],
  on_hold: ['reschedule', 'record_work', 'resume', 'cancel'],
  awaiting_quote: ['quote', 'cancel'],
  awaiting_approval: ['accept_quote', 'refuse_quote', 'cancel'],
  returned: ['close_returned'],
  completed: ['confirm', 'reject_completion', 'record_payment'],
  confirmed: ['record_payment', 'visit'],
  closed: ['record_payment'],
  cancelled: [],
};

/** A resident may cancel only while nobody has started on the order. */
export const residentMayCancelIn: RepairStatus[] = ['open', 'dispatched'];

export function expectedAllowed(status: RepairStatus, action: RepairAction, role: Role): boolean {
  const step = procedure[action];
  if (!step.from.includes(status) || !step.who.includes(role)) return false;
  if (action === 'cancel' && role === 'resident') return residentMayCancelIn.includes(status);
  return true;
}

export function expectedTarget(status: RepairStatus, action: RepairAction): RepairStatus {
  const to = procedure[action].to;
  if (to === 'same') return status;
  if (typeof to === 'string') return to;
  const target = to[status];
  if (!target) throw new Error(`no expected target for ${action} from ${status}`);
  return target;
}

/** Deep-freezes a value so a test fails if the rules mutate their input. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
