import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { TicketRow } from '../../db/repositories/repair-orders.js';
import { visits } from '../../db/schema/index.js';
import type { TicketKind, VisitRequest } from './kind.js';
import { moot } from './kind.js';

type VisitRow = typeof visits.$inferSelect;

/** Opens the follow-up visit task (回访) of a finished ticket. */
export async function openVisitTask(ex: Executor, ticket: TicketRow, request: VisitRequest, now: Date): Promise<string> {
  const id = randomUUID();
  await ex.insert(visits).values({
    id,
    companyId: ticket.companyId,
    communityId: ticket.communityId,
    ticketId: ticket.id,
    ticketKind: ticket.kind,
    category: request.category,
    caseFlags: request.caseFlags ?? {},
    isHomeVisitRequired: request.isHomeVisitRequired ?? false,
    technicianId: request.technicianId ?? null,
    status: 'pending',
    dueAt: request.dueAt,
    createdAt: now,
  });
  return id;
}

/** The visit module as the timer engine sees it: a visit's own timers. */
export const visitTaskKind: TicketKind<VisitRow, Partial<VisitRow>> = {
  kind: 'visit',
  viewPermission: 'visit.view',
  load: async (ex, visitId) => (await ex.select().from(visits).where(eq(visits.id, visitId)))[0] ?? null,
  save: async (ex, visitId, patch) => {
    await ex.update(visits).set(patch).where(eq(visits.id, visitId));
  },
  canSee: () => false,
  whoMay: () => null,
  decide: () => Promise.reject(new Error('visit actions are taken through the visit commands')),
  fireTimer: async () => moot,
};
