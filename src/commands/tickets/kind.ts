import type { Permission } from '../../domain/access/permissions.js';
import type { Role } from '../../domain/access/roles.js';
import type { Policy } from '../../domain/policy/policy.js';
import type { DomainError } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import type { TicketInsert, TicketRow } from '../../db/repositories/repair-orders.js';
import type { timers } from '../../db/schema/index.js';
import type { Principal } from '../context.js';

/**
 * One kind of ticket (repair, complaint, matter, duty-log contact) as the ticket engine drives it.
 * The kind brings its rules (a pure domain module) and its own table; the engine does the rest
 * the same way for every kind: lock, check, write, history, timers, notices, live update.
 */
export interface TicketKind<Row = unknown, RowPatch = Record<string, unknown>> {
  kind: string;
  /** The capability a staff role needs to see tickets of this kind at all (live updates use it). */
  viewPermission: Permission;
  /** The kind's own row of a ticket, or null when it has none. */
  load(ex: Executor, ticketId: string): Promise<Row | null>;
  /** Writes the kind's changed fields. */
  save(ex: Executor, ticketId: string, patch: RowPatch): Promise<void>;
  /**
   * Whether this person may see the ticket at all. The engine answers "not found" otherwise, so a
   * ticket outside someone's scope is never revealed. `action` is set when they try to act.
   */
  canSee(p: Principal, ticket: TicketRow, row: Row, action?: string): boolean;
  /** The roles that may take an action at all (checked before the payload is read); null for an unknown action. */
  whoMay(action: string): readonly (Role | 'system')[] | null;
  /** Reads the payload and asks the rules; throws a DomainError when refused. */
  decide(input: ActInput<Row>): Promise<ActionOutcome<RowPatch>>;
  /** What a due timer of this ticket does now. */
  fireTimer(input: FireInput<Row>): Promise<TimerOutcome<RowPatch>>;
}

export interface EngineNotice {
  /** Roles of the ticket's community (company-level roles of its company), or named people. */
  roles: Role[];
  userIds: string[];
  title: { zh: string; en: string };
}

export interface EngineTimer {
  kind: string;
  dueAt: Date;
  level: number;
  /** A follow-up visit's timer names its visit. */
  visitId?: string | null;
}

/** What a follow-up visit task needs when a ticket is done (see tickets/visit-tasks.ts). */
export interface VisitRequest {
  dueAt: Date;
  category: string;
  caseFlags?: { isSafetyFacility?: boolean; isLeak?: boolean; isMajor?: boolean; isCollective?: boolean };
  isHomeVisitRequired?: boolean;
  technicianId?: string | null;
}

type TicketPatch = Partial<Pick<TicketInsert, 'assigneeId' | 'flags' | 'closedAt' | 'urgency' | 'partyRoomIds' | 'content'>>;

export interface ActionOutcome<RowPatch> {
  to: string;
  ticket?: TicketPatch;
  row?: RowPatch;
  event: { type: string; data: Record<string, unknown> };
  /** Timer kinds to cancel before scheduling. */
  cancel: string[];
  schedule: EngineTimer[];
  notices: EngineNotice[];
  /** A follow-up visit task is opened for the ticket. */
  visit?: VisitRequest;
  /** Set when the action was refused but the refusal itself must be stored (a wrong code). */
  refusal?: DomainError;
  /** More writes in the same transaction, after the ticket's own (a successor ticket, a merge…). */
  after?: (tx: Executor, ticket: TicketRow) => Promise<void>;
}

export interface TimerOutcome<RowPatch> {
  /** False when the ticket has moved on and the timer no longer matters. */
  isRelevant: boolean;
  ticket?: TicketPatch;
  row?: RowPatch;
  event: { type: string; data: Record<string, unknown> } | null;
  cancel: string[];
  schedule: EngineTimer[];
  notices: EngineNotice[];
  after?: (tx: Executor, ticket: TicketRow) => Promise<void>;
  /**
   * The timer moves the ticket on (a pass expires, a permit's window opens): this action of the
   * kind, run by the system through the engine like any other step — its rules, history, timers
   * and notices — in the timer's transaction.
   */
  systemAction?: string;
}

export interface ActInput<Row> {
  tx: Executor;
  p: Principal;
  ticket: TicketRow;
  row: Row;
  action: string;
  body: unknown;
  policy: Policy;
  now: Date;
}

export type TimerRow = typeof timers.$inferSelect;

export interface FireInput<Row> {
  tx: Executor;
  ticket: TicketRow;
  row: Row;
  timer: TimerRow;
  policy: Policy;
  now: Date;
}

/** A timer that no longer matters: the ticket has moved on. */
export const moot: TimerOutcome<never> = { isRelevant: false, event: null, cancel: [], schedule: [], notices: [] };

/** The flags with one more overdue flag, each kept once. */
export const withFlag = (flags: string[], flag: string | null | undefined): string[] =>
  flag && !flags.includes(flag) ? [...flags, flag] : flags;

/** The system, acting inside a company (timers, closing entries whose ticket closed). */
export function systemPrincipal(ticket: Pick<TicketRow, 'companyId' | 'communityId'>): Principal {
  return {
    kind: 'system',
    id: 'system',
    role: 'system' as Role,
    name: '系统 System',
    companyId: ticket.companyId,
    communityId: ticket.communityId,
    department: null,
    roomIds: [],
    residentIds: [],
    phone: '',
  };
}
