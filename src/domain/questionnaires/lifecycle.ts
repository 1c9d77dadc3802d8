import { addDays, type LocalDate, localDateOf, type WorkCalendar } from '../calendar/work-calendar.js';
import { zoneOffsetMinutes } from '../shared/time-of-day.js';
import type { QuestionnairePolicy } from './policy.js';

/**
 * A questionnaire's life: drafted by the CS supervisor, issued to every occupied household, open
 * for answers until the recovery deadline, then closed for statistics. "Closed" is not stored: it
 * is the deadline passing, so no answer slips in after it even if the scheduler is late.
 */
export type QuestionnairePhase = 'draft' | 'open' | 'closed';

export type QuestionnaireAction = 'edit' | 'issue' | 'answer' | 'enter_paper' | 'view_statistics';

/** What may be done in which phase, as the procedure reads. */
// biome-ignore format: a table reads best aligned
export const questionnaireMachine: Record<QuestionnaireAction, readonly QuestionnairePhase[]> = {
  edit:            ['draft'],          // the items are settled before it goes out
  issue:           ['draft'],          // 送达业户家中: once
  answer:          ['open'],           // the resident, on the phone, until the deadline
  enter_paper:     ['open'],           // the clerk, for a paper form recovered by the deadline
  view_statistics: ['open', 'closed'], // figures grow while open, final once closed
};

export const isAllowed = (action: QuestionnaireAction, phase: QuestionnairePhase): boolean => questionnaireMachine[action].includes(phase);

/** The stored facts the phase depends on. */
export interface QuestionnaireState {
  status: 'draft' | 'issued';
  /** The end of the recovery deadline's day (exclusive), once issued. */
  closesAt: Date | null;
}

export function phaseOf(q: QuestionnaireState, now: Date): QuestionnairePhase {
  if (q.status === 'draft' || !q.closesAt) return 'draft';
  return now.getTime() < q.closesAt.getTime() ? 'open' : 'closed';
}

/** The dates an issue sets: the recovery deadline and the statistics deadline, in working days. */
export interface IssueSchedule {
  issuedOn: LocalDate;
  /** 回收截止: the last day answers are taken. */
  recoveryDeadline: LocalDate;
  /** 统计截止: the statistics (问卷结果统计表) are due by this day. */
  statisticsDeadline: LocalDate;
}

/**
 * Issued on a day, recovered within 15 working days (policy): the deadline is the 15th working day
 * after the issue day (an issue on a day off counts from the next working day).
 */
export function issueSchedule(now: Date, policy: QuestionnairePolicy, calendar: WorkCalendar, timeZone: string): IssueSchedule {
  const issuedOn = localDateOf(now, timeZone);
  return {
    issuedOn,
    recoveryDeadline: calendar.addWorkingDays(issuedOn, policy.recoveryWorkingDays),
    statisticsDeadline: calendar.addWorkingDays(issuedOn, policy.statisticsWorkingDays),
  };
}

/** The instant a local date ends (the next day's midnight) in a time zone. */
export function endOfLocalDay(date: LocalDate, timeZone: string): Date {
  const next = new Date(`${addDays(date, 1)}T00:00:00Z`);
  return new Date(next.getTime() - zoneOffsetMinutes(next, timeZone) * 60_000);
}

/** Working days left to answer, today included when it is a working day; 0 once the deadline has passed. */
export function workingDaysLeft(today: LocalDate, deadline: LocalDate, calendar: WorkCalendar): number {
  if (today > deadline) return 0;
  return calendar.workingDaysBetween(addDays(today, -1), deadline);
}

/**
 * The period ('YYYY-MM') the scheduler issues on a local date, if any: in an issue month (6 and 12
 * by default) from its issue day on.
 */
export function duePeriod(today: LocalDate, policy: QuestionnairePolicy): string | null {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  if (!policy.issueMonths.includes(m) || d < policy.issueDay) return null;
  return `${y}-${String(m).padStart(2, '0')}`;
}
