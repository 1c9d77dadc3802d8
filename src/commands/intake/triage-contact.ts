import { eq } from 'drizzle-orm';
import type { TriageBody } from '../../contract/intake.js';
import { decideIntake, ticketKindOf } from '../../domain/intake/decide.js';
import { forbidden, notFound } from '../../domain/shared/errors.js';
import { tickets } from '../../db/schema/index.js';
import { createRepairOrder } from '../create-repair-order.js';
import { type Deps, type Principal, policyOf } from '../context.js';
import { canSeeContact, contactKind, toEntry } from '../tickets/contact-kind.js';
import { applyTicketAction } from '../tickets/engine.js';
import { triagePayloadOf } from './log-contact.js';
import { checkReferral, createReferredTicket, factsOf, repairBodyOf } from './refer.js';

/**
 * Triages a logged entry (分类). Into repair, matter or complaint, the ticket is created and linked
 * with the triage; the rules are asked first, so a refused triage creates nothing.
 */
export async function triageContact(deps: Deps, p: Principal, id: string, body: TriageBody): Promise<void> {
  const now = deps.clock.now();
  const db = deps.database.db;
  const payload = triagePayloadOf(body);
  const kind = ticketKindOf[body.category];
  let repairId: string | null = null;
  if (kind) {
    const [ticket] = await db.select().from(tickets).where(eq(tickets.id, id));
    const row = ticket?.kind === 'contact' ? await contactKind.load(db, id) : null;
    if (!ticket || !row || ticket.companyId !== p.companyId || !canSeeContact(p, ticket, row)) throw notFound({ zh: '记录', en: 'Entry' });
    if (!contactKind.whoMay('triage')?.includes(p.role)) throw forbidden();
    decideIntake(toEntry(ticket, row), { action: 'triage', ...payload }, { actor: p, policy: policyOf(ticket).intake, now });
    const facts = factsOf(ticket, row.isWritten);
    checkReferral(kind, facts, body);
    if (kind === 'repair') repairId = (await createRepairOrder(deps, p, repairBodyOf(facts, body, body.category === 'paid_service'))).id;
  }
  await db.transaction(async (tx) => {
    const { status, ticket } = await applyTicketAction(tx, p, id, 'contact', 'triage', payload, now);
    if (status !== 'referred' || !kind) return;
    const row = await contactKind.load(tx, id);
    const ticketId = repairId ?? (await createReferredTicket(tx, deps, p, kind, factsOf(ticket, row!.isWritten), body, now));
    await applyTicketAction(tx, p, id, 'contact', 'link_ticket', { ticketKind: kind, ticketId }, now);
  });
}
