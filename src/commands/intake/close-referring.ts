import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { TicketRow } from '../../db/repositories/repair-orders.js';
import { contacts, tickets } from '../../db/schema/index.js';
import { systemPrincipal } from '../tickets/kind.js';
import { applyTicketAction } from '../tickets/engine.js';

/**
 * A duty-log entry referred to a ticket is done when that ticket is: closing (or cancelling) the
 * ticket closes the entries that became it, in the same transaction.
 */
export async function closeReferringEntries(
  tx: Executor,
  ticket: Pick<TicketRow, 'id' | 'kind' | 'number' | 'status' | 'companyId' | 'communityId'>,
  now: Date,
): Promise<void> {
  if (ticket.kind === 'contact') return;
  const rows = await tx
    .select({ id: contacts.ticketId })
    .from(contacts)
    .innerJoin(tickets, eq(tickets.id, contacts.ticketId))
    .where(and(eq(contacts.linkedTicketId, ticket.id), eq(tickets.status, 'referred')));
  const result =
    ticket.status === 'closed'
      ? `关联工单${ticket.number}已办结 / ${ticket.number} closed`
      : `关联工单${ticket.number}已终止（${ticket.status}） / ${ticket.number} ${ticket.status}`;
  for (const r of rows) await applyTicketAction(tx, systemPrincipal(ticket), r.id, 'contact', 'close', { result }, now);
}
