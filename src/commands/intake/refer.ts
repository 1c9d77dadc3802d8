import type { z } from 'zod';
import { type CreateComplaintBody, createComplaintBody } from '../../contract/complaint.js';
import type { TriageBody } from '../../contract/intake.js';
import { type CreateRepairBody, createRepairBody } from '../../contract/repair.js';
import type { ReferredTicketKind } from '../../domain/intake/decide.js';
import { invalid } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import type { TicketRow } from '../../db/repositories/repair-orders.js';
import { createComplaintInTx } from '../complaints/create-complaint.js';
import type { Deps, Principal } from '../context.js';
import { createMatterInTx } from '../matters/create-matter.js';

/** What the referred ticket takes from the entry: where, who called, what they said. */
export interface EntryFacts {
  communityId: string;
  channel: string;
  isWritten: boolean;
  callerName: string;
  callerPhone: string;
  roomId: string | null;
  location: string;
  content: string;
}

export const factsOf = (t: TicketRow, isWritten: boolean): EntryFacts => ({
  communityId: t.communityId,
  channel: t.channel,
  isWritten,
  callerName: t.reporterName,
  callerPhone: t.reporterPhone,
  roomId: t.roomId,
  location: t.location,
  content: t.content,
});

/** A parse of a composed body, its issues reported under the triage's own field names. */
function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => {
    const [zh, en] = i.message.includes(' / ') ? i.message.split(' / ') : ['填写有误', i.message];
    const path = i.path.join('.');
    return { field: path === 'roomId' || path === 'reporterPhone' ? path : `${prefix}.${path}`, message: { zh: zh!, en: en! } };
  });
  throw invalid('invalid_referral', { zh: '转工单信息不完整', en: 'The ticket to create is incomplete' }, fields);
}

/** The repair order a triage into repair or paid service opens, checked before anything is written. */
export function repairBodyOf(facts: EntryFacts, triage: TriageBody, isPaid: boolean): CreateRepairBody {
  const r = triage.repair;
  return parseOrThrow(
    createRepairBody,
    {
      communityId: facts.communityId,
      ...(facts.roomId ? { roomId: facts.roomId } : {}),
      ...(facts.location && !facts.roomId ? { location: facts.location } : {}),
      reporterName: facts.callerName,
      reporterPhone: facts.callerPhone,
      channel: facts.channel,
      // 有偿服务 follows the household repair procedure as a paid order [003]: the technician records the fee.
      content: isPaid ? `【有偿服务】${facts.content}` : facts.content,
      ...r,
    },
    'triage.repair',
  );
}

function complaintBodyOf(facts: EntryFacts, triage: TriageBody): CreateComplaintBody {
  return parseOrThrow(
    createComplaintBody,
    {
      communityId: facts.communityId,
      complainantName: facts.callerName,
      ...(facts.callerPhone ? { complainantPhone: facts.callerPhone } : {}),
      householdIds: facts.roomId ? [facts.roomId] : [],
      channel: facts.channel,
      form: facts.isWritten ? 'written' : 'oral',
      content: facts.content,
      ...(triage.complaint ?? {}),
    },
    'triage.complaint',
  );
}

/**
 * Creates the ticket a triage refers the entry to, inside the caller's transaction (a repair
 * order was created just before, in its own: see log-contact.ts).
 */
export async function createReferredTicket(
  tx: Executor,
  deps: Deps,
  p: Principal,
  kind: ReferredTicketKind,
  facts: EntryFacts,
  triage: TriageBody,
  now: Date,
): Promise<string> {
  if (kind === 'matter') {
    const m = triage.matter!;
    const { id } = await createMatterInTx(
      tx,
      p,
      {
        communityId: facts.communityId,
        category: m.category,
        content: facts.content,
        ...(facts.roomId ? { roomId: facts.roomId } : { location: facts.location }),
        reporterName: facts.callerName,
        ...(facts.callerPhone ? { reporterPhone: facts.callerPhone } : {}),
        ...(m.isMajor !== undefined ? { isMajor: m.isMajor } : {}),
        ...(m.supervisorId ? { supervisorId: m.supervisorId } : {}),
        channel: facts.channel,
      },
      now,
    );
    return id;
  }
  if (kind === 'complaint') return (await createComplaintInTx(tx, deps, p, complaintBodyOf(facts, triage), now)).id;
  throw new Error('a repair order is created before the entry is written');
}

/** Checks the referred ticket's own fields before anything is written. */
export function checkReferral(kind: ReferredTicketKind | undefined, facts: EntryFacts, triage: TriageBody): void {
  if (kind === 'complaint') complaintBodyOf(facts, triage);
  if (kind === 'repair') repairBodyOf(facts, triage, triage.category === 'paid_service');
}
