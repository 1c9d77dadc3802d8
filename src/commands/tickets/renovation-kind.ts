import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { Role } from '../../domain/access/roles.js';
import { chineseWorkCalendar, type WorkCalendar } from '../../domain/calendar/work-calendar.js';
import type { Policy } from '../../domain/policy/policy.js';
import {
  type AcceptanceSign,
  type Application,
  decideRenovation,
  type Inspection,
  type PatrolDuty,
  type Renovation,
  type RenovationCommand,
  type RenovationEffect,
  type RenovationPatch,
  type RenovationTimerKind,
  type Violation,
  type ViolationStatus,
} from '../../domain/renovation/decide.js';
import type { WorkItems } from '../../domain/renovation/documents.js';
import { fireRenovationTimer } from '../../domain/renovation/fire-timer.js';
import {
  type RenovationAction,
  type RenovationFlag,
  type RenovationStatus,
  renovationActions,
  renovationRules,
} from '../../domain/renovation/machine.js';
import { invalid } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { getCommunity } from '../../db/repositories/org.js';
import type { TicketRow } from '../../db/repositories/repair-orders.js';
import { renovationDocuments, renovationInspections, renovationPatrols, renovations, renovationViolations } from '../../db/schema/index.js';
import { canSeeInScope, type Principal } from '../context.js';
import { nextTicketNumber } from './create.js';
import { type ActionOutcome, type TicketKind, moot, withFlag } from './kind.js';

export type RenovationRow = typeof renovations.$inferSelect;
export type RenovationPatchRow = Partial<typeof renovations.$inferInsert>;
export type ViolationRow = typeof renovationViolations.$inferSelect;
export type InspectionRow = typeof renovationInspections.$inferSelect;
export type DocumentRow = typeof renovationDocuments.$inferSelect;

/** A renovation with the records the rules read. */
export interface RenovationBundle {
  row: RenovationRow;
  documents: DocumentRow[];
  violations: ViolationRow[];
  inspections: InspectionRow[];
}

/** Loads a renovation's row with its documents, violations and inspections. */
export async function loadRenovation(ex: Executor, ticketId: string): Promise<RenovationBundle | null> {
  const [row] = await ex.select().from(renovations).where(eq(renovations.ticketId, ticketId));
  if (!row) return null;
  const [documents, violations, inspections] = await Promise.all([
    ex.select().from(renovationDocuments).where(eq(renovationDocuments.ticketId, ticketId)).orderBy(asc(renovationDocuments.createdAt)),
    ex.select().from(renovationViolations).where(eq(renovationViolations.ticketId, ticketId)).orderBy(asc(renovationViolations.seq)),
    ex.select().from(renovationInspections).where(eq(renovationInspections.ticketId, ticketId)).orderBy(asc(renovationInspections.round)),
  ]);
  return { row, documents, violations, inspections };
}

/** The working-day calendar of a policy: national days with the company's own. */
export const calendarOf = (policy: Policy): WorkCalendar =>
  chineseWorkCalendar({ extraHolidays: policy.renovation.extraHolidays, extraWorkingDays: policy.renovation.extraWorkingDays });

export const toViolation = (v: ViolationRow): Violation => ({
  id: v.id,
  status: v.status as ViolationStatus,
  deadlineAt: v.deadlineAt,
  isStopWork: v.isStopWork,
  deductionCents: v.deductionCents,
  hasPenalty: v.penaltyAt !== null,
});

/** The rules' view of a stored renovation. */
export function toRenovation(ticket: TicketRow, b: RenovationBundle): Renovation {
  const pending = b.inspections.find((i) => i.outcome === 'pending');
  const inspection: Inspection | null = pending
    ? {
        id: pending.id,
        round: pending.round,
        cs: pending.csSign as AcceptanceSign | null,
        engineering: pending.engSign as AcceptanceSign | null,
      }
    : null;
  return {
    status: ticket.status as RenovationStatus,
    round: b.row.round,
    workItems: b.row.workItems as WorkItems,
    isAgreementSigned: b.row.isAgreementSigned,
    documents: b.documents.filter((d) => d.isCurrent).map((d) => ({ code: d.code, isSigned: d.isSigned })),
    plannedStartDate: b.row.plannedStartDate,
    plannedEndDate: b.row.plannedEndDate,
    depositCents: b.row.depositCents,
    violations: b.violations.map(toViolation),
    pendingInspection: inspection,
    inspectionRounds: b.inspections.length,
    flags: ticket.flags as RenovationFlag[],
  };
}

