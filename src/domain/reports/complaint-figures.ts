import type { ComplaintClass } from '../complaint/decide.js';
import type { ComplaintPolicy } from '../complaint/policy.js';

/** What the monthly report needs to know of one complaint received in the month. */
export interface MonthComplaint {
  id: string;
  number: string;
  createdAt: Date;
  /** Null while the CS supervisor has not classified it. */
  complaintClass: ComplaintClass | null;
  channel: string;
  /** The solving department, once known. */
  department: string | null;
  status: string;
  /** Every household (room) the complaint concerns: the complainant's and a collective case's parties. */
  householdIds: string[];
  /** When the complainant was answered (the handling is complete then [003]). */
  repliedAt: Date | null;
  /** Whether a deadline of the procedure (classify, contact, refer, reply) was missed on the way. */
  isLate: boolean;
  visitOutcome: 'satisfied' | 'basically_satisfied' | 'unsatisfied' | null;
  /** The earlier complaint an unsatisfied complainant's new complaint carries on. */
  linkedFromId: string | null;
  content: string;
}

/** One complaint as the report lists it for the month's case analysis. */
export interface ReportedComplaint {
  id: string;
  number: string;
  createdAt: string;
  complaintClass: ComplaintClass | null;
  channel: string;
  department: string | null;
  status: string;
  isLate: boolean;
  isRepeat: boolean;
  content: string;
}

/** 部门客户投诉工作月报: the month's figures, kept as a snapshot in the report. */
export interface ComplaintFigures {
  period: string;
  /** Households of the community: the complaint rate's denominator. */
  households: number;
  received: number;
  byClass: Record<ComplaintClass | 'unclassified', number>;
  /** Households in the month's collective cases. */
  collectiveHouseholds: number;
  byChannel: { key: string; count: number }[];
  /** By solving department; `unassigned` while none is named. */
  byDepartment: { key: string; count: number }[];
  answeredOnTime: number;
  answeredLate: number;
  /** Not answered yet when the figures were taken. */
  open: number;
  /** Answered on time among the answered, in percent; null when none was answered. */
  onTimeRatePercent: number | null;
  /** From receipt to the answer, over the answered complaints; null when none was answered. */
  averageHandlingHours: number | null;
  satisfaction: {
    satisfied: number;
    basicallySatisfied: number;
    unsatisfied: number;
    notVisited: number;
    /** (satisfied + basically satisfied) / visited × 100 [003]; null when nobody was visited. */
    ratePercent: number | null;
  };
  /** Complaints per 100 households; null for a community without households on file. */
  complaintRatePercent: number | null;
  targetRatePercent: number;
  /** Below the target rate (< 1% [004]); null when the rate is unknown. */
  isWithinTarget: boolean | null;
  /** Complaints that carry on an earlier one, or from a household that already complained this month. */
  repeat: number;
  complaints: ReportedComplaint[];
}

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** Counts by key, the most frequent first (ties by key, so the order is stable). */
function tally(keys: string[]): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * The month's complaint figures (部门客户投诉工作月报 [003]), from the complaints received in the
 * month as they stand when the figures are taken. Complaints merged into a collective case are
 * left out by the caller: the collective case counts once and carries their households.
 */
export function complaintFigures(
  period: string,
  month: readonly MonthComplaint[],
  households: number,
  policy: Pick<ComplaintPolicy, 'targetComplaintRatePercent'>,
): ComplaintFigures {
  const inOrder = [...month].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.number.localeCompare(b.number));
  const byClass = { valid: 0, assisted: 0, invalid: 0, collective: 0, unclassified: 0 };
  for (const c of inOrder) byClass[c.complaintClass ?? 'unclassified'] += 1;

  const answered = inOrder.filter((c) => c.repliedAt !== null);
  const answeredLate = answered.filter((c) => c.isLate).length;
  const handlingHours = answered.map((c) => (c.repliedAt!.getTime() - c.createdAt.getTime()) / 3_600_000);

  const outcome = (o: MonthComplaint['visitOutcome']) => inOrder.filter((c) => c.visitOutcome === o).length;
  const satisfied = outcome('satisfied');
  const basicallySatisfied = outcome('basically_satisfied');
  const unsatisfied = outcome('unsatisfied');
  const visited = satisfied + basicallySatisfied + unsatisfied;

  // A household's second complaint of the month is a repeat, as is a complaint carrying on an old one.
  const seen = new Set<string>();
  const repeatIds = new Set<string>();
  for (const c of inOrder) {
    if (c.linkedFromId !== null || c.householdIds.some((h) => seen.has(h))) repeatIds.add(c.id);
    for (const h of c.householdIds) seen.add(h);
  }

  const rate = households > 0 ? round((inOrder.length / households) * 100, 2) : null;
  return {
    period,
    households,
    received: inOrder.length,
    byClass,
    collectiveHouseholds: new Set(inOrder.filter((c) => c.complaintClass === 'collective').flatMap((c) => c.householdIds)).size,
    byChannel: tally(inOrder.map((c) => c.channel)),
    byDepartment: tally(inOrder.map((c) => c.department ?? 'unassigned')),
    answeredOnTime: answered.length - answeredLate,
    answeredLate,
    open: inOrder.length - answered.length,
    onTimeRatePercent: answered.length > 0 ? round(((answered.length - answeredLate) / answered.length) * 100, 1) : null,
    averageHandlingHours: answered.length > 0 ? round(handlingHours.reduce((s, h) => s + h, 0) / answered.length, 1) : null,
    satisfaction: {
      satisfied,
      basicallySatisfied,
      unsatisfied,
      notVisited: inOrder.length - visited,
      ratePercent: visited > 0 ? round(((satisfied + basicallySatisfied) / visited) * 100, 1) : null,
    },
    complaintRatePercent: rate,
    targetRatePercent: policy.targetComplaintRatePercent,
    isWithinTarget: rate === null ? null : rate < policy.targetComplaintRatePercent,
    repeat: repeatIds.size,
    complaints: inOrder.map((c) => ({
      id: c.id,
      number: c.number,
      createdAt: c.createdAt.toISOString(),
      complaintClass: c.complaintClass,
      channel: c.channel,
      department: c.department,
      status: c.status,
      isLate: c.isLate,
      isRepeat: repeatIds.has(c.id),
      content: c.content,
    })),
  };
}
