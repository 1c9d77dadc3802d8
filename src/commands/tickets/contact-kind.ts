import { eq } from 'drizzle-orm';
import type { Role } from '../../domain/access/roles.js';
import {
  decideIntake,
  type EmergencyKind,
  type IntakeCategory,
  type IntakeCommand,
  type IntakeEntry,
  type IntakeTimerKind,
  type Notice,
  type ReferredTicketKind,
} from '../../domain/intake/decide.js';
import { fireIntakeTimer } from '../../domain/intake/fire-timer.js';
import { type IntakeAction, type IntakeFlag, type IntakeStatus, intakeActions, intakeRules } from '../../domain/intake/machine.js';
import type { Executor } from '../../db/client.js';
import type { TicketRow } from '../../db/repositories/repair-orders.js';
import { contacts } from '../../db/schema/index.js';
import { canSeeInScope, type Principal } from '../context.js';
import { nearestOnDuty } from '../intake/people.js';
import { type EngineNotice, type TicketKind, moot, withFlag } from './kind.js';

export type ContactRow = typeof contacts.$inferSelect;
type ContactPatch = Partial<typeof contacts.$inferInsert>;

/** Who sees the whole duty log of their community; everybody else sees their own entries and open emergencies. */
export const dutyLogReaders: readonly Role[] = ['director', 'cs_manager', 'cs_supervisor', 'clerk'];
const emergencyStatuses = ['emergency', 'responding'];

/** The rules' view of a stored entry. */
export function toEntry(ticket: TicketRow, row: ContactRow): IntakeEntry {
  return {
    status: ticket.status as IntakeStatus,
    channel: ticket.channel as IntakeEntry['channel'],
    isWritten: row.isWritten,
    category: row.category as IntakeCategory | null,
    emergencyKind: row.emergencyKind as EmergencyKind | null,
    loggedAt: ticket.createdAt,
    firstOwnerId: row.firstOwnerId,
    ownerId: row.ownerId,
    departmentHeadId: row.departmentHeadId,
    isEscalated: row.isEscalated,
    escalationReason: row.escalationReason as IntakeEntry['escalationReason'],
    hasBeenUnsatisfied: row.hasBeenUnsatisfied,
    responderId: row.responderId,
    replyDueAt: row.replyDueAt,
    ticketKindToCreate: row.ticketKindToCreate as ReferredTicketKind | null,
    linkedTicket: row.linkedTicketId ? { kind: row.linkedTicketKind as ReferredTicketKind, id: row.linkedTicketId } : null,
    flags: ticket.flags as IntakeFlag[],
  };
}

/** The stored fields an entry's patch changes. */
export function rowPatchOf(patch: Partial<IntakeEntry>): ContactPatch {
  const out: ContactPatch = {};
  if (patch.category !== undefined) out.category = patch.category;
  if (patch.emergencyKind !== undefined) out.emergencyKind = patch.emergencyKind;
  if (patch.ownerId !== undefined) out.ownerId = patch.ownerId;
  if (patch.isEscalated !== undefined) out.isEscalated = patch.isEscalated;
  if (patch.escalationReason !== undefined) out.escalationReason = patch.escalationReason;
  if (patch.hasBeenUnsatisfied !== undefined) out.hasBeenUnsatisfied = patch.hasBeenUnsatisfied;
  if (patch.responderId !== undefined) out.responderId = patch.responderId;
  if (patch.replyDueAt !== undefined) out.replyDueAt = patch.replyDueAt;
  if (patch.ticketKindToCreate !== undefined) out.ticketKindToCreate = patch.ticketKindToCreate;
  if (patch.linkedTicket !== undefined) {
    out.linkedTicketKind = patch.linkedTicket?.kind ?? null;
    out.linkedTicketId = patch.linkedTicket?.id ?? null;
  }
  return out;
}

