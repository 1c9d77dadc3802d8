/**
 * Fixtures for the complaint tests. Not imported by production code.
 *
 * `procedure` is the lifecycle written out by hand from domain.md §4 and seed [003], independently
 * of machine.ts, so a slip in the table there makes the tests fail.
 */
import { type Actor, type Department, isCompanyLevel, type Role, type StaffRole, staffRoles } from '../access/roles.js';
import type { Complaint, ComplaintCommand, DecideContext, Household } from './decide.js';
import type { ComplaintAction, ComplaintStatus } from './machine.js';
import { type ComplaintPolicy, defaultComplaintPolicy } from './policy.js';

export const COMPANY = 'co-1';
export const COMMUNITY = 'comm-1';
/** "Now" in most tests: 2026-11-25 09:00 Beijing time. */
export const T0 = new Date('2026-11-25T09:00:00+08:00');
export const bj = (local: string): Date => new Date(`${local}+08:00`);
export const iso = (d: Date | null | undefined) => d?.toISOString();

export const allRoles: Role[] = [...staffRoles, 'resident'];

/** Each role's department in the fixtures (the solving department of a result is engineering). */
export const departmentOf: Record<Role, Department | null> = {
  admin: null,
  company_manager: 'management',
  complaint_centre: 'management',
  director: 'management',
  cs_manager: 'customer_service',
  cs_supervisor: 'customer_service',
  clerk: 'customer_service',
  eng_supervisor: 'engineering',
  technician: 'engineering',
  department_staff: 'security',
  finance: 'finance',
  developer_liaison: 'developer',
  resident: null,
};

export function staff(role: StaffRole, id = `${role}-1`, communityId: string | null = isCompanyLevel(role) ? null : COMMUNITY): Actor {
  return { kind: 'staff', id, role, name: `${role} ${id}`, companyId: COMPANY, communityId };
}
export function resident(id: string): Actor {
  return { kind: 'resident', id, role: 'resident', name: `业主 ${id}`, companyId: COMPANY, communityId: COMMUNITY };
}
export const COMPLAINANT = resident('res-complainant');
export const NEIGHBOUR = resident('res-neighbour');
export const CLERK = staff('clerk');
export const CS_SUPERVISOR = staff('cs_supervisor');
export const DIRECTOR = staff('director');
export const ENG_SUPERVISOR = staff('eng_supervisor');

/** The acting person for a role in the exhaustive tests: the complainant, or a staff member. */
export function actorFor(role: Role): Actor {
  return role === 'resident' ? COMPLAINANT : staff(role);
}

export const complaintPolicy = (over: Partial<ComplaintPolicy> = {}): ComplaintPolicy => ({ ...defaultComplaintPolicy(), ...over });

export function ctx(
  actor: Actor,
  opts: { now?: Date; policy?: ComplaintPolicy; isComplainant?: boolean; department?: Department | null } = {},
): DecideContext {
  return {
    actor,
    isComplainant: opts.isComplainant ?? (actor.kind === 'resident' && actor.id === COMPLAINANT.id),
    actorDepartment: opts.department !== undefined ? opts.department : departmentOf[actor.role as Role],
    policy: opts.policy ?? complaintPolicy(),
    now: opts.now ?? T0,
  };
}

export function household(n: number, residentId: string | null = null): Household {
  return { householdId: `hh-${n}`, label: `3栋1单元${100 + n}`, residentId };
}
/** `n` distinct households of building 3, the first being the complainant's. */
export const households = (n: number): Household[] =>
  Array.from({ length: n }, (_, i) => household(i + 1, i === 0 ? COMPLAINANT.id : null));

/** A complaint just logged by the duty clerk at 08:30, by phone, oral, one household. */
export function newComplaint(over: Partial<Complaint> = {}): Complaint {
  return {
    id: 'cmp-1',
    status: 'recorded',
    complaintClass: null,
    isDeveloperCaused: false,
    isSerious: false,
    isForwarded: false,
    channel: 'phone',
    form: 'oral',
    complainant: { name: '张三', phone: '13800000000', residentId: COMPLAINANT.id },
    households: households(1),
    placeKey: 'building:3',
    content: '3号楼电梯坏了没人修',
    createdAt: bj('2026-11-25T08:30:00'),
    onSpot: null,
    isOnSpotReportLate: false,
    classifiedAt: null,
    agreedReplyAt: null,
    referral: null,
    solvingDepartment: null,
    resultSummary: null,
    signedOffById: null,
    signedOffAt: null,
    incidentReportFiledAt: null,
    reply: null,
    centreReportedAt: null,
    escalationLevel: 0,
    flags: [],
    linkedFromId: null,
    mergedFromIds: [],
    mergedIntoId: null,
    visitOutcome: null,
    ...over,
  };
}

