import type { Role } from '../access/roles.js';

/**
 * The duty log entry (值班记录) for one contact (domain.md §2), as a table a reader can check
 * against the procedure: for each action, the states it may start from, the state it leads to,
 * who may take it and whose entry it must be. The rest (what the payload says) is in decide.ts.
 */
export const intakeStatuses = [
  'logged', // 已登记: on the duty log, not yet triaged
  'awaiting_reply', // 待答复: consultation, suggestion or help, a reply is due
  'emergency', // 紧急求援: everybody alerted, nobody has taken it yet
  'responding', // 处置中: somebody took the emergency
  'referred', // 已转工单: became a repair, matter or complaint ticket, followed by the owner
  'closed', // 已办结
  'voided', // 已作废: logged by mistake, a duplicate
] as const;
export type IntakeStatus = (typeof intakeStatuses)[number];

export const terminalIntakeStatuses: readonly IntakeStatus[] = ['closed', 'voided'];

export const intakeActions = ['triage', 'link_ticket', 'reply', 'escalate', 'acknowledge', 'resolve', 'close', 'void'] as const;
export type IntakeAction = (typeof intakeActions)[number];

export const intakeFlags = ['reply_overdue', 'emergency_unacknowledged'] as const;
export type IntakeFlag = (typeof intakeFlags)[number];

/**
 * Whose entry it must be, on top of the role:
 * - `owner`: the current owner (首问责任人, or the department head once escalated);
 * - `first_owner`: only the person first asked (handing it up is theirs to do);
 * - `responder`: the person who took the emergency, or the owner;
 * - `anyone`: any person of the roles listed.
 * Overseers (the CS supervisor, CS manager and director) and the system pass every check but `first_owner`.
 */
export type IntakeActor = 'owner' | 'first_owner' | 'responder' | 'anyone';

export interface IntakeRule {
  from: readonly IntakeStatus[];
  to: IntakeStatus | 'same' | 'decided';
  who: readonly (Role | 'system')[];
  by: IntakeActor;
  clears?: readonly IntakeFlag[];
  event: string;
}

/** Everybody of a community who can be the first person asked: 首问责任制 binds them all. */
export const communityStaff: readonly Role[] = [
  'director',
  'cs_manager',
  'cs_supervisor',
  'clerk',
  'eng_supervisor',
  'technician',
  'department_staff',
  'finance',
];
/** Who may act on anybody's entry, to supervise the duty log [003]. */
export const intakeOverseers: readonly Role[] = ['cs_supervisor', 'cs_manager', 'director'];

export const intakeRules: Record<IntakeAction, IntakeRule> = {
  // A re-triage keeps the deadline, so it settles no lateness.
  triage: { from: ['logged', 'awaiting_reply'], to: 'decided', who: communityStaff, by: 'owner', event: 'ContactTriaged' },
  link_ticket: { from: ['referred'], to: 'same', who: [...communityStaff, 'system'], by: 'anyone', event: 'TicketLinked' },
  reply: { from: ['awaiting_reply'], to: 'decided', who: communityStaff, by: 'owner', clears: ['reply_overdue'], event: 'ReplyGiven' },
  escalate: { from: ['awaiting_reply', 'referred'], to: 'same', who: communityStaff, by: 'first_owner', event: 'HandedToDepartmentHead' },
  acknowledge: {
    from: ['emergency'],
    to: 'responding',
    who: communityStaff,
    by: 'anyone',
    clears: ['emergency_unacknowledged'],
    event: 'EmergencyTaken',
  },
  resolve: { from: ['responding'], to: 'closed', who: communityStaff, by: 'responder', event: 'EmergencyResolved' },
  close: {
    from: ['referred'],
    to: 'closed',
    who: [...communityStaff, 'system'],
    by: 'owner',
    clears: [...intakeFlags],
    event: 'EntryClosed',
  },
  void: {
    from: ['logged', 'awaiting_reply'],
    to: 'voided',
    who: communityStaff,
    by: 'owner',
    clears: [...intakeFlags],
    event: 'EntryVoided',
  },
};

/** The actions a role could take on an entry in a state, before it is checked whose entry it is. */
export function intakeActionsFor(status: IntakeStatus, role: Role | 'system'): IntakeAction[] {
  return intakeActions.filter((a) => intakeRules[a].from.includes(status) && intakeRules[a].who.includes(role));
}
