import type { SignatureOutcome, VisitIssue, VisitMethod, VisitStatus } from './visit.js';
import { visitMethods } from './visit.js';

/** A visit of the month as the summary reads it. */
export interface MonthVisit {
  roomId: string;
  status: VisitStatus;
  method: VisitMethod | null;
  /** Local date of the visit 'YYYY-MM-DD', when done. */
  visitedOn: string | null;
  signature: SignatureOutcome | null;
  issues: readonly VisitIssue[];
}

export interface Fulfilment {
  quota: number;
  /** Visits done (records written). */
  done: number;
  /** Distinct households visited: what counts against the quota (不能重复). */
  householdsVisited: number;
  booked: number;
  cancelled: number;
  signed: number;
  /** Households that refused to sign the record. */
  refused: number;
  byMethod: Record<VisitMethod, number>;
  issuesRaised: number;
  issuesToRepair: number;
  issuesToComplaint: number;
  /** Households visited over the quota, in percent with one decimal; a quota of 0 is fulfilled. */
  fulfilmentPercent: number;
  isFulfilled: boolean;
  /** Visits done each day, with the running total of households visited. */
  byDay: { date: string; done: number; cumulative: number }[];
}

/** How far the month's quota is fulfilled (done / quota, by day, by method). */
export function fulfilmentOf(quota: number, visits: readonly MonthVisit[]): Fulfilment {
  const done = visits.filter((v) => v.status === 'done');
  const byMethod = Object.fromEntries(visitMethods.map((m) => [m, 0])) as Record<VisitMethod, number>;
  for (const v of done) if (v.method) byMethod[v.method] += 1;
  const issues = done.flatMap((v) => v.issues);

  const days = new Map<string, { done: number; rooms: string[] }>();
  for (const v of done) {
    const day = v.visitedOn ?? '';
    const d = days.get(day) ?? { done: 0, rooms: [] };
    d.done += 1;
    d.rooms.push(v.roomId);
    days.set(day, d);
  }
  const seen = new Set<string>();
  const byDay = [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, d]) => {
      for (const r of d.rooms) seen.add(r);
      return { date, done: d.done, cumulative: seen.size };
    });

  const householdsVisited = new Set(done.map((v) => v.roomId)).size;
  return {
    quota,
    done: done.length,
    householdsVisited,
    booked: visits.filter((v) => v.status === 'booked').length,
    cancelled: visits.filter((v) => v.status === 'cancelled').length,
    signed: done.filter((v) => v.signature === 'signed').length,
    refused: done.filter((v) => v.signature === 'refused').length,
    byMethod,
    issuesRaised: issues.length,
    issuesToRepair: issues.filter((i) => i.followUp === 'repair').length,
    issuesToComplaint: issues.filter((i) => i.followUp === 'complaint').length,
    fulfilmentPercent: quota === 0 ? 100 : Math.round((householdsVisited * 1000) / quota) / 10,
    isFulfilled: householdsVisited >= quota,
    byDay,
  };
}
