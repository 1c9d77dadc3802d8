import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ActionPath, actionBodies } from '../contract/repair.js';
import { decide, type PromisedTime, type RepairCommand, type RepairOrder } from '../domain/repair/decide.js';
import { type OverdueFlag, type RepairAction, type RepairStatus, repairRules } from '../domain/repair/machine.js';
import { recordFieldsFor } from '../domain/repair/record-fields.js';
import { forbidden, invalid, notFound } from '../domain/shared/errors.js';
import { getUser } from '../db/repositories/org.js';
import {
  appendEvent,
  completePendingVisit,
  insertVisit,
  lockRepairOrder,
  type RepairRow,
  type TicketRow,
  updateRepair,
  updateTicket,
} from '../db/repositories/repair-orders.js';
import { cancelTimers } from '../db/repositories/timers.js';
import type { Executor } from '../db/client.js';
import { publishLive, ticketChanged } from '../notify/live.js';
import { canSeeTicket, type Deps, deliverNotices, isOwner, type Principal, policyOf, scheduleTicketTimers } from './context.js';
import { isCodeCorrect } from './repair-code.js';

const actionOf = (path: ActionPath) => path.replaceAll('-', '_') as RepairAction;

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

async function toCommand<K extends ActionPath>(
  ex: Executor,
  path: K,
  body: Bodies[K],
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

/**
 * Takes one lifecycle action on a repair order: the rules decide, then in one transaction the
 * order changes, its history gains the event, its timers are cancelled or scheduled, and the
 * people concerned are told.
 */
export async function runRepairAction<K extends ActionPath>(
  deps: Deps,
  p: Principal,
  ticketId: string,
  path: K,
  body: Bodies[K],
): Promise<void> {
  const now = deps.clock.now();
  const refusal = await deps.database.db.transaction(async (tx) => {
    const loaded = await lockRepairOrder(tx, ticketId);
    // A technician who lost a grab race still sees the order long enough to hear "already taken".
    const isGrabInOwnCommunity =
      path === 'grab' && loaded?.ticket.communityId === p.communityId && loaded?.ticket.companyId === p.companyId;
    if (!loaded || !(canSeeTicket(p, loaded.ticket) || (isGrabInOwnCommunity && p.role === 'technician'))) {
      throw notFound({ zh: '工单', en: 'Order' });
    }
    const { ticket, repair } = loaded;
    // Who may act is settled before the payload is looked at, so a refusal reveals nothing of it.
    if (!repairRules[actionOf(path)].who.includes(p.role)) throw forbidden();
    const policy = policyOf(ticket);
    const command = await toCommand(tx, path, body, ticket, repair);
    // Assignment moves the community's own technician; the scope check above covered the order.
    const decision = decide(toDomainOrder(ticket, repair), command, {
      actor: p.role === 'resident' ? p : { ...p, communityId: p.communityId ?? ticket.communityId },
      isOwner: isOwner(p, ticket),
      policy: policy.repair,
      timezone: policy.timezone,
      now,
    });
    const record = recordFieldsFor(command, decision, now);
    const { patch } = decision;

    await updateTicket(tx, ticket.id, {
      status: decision.to,
      updatedAt: now,
      ...(patch.assigneeId !== undefined ? { assigneeId: patch.assigneeId } : {}),
      ...(patch.flags !== undefined ? { flags: patch.flags } : {}),
      ...(record.closedAt !== undefined ? { closedAt: record.closedAt } : {}),
    });
    const { closedAt: _closed, ...repairRecord } = record;
    await updateRepair(tx, ticket.id, {
      ...repairRecord,
      ...(patch.timing !== undefined ? { timing: patch.timing } : {}),
      ...(patch.appointmentAt !== undefined ? { appointmentAt: patch.appointmentAt } : {}),
      ...(patch.promisedTimes !== undefined ? { promisedTimes: patch.promisedTimes } : {}),
      ...(patch.codeAttempts !== undefined ? { codeAttempts: patch.codeAttempts } : {}),
      ...(patch.verifiedAt !== undefined ? { verifiedAt: patch.verifiedAt } : {}),
      ...(patch.reopenCount !== undefined ? { reopenCount: patch.reopenCount } : {}),
      ...(patch.labourFeeCents !== undefined ? { labourFeeCents: patch.labourFeeCents } : {}),
      ...(patch.materialFeeCents !== undefined ? { materialFeeCents: patch.materialFeeCents } : {}),
      ...(patch.quoteCents !== undefined ? { quoteCents: patch.quoteCents } : {}),
      ...(patch.feeStatus !== undefined ? { feeStatus: patch.feeStatus } : {}),
    });
    await appendEvent(tx, {
      id: randomUUID(),
      companyId: ticket.companyId,
      communityId: ticket.communityId,
      ticketId: ticket.id,
      type: decision.event.type,
      actorKind: p.kind,
      actorId: p.id,
      actorName: p.name,
      actorRole: p.role,
      fromStatus: ticket.status,
      toStatus: decision.to,
      data: decision.event.data,
      at: now,
    });
    await cancelTimers(tx, ticket.id, decision.cancel);
    await scheduleTicketTimers(tx, ticket, decision.schedule, now);
    if (decision.visitDueAt) {
      await insertVisit(tx, {
        id: randomUUID(),
        companyId: ticket.companyId,
        communityId: ticket.communityId,
        ticketId: ticket.id,
        status: 'pending',
        dueAt: decision.visitDueAt,
        createdAt: now,
      });
    }
    if (command.action === 'visit') {
      await completePendingVisit(tx, ticket.id, {
        method: command.method,
        outcome: command.outcome,
        comment: command.comment,
        visitedById: p.id,
        visitedByName: p.name,
        visitedAt: now,
      });
    }
    await deliverNotices(tx, ticket, decision.notices, decision.event.type, now);
    await publishLive(
      tx,
      ticketChanged({ ...ticket, assigneeId: patch.assigneeId !== undefined ? patch.assigneeId : ticket.assigneeId }, decision.to),
    );
    return decision.refusal ?? null;
  });
  // A refused code is stored (attempts count) and then reported.
  if (refusal) throw refusal;
}
