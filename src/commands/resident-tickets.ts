import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { decideRating, followedKinds, type RatingInput, ratableStates } from '../domain/rating/rating.js';
import { forbidden, notFound } from '../domain/shared/errors.js';
import { communities, complaints, contacts, matters, repairOrders, ticketRatings, tickets } from '../db/schema/index.js';
import { publishLive, ticketChanged } from '../notify/live.js';
import { type Deps, deliverNotices, isOwner, type Principal } from './context.js';
import { recordEvent } from './tickets/history.js';

/** Duty-log entries a resident follows themselves: the desk answers these (the rest become tickets). */
const answeredContactCategories = ['consultation', 'suggestion', 'help'];

const latestRating = sql<{ outcome: string; comment: string; createdAt: string } | null>`(
  select json_build_object('outcome', ${ticketRatings.outcome}, 'comment', ${ticketRatings.comment}, 'createdAt', ${ticketRatings.createdAt})
  from ${ticketRatings} where ${ticketRatings.ticketId} = ${tickets.id}
  order by ${ticketRatings.createdAt} desc limit 1)`;

/**
 * Everything a resident follows on their phone, newest first: their households' repairs,
 * complaints (also collective cases their household is part of), matters and the consultations,
 * suggestions and help requests the desk answers, each with its answer and their own rating.
 */
export async function listMyTickets(deps: Deps, p: Principal, kind?: string) {
  if (p.role !== 'resident') throw forbidden();
  const db = deps.database.db;
  const mine = or(
    p.roomIds.length ? inArray(tickets.roomId, p.roomIds) : undefined,
    p.residentIds.length ? inArray(tickets.residentId, p.residentIds) : undefined,
    p.roomIds.length
      ? sql`${tickets.partyRoomIds} && array[${sql.join(
          p.roomIds.map((r) => sql`${r}`),
          sql`, `,
        )}]::uuid[]`
      : undefined,
  );
  if (!mine) return [];
  // A call logged without a room is still the caller's own: matched by their phone (as /api/my/contacts does).
  const mineOrCalled = p.phone ? or(mine, and(eq(tickets.kind, 'contact'), eq(tickets.reporterPhone, p.phone))) : mine;
  const rows = await db
    .select({
      ticket: tickets,
      communityName: communities.name,
      repairCategory: repairOrders.category,
      repairSummary: repairOrders.summary,
      complaintReply: complaints.replySummary,
      contactCategory: contacts.category,
      contactAnswer: contacts.answer,
      matterCategory: matters.category,
      matterResult: matters.result,
      rating: latestRating,
    })
    .from(tickets)
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .leftJoin(repairOrders, eq(repairOrders.ticketId, tickets.id))
    .leftJoin(complaints, eq(complaints.ticketId, tickets.id))
    .leftJoin(contacts, eq(contacts.ticketId, tickets.id))
    .leftJoin(matters, eq(matters.ticketId, tickets.id))
    .where(
      and(
        eq(tickets.companyId, p.companyId),
        kind ? eq(tickets.kind, kind) : inArray(tickets.kind, [...followedKinds]),
        mineOrCalled,
        // A contact that became a repair or a complaint is followed as that ticket.
        sql`(${tickets.kind} <> 'contact' or ${contacts.category} in (${sql.join(
          answeredContactCategories.map((c) => sql`${c}`),
          sql`, `,
        )}))`,
        // Complaints folded into a collective case are followed through the case.
        sql`${tickets.status} <> 'merged'`,
      ),
    )
    .orderBy(desc(tickets.createdAt))
    .limit(200);
  return rows.map((r) => ({
    id: r.ticket.id,
    kind: r.ticket.kind,
    number: r.ticket.number,
    status: r.ticket.status,
    communityName: r.communityName,
    location: r.ticket.location,
    content: r.ticket.content,
    category: r.repairCategory ?? r.contactCategory ?? r.matterCategory ?? null,
    reply: r.complaintReply ?? r.contactAnswer ?? r.matterResult ?? r.repairSummary ?? null,
    isOverdue: r.ticket.flags.length > 0,
    canRate: (ratableStates[r.ticket.kind] ?? []).includes(r.ticket.status),
    rating: r.rating
      ? { outcome: r.rating.outcome, comment: r.rating.comment, createdAt: new Date(r.rating.createdAt).toISOString() }
      : null,
    createdAt: r.ticket.createdAt.toISOString(),
    updatedAt: r.ticket.updatedAt.toISOString(),
    closedAt: r.ticket.closedAt?.toISOString() ?? null,
  }));
}

/**
 * A resident rates a finished ticket of their household: the rating is stored, the ticket's
 * history gains the step, and an unsatisfied rating tells the desk at once.
 */
export async function rateTicket(deps: Deps, p: Principal, ticketId: string, input: RatingInput): Promise<void> {
  if (p.role !== 'resident') throw forbidden();
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, ticketId)).for('update');
    const isCaller = ticket?.kind === 'contact' && p.phone !== '' && ticket.reporterPhone === p.phone;
    if (!ticket || ticket.companyId !== p.companyId || !(isOwner(p, ticket) || isCaller)) throw notFound({ zh: '工单', en: 'Ticket' });
    const [before] = await tx
      .select({ id: ticketRatings.id })
      .from(ticketRatings)
      .where(and(eq(ticketRatings.ticketId, ticket.id), eq(ticketRatings.residentId, p.id)))
      .limit(1);
    const decision = decideRating(ticket.kind, ticket.status, input, before !== undefined);
    await tx.insert(ticketRatings).values({
      id: randomUUID(),
      companyId: ticket.companyId,
      communityId: ticket.communityId,
      ticketId: ticket.id,
      residentId: p.id,
      outcome: input.outcome,
      comment: decision.event.data.comment,
      createdAt: now,
    });
    await recordEvent(tx, ticket, p, ticket.status, ticket.status, decision.event, now);
    await deliverNotices(tx, ticket, decision.notices, decision.event.type, now);
    await publishLive(tx, ticketChanged(ticket, ticket.status));
  });
}
