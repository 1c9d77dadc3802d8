import type { VisitDetail, VisitSummary } from '../../contract/visit.js';
import type { VisitListRow } from '../../db/repositories/visits.js';
import type { getVisit } from '../../commands/visits/query-visits.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A task as the list shows it; overdue when its visit or its rectification notice is late. */
export function presentVisitSummary(r: VisitListRow, now: Date, allowedActions: VisitSummary['allowedActions']): VisitSummary {
  const v = r.visit;
  const isOpen = ['pending', 'booked', 'rectifying', 'reprocessing'].includes(v.status);
  const isVisitLate = (v.status === 'pending' || v.status === 'booked') && v.dueAt.getTime() <= now.getTime();
  const isNoticeLate = isOpen && v.rectificationDueAt !== null && v.rectificationDueAt.getTime() <= now.getTime();
  return {
    id: v.id,
    ticketId: v.ticketId,
    ticketKind: v.ticketKind,
    ticketNumber: r.ticketNumber,
    ticketStatus: r.ticketStatus,
    communityId: v.communityId,
    communityName: r.communityName,
    content: r.content,
    location: r.location,
    reporterName: r.reporterName,
    reporterPhone: r.reporterPhone,
    assigneeName: r.assigneeName ?? null,
    category: v.category,
    status: v.status,
    duty: v.duty,
    round: v.round,
    dueAt: v.dueAt.toISOString(),
    isOverdue: isVisitLate || isNoticeLate,
    isHomeVisitRequired: v.isHomeVisitRequired,
    flags: v.flags,
    visitorId: v.visitorId,
    visitorName: r.visitorName ?? null,
    technicianId: v.technicianId,
    technicianName: r.technicianName ?? null,
    appointmentAt: iso(v.appointmentAt),
    rectificationDueAt: iso(v.rectificationDueAt),
    samplingPeriod: v.samplingPeriod,
    outcome: v.outcome,
    method: v.method,
    comment: v.comment,
    visitedByName: v.visitedByName,
    visitedAt: iso(v.visitedAt),
    allowedActions,
  };
}

export function presentVisitDetail(d: Awaited<ReturnType<typeof getVisit>>, now: Date): VisitDetail {
  const v = d.visit;
  return {
    ...presentVisitSummary(d, now, d.allowedActions),
    chargeCheck: v.chargeCheck,
    signature: v.signature,
    hasRefusedToSign: v.hasRefusedToSign,
    apology: v.apology,
    problems: v.problems,
    rectificationNotice: v.rectificationNotice,
    events: d.events.map((e) => ({
      type: e.type,
      actorName: e.actorName,
      at: e.at.toISOString(),
      data: e.data as Record<string, unknown>,
    })),
    visitorOptions: d.visitorOptions,
  };
}
