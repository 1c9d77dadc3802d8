import { addMinutes } from '../shared/clock.js';
import { zoneOffsetMinutes } from '../shared/time-of-day.js';
import type { VisitPolicy } from './policy.js';

/** Any ticket that is visited when done; the list grows with the ticket kinds. */
export type VisitTicketKind = 'repair' | 'complaint' | 'matter' | 'renovation' | 'warranty' | 'other';

export interface VisitFlags {
  /** A safety facility was repaired (fire safety, lift, gas…). */
  isSafetyFacility?: boolean;
  isLeak?: boolean;
  /** 重大问题: visited at home, by appointment [001]. */
  isMajor?: boolean;
  /** A collective complaint: replied by home visit only (domain.md §4). */
  isCollective?: boolean;
}

export interface VisitPlan {
  dueAt: Date;
  /** Which rule set the window. */
  rule: 'safety_facility' | 'leak' | 'kind';
  withinHours: number;
  /** Major and collective cases are visited at home, booked with the resident. */
  isHomeVisitRequired: boolean;
}

/**
 * When a visit is due and how it is made. `completedAt` is when the work counts as done for the
 * visit: for a repair, the resident's confirmation [003]. Safety facilities (2 days) and leaks (3
 * days) [004] override the kind's window, the shorter if both apply: they are visited when the
 * repair has had time to prove itself, not merely soon.
 */
export function planVisit(kind: VisitTicketKind, category: string, flags: VisitFlags, completedAt: Date, policy: VisitPolicy): VisitPlan {
  const isSafety = flags.isSafetyFacility === true || policy.safetyCategories.includes(category);
  const isLeak = flags.isLeak === true || policy.leakCategories.includes(category);
  const byKind = (policy.withinHoursByKind as Partial<Record<VisitTicketKind, number>>)[kind] ?? policy.defaultWithinHours;
  let rule: VisitPlan['rule'] = 'kind';
  let withinHours = byKind;
  if (isSafety || isLeak) {
    const candidates: [VisitPlan['rule'], number][] = [];
    if (isSafety) candidates.push(['safety_facility', policy.safetyFacilityHours]);
    if (isLeak) candidates.push(['leak', policy.leakHours]);
    candidates.sort((a, b) => a[1] - b[1]);
    [rule, withinHours] = candidates[0] as [VisitPlan['rule'], number];
  }
  return {
    dueAt: addMinutes(completedAt, withinHours * 60),
    rule,
    withinHours,
    isHomeVisitRequired: flags.isMajor === true || flags.isCollective === true,
  };
}

/** When the follow-up visit of a finished ticket is due (see `planVisit`). */
export function visitDueAt(kind: VisitTicketKind, category: string, flags: VisitFlags, completedAt: Date, policy: VisitPolicy): Date {
  return planVisit(kind, category, flags, completedAt, policy).dueAt;
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** Whether a home visit may start at `at`: from the morning hour, and never at or after 22:00 local time [003]. */
export function isHomeVisitTimeAllowed(at: Date, policy: VisitPolicy, timezone: string): boolean {
  const local = new Date(at.getTime() + zoneOffsetMinutes(at, timezone) * 60_000);
  const msOfDay = local.getTime() - Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  return msOfDay >= minutesOf(policy.homeVisitEarliest) * 60_000 && msOfDay < minutesOf(policy.homeVisitLatest) * 60_000;
}
