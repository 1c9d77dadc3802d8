import { describe, expect, it } from 'vitest';
import { chineseWorkCalendar } from '../calendar/work-calendar.js';
import { duePeriod, endOfLocalDay, isAllowed, issueSchedule, phaseOf, workingDaysLeft } from './lifecycle.js';
import { defaultQuestionnairePolicy } from './policy.js';

const policy = defaultQuestionnairePolicy();
const calendar = chineseWorkCalendar();
const tz = 'Asia/Shanghai';

describe('a questionnaire through its life', () => {
  it('is a draft until issued, and only a draft is edited or issued', () => {
    expect(phaseOf({ status: 'draft', closesAt: null }, new Date())).toBe('draft');
    expect(isAllowed('edit', 'draft')).toBe(true);
    expect(isAllowed('issue', 'draft')).toBe(true);
    expect(isAllowed('issue', 'open')).toBe(false);
    expect(isAllowed('answer', 'draft')).toBe(false);
  });

  it('takes answers from residents and paper forms while open, none once the deadline has passed', () => {
    const closesAt = endOfLocalDay('2026-12-22', tz);
    expect(closesAt.toISOString()).toBe('2026-12-22T16:00:00.000Z');
    expect(phaseOf({ status: 'issued', closesAt }, new Date('2026-12-22T23:59:59+08:00'))).toBe('open');
    expect(phaseOf({ status: 'issued', closesAt }, new Date('2026-12-23T00:00:00+08:00'))).toBe('closed');
    expect(isAllowed('answer', 'open') && isAllowed('enter_paper', 'open')).toBe(true);
    expect(isAllowed('answer', 'closed') || isAllowed('enter_paper', 'closed')).toBe(false);
    expect(isAllowed('view_statistics', 'closed')).toBe(true);
  });
});

describe('the recovery deadline: 15 working days after issue', () => {
  it('issued Monday 1 June 2026 → recovered by Tuesday 23 June (端午 19 June off), statistics by 14 July', () => {
    const s = issueSchedule(new Date('2026-06-01T09:00:00+08:00'), policy, calendar, tz);
    expect(s).toEqual({ issuedOn: '2026-06-01', recoveryDeadline: '2026-06-23', statisticsDeadline: '2026-07-14' });
  });

  it('issued Tuesday 1 December 2026 → recovered by Tuesday 22 December', () => {
    expect(issueSchedule(new Date('2026-12-01T09:00:00+08:00'), policy, calendar, tz).recoveryDeadline).toBe('2026-12-22');
  });

  it('skips the company’s own days off', () => {
    const withDayOff = chineseWorkCalendar({ extraHolidays: ['2026-12-10'], extraWorkingDays: [] });
    expect(issueSchedule(new Date('2026-12-01T09:00:00+08:00'), policy, withDayOff, tz).recoveryDeadline).toBe('2026-12-23');
  });

  it('counts an issue on a Saturday from the next working day', () => {
    // Saturday 5 December 2026 → Monday 7th is day 0 → 15 working days later is Monday 28th.
    expect(issueSchedule(new Date('2026-12-05T10:00:00+08:00'), policy, calendar, tz).recoveryDeadline).toBe('2026-12-28');
  });

  it('counts the working days left, today included, and none after the deadline', () => {
    expect(workingDaysLeft('2026-12-21', '2026-12-22', calendar)).toBe(2);
    expect(workingDaysLeft('2026-12-22', '2026-12-22', calendar)).toBe(1);
    expect(workingDaysLeft('2026-12-19', '2026-12-22', calendar)).toBe(2);
    expect(workingDaysLeft('2026-12-23', '2026-12-22', calendar)).toBe(0);
  });
});

describe('when the scheduler issues: June and December, from the issue day', () => {
  it('issues in June and December from the 1st', () => {
    expect(duePeriod('2026-06-01', policy)).toBe('2026-06');
    expect(duePeriod('2026-12-15', policy)).toBe('2026-12');
    expect(duePeriod('2026-11-30', policy)).toBeNull();
  });

  it('follows the policy months and day', () => {
    const p = { ...policy, issueMonths: [3, 9], issueDay: 10 };
    expect(duePeriod('2026-03-09', p)).toBeNull();
    expect(duePeriod('2026-03-10', p)).toBe('2026-03');
    expect(duePeriod('2026-06-10', p)).toBeNull();
  });
});
