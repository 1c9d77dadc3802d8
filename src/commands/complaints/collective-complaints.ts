import { and, eq, gte, inArray } from 'drizzle-orm';
import type { Actor } from '../../domain/access/roles.js';
import { proposeCollectiveCases, mergeIntoCollective } from '../../domain/complaint/collective.js';
import type { Household } from '../../domain/complaint/decide.js';
import { forbidden, invalid } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { getBuilding } from '../../db/repositories/org.js';
import { complaints, tickets } from '../../db/schema/index.js';
import { communityScope, type Deps, loadPolicy, type Principal, requirePermission } from '../context.js';
import { applyTicketAction } from '../tickets/engine.js';
import { toDomainComplaint } from '../tickets/complaint-kind.js';
import { recordComplaintInTx } from './record-complaint.js';

/** Complaints that may still be folded into a collective case. */
const mergeableStatuses = ['recorded', 'contacting', 'referring', 'in_hand'];
const mayMerge = ['cs_supervisor', 'director'];

/** What the desk reads for a place key: the building's name, or the facility. */
async function placeLabel(ex: Executor, placeKey: string): Promise<string> {
  const [kind, first, rest] = placeKey.split(':');
  if (kind === 'building' && first) return (await getBuilding(ex, first))?.name ?? placeKey;
  if (kind === 'facility' && rest) return `${(await getBuilding(ex, first ?? ''))?.name ?? ''}${rest}`;
  return first ?? placeKey;
}

/**
 * Proposed collective cases (集体投诉) of one community: open, unmerged complaints of the recent
 * window grouped by place, time and wording (collective.ts). The CS supervisor confirms each.
 */
export async function collectiveProposals(deps: Deps, p: Principal, communityId?: string) {
  requirePermission(p, 'complaint.view');
  if (!mayMerge.includes(p.role) && p.role !== 'complaint_centre' && p.role !== 'cs_manager') throw forbidden();
  const ex = deps.database.db;
  const scope = await communityScope(ex, p, communityId);
  const community = communityId ?? p.communityId;
  if (!community || (scope && !scope.includes(community))) {
    throw invalid('community_required', { zh: '请先选择小区', en: 'Choose a community first' }, [
      { field: 'communityId', message: { zh: '请先选择小区', en: 'Choose a community first' } },
    ]);
  }
  const policy = (await loadPolicy(ex, p.companyId, community)).complaint;
  const since = new Date(deps.clock.now().getTime() - 2 * policy.collectiveWindowHours * 3_600_000);
  const rows = await ex
    .select({ ticket: tickets, complaint: complaints })
    .from(tickets)
    .innerJoin(complaints, eq(complaints.ticketId, tickets.id))
    .where(
      and(
        eq(tickets.companyId, p.companyId),
        eq(tickets.communityId, community),
        eq(tickets.kind, 'complaint'),
        inArray(tickets.status, mergeableStatuses),
        gte(tickets.createdAt, since),
      ),
    );
  // A collective case already made is not proposed again, nor its members.
  const open = rows.filter((r) => r.complaint.complaintClass !== 'collective' && r.complaint.mergedFromIds.length === 0);
  const proposals = proposeCollectiveCases(
    open.map((r) => ({
      complaintId: r.ticket.id,
      householdIds: (r.complaint.households as Household[]).map((h) => h.householdId),
      placeKey: r.complaint.placeKey,
      at: r.ticket.createdAt,
      text: r.ticket.content,
    })),
    policy,
  );
  const byId = new Map(open.map((r) => [r.ticket.id, r.ticket]));
  return Promise.all(
    proposals.map(async (pr) => ({
      placeKey: pr.placeKey,
      placeLabel: await placeLabel(ex, pr.placeKey),
      householdCount: pr.householdIds.length,
      firstAt: pr.firstAt,
      lastAt: pr.lastAt,
      complaints: pr.complaintIds.map((id) => {
        const t = byId.get(id)!;
        return { id, number: t.number, complainantName: t.reporterName, content: t.content };
      }),
    })),
  );
}

/**
 * Merges complaints into one collective case (并案): the case is recorded with every household
 * kept once and every complaint's words, then each complaint is merged into it, in one transaction.
 */
export async function mergeCollective(deps: Deps, p: Principal, complaintIds: string[]): Promise<{ id: string; number: string }> {
  requirePermission(p, 'complaint.view');
  if (!mayMerge.includes(p.role)) throw forbidden();
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const rows = await tx
      .select({ ticket: tickets, complaint: complaints })
      .from(tickets)
      .innerJoin(complaints, eq(complaints.ticketId, tickets.id))
      .where(and(inArray(tickets.id, complaintIds), eq(tickets.companyId, p.companyId), eq(tickets.kind, 'complaint')));
    const message = { zh: '只能合并本小区的投诉', en: 'Only complaints of your community can be merged' };
    if (rows.length !== new Set(complaintIds).size || rows.some((r) => r.ticket.communityId !== p.communityId)) {
      throw invalid('merge_scope', message, [{ field: 'complaintIds', message }]);
    }
    const communityId = p.communityId!;
    const intake = mergeIntoCollective(rows.map((r) => toDomainComplaint(r.ticket, r.complaint)));
    const first = rows.find((r) => r.ticket.id === intake.mergedFromIds?.[0])!;
    const policy = await loadPolicy(tx, p.companyId, communityId);
    const label = intake.placeKey ? await placeLabel(tx, intake.placeKey) : null;
    const created = await recordComplaintInTx(tx, {
      actor: p as Principal & Actor,
      communityId,
      intake,
      policy,
      placeLabel: label,
      complainantPhone: first.ticket.reporterPhone,
      now,
    });
    for (const r of rows) {
      await applyTicketAction(tx, p, r.ticket.id, 'complaint', 'merge', { intoComplaintId: created.id }, now);
    }
    return created;
  });
}
