import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/access/roles.js';
import { type Complaint, type ComplaintIntake, recordComplaint } from '../../domain/complaint/decide.js';
import type { Policy } from '../../domain/policy/policy.js';
import { notFound } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { getCommunity } from '../../db/repositories/org.js';
import { complaints } from '../../db/schema/index.js';
import type { Principal } from '../context.js';
import { insertTicket, nextTicketNumber } from '../tickets/create.js';

/** The prefix of complaint numbers: `YG-TS-20261125-0001` (投诉). */
export const complaintNumberPrefix = 'TS';

/** The kind row of a complaint as the rules' `Complaint` stores it. */
export function complaintRowOf(c: Complaint): typeof complaints.$inferInsert {
  return {
    ticketId: c.id,
    complaintClass: c.complaintClass,
    isDeveloperCaused: c.isDeveloperCaused,
    isSerious: c.isSerious,
    isForwarded: c.isForwarded,
    form: c.form,
    households: c.households,
    placeKey: c.placeKey,
    onSpot: c.onSpot ? { ...c.onSpot, handledAt: c.onSpot.handledAt.toISOString() } : null,
    isOnSpotReportLate: c.isOnSpotReportLate,
    linkedFromId: c.linkedFromId,
    mergedFromIds: c.mergedFromIds,
  };
}

/** Where the complaint is, as the desk reads it: the households' labels, or the place. */
export function locationOf(intake: Pick<ComplaintIntake, 'households'>, placeLabel: string | null): string {
  const labels = intake.households.map((h) => h.label);
  const rooms = labels.length > 3 ? `${labels.slice(0, 3).join('、')} 等${labels.length}户` : labels.join('、');
  return [placeLabel, rooms].filter(Boolean).join(' · ');
}

/**
 * Records a complaint from an intake in the caller's transaction: numbers it, asks the rules,
 * writes the ticket (the complainant as reporter, every household's room as a party) and its
 * complaint row, the first history step, timers and notices.
 */
export async function recordComplaintInTx(
  tx: Executor,
  input: {
    actor: Pick<Principal, 'kind' | 'id' | 'name' | 'role' | 'companyId'> & Pick<Actor, 'communityId'>;
    communityId: string;
    intake: ComplaintIntake;
    policy: Policy;
    placeLabel: string | null;
    complainantPhone: string;
    now: Date;
  },
): Promise<{ id: string; number: string }> {
  const { actor, intake, policy, now } = input;
  const community = await getCommunity(tx, input.communityId);
  if (!community || community.companyId !== actor.companyId) throw notFound({ zh: '小区', en: 'Community' });
  const id = randomUUID();
  // The rules check the intake first, so a refused complaint takes no number.
  const recorded = recordComplaint(id, intake, { actor: actor as Actor, policy: policy.complaint, now });
  const number = await nextTicketNumber(tx, community, complaintNumberPrefix, policy.timezone, now);
  const c = recorded.complaint;
  const roomIds = c.households.map((h) => h.householdId);
  await insertTicket(tx, {
    ticket: {
      id,
      companyId: actor.companyId,
      communityId: community.id,
      kind: 'complaint',
      number,
      status: c.status,
      roomId: roomIds[0] ?? null,
      location: locationOf(intake, input.placeLabel),
      reporterName: c.complainant.name,
      reporterPhone: input.complainantPhone,
      residentId: c.complainant.residentId,
      channel: c.channel,
      content: c.content,
      urgency: 'normal',
      assigneeId: null,
      flags: [],
      partyRoomIds: roomIds,
      createdById: actor.id,
      createdByName: actor.name,
      policy,
      createdAt: now,
      updatedAt: now,
    },
    insertKindRow: async (ex) => {
      await ex.insert(complaints).values(complaintRowOf(c));
    },
    actor,
    event: { type: recorded.event.type, data: { ...recorded.event.data, number } },
    schedule: recorded.schedule,
    notices: recorded.notices,
    now,
  });
  return { id, number };
}
