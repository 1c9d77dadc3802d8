import { eq } from 'drizzle-orm';
import { type ComplaintActionBody, type ComplaintActionPath, complaintActionBodies } from '../../contract/complaint.js';
import type { Department } from '../../domain/access/roles.js';
import {
  type Complaint,
  type ComplaintCommand,
  type ComplaintIntake,
  decide,
  type Household,
  type TimerKind,
} from '../../domain/complaint/decide.js';
import { fireTimer } from '../../domain/complaint/fire-timer.js';
import {
  type ComplaintAction,
  type ComplaintStatus,
  complaintActions,
  complaintRules,
  type OverdueFlag,
} from '../../domain/complaint/machine.js';
import { conflict, invalid } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { type TicketRow, updateTicket } from '../../db/repositories/repair-orders.js';
import { complaints, tickets } from '../../db/schema/index.js';
import { canSeeInScope, isOwner, type Principal } from '../context.js';
import { recordComplaintInTx } from '../complaints/record-complaint.js';
import { type TicketKind, moot, withFlag } from './kind.js';
import { settleVisitFromTicket } from './visit-tasks.js';

export type ComplaintRow = typeof complaints.$inferSelect;
type ComplaintPatch = Partial<typeof complaints.$inferInsert>;

/** Staff who see only the complaints their department solves or was referred. */
const departmentBound = new Set(['department_staff', 'finance', 'developer_liaison']);

/** The rules' view of a stored complaint. */
export function toDomainComplaint(ticket: TicketRow, row: ComplaintRow): Complaint {
  const onSpot = row.onSpot as { handledAt: string; handledById: string; result: string } | null;
  const referral = row.referral as (Omit<NonNullable<Complaint['referral']>, 'at'> & { at: string }) | null;
  const reply = row.reply as { method: 'home_visit' | 'phone' | 'written'; hasWrittenCopy: boolean; at: string } | null;
  return {
    id: ticket.id,
    status: ticket.status as ComplaintStatus,
    complaintClass: row.complaintClass as Complaint['complaintClass'],
    isDeveloperCaused: row.isDeveloperCaused,
    isSerious: row.isSerious,
    isForwarded: row.isForwarded,
    channel: ticket.channel as Complaint['channel'],
    form: row.form as Complaint['form'],
    complainant: { name: ticket.reporterName, phone: ticket.reporterPhone || null, residentId: ticket.residentId },
    households: row.households as Household[],
    placeKey: row.placeKey,
    content: ticket.content,
    createdAt: ticket.createdAt,
    onSpot: onSpot ? { ...onSpot, handledAt: new Date(onSpot.handledAt) } : null,
    isOnSpotReportLate: row.isOnSpotReportLate,
    classifiedAt: row.classifiedAt,
    agreedReplyAt: row.agreedReplyAt,
    referral: referral ? { ...referral, at: new Date(referral.at) } : null,
    solvingDepartment: row.solvingDepartment as Department | null,
    resultSummary: row.resultSummary,
    signedOffById: row.signedOffById,
    signedOffAt: row.signedOffAt,
    incidentReportFiledAt: row.incidentReportFiledAt,
    reply: reply ? { ...reply, at: new Date(reply.at) } : null,
    centreReportedAt: row.centreReportedAt,
    escalationLevel: row.escalationLevel,
    flags: ticket.flags as OverdueFlag[],
    linkedFromId: row.linkedFromId,
    mergedFromIds: row.mergedFromIds,
    mergedIntoId: row.mergedIntoId,
    visitOutcome: row.visitOutcome as Complaint['visitOutcome'],
  };
}