/** The rules' patch as the table's columns. */
export function renovationRowPatch(patch: RenovationPatch): RenovationPatchRow {
  const out: RenovationPatchRow = { ...(patch.application ?? {}) };
  if (patch.round !== undefined) out.round = patch.round;
  if (patch.lastReturnReason !== undefined) out.lastReturnReason = patch.lastReturnReason;
  if (patch.csApproval) Object.assign(out, { csApprovedBy: patch.csApproval.by, csApprovedAt: patch.csApproval.at });
  if (patch.engApproval) Object.assign(out, { engApprovedBy: patch.engApproval.by, engApprovedAt: patch.engApproval.at });
  if (patch.payment) {
    Object.assign(out, {
      fees: patch.payment.fees,
      depositCents: patch.payment.depositCents,
      paymentReceiptNumber: patch.payment.receiptNumber,
      paidAt: patch.payment.at,
      paidBy: patch.payment.by,
    });
  }
  if (patch.permit) {
    Object.assign(out, {
      permitIssuedAt: patch.permit.issuedAt,
      permitValidFrom: patch.permit.validFrom,
      permitValidTo: patch.permit.validTo,
    });
  }
  if (patch.inspectionPassedAt) out.inspectionPassedAt = patch.inspectionPassedAt;
  if (patch.refundDueDate) out.refundDueDate = patch.refundDueDate;
  if (patch.refundAppointmentAt) out.refundAppointmentAt = patch.refundAppointmentAt;
  if (patch.refund) {
    Object.assign(out, {
      refundCents: patch.refund.cents,
      refundReceiptNumber: patch.refund.receiptNumber,
      refundedAt: patch.refund.at,
      refundedBy: patch.refund.by,
    });
  }
  return out;
}

/** Whether this person may see this renovation: residents their households', staff their community's. */
export function canSeeRenovation(p: Principal, ticket: TicketRow): boolean {
  if ((p.role as string) === 'system') return ticket.companyId === p.companyId;
  return canSeeInScope(p, ticket, 'renovation.view');
}

/** Writes what the decision did to the renovation's own records (violations, patrols, inspections). */
export async function applyRenovationEffects(
  tx: Executor,
  ticket: TicketRow,
  effects: RenovationEffect[],
  actor: { id: string; name: string },
  now: Date,
): Promise<void> {
  const scope = { companyId: ticket.companyId, communityId: ticket.communityId, ticketId: ticket.id };
  for (const e of effects) {
    switch (e.kind) {
      case 'violation_recorded': {
        const [n] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(renovationViolations)
          .where(eq(renovationViolations.ticketId, ticket.id));
        await tx.insert(renovationViolations).values({
          id: e.violationId,
          ...scope,
          seq: Number(n?.n ?? 0) + 1,
          description: e.description,
          status: 'recorded',
          patrolId: e.patrolId,
          recordedBy: actor.name,
          recordedAt: now,
        });
        break;
      }
      case 'notice_issued': {
        const [v] = await tx.select().from(renovationViolations).where(eq(renovationViolations.id, e.violationId));
        await tx
          .update(renovationViolations)
          .set({
            status: 'notice_issued',
            noticeNumber: `${ticket.number}-ZG${v?.seq ?? 1}`,
            requirement: e.requirement,
            deadlineAt: e.deadlineAt,
            noticeIssuedBy: actor.name,
            noticeIssuedAt: now,
          })
          .where(eq(renovationViolations.id, e.violationId));
        break;
      }
      case 'violation_rechecked': {
        const [v] = await tx.select().from(renovationViolations).where(eq(renovationViolations.id, e.violationId));
        const rechecks = [
          ...((v?.rechecks as unknown[]) ?? []),
          { at: now.toISOString(), by: actor.name, isRectified: e.isRectified, note: e.note },
        ];
        await tx
          .update(renovationViolations)
          .set({ status: e.status, rechecks, ...(e.isRectified ? { rectifiedAt: now } : {}) })
          .where(eq(renovationViolations.id, e.violationId));
        break;
      }
      case 'penalty_decided':
        await tx
          .update(renovationViolations)
          .set({
            status: 'overdue',
            isStopWork: e.isStopWork,
            deductionCents: e.deductionCents,
            penaltyReason: e.reason,
            penaltyBy: actor.name,
            penaltyAt: now,
          })
          .where(eq(renovationViolations.id, e.violationId));
        break;
      case 'patrol_recorded':
        await tx
          .update(renovationPatrols)
          .set({
            status: 'done',
            result: e.result,
            note: e.note,
            violationId: e.violationId,
            recordedById: actor.id,
            recordedBy: actor.name,
            recordedAt: now,
          })
          .where(eq(renovationPatrols.id, e.patrolId));
        break;
      case 'inspection_booked':
        await tx
          .insert(renovationInspections)
          .values({ id: e.inspectionId, ...scope, round: e.round, at: e.at, bookedBy: actor.name, outcome: 'pending', createdAt: now });
        break;
      case 'acceptance_signed':
        await tx
          .update(renovationInspections)
          .set(e.side === 'cs' ? { csSign: e.sign } : { engSign: e.sign })
          .where(eq(renovationInspections.id, e.inspectionId));
        break;
      case 'inspection_decided':
        await tx
          .update(renovationInspections)
          .set({ outcome: e.outcome, decidedAt: now })
          .where(eq(renovationInspections.id, e.inspectionId));
        break;
    }
  }
}

