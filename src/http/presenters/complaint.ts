import type { z } from 'zod';
import type { getComplaint, ComplaintListRow } from '../../commands/complaints/query-complaints.js';
import type { complaintDetail, complaintSummary } from '../../contract/complaint.js';
import { iso, presentEvents, presentTimers } from './ticket.js';

type Summary = z.infer<typeof complaintSummary>;
type Detail = z.infer<typeof complaintDetail>;

/** A complaint as lists show it; rows never leave the server unmapped. */
export function presentComplaintSummary(row: ComplaintListRow): Summary {
  const { ticket, complaint: c } = row;
  const timer = row.nextTimer as { kind: string; dueAt: string; level: number; status: string } | null;
  return {
    id: ticket.id,
    number: ticket.number,
    communityId: ticket.communityId,
    communityName: row.communityName,
    status: ticket.status as Summary['status'],
    complaintClass: c.complaintClass as Summary['complaintClass'],
    isSerious: c.isSerious,
    isForwarded: c.isForwarded,
    channel: ticket.channel,
    form: c.form as Summary['form'],
    complainantName: ticket.reporterName,
    complainantPhone: ticket.reporterPhone,
    location: ticket.location,
    content: ticket.content,
    householdCount: (c.households as unknown[]).length,
    escalationLevel: c.escalationLevel,
    flags: ticket.flags,
    createdAt: iso(ticket.createdAt)!,
    updatedAt: iso(ticket.updatedAt)!,
    nextTimer: timer ? { kind: timer.kind, dueAt: iso(timer.dueAt)!, level: timer.level, status: timer.status } : null,
  };
}

/** A complaint with everything its detail page shows. */
export function presentComplaintDetail(d: Awaited<ReturnType<typeof getComplaint>>): Detail {
  const { ticket, complaint: c } = d.row;
  const onSpot = c.onSpot as { handledAt: string; handledById: string; result: string } | null;
  const referral = c.referral as { party: string; department: string; recipient: string; at: string } | null;
  const reply = c.reply as { method: string; hasWrittenCopy: boolean; at: string } | null;
  return {
    ...presentComplaintSummary(d.row),
    residentId: ticket.residentId,
    households: c.households as Detail['households'],
    placeKey: c.placeKey,
    createdByName: ticket.createdByName,
    isDeveloperCaused: c.isDeveloperCaused,
    onSpot: onSpot ? { ...onSpot, handledAt: iso(onSpot.handledAt)! } : null,
    isOnSpotReportLate: c.isOnSpotReportLate,
    classifiedAt: iso(c.classifiedAt),
    agreedReplyAt: iso(c.agreedReplyAt),
    referral: referral ? { ...referral, at: iso(referral.at)! } : null,
    solvingDepartment: c.solvingDepartment,
    resultSummary: c.resultSummary,
    signedOffAt: iso(c.signedOffAt),
    incidentReportFiledAt: iso(c.incidentReportFiledAt),
    reply: reply ? { ...reply, at: iso(reply.at)! } : null,
    replySummary: c.replySummary,
    centreReportedAt: iso(c.centreReportedAt),
    visitOutcome: c.visitOutcome,
    escalationRung: d.escalationRung,
    linkedFrom: d.linkedFrom,
    successors: d.successors,
    mergedFrom: d.mergedFrom,
    mergedInto: d.mergedInto,
    events: presentEvents(d.events),
    timers: presentTimers(d.timers),
    visits: d.visits.map((v) => ({ id: v.id, status: v.status, dueAt: iso(v.dueAt)!, outcome: v.outcome })),
    allowedActions: d.allowedActions,
  };
}