/** The stored form of the rules' patch (dates inside jsonb as ISO strings). */
function rowPatchOf(patch: Partial<Complaint>): ComplaintPatch {
  const out: ComplaintPatch = {};
  const set = <K extends keyof ComplaintPatch>(k: K, v: ComplaintPatch[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('complaintClass', patch.complaintClass);
  set('isDeveloperCaused', patch.isDeveloperCaused);
  set('isSerious', patch.isSerious);
  set('classifiedAt', patch.classifiedAt);
  set('agreedReplyAt', patch.agreedReplyAt);
  if (patch.referral !== undefined) out.referral = patch.referral ? { ...patch.referral, at: patch.referral.at.toISOString() } : null;
  set('solvingDepartment', patch.solvingDepartment);
  set('resultSummary', patch.resultSummary);
  set('signedOffById', patch.signedOffById);
  set('signedOffAt', patch.signedOffAt);
  set('incidentReportFiledAt', patch.incidentReportFiledAt);
  if (patch.reply !== undefined) out.reply = patch.reply ? { ...patch.reply, at: patch.reply.at.toISOString() } : null;
  set('centreReportedAt', patch.centreReportedAt);
  set('escalationLevel', patch.escalationLevel);
  set('mergedIntoId', patch.mergedIntoId);
  set('visitOutcome', patch.visitOutcome);
  return out;
}

/** Whether a department-bound staff member's department solves the complaint or was referred it. */
export function isOwnDepartment(p: Pick<Principal, 'department'>, row: Pick<ComplaintRow, 'solvingDepartment' | 'referral'>): boolean {
  const referred = (row.referral as { department?: string } | null)?.department;
  return p.department !== null && (row.solvingDepartment === p.department || referred === p.department);
}

/** Whether this person may see this complaint at all. */
export function canSeeComplaint(p: Principal, ticket: TicketRow, row: Pick<ComplaintRow, 'solvingDepartment' | 'referral'>): boolean {
  if (!canSeeInScope(p, ticket, 'complaint.view')) return false;
  return !departmentBound.has(p.role) || isOwnDepartment(p, row);
}

const pathOf = (action: string) => action.replaceAll('_', '-') as ComplaintActionPath;

function toCommand(path: ComplaintActionPath, body: Record<string, unknown>): ComplaintCommand {
  const action = path.replaceAll('-', '_');
  if (path === 'contact') {
    const b = body as ComplaintActionBody<'contact'>;
    return { action: 'contact', agreedReplyAt: new Date(b.agreedReplyAt), ...(b.note ? { note: b.note } : {}) };
  }
  return { action, ...body } as ComplaintCommand;
}

/** A collective case takes in a merged complaint's households, once each, and its id. */
async function foldInto(tx: Executor, source: { ticket: TicketRow; row: ComplaintRow }, targetId: string, now: Date): Promise<void> {
  const [target] = await tx.select().from(tickets).where(eq(tickets.id, targetId)).for('update');
  const [targetRow] = await tx.select().from(complaints).where(eq(complaints.ticketId, targetId));
  if (!target || !targetRow) return;
  const households = [...(targetRow.households as Household[])];
  for (const h of source.row.households as Household[]) {
    if (!households.some((x) => x.householdId === h.householdId)) households.push(h);
  }
  const mergedFromIds = targetRow.mergedFromIds.includes(source.ticket.id)
    ? targetRow.mergedFromIds
    : [...targetRow.mergedFromIds, source.ticket.id];
  await tx.update(complaints).set({ households, mergedFromIds }).where(eq(complaints.ticketId, targetId));
  await updateTicket(tx, targetId, { partyRoomIds: households.map((h) => h.householdId), updatedAt: now });
}

/** Refuses a merge into a case that cannot take it: elsewhere, itself merged or closed. */
async function checkMergeTarget(tx: Executor, ticket: TicketRow, targetId: string): Promise<void> {
  const [target] = await tx.select().from(tickets).where(eq(tickets.id, targetId));
  const message = { zh: '请选择本小区未办结的投诉作为并案对象', en: 'Merge into an open complaint of the same community' };
  if (target?.kind !== 'complaint' || target.companyId !== ticket.companyId || target.communityId !== ticket.communityId) {
    throw invalid('merge_target', message, [{ field: 'intoComplaintId', message }]);
  }
  if (['closed', 'merged', 'withdrawn'].includes(target.status)) throw conflict('merge_target_closed', message);
}

/** Records the successor of an unsatisfied visit (a new complaint linked to the old one). */
async function recordSuccessor(tx: Executor, p: Principal, ticket: TicketRow, intake: ComplaintIntake, now: Date): Promise<void> {
  await recordComplaintInTx(tx, {
    actor: p,
    communityId: ticket.communityId,
    intake,
    policy: ticket.policy as never,
    placeLabel: null,
    complainantPhone: ticket.reporterPhone,
    now,
  });
}

/** 投诉: the complaint as the ticket engine drives it. */
export const complaintKind: TicketKind<ComplaintRow, ComplaintPatch> = {
  kind: 'complaint',
  viewPermission: 'complaint.view',
  load: async (ex, id) => (await ex.select().from(complaints).where(eq(complaints.ticketId, id)))[0] ?? null,
  save: async (ex, id, patch) => {
    await ex.update(complaints).set(patch).where(eq(complaints.ticketId, id));
  },
  canSee: (p, ticket, row) => canSeeComplaint(p, ticket, row),
  whoMay: (action) => ((complaintActions as readonly string[]).includes(action) ? complaintRules[action as ComplaintAction].who : null),
  async decide({ tx, p, ticket, row, action, body, policy, now }) {
    const path = pathOf(action);
    const schema = complaintActionBodies[path];
    // Callers inside the server (the visit module) pass bodies the routes did not parse.
    const parsed = schema.safeParse(body ?? {});
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => ({
        field: i.path.join('.') || 'body',
        message: { zh: '填写的内容有误', en: i.message },
      }));
      throw invalid('validation_failed', { zh: '填写的内容有误，请检查', en: 'Some fields are not valid' }, fields);
    }
    const command = toCommand(path, parsed.data as Record<string, unknown>);
    if (command.action === 'merge') await checkMergeTarget(tx, ticket, command.intoComplaintId);
    const complaint = toDomainComplaint(ticket, row);
    const decision = decide(complaint, command, {
      actor: p,
      isComplainant: isOwner(p, ticket),
      actorDepartment: (p.department as Department | null) ?? null,
      policy: policy.complaint,
      now,
    });
    const rowPatch = rowPatchOf(decision.patch);
    if (command.action === 'reply') rowPatch.replySummary = command.summary;
    if (command.action === 'return_result') rowPatch.signedOffAt = null;

    // A replied complaint is followed up by a visit task (100% visited [000]), not its own timer.
    let schedule = decision.schedule;
    let visit: { dueAt: Date; category: string; isHomeVisitRequired: boolean; caseFlags: { isCollective: boolean } } | undefined;
    const visitDue = schedule.find((s) => s.kind === 'visit_due');
    if (visitDue) {
      schedule = schedule.filter((s) => s !== visitDue);
      const isCollective = complaint.complaintClass === 'collective';
      visit = { dueAt: visitDue.dueAt, category: 'complaint', isHomeVisitRequired: isCollective, caseFlags: { isCollective } };
    }

    const afters: ((ex: Executor) => Promise<void>)[] = [];
    if (command.action === 'merge') afters.push((ex) => foldInto(ex, { ticket, row }, command.intoComplaintId, now));
    if (command.action === 'visit') {
      // Recorded from the complaint page: the open visit task takes the outcome.
      afters.push((ex) =>
        settleVisitFromTicket(ex, ticket, p, { method: command.method, outcome: command.outcome, comment: command.comment }, now),
      );
    }
    const successor = decision.successor;
    if (successor) afters.push((ex) => recordSuccessor(ex, p, ticket, successor, now));

    return {
      to: decision.to,
      ticket: decision.patch.flags ? { flags: decision.patch.flags } : {},
      row: rowPatch,
      event: decision.event,
      cancel: [...decision.cancel],
      schedule,
      notices: decision.notices,
      ...(visit ? { visit } : {}),
      ...(afters.length > 0
        ? {
            after: async (ex: Executor) => {
              for (const f of afters) await f(ex);
            },
          }
        : {}),
    };
  },
  async fireTimer({ ticket, row, timer, policy, now }) {
    const result = fireTimer(
      {
        status: ticket.status as ComplaintStatus,
        flags: ticket.flags as OverdueFlag[],
        escalationLevel: row.escalationLevel,
        isForwarded: row.isForwarded,
        centreReportedAt: row.centreReportedAt,
      },
      { kind: timer.kind as TimerKind, level: timer.level },
      policy.complaint,
      now,
    );
    if (!result.isRelevant) return moot;
    const flags = withFlag(ticket.flags, result.flag);
    return {
      isRelevant: true,
      ticket: { flags },
      row: result.patch.escalationLevel !== undefined ? { escalationLevel: result.patch.escalationLevel } : {},
      event: result.event,
      cancel: result.cancel,
      schedule: result.next ? [result.next] : [],
      notices: result.notices,
    };
  },
};
