/** What every kind's presenter shows the same way: instants, a ticket's history and its timers. */

export const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

interface EventRow {
  seq: number;
  type: string;
  actorName: string;
  actorRole: string;
  fromStatus: string | null;
  toStatus: string;
  data: unknown;
  at: Date;
}

/** A ticket's timeline: who, in which role, from which state to which, with what, when. */
export const presentEvents = (events: EventRow[]) =>
  events.map((e) => ({
    seq: e.seq,
    type: e.type,
    actorName: e.actorName,
    actorRole: e.actorRole,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    data: e.data as Record<string, unknown>,
    at: iso(e.at)!,
  }));

/** A ticket's timers: which, when due, at what level, and whether pending, fired or cancelled. */
export const presentTimers = (timers: { kind: string; dueAt: Date; level: number; status: string }[]) =>
  timers.map((t) => ({ kind: t.kind, dueAt: iso(t.dueAt)!, level: t.level, status: t.status }));