/** The rules' notices with "the nearest on-duty staff" resolved to people. */
export async function resolveIntakeNotices(ex: Executor, communityId: string, notices: Notice[]): Promise<EngineNotice[]> {
  const out: EngineNotice[] = [];
  for (const n of notices) {
    const extra = n.isNearestOnDuty ? await nearestOnDuty(ex, communityId) : [];
    out.push({ roles: n.roles, userIds: [...new Set([...n.userIds, ...extra])], title: n.title });
  }
  return out;
}

/** Whether this person may see this duty-log entry. */
export function canSeeContact(p: Principal, ticket: TicketRow, row: ContactRow): boolean {
  if ((p.role as string) === 'system') return ticket.companyId === p.companyId;
  if (p.role === 'resident' || !canSeeInScope(p, ticket, 'contact.view')) return false;
  if (dutyLogReaders.includes(p.role)) return true;
  return (
    row.firstOwnerId === p.id ||
    row.ownerId === p.id ||
    row.responderId === p.id ||
    row.departmentHeadId === p.id ||
    emergencyStatuses.includes(ticket.status)
  );
}

/** 值班记录: a duty-log entry as the ticket engine drives it. */
export const contactKind: TicketKind<ContactRow, ContactPatch> = {
  kind: 'contact',
  viewPermission: 'contact.view',
  load: async (ex, id) => (await ex.select().from(contacts).where(eq(contacts.ticketId, id)))[0] ?? null,
  save: async (ex, id, patch) => {
    await ex.update(contacts).set(patch).where(eq(contacts.ticketId, id));
  },
  canSee: (p, ticket, row) => canSeeContact(p, ticket, row),
  whoMay: (action) => ((intakeActions as readonly string[]).includes(action) ? intakeRules[action as IntakeAction].who : null),
  decide: (input) => decideContact(input),
  async fireTimer({ tx, ticket, row, timer, policy, now }) {
    const result = fireIntakeTimer(toEntry(ticket, row), { kind: timer.kind as IntakeTimerKind, level: timer.level }, policy.intake, now);
    if (!result.isRelevant) return moot;
    const flags = withFlag(ticket.flags, result.flag);
    return {
      isRelevant: true,
      ticket: { flags, ...(result.patch.ownerId ? { assigneeId: result.patch.ownerId } : {}) },
      row: rowPatchOf(result.patch),
      event: result.event,
      cancel: [],
      schedule: result.next ? [result.next] : [],
      notices: await resolveIntakeNotices(tx, ticket.communityId, result.notices),
    };
  },
};

/**
 * Asks the rules. A triage that refers the entry to a ticket only marks it referred here: the
 * duty-log command creates that ticket and links it in the same transaction (intake/triage.ts).
 */
async function decideContact({
  tx,
  p,
  ticket,
  row,
  action,
  body,
  policy,
  now,
}: Parameters<TicketKind<ContactRow, ContactPatch>['decide']>[0]) {
  const command = { ...(body as object), action } as IntakeCommand;
  const d = decideIntake(toEntry(ticket, row), command, { actor: p, policy: policy.intake, now });
  const rowPatch = rowPatchOf(d.patch);
  if (command.action === 'reply') {
    rowPatch.answer = command.answer;
    rowPatch.replyMethod = command.method;
  }
  if (command.action === 'triage' && d.to === 'closed' && command.answer) {
    rowPatch.answer = command.answer;
    rowPatch.replyMethod = 'in_person';
  }
  return {
    to: d.to,
    ticket: {
      ...(d.patch.flags ? { flags: d.patch.flags } : {}),
      ...(d.patch.ownerId ? { assigneeId: d.patch.ownerId } : {}),
      ...(command.action === 'triage' && command.category === 'emergency' ? { urgency: 'urgent' } : {}),
    },
    row: rowPatch,
    event: d.event,
    cancel: d.cancel,
    schedule: d.schedule,
    notices: await resolveIntakeNotices(tx, ticket.communityId, d.notices),
  };
}
