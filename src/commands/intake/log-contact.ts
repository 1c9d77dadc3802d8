import { randomUUID } from 'node:crypto';
import type { CreateContactBody, TriageBody } from '../../contract/intake.js';
import { logContact as logContactRule, type TriagePayload } from '../../domain/intake/decide.js';
import { contacts } from '../../db/schema/index.js';
import { createRepairOrder } from '../create-repair-order.js';
import { type Deps, loadPolicy, type Principal, requirePermission, writableCommunity } from '../context.js';
import { placeOf } from '../matters/create-matter.js';
import { resolveIntakeNotices } from '../tickets/contact-kind.js';
import { insertTicket, nextTicketNumber } from '../tickets/create.js';
import { applyTicketAction } from '../tickets/engine.js';
import { recordEvent } from '../tickets/history.js';
import { departmentHeadOf } from './people.js';
import { checkReferral, createReferredTicket, type EntryFacts, repairBodyOf } from './refer.js';

/** The rules' part of a triage request. */
export const triagePayloadOf = (t: TriageBody): TriagePayload => ({
  category: t.category,
  ...(t.emergencyKind ? { emergencyKind: t.emergencyKind } : {}),
  ...(t.isAnsweredOnSpot !== undefined ? { isAnsweredOnSpot: t.isAnsweredOnSpot } : {}),
  ...(t.answer ? { answer: t.answer } : {}),
});

/**
 * Logs a contact on the duty log (值班记录); the person logging it owns it until it closes
 * (首问责任制). Triaged at once, it may open a repair order, a matter or a complaint, linked
 * to the entry. Every check runs before anything is written; a repair order (which keeps its own
 * transaction) is created last before the entry, so a refusal leaves nothing behind.
 */
export async function logContact(deps: Deps, p: Principal, body: CreateContactBody): Promise<{ id: string; number: string }> {
  requirePermission(p, 'contact.create');
  const now = deps.clock.now();
  const db = deps.database.db;
  const community = await writableCommunity(db, p, body.communityId);
  const communityId = community.id;
  const policy = await loadPolicy(db, p.companyId, communityId);
  const departmentHeadId = await departmentHeadOf(db, communityId, p);
  const logged = logContactRule(
    {
      channel: body.channel,
      content: body.content,
      departmentHeadId,
      ...(body.isWritten !== undefined ? { isWritten: body.isWritten } : {}),
      ...(body.triage ? { triage: triagePayloadOf(body.triage) } : {}),
    },
    { actor: p, policy: policy.intake, now },
  );
  const place = await placeOf(db, communityId, { roomId: body.roomId, location: body.location, phone: body.callerPhone });
  const facts: EntryFacts = {
    communityId,
    channel: body.channel,
    isWritten: logged.entry.isWritten,
    callerName: body.callerName,
    callerPhone: body.callerPhone ?? '',
    roomId: place.roomId,
    location: place.location,
    content: body.content,
  };
  const refer = logged.createTicket;
  if (refer && body.triage) checkReferral(refer.kind, facts, body.triage);
  const repairId =
    refer?.kind === 'repair' && body.triage ? (await createRepairOrder(deps, p, repairBodyOf(facts, body.triage, refer.isPaid))).id : null;

  return db.transaction(async (tx) => {
    const number = await nextTicketNumber(tx, community, 'ZB', policy.timezone, now);
    const id = randomUUID();
    const { entry } = logged;
    const [first, ...rest] = logged.events;
    await insertTicket(tx, {
      ticket: {
        id,
        companyId: p.companyId,
        communityId,
        kind: 'contact',
        number,
        status: entry.status,
        ...place,
        reporterName: body.callerName,
        reporterPhone: body.callerPhone ?? '',
        channel: body.channel,
        content: body.content,
        urgency: entry.category === 'emergency' ? 'urgent' : 'normal',
        assigneeId: entry.ownerId,
        flags: [],
        createdById: p.id,
        createdByName: p.name,
        policy,
        createdAt: now,
        updatedAt: now,
      },
      insertKindRow: async (ex) => {
        await ex.insert(contacts).values({
          ticketId: id,
          isWritten: entry.isWritten,
          category: entry.category,
          emergencyKind: entry.emergencyKind,
          firstOwnerId: entry.firstOwnerId,
          ownerId: entry.ownerId,
          departmentHeadId: entry.departmentHeadId,
          replyDueAt: entry.replyDueAt,
          ticketKindToCreate: entry.ticketKindToCreate,
          ...(entry.status === 'closed' && body.triage?.answer ? { answer: body.triage.answer, replyMethod: 'in_person' } : {}),
        });
      },
      actor: p,
      event: { type: first!.type, data: { ...first!.data, number } },
      schedule: logged.schedule,
      notices: await resolveIntakeNotices(tx, communityId, logged.notices),
      now,
    });
    for (const e of rest) await recordEvent(tx, { id, companyId: p.companyId, communityId }, p, 'logged', entry.status, e, now);
    if (refer && body.triage) {
      const ticketId = repairId ?? (await createReferredTicket(tx, deps, p, refer.kind, facts, body.triage, now));
      await applyTicketAction(tx, p, id, 'contact', 'link_ticket', { ticketKind: refer.kind, ticketId }, now);
    }
    return { id, number };
  });
}
