import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/access/roles.js';
import type { Executor } from '../../db/client.js';
import { appendEvent, type TicketRow } from '../../db/repositories/repair-orders.js';
import { scheduleTimers } from '../../db/repositories/timers.js';
import type { EngineTimer } from './kind.js';

/** Who took a step, as the history records it. */
export type EventActor = Pick<Actor, 'kind' | 'id' | 'name' | 'role'>;
type TicketScope = Pick<TicketRow, 'id' | 'companyId' | 'communityId'>;

/** Appends one step to a ticket's history (who, when, from → to, what). The ticket row must be locked. */
export async function recordEvent(
  ex: Executor,
  ticket: TicketScope,
  actor: EventActor,
  fromStatus: string | null,
  toStatus: string,
  event: { type: string; data: Record<string, unknown> },
  now: Date,
): Promise<void> {
  await appendEvent(ex, {
    id: randomUUID(),
    companyId: ticket.companyId,
    communityId: ticket.communityId,
    ticketId: ticket.id,
    type: event.type,
    actorKind: actor.kind,
    actorId: actor.id,
    actorName: actor.name,
    actorRole: actor.role,
    fromStatus,
    toStatus,
    data: event.data,
    at: now,
  });
}

/** Schedules timers of a ticket (a visit's timers name the visit). */
export async function scheduleFor(ex: Executor, ticket: TicketScope, specs: EngineTimer[], now: Date): Promise<void> {
  await scheduleTimers(
    ex,
    specs.map((s) => ({
      id: randomUUID(),
      companyId: ticket.companyId,
      communityId: ticket.communityId,
      ticketId: ticket.id,
      kind: s.kind,
      level: s.level,
      dueAt: s.dueAt,
      visitId: s.visitId ?? null,
      createdAt: now,
    })),
  );
}