const field = (name: string, zh: string, en: string) => invalid('invalid_field', { zh, en }, [{ field: name, message: { zh, en } }]);

/** Reads a request body (already checked by the contract) into the rules' command. */
async function commandOf(
  tx: Executor,
  ticket: TicketRow,
  action: RenovationAction,
  b: Record<string, unknown>,
): Promise<RenovationCommand> {
  switch (action) {
    case 'edit':
      return { action, changes: b as Partial<Application> };
    case 'record_patrol': {
      const [patrol] = await tx
        .select()
        .from(renovationPatrols)
        .where(eq(renovationPatrols.id, b.patrolId as string));
      if (!patrol || patrol.ticketId !== ticket.id) throw field('patrolId', '巡查任务不存在', 'No such patrol');
      const v = b.violation as { description: string } | undefined;
      return {
        action,
        patrol: { id: patrol.id, duty: patrol.duty as PatrolDuty, date: patrol.patrolDate, status: patrol.status as 'due' | 'done' },
        result: b.result as 'pass' | 'issue',
        note: b.note as string | undefined,
        violation: v ? { id: randomUUID(), description: v.description } : undefined,
      };
    }
    case 'record_violation':
      return { action, violationId: randomUUID(), description: b.description as string };
    case 'issue_notice':
      return {
        action,
        violationId: b.violationId as string,
        requirement: b.requirement as string,
        deadlineAt: b.deadlineAt ? new Date(b.deadlineAt as string) : undefined,
      };
    case 'book_inspection':
      return { action, inspectionId: randomUUID(), at: new Date(b.at as string), note: b.note as string | undefined };
    case 'book_refund':
      return { action, at: new Date(b.at as string) };
    default:
      return { ...b, action } as RenovationCommand;
  }
}

/** 装修: a renovation as the ticket engine drives it. */
export const renovationKind: TicketKind<RenovationBundle, RenovationPatchRow> = {
  kind: 'renovation',
  viewPermission: 'renovation.view',
  load: loadRenovation,
  save: async (ex, id, patch) => {
    await ex.update(renovations).set(patch).where(eq(renovations.ticketId, id));
  },
  canSee: (p, ticket) => canSeeRenovation(p, ticket),
  whoMay: (action) =>
    (renovationActions as readonly string[]).includes(action) ? (renovationRules[action as RenovationAction].who as readonly Role[]) : null,
  async decide({ tx, p, ticket, row, action, body, policy, now }): Promise<ActionOutcome<RenovationPatchRow>> {
    const command = await commandOf(tx, ticket, action as RenovationAction, body as Record<string, unknown>);
    const d = decideRenovation(toRenovation(ticket, row), command, {
      actor: p,
      actorDepartment: p.department,
      policy: policy.renovation,
      calendar: calendarOf(policy),
      timeZone: policy.timezone,
      now,
    });
    const rowPatch = renovationRowPatch(d.patch);
    if (d.patch.permit) {
      const community = await getCommunity(tx, ticket.communityId);
      rowPatch.permitNumber = await nextTicketNumber(
        tx,
        { id: ticket.communityId, code: community?.code ?? 'XX' },
        'XK',
        policy.timezone,
        now,
      );
      d.event.data.permitNumber = rowPatch.permitNumber;
    }
    return {
      to: d.to,
      ticket: d.patch.flags ? { flags: d.patch.flags } : {},
      row: rowPatch,
      event: d.event,
      cancel: d.cancel,
      schedule: d.schedule,
      notices: d.notices,
      ...(d.effects.length > 0 ? { after: (t: Executor, after: TicketRow) => applyRenovationEffects(t, after, d.effects, p, now) } : {}),
    };
  },
  async fireTimer({ ticket, row, timer, now }) {
    const result = fireRenovationTimer(toRenovation(ticket, row), { kind: timer.kind as RenovationTimerKind, level: timer.level }, now);
    if (!result.isRelevant) return moot;
    const ids = result.overdueViolationIds;
    return {
      isRelevant: true,
      ticket: { flags: withFlag(ticket.flags, result.flag) },
      event: result.event,
      cancel: [],
      schedule: result.next ? [result.next] : [],
      notices: result.notices,
      ...(ids.length > 0
        ? {
            after: async (tx: Executor) => {
              for (const id of ids) await tx.update(renovationViolations).set({ status: 'overdue' }).where(eq(renovationViolations.id, id));
            },
          }
        : {}),
    };
  },
};
