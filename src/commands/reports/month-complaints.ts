import { and, count, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { ComplaintClass } from '../../domain/complaint/decide.js';
import type { MonthComplaint } from '../../domain/reports/complaint-figures.js';
import type { Executor } from '../../db/client.js';
import { complaints, residents, ticketEvents, tickets } from '../../db/schema/index.js';

/** Missing one of these deadlines makes a complaint late in the month's figures (the ones that start the ladder). */
const deadlineFlags = ['classify_overdue', 'contact_overdue', 'referral_overdue', 'reply_overdue'];

/**
 * The complaints a community received in [from, to), as the monthly report reads them. Complaints
 * merged into a collective case are left out: the case counts once and carries their households.
 */
export async function complaintsReceived(
  ex: Executor,
  companyId: string,
  communityId: string,
  from: Date,
  to: Date,
): Promise<MonthComplaint[]> {
  const rows = await ex
    .select({
      id: tickets.id,
      number: tickets.number,
      createdAt: tickets.createdAt,
      status: tickets.status,
      channel: tickets.channel,
      content: tickets.content,
      roomId: tickets.roomId,
      partyRoomIds: tickets.partyRoomIds,
      complaintClass: complaints.complaintClass,
      department: complaints.solvingDepartment,
      households: complaints.households,
      reply: complaints.reply,
      visitOutcome: complaints.visitOutcome,
      linkedFromId: complaints.linkedFromId,
    })
    .from(tickets)
    .innerJoin(complaints, eq(complaints.ticketId, tickets.id))
    .where(
      and(
        eq(tickets.companyId, companyId),
        eq(tickets.communityId, communityId),
        eq(tickets.kind, 'complaint'),
        gte(tickets.createdAt, from),
        lt(tickets.createdAt, to),
        ne(tickets.status, 'merged'),
      ),
    );
  const ids = rows.map((r) => r.id);
  const late = new Set(
    ids.length === 0
      ? []
      : (
          await ex
            .selectDistinct({ ticketId: ticketEvents.ticketId })
            .from(ticketEvents)
            .where(
              and(
                inArray(ticketEvents.ticketId, ids),
                eq(ticketEvents.type, 'ComplaintTimerFired'),
                inArray(sql<string>`${ticketEvents.data}->>'flag'`, deadlineFlags),
              ),
            )
        ).map((r) => r.ticketId),
  );
  return rows.map((r) => {
    const households = (r.households as { householdId?: string | null }[]).map((h) => h.householdId ?? '').filter(Boolean);
    const reply = r.reply as { at?: string } | null;
    return {
      id: r.id,
      number: r.number,
      createdAt: r.createdAt,
      complaintClass: r.complaintClass as ComplaintClass | null,
      channel: r.channel,
      department: r.department,
      status: r.status,
      householdIds: [...new Set([...(r.roomId ? [r.roomId] : []), ...r.partyRoomIds, ...households])],
      repliedAt: reply?.at ? new Date(reply.at) : null,
      isLate: late.has(r.id),
      visitOutcome: r.visitOutcome as MonthComplaint['visitOutcome'],
      linkedFromId: r.linkedFromId,
      content: r.content,
    };
  });
}

/** Occupied households of a community: rooms with at least one registered resident (the complaint rate's 户). */
export async function occupiedHouseholds(ex: Executor, companyId: string, communityId: string): Promise<number> {
  const [row] = await ex
    .select({ n: count(sql`distinct ${residents.roomId}`) })
    .from(residents)
    .where(and(eq(residents.companyId, companyId), eq(residents.communityId, communityId)));
  return Number(row?.n ?? 0);
}