const after = (s: ComplaintStatus, list: ComplaintStatus[]) => list.includes(s);

/**
 * A consistent valid complaint in `status` as the procedure would leave it (referring: assisted),
 * forwarded by the complaint centre so that its result is owed there.
 */
export function complaintIn(status: ComplaintStatus, over: Partial<Complaint> = {}): Complaint {
  const classified = status !== 'recorded';
  const contacted: ComplaintStatus[] = ['in_hand', 'awaiting_signoff', 'awaiting_reply', 'replied', 'closed'];
  const resulted: ComplaintStatus[] = ['awaiting_signoff', 'awaiting_reply', 'replied', 'closed'];
  const signed: ComplaintStatus[] = ['awaiting_reply', 'replied', 'closed'];
  return newComplaint({
    status,
    isForwarded: true,
    complaintClass: status === 'referring' ? 'assisted' : classified ? 'valid' : null,
    classifiedAt: classified ? bj('2026-11-25T08:40:00') : null,
    agreedReplyAt: after(status, contacted) ? bj('2026-11-25T18:00:00') : null,
    solvingDepartment: after(status, resulted) ? 'engineering' : null,
    resultSummary: after(status, resulted) ? '已修复电梯' : null,
    signedOffById: after(status, signed) ? ENG_SUPERVISOR.id : null,
    signedOffAt: after(status, signed) ? bj('2026-11-25T08:50:00') : null,
    reply: after(status, ['replied', 'closed']) ? { method: 'phone', hasWrittenCopy: false, at: bj('2026-11-25T08:55:00') } : null,
    visitOutcome: status === 'closed' ? 'satisfied' : null,
    mergedIntoId: status === 'merged' ? 'cmp-collective' : null,
    ...over,
  });
}

/** A collective complaint of five households in `status`, with what the state implies. */
export function collectiveIn(status: ComplaintStatus, over: Partial<Complaint> = {}): Complaint {
  return complaintIn(status, { complaintClass: 'collective', households: households(5), ...over });
}

/** The fixture an exhaustive test acts on: the incident report only exists for collective complaints. */
export const fixtureFor = (status: ComplaintStatus, action: ComplaintAction): Complaint =>
  action === 'file_incident_report' && status !== 'recorded' ? collectiveIn(status) : complaintIn(status);

/** A valid payload for each action (valid with the `fixtureFor` fixtures at T0). */
export function sampleCommand(action: ComplaintAction): ComplaintCommand {
  switch (action) {
    case 'classify':
      return { action, complaintClass: 'valid', reason: '电梯维保不到位 maintenance failure' };
    case 'contact':
      return { action, agreedReplyAt: bj('2026-11-25T17:00:00'), note: '约定今天17点前答复' };
    case 'refer':
      return { action, party: 'developer', department: 'developer', recipient: '开发商工程部', note: '外墙渗水，请开发商保修' };
    case 'update_progress':
      return { action, note: '开发商已派人查看' };
    case 'escalate':
      return { action, reason: '本人无法处理 beyond me' };
    case 'file_incident_report':
      return { action, summary: '3栋电梯困人，五户投诉' };
    case 'record_result':
      return { action, solvingDepartment: 'engineering', summary: '电梯已修复' };
    case 'return_result':
      return { action, reason: '未说明原因 no cause given' };
    case 'sign_off':
      return { action, note: '属实' };
    case 'reply':
      return { action, method: 'phone', hasWrittenCopy: false, summary: '电梯已修复并致歉' };
    case 'report_to_centre':
      return { action, summary: '已修复，业户满意' };
    case 'visit':
      return { action, outcome: 'satisfied', method: 'phone', comment: '满意' };
    case 'merge':
      return { action, intoComplaintId: 'cmp-collective' };
    case 'withdraw':
      return { action, reason: '问题已自行解决' };
  }
}

const DESK: Role[] = ['clerk', 'cs_supervisor'];
const HEADS: Role[] = ['director', 'cs_manager', 'cs_supervisor', 'eng_supervisor', 'department_staff', 'finance', 'developer_liaison'];

export interface ProcedureStep {
  from: ComplaintStatus[];
  who: Role[];
  /** Where the step leads with the fixtures and `sampleCommand` payloads. */
  to: ComplaintStatus | 'same';
  complainantOnly?: true;
  /** Only the head of the solving department (or the director) may take it. */
  signerOnly?: true;
}

