import type { z } from 'zod';
import type { matterDetail, matterSummary } from '../../contract/matter.js';
import type { getMatter, MatterListRow } from '../../commands/matters/query-matters.js';
import { iso, presentEvents, presentTimers } from './ticket.js';

type Summary = z.infer<typeof matterSummary>;
type Detail = z.infer<typeof matterDetail>;

const nameOf = (row: MatterListRow, id: string | null) => (id ? (row.names.get(id) ?? null) : null);

/** A matter as lists show it. */
export function presentMatter(row: MatterListRow): Summary {
  const { ticket, matter: m } = row;
  return {
    id: ticket.id,
    number: ticket.number,
    communityId: ticket.communityId,
    communityName: row.communityName,
    status: ticket.status as Summary['status'],
    category: m.category,
    isMajor: m.isMajor,
    content: ticket.content,
    location: ticket.location,
    reporterName: ticket.reporterName,
    reporterPhone: ticket.reporterPhone,
    ownerId: m.ownerId,
    ownerName: nameOf(row, m.ownerId),
    supervisorId: m.supervisorId,
    supervisorName: nameOf(row, m.supervisorId),
    department: m.department as Summary['department'],
    handlerId: m.handlerId,
    handlerName: nameOf(row, m.handlerId),
    result: m.result,
    completedAt: iso(m.completedAt),
    reopenCount: m.reopenCount,
    flags: ticket.flags,
    createdAt: iso(ticket.createdAt)!,
    updatedAt: iso(ticket.updatedAt)!,
  };
}

export function presentMatterDetail(d: Awaited<ReturnType<typeof getMatter>>): Detail {
  return {
    ...presentMatter(d.row),
    roomId: d.row.ticket.roomId,
    channel: d.row.ticket.channel,
    createdByName: d.row.ticket.createdByName,
    events: presentEvents(d.events),
    timers: presentTimers(d.timers),
    visits: d.visits.map((v) => ({ id: v.id, status: v.status, dueAt: iso(v.dueAt)!, isHomeVisitRequired: v.isHomeVisitRequired })),
    fromContact: d.fromContact,
    allowedActions: d.allowedActions,
  };
}
