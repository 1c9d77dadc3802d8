import type { VisitPolicy } from './policy.js';

/**
 * Sampling duties on last period's repair orders (维修回访工作制度 [004]): the office visits at
 * least 5% of them, the engineering head at least 10%, and each repairer at least 20% of their
 * own, every share rounded up.
 */
export type SamplingDuty = 'office' | 'engineering_head' | 'repairer';

export interface ClosedRepairOrder {
  id: string;
  /** Who did the work; null when nobody did (returned, cancelled after visit…). */
  technicianId: string | null;
}

export interface SamplingStaff {
  /** The office staff who share the office's duty, in turn. */
  officeVisitorIds: string[];
  engineeringHeadId: string;
}

export interface SampleDraw {
  duty: SamplingDuty;
  visitorId: string;
  orderId: string;
}

export interface DutyQuota {
  duty: SamplingDuty;
  /** The repairer's id for a repairer's duty; the head's; the office as a whole for the office. */
  visitorId: string | null;
  /** The orders the share is taken of. */
  poolSize: number;
  required: number;
}

export interface SamplingPlan {
  quotas: DutyQuota[];
  draws: SampleDraw[];
}

/** At least `percent`% of `n`, rounded up, in whole numbers only (no 1.0000001 surprises). */
export const shareOf = (n: number, percent: number): number => Math.floor((n * percent + 99) / 100);

/**
 * Draws the samples: deterministic for a seed (the same seed, orders and staff give the same
 * draw, whatever order the orders come in), no order twice for one duty, and orders another duty
 * already drew are used only when nothing else is left, so more households get a visit.
 */
export function drawSamples(orders: readonly ClosedRepairOrder[], staff: SamplingStaff, policy: VisitPolicy, seed: string): SamplingPlan {
  const unique = [...new Map(orders.map((o) => [o.id, o])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = unique.map((o) => o.id);
  const pct = policy.samplingPercent;
  const drawn = new Set<string>();
  const quotas: DutyQuota[] = [];
  const draws: SampleDraw[] = [];

  const take = (pool: string[], k: number, salt: string): string[] => {
    const shuffled = shuffle(pool, seededRandom(`${seed}|${salt}`));
    const fresh = shuffled.filter((id) => !drawn.has(id));
    const reused = shuffled.filter((id) => drawn.has(id));
    const chosen = [...fresh, ...reused].slice(0, k);
    for (const id of chosen) drawn.add(id);
    return chosen;
  };

  // The repairers first: they can only visit their own orders, the others can take any.
  const byTechnician = new Map<string, string[]>();
  for (const o of unique) {
    if (o.technicianId) byTechnician.set(o.technicianId, [...(byTechnician.get(o.technicianId) ?? []), o.id]);
  }
  for (const technicianId of [...byTechnician.keys()].sort()) {
    const own = byTechnician.get(technicianId) ?? [];
    const required = shareOf(own.length, pct.repairer);
    quotas.push({ duty: 'repairer', visitorId: technicianId, poolSize: own.length, required });
    for (const orderId of take(own, required, `repairer|${technicianId}`))
      draws.push({ duty: 'repairer', visitorId: technicianId, orderId });
  }

  const headRequired = shareOf(ids.length, pct.engineeringHead);
  quotas.push({ duty: 'engineering_head', visitorId: staff.engineeringHeadId, poolSize: ids.length, required: headRequired });
  for (const orderId of take(ids, headRequired, 'engineering_head')) {
    draws.push({ duty: 'engineering_head', visitorId: staff.engineeringHeadId, orderId });
  }

  const officeRequired = shareOf(ids.length, pct.office);
  quotas.push({ duty: 'office', visitorId: null, poolSize: ids.length, required: officeRequired });
  const office = [...staff.officeVisitorIds].sort();
  if (office.length > 0) {
    take(ids, officeRequired, 'office').forEach((orderId, i) => {
      draws.push({ duty: 'office', visitorId: office[i % office.length] as string, orderId });
    });
  }
  return { quotas, draws };
}

export interface DoneVisit {
  orderId: string;
  visitorId: string;
  duty: SamplingDuty;
}

export interface DutyFulfilment extends DutyQuota {
  /** Distinct orders of the pool visited for this duty. */
  done: number;
  isFulfilled: boolean;
}

/**
 * How far each duty is fulfilled: distinct orders of its pool visited by the duty's people (a
 * repairer's own orders only; any office member for the office). Visiting more than drawn counts.
 */
export function samplingFulfilment(
  plan: SamplingPlan,
  orders: readonly ClosedRepairOrder[],
  staff: SamplingStaff,
  visits: readonly DoneVisit[],
): DutyFulfilment[] {
  const technicianOf = new Map(orders.map((o) => [o.id, o.technicianId]));
  return plan.quotas.map((q) => {
    const counted = new Set(
      visits
        .filter((v) => v.duty === q.duty && technicianOf.has(v.orderId))
        .filter((v) =>
          q.duty === 'office'
            ? staff.officeVisitorIds.includes(v.visitorId)
            : q.duty === 'engineering_head'
              ? v.visitorId === q.visitorId
              : v.visitorId === q.visitorId && technicianOf.get(v.orderId) === q.visitorId,
        )
        .map((v) => v.orderId),
    );
    return { ...q, done: counted.size, isFulfilled: counted.size >= q.required };
  });
}

/** A small seeded generator (mulberry32 over an FNV-1a hash of the seed): the same seed, the same draw. */
export function seededRandom(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
