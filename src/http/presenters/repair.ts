import type { z } from 'zod';
import type { repairDetail, repairSummary } from '../../contract/repair.js';
import type { getRepairOrder } from '../../commands/query-repair-orders.js';
import type { RepairListRow } from '../../db/repositories/repair-orders.js';
import { iso, presentEvents, presentTimers } from './ticket.js';

type Summary = z.infer<typeof repairSummary>;
type Detail = z.infer<typeof repairDetail>;

/** An order as lists and boards show it; rows never leave the server unmapped. */
export function presentSummary(row: RepairListRow): Summary {
  const { ticket, repair } = row;
  const timer = row.nextTimer as { kind: string; dueAt: string; level: number; status: string } | null;
  return {
    id: ticket.id,
    number: ticket.number,
    communityId: ticket.communityId,
    communityName: row.communityName,
    status: ticket.status as Summary['status'],
    category: repair.category as Summary['category'],
    area: repair.area as Summary['area'],
    urgency: ticket.urgency as Summary['urgency'],
    timing: repair.timing as Summary['timing'],
    appointmentAt: iso(repair.appointmentAt),
    location: ticket.location,
    reporterName: ticket.reporterName,
    reporterPhone: ticket.reporterPhone,
    content: ticket.content,
    assigneeId: ticket.assigneeId,
    assigneeName: row.assigneeName ?? null,
    flags: ticket.flags,
    feeStatus: repair.feeStatus as Summary['feeStatus'],
    reopenCount: repair.reopenCount,
    createdAt: iso(ticket.createdAt)!,
    updatedAt: iso(ticket.updatedAt)!,
    nextTimer: timer ? { kind: timer.kind, dueAt: iso(timer.dueAt)!, level: timer.level, status: timer.status } : null,
  };
}

export function presentDetail(d: Awaited<ReturnType<typeof getRepairOrder>>): Detail {
  const { ticket, repair } = d.row;
  const policy = ticket.policy as { repair: { codeMaxAttempts: number } };
  return {
    ...presentSummary(d.row),
    roomId: ticket.roomId,
    residentId: ticket.residentId,
    channel: ticket.channel,
    createdByName: ticket.createdByName,
    requestedTechnicianId: repair.requestedTechnicianId,
    promisedTimes: repair.promisedTimes as Detail['promisedTimes'],
    codeAttempts: repair.codeAttempts,
    codeMaxAttempts: policy.repair.codeMaxAttempts,
    verifiedAt: iso(repair.verifiedAt),
    verifiedBy: repair.verifiedBy,
    actualItems: repair.actualItems,
    summary: repair.summary,
    labourFeeCents: repair.labourFeeCents,
    materialFeeCents: repair.materialFeeCents,
    customerMaterialRating: repair.customerMaterialRating,
    holdReason: repair.holdReason,
    holdNote: repair.holdNote,
    quoteDescription: repair.quoteDescription,
    quoteCents: repair.quoteCents,
    satisfaction: repair.satisfaction,
    photos: d.photos.map((p) => ({ id: p.id, mime: p.mime, url: `/api/photos/${p.id}` })),
    events: presentEvents(d.events),
    timers: presentTimers(d.timers),
    visits: d.visits.map((v) => ({
      id: v.id,
      status: v.status,
      dueAt: iso(v.dueAt)!,
      outcome: v.outcome,
      method: v.method,
      comment: v.comment,
      visitedByName: v.visitedByName,
      visitedAt: iso(v.visitedAt),
    })),
    allowedActions: d.allowedActions,
  };
}
