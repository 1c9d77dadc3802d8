import { invalid } from '../shared/errors.js';
import type { Complaint, ComplaintIntake, Household } from './decide.js';
import type { ComplaintPolicy } from './policy.js';

/**
 * Collective complaints (集体投诉): five or more households complaining of the same event at the
 * same time [003]. The desk records complaints one by one; this proposes which of them are one
 * collective case, for the CS supervisor to confirm. Nothing here decides on its own.
 */
export interface CollectiveCandidate {
  complaintId: string;
  householdIds: string[];
  /** The building or facility complained about; complaints without one are never grouped. */
  placeKey: string | null;
  at: Date;
  text: string;
}

export interface CollectiveProposal {
  /** In time order, the first one the group grew from. */
  complaintIds: string[];
  /** Distinct, in the order they first complained. */
  householdIds: string[];
  placeKey: string;
  firstAt: Date;
  lastAt: Date;
}

type DetectionPolicy = Pick<ComplaintPolicy, 'collectiveMinHouseholds' | 'collectiveWindowHours' | 'collectiveSimilarity'>;

/** Characters that carry meaning: full-width forms folded (NFKC), no spaces, punctuation or symbols. */
function meaningfulChars(text: string): string[] {
  return Array.from(
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\p{P}\p{S}]/gu, ''),
  );
}

/** Character bigrams of a text (Chinese has no spaces to split words on); a one-character text is its own gram. */
export function bigrams(text: string): Set<string> {
  const chars = meaningfulChars(text);
  const grams = new Set<string>();
  if (chars.length === 1) grams.add(chars[0] as string);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(`${chars[i]}${chars[i + 1]}`);
  return grams;
}

/** Jaccard similarity of the two texts' character bigrams, 0 (nothing shared) to 1 (the same). */
export function textSimilarity(a: string, b: string): number {
  return jaccard(bigrams(a), bigrams(b));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Proposes collective cases among recent complaints. Taking complaints in time order, each one
 * not yet in a case seeds a group: later complaints about the same place, within the policy
 * window of the seed, join when their text is similar enough to any member already in the group
 * (so "电梯坏了" and "困在电梯里" can meet through a third complaint mentioning both). A group
 * with at least the policy's number of distinct households is proposed; its complaints seed no
 * other group.
 */
export function proposeCollectiveCases(candidates: readonly CollectiveCandidate[], policy: DetectionPolicy): CollectiveProposal[] {
  const windowMs = policy.collectiveWindowHours * 3_600_000;
  const ordered = candidates
    .filter((c) => c.placeKey !== null)
    .map((c) => ({ c, grams: bigrams(c.text) }))
    .sort((x, y) => x.c.at.getTime() - y.c.at.getTime() || (x.c.complaintId < y.c.complaintId ? -1 : 1));
  const taken = new Set<string>();
  const proposals: CollectiveProposal[] = [];

  for (let i = 0; i < ordered.length; i++) {
    const seed = ordered[i]!;
    if (taken.has(seed.c.complaintId)) continue;
    const pool = ordered
      .slice(i + 1)
      .filter((x) => !taken.has(x.c.complaintId) && x.c.placeKey === seed.c.placeKey && x.c.at.getTime() - seed.c.at.getTime() <= windowMs);
    const members = [seed];
    // Grow until nothing more joins: a late joiner may bridge to one passed over earlier.
    for (let grew = true; grew; ) {
      grew = false;
      for (const x of pool) {
        if (members.includes(x)) continue;
        if (members.some((m) => jaccard(m.grams, x.grams) >= policy.collectiveSimilarity)) {
          members.push(x);
          grew = true;
        }
      }
    }
    members.sort((x, y) => x.c.at.getTime() - y.c.at.getTime() || (x.c.complaintId < y.c.complaintId ? -1 : 1));
    const householdIds = [...new Set(members.flatMap((m) => m.c.householdIds))];
    if (householdIds.length < policy.collectiveMinHouseholds) continue;
    for (const m of members) taken.add(m.c.complaintId);
    proposals.push({
      complaintIds: members.map((m) => m.c.complaintId),
      householdIds,
      placeKey: seed.c.placeKey as string,
      firstAt: members[0]!.c.at,
      lastAt: members[members.length - 1]!.c.at,
    });
  }
  return proposals;
}

type Mergeable = Pick<
  Complaint,
  'id' | 'complainant' | 'households' | 'placeKey' | 'content' | 'channel' | 'form' | 'isForwarded' | 'createdAt'
>;

/**
 * The intake of one collective case made of several complaints: every household kept (once), the
 * first complainant as the contact, every complaint's words kept, the sources linked. The caller
 * records it, then merges each source into it (the `merge` action).
 */
export function mergeIntoCollective(complaints: readonly Mergeable[]): ComplaintIntake {
  if (complaints.length === 0) {
    const message = { zh: '请选择要合并的投诉', en: 'Choose the complaints to merge' };
    throw invalid('required', message, [{ field: 'complaintIds', message }]);
  }
  if (new Set(complaints.map((c) => c.id)).size !== complaints.length) {
    const message = { zh: '同一投诉不能合并两次', en: 'A complaint is listed twice' };
    throw invalid('duplicate_complaint', message, [{ field: 'complaintIds', message }]);
  }
  const places = new Set(complaints.map((c) => c.placeKey));
  if (places.size !== 1 || complaints[0]!.placeKey === null) {
    const message = { zh: '只能合并同一楼栋或设施的投诉', en: 'Only complaints about the same building or facility can be merged' };
    throw invalid('different_places', message, [{ field: 'complaintIds', message }]);
  }
  const ordered = [...complaints].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  const first = ordered[0]!;
  const households: Household[] = [];
  const seen = new Set<string>();
  for (const c of ordered) {
    for (const h of c.households) {
      if (seen.has(h.householdId)) continue;
      seen.add(h.householdId);
      households.push(h);
    }
  }
  return {
    complainant: first.complainant,
    households,
    placeKey: first.placeKey,
    channel: first.channel,
    // Any written complaint among them is owed a written reply.
    form: ordered.some((c) => c.form === 'written') ? 'written' : 'oral',
    content: ordered.map((c) => `${c.complainant.name}（${c.households.map((h) => h.label).join('、')}）：${c.content}`).join('\n'),
    isForwarded: ordered.some((c) => c.isForwarded),
    mergedFromIds: ordered.map((c) => c.id),
  };
}
