import type { FieldIssue } from '../shared/errors.js';
import type { HotWorkPolicy } from './policy.js';

const HOUR = 60 * 60_000;

/** The start of the minute an instant falls in: a window picked "now" to the minute is not in the past. */
const minuteOf = (at: Date): number => Math.floor(at.getTime() / 60_000) * 60_000;

/**
 * What is wrong with a requested hot-work window (作业时段), as field issues: it must end after it
 * starts, last at most the policy's longest window, and not start in the past.
 */
export function windowIssues(start: Date, end: Date, now: Date, policy: HotWorkPolicy): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (start.getTime() < minuteOf(now)) {
    issues.push({ field: 'windowStartAt', message: { zh: '开始时间不能早于现在', en: 'The window cannot start in the past' } });
  }
  if (end.getTime() <= start.getTime()) {
    issues.push({ field: 'windowEndAt', message: { zh: '结束时间须晚于开始时间', en: 'The window must end after it starts' } });
  } else if (end.getTime() - start.getTime() > policy.maxWindowHours * HOUR) {
    issues.push({
      field: 'windowEndAt',
      message: {
        zh: `动火时段不得超过${policy.maxWindowHours}小时`,
        en: `A hot-work window may last at most ${policy.maxWindowHours} hours`,
      },
    });
  }
  return issues;
}

/** Where an instant falls against a window: before it, inside it (start inclusive, end exclusive), or after it. */
export function windowPhase(start: Date, end: Date, at: Date): 'before' | 'during' | 'after' {
  if (at.getTime() < start.getTime()) return 'before';
  return at.getTime() < end.getTime() ? 'during' : 'after';
}
