import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';

export const liveChannel = 'propdesk_live';

export interface LiveMessage {
  type: 'ticket' | 'notification';
  companyId: string;
  communityId: string | null;
  ticketId?: string;
  /** The ticket's kind (repair, complaint, matter, contact). */
  kind?: string;
  status?: string;
  /** Who may hear of a ticket change: the streams filter on these and never forward them. */
  assigneeId?: string | null;
  roomId?: string | null;
  residentId?: string | null;
  partyRoomIds?: string[];
}

/** A change of a ticket, as the live streams need it to decide who hears of it. */
export function ticketChanged(
  t: {
    id: string;
    kind?: string;
    companyId: string;
    communityId: string;
    assigneeId: string | null;
    roomId: string | null;
    residentId: string | null;
    partyRoomIds?: string[];
  },
  status: string,
): LiveMessage {
  return {
    type: 'ticket',
    companyId: t.companyId,
    communityId: t.communityId,
    ticketId: t.id,
    kind: t.kind ?? 'repair',
    ...(t.partyRoomIds?.length ? { partyRoomIds: t.partyRoomIds } : {}),
    status,
    assigneeId: t.assigneeId,
    roomId: t.roomId,
    residentId: t.residentId,
  };
}

/** Queues a live update; PostgreSQL delivers it to every server process when the transaction commits. */
export async function publishLive(ex: Executor, message: LiveMessage): Promise<void> {
  await ex.execute(sql`select pg_notify(${liveChannel}, ${JSON.stringify(message)})`);
}

type Listener = (m: LiveMessage) => void;

/** Fans NOTIFY messages out to the server-sent-event streams of this process. */
export class LiveHub {
  private listeners = new Set<Listener>();
  private stop: (() => Promise<void>) | null = null;

  async start(database: Database): Promise<void> {
    this.stop = await database.listen(liveChannel, (payload) => {
      let message: LiveMessage;
      try {
        message = JSON.parse(payload) as LiveMessage;
      } catch {
        return;
      }
      for (const l of this.listeners) l(message);
    });
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.stop?.();
  }
}
