import type { z } from 'zod';
import type { contactDetail, contactSummary, residentContact } from '../../contract/intake.js';
import type { ContactListRow, getContact } from '../../commands/intake/query-contacts.js';
import { iso, presentEvents, presentTimers } from './ticket.js';

type Summary = z.infer<typeof contactSummary>;
type Detail = z.infer<typeof contactDetail>;
type Resident = z.infer<typeof residentContact>;

function linkedOf(row: ContactListRow): Summary['linkedTicket'] {
  const c = row.contact;
  if (!c.linkedTicketId) return null;
  return {
    kind: c.linkedTicketKind as 'repair' | 'matter' | 'complaint',
    id: c.linkedTicketId,
    number: row.linked?.number ?? null,
    status: row.linked?.status ?? null,
  };
}

/** A duty-log entry as lists and the banner show it. */
export function presentContact(row: ContactListRow): Summary {
  const { ticket, contact: c, names } = row;
  return {
    id: ticket.id,
    number: ticket.number,
    communityId: ticket.communityId,
    communityName: row.communityName,
    status: ticket.status as Summary['status'],
    channel: ticket.channel as Summary['channel'],
    isWritten: c.isWritten,
    category: c.category as Summary['category'],
    emergencyKind: c.emergencyKind as Summary['emergencyKind'],
    callerName: ticket.reporterName,
    callerPhone: ticket.reporterPhone,
    roomId: ticket.roomId,
    location: ticket.location,
    content: ticket.content,
    firstOwnerId: c.firstOwnerId,
    firstOwnerName: names.get(c.firstOwnerId) ?? null,
    ownerId: c.ownerId,
    ownerName: names.get(c.ownerId) ?? null,
    isEscalated: c.isEscalated,
    responderId: c.responderId,
    responderName: c.responderId ? (names.get(c.responderId) ?? null) : null,
    replyDueAt: iso(c.replyDueAt),
    answer: c.answer,
    flags: ticket.flags,
    linkedTicket: linkedOf(row),
    createdAt: iso(ticket.createdAt)!,
    updatedAt: iso(ticket.updatedAt)!,
    closedAt: iso(ticket.closedAt),
  };
}

export function presentContactDetail(d: Awaited<ReturnType<typeof getContact>>): Detail {
  const { row } = d;
  return {
    ...presentContact(row),
    departmentHeadId: row.contact.departmentHeadId,
    departmentHeadName: row.names.get(row.contact.departmentHeadId) ?? null,
    escalationReason: row.contact.escalationReason,
    replyMethod: row.contact.replyMethod,
    createdByName: row.ticket.createdByName,
    events: presentEvents(d.events),
    timers: presentTimers(d.timers),
    allowedActions: d.allowedActions,
  };
}

/** The resident's view: no staff names, no internal flags. */
export function presentResidentContact(row: ContactListRow): Resident {
  const { ticket, contact: c } = row;
  const isAnswered = c.answer !== null;
  return {
    id: ticket.id,
    number: ticket.number,
    communityName: row.communityName,
    channel: ticket.channel as Resident['channel'],
    category: c.category as Resident['category'],
    status: ticket.status as Resident['status'],
    content: ticket.content,
    createdAt: iso(ticket.createdAt)!,
    replyDueAt: iso(c.replyDueAt),
    answer: c.answer,
    answeredAt: isAnswered ? iso(ticket.closedAt ?? ticket.updatedAt) : null,
    linkedTicket: linkedOf(row),
  };
}