/** domain.md §4 and seed [003], step by step. */
export const procedure: Record<ComplaintAction, ProcedureStep> = {
  // 3. The CS supervisor sorts it: valid / assisted / invalid / collective (the director may too).
  classify: { from: ['recorded'], who: ['cs_supervisor', 'director'], to: 'contacting' },
  // Valid: contact within 2 h and agree a reply time; collective: the director.
  contact: { from: ['contacting'], who: ['cs_supervisor', 'director'], to: 'in_hand' },
  // Assisted: the written referral, by whoever took the complaint or the supervisor.
  refer: { from: ['referring'], who: ['clerk', 'cs_supervisor', 'director'], to: 'in_hand' },
  // Progress told to the complainant while the matter is handled.
  update_progress: { from: ['in_hand', 'awaiting_signoff', 'awaiting_reply'], who: ['clerk', 'cs_supervisor', 'director'], to: 'same' },
  // Beyond the handler: up one level, at any point before the reply.
  escalate: {
    from: ['contacting', 'referring', 'in_hand', 'awaiting_signoff', 'awaiting_reply'],
    who: ['clerk', 'cs_supervisor', 'director', 'cs_manager', 'complaint_centre', 'company_manager'],
    to: 'same',
  },
  // The director's special incident report for a collective complaint.
  file_incident_report: { from: ['contacting', 'in_hand', 'awaiting_signoff', 'awaiting_reply'], who: ['director'], to: 'same' },
  // The result is written down, then the solving department's head signs it or sends it back.
  record_result: { from: ['in_hand'], who: [...DESK, 'director'], to: 'awaiting_signoff' },
  return_result: { from: ['awaiting_signoff'], who: HEADS, to: 'in_hand', signerOnly: true },
  sign_off: { from: ['awaiting_signoff'], who: HEADS, to: 'awaiting_reply', signerOnly: true },
  // The reply, by the desk or the director.
  reply: { from: ['awaiting_reply'], who: [...DESK, 'director'], to: 'replied' },
  // Forwarded complaints: result to the company centre, also after the visit.
  report_to_centre: { from: ['replied', 'closed'], who: ['cs_supervisor', 'director'], to: 'same' },
  // Every complaint is visited, then archived.
  visit: { from: ['replied'], who: [...DESK, 'director', 'cs_manager'], to: 'closed' },
  // Folded into a collective case before a result exists.
  merge: { from: ['recorded', 'contacting', 'referring', 'in_hand'], who: ['cs_supervisor', 'director'], to: 'merged' },
  // The complainant (or the desk for them) withdraws before being answered.
  withdraw: {
    from: ['recorded', 'contacting', 'referring', 'in_hand', 'awaiting_signoff', 'awaiting_reply'],
    who: ['resident', ...DESK],
    to: 'withdrawn',
    complainantOnly: true,
  },
};

/** The same procedure read by state: what can happen to a complaint in each state (anyone). */
export const stepsByState: Record<ComplaintStatus, ComplaintAction[]> = {
  recorded: ['classify', 'merge', 'withdraw'],
  contacting: ['contact', 'escalate', 'file_incident_report', 'merge', 'withdraw'],
  referring: ['refer', 'escalate', 'merge', 'withdraw'],
  in_hand: ['update_progress', 'escalate', 'file_incident_report', 'record_result', 'merge', 'withdraw'],
  awaiting_signoff: ['update_progress', 'escalate', 'file_incident_report', 'return_result', 'sign_off', 'withdraw'],
  awaiting_reply: ['update_progress', 'escalate', 'file_incident_report', 'reply', 'withdraw'],
  replied: ['report_to_centre', 'visit'],
  closed: ['report_to_centre'],
  merged: [],
  withdrawn: [],
};

/** The fixtures' solving department is engineering: its supervisor, or the director, signs. */
export function expectedAllowed(status: ComplaintStatus, action: ComplaintAction, role: Role): boolean {
  const step = procedure[action];
  if (!step.from.includes(status) || !step.who.includes(role)) return false;
  if (step.signerOnly) return role === 'director' || departmentOf[role] === 'engineering';
  return true;
}

export function expectedTarget(status: ComplaintStatus, action: ComplaintAction): ComplaintStatus {
  const to = procedure[action].to;
  return to === 'same' ? status : to;
}

/** Deep-freezes a value so a test fails if the rules mutate their input. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
