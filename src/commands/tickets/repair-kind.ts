import type { z } from 'zod';
import type { ActionPath, actionBodies } from '../../contract/repair.js';
import { decide, type PromisedTime, type RepairCommand, type RepairOrder, type TimerKind } from '../../domain/repair/decide.js';
import { fireTimer } from '../../domain/repair/fire-timer.js';
import { type OverdueFlag, type RepairAction, type RepairStatus, repairActions, repairRules } from '../../domain/repair/machine.js';
import { recordFieldsFor } from '../../domain/repair/record-fields.js';
import { invalid } from '../../domain/shared/errors.js';
import { getUser } from '../../db/repositories/org.js';
import { type RepairInsert, type RepairRow, type TicketRow, updateRepair } from '../../db/repositories/repair-orders.js';
import { repairOrders } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import { eq } from 'drizzle-orm';
import { canSeeTicket, isOwner } from '../context.js';
import { isCodeCorrect } from '../repair-code.js';
import { type TicketKind, moot, withFlag } from './kind.js';
import { settleVisitFromTicket } from './visit-tasks.js';

type Bodies = { [K in ActionPath]: z.infer<(typeof actionBodies)[K]> };

/** The rules' view of a stored order. */
export function toDomainOrder(ticket: TicketRow, repair: RepairRow): RepairOrder {
  return {
    status: ticket.status as RepairStatus,
    assigneeId: ticket.assigneeId,
    urgency: ticket.urgency as RepairOrder['urgency'],
    timing: repair.timing as RepairOrder['timing'],
    createdAt: ticket.createdAt,
    appointmentAt: repair.appointmentAt,
    promisedTimes: repair.promisedTimes as PromisedTime[],
    codeAttempts: repair.codeAttempts,
    verifiedAt: repair.verifiedAt,
    flags: ticket.flags as OverdueFlag[],
    reopenCount: repair.reopenCount,
    labourFeeCents: repair.labourFeeCents,
    materialFeeCents: repair.materialFeeCents,
    quoteCents: repair.quoteCents,
    feeStatus: repair.feeStatus as RepairOrder['feeStatus'],
    ownerResidentIds: ticket.residentId ? [ticket.residentId] : [],
  };
}

async function toCommand(
  ex: Executor,
  path: ActionPath,
  body: Bodies[ActionPath],
  ticket: TicketRow,
  repair: RepairRow,
): Promise<RepairCommand> {
  const b = body as Record<string, unknown>;
  switch (path) {
    case 'assign': {
      const tech = await getUser(ex, b.technicianId as string);
      if (tech?.role !== 'technician' || tech.companyId !== ticket.companyId || !tech.isActive || tech.communityId !== ticket.communityId) {
        throw invalid('technician_elsewhere', { zh: '该师傅不属于本小区', en: 'That technician works in another community' }, [
          { field: 'technicianId', message: { zh: '请选择本小区的维修师傅', en: 'Choose a technician of this community' } },
        ]);
      }
      return {
        action: 'assign',
        technicianId: tech.id,
        technicianCommunityId: ticket.communityId,
        ...(b.note ? { note: b.note as string } : {}),
      };
    }
    case 'verify-code':
      return { action: 'verify_code', isCodeCorrect: isCodeCorrect(ticket.id, b.code as string, repair.codeHash) };
    case 'reschedule':
      return { action: 'reschedule', appointmentAt: new Date(b.appointmentAt as string), reason: b.reason as string };
    default:
      return { action: path.replaceAll('-', '_'), ...b } as RepairCommand;
  }
}

const pathOf = (action: string) => action.replaceAll('_', '-') as ActionPath;

/** 报修: the repair order as the ticket engine drives it. */
export const repairKind: TicketKind<RepairRow, Partial<RepairInsert>> = {
  kind: 'repair',
  viewPermission: 'repair.view',
  load: async (ex, id) => (await ex.select().from(repairOrders).where(eq(repairOrders.ticketId, id)))[0] ?? null,
  save: (ex, id, patch) => updateRepair(ex, id, patch),
  canSee: (p, ticket, _row, action) =>
    canSeeTicket(p, ticket) ||
    // A technician who lost a grab race still sees the order long enough to hear "already taken".
    (action === 'grab' && p.role === 'technician' && ticket.communityId === p.communityId),
  whoMay: (action) => ((repairActions as readonly string[]).includes(action) ? repairRules[action as RepairAction].who : null),
  async decide({ tx, p, ticket, row: repair, action, body, policy, now }) {
    const command = await toCommand(tx, pathOf(action), body as Bodies[ActionPath], ticket, repair);
    // Assignment moves the community's own technician; the scope check above covered the order.
    const decision = decide(toDomainOrder(ticket, repair), command, {
      actor: p.role === 'resident' ? p : { ...p, communityId: p.communityId ?? ticket.communityId },
      isOwner: isOwner(p, ticket),
      policy: policy.repair,
      timezone: policy.timezone,
      now,
    });
    const { closedAt, ...record } = recordFieldsFor(command, decision, now);
    const { patch } = decision;
    const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
    return {
      to: decision.to,
      ticket: defined({ assigneeId: patch.assigneeId, flags: patch.flags, closedAt }),
      row: defined({
        ...record,
        timing: patch.timing,
        appointmentAt: patch.appointmentAt,
        promisedTimes: patch.promisedTimes,
        codeAttempts: patch.codeAttempts,
        verifiedAt: patch.verifiedAt,
        reopenCount: patch.reopenCount,
        labourFeeCents: patch.labourFeeCents,
        materialFeeCents: patch.materialFeeCents,
        quoteCents: patch.quoteCents,
        feeStatus: patch.feeStatus,
      }),
      event: decision.event,
      cancel: decision.cancel,
      // The follow-up visit task owns the visit's deadline (its own timers), not the order.
      schedule: decision.visitDueAt ? decision.schedule.filter((s) => s.kind !== 'visit_due') : decision.schedule,
      notices: decision.notices,
      ...(decision.visitDueAt ? { visit: { dueAt: decision.visitDueAt, category: repair.category, technicianId: ticket.assigneeId } } : {}),
      ...(decision.refusal ? { refusal: decision.refusal } : {}),
      ...(command.action === 'visit'
        ? {
            // Recorded from the order itself: the open visit task takes the outcome (a visit
            // recorded on the task has already left it, so this finds nothing to do then).
            after: (ex: Executor) => settleVisitFromTicket(ex, ticket, p, command, now),
          }
        : {}),
    };
  },
  async fireTimer({ ticket, timer, policy, now }) {
    const result = fireTimer(
      { status: ticket.status as RepairStatus, flags: ticket.flags as OverdueFlag[] },
      { kind: timer.kind as TimerKind, level: timer.level },
      policy.repair,
      now,
    );
    if (!result.isRelevant) return moot;
    const flags = withFlag(ticket.flags, result.flag);
    return {
      isRelevant: true,
      ticket: { flags },
      event: result.event,
      cancel: [],
      schedule: result.next ? [result.next] : [],
      notices: result.notices,
    };
  },
};
