import type { Role } from '../access/roles.js';
import { addMinutes } from '../shared/clock.js';
import type { Complaint, Notice, TimerKind, TimerSpec } from './decide.js';
import { rungAt, rungRole, rungTitle, topLevel } from './escalation.js';
import { type ComplaintStatus, type OverdueFlag, unansweredStatuses } from './machine.js';
import type { ComplaintPolicy } from './policy.js';

/** What a fired timer does: flag the complaint, tell people, maybe climb to the next rung. */
export interface TimerOutcome {
  /** False when the complaint has moved on and the timer no longer matters. */
  isRelevant: boolean;
  flag: OverdueFlag | null;
  /** Fields the timer changes (the escalation level). */
  patch: Partial<Pick<Complaint, 'escalationLevel'>>;
  notices: Notice[];
  /** Pending timer kinds to cancel before `next` is scheduled (a restarted ladder replaces the old one). */
  cancel: TimerKind[];
  next: TimerSpec | null;
  event: { type: string; data: Record<string, unknown> } | null;
}

type FiredComplaint = Pick<Complaint, 'status' | 'flags' | 'escalationLevel' | 'isForwarded' | 'centreReportedAt'>;

const beingHandled: ComplaintStatus[] = ['in_hand', 'awaiting_signoff', 'awaiting_reply'];

/** While the complaint is in one of these states, the timer still matters. */
const stillWaiting: Record<TimerKind, readonly ComplaintStatus[]> = {
  classify_due: ['recorded'],
  contact_due: ['contacting'],
  referral_due: ['referring'],
  reply_due: beingHandled,
  progress_update_due: beingHandled,
  escalation: unansweredStatuses,
  centre_report_due: ['replied', 'closed'],
  visit_due: ['replied'],
};

const flagOf: Record<Exclude<TimerKind, 'escalation'>, OverdueFlag> = {
  classify_due: 'classify_overdue',
  contact_due: 'contact_overdue',
  referral_due: 'referral_overdue',
  reply_due: 'reply_overdue',
  progress_update_due: 'progress_update_overdue',
  centre_report_due: 'centre_report_overdue',
  visit_due: 'visit_overdue',
};

/** Missing one of these deadlines puts the complaint on the escalation ladder. */
const deadlines: readonly TimerKind[] = ['classify_due', 'contact_due', 'referral_due', 'reply_due'];

const reminder: Record<Exclude<TimerKind, 'escalation'>, { roles: Role[]; zh: string; en: string }> = {
  classify_due: { roles: ['cs_supervisor'], zh: '投诉超时未分类', en: 'A complaint was not classified in time' },
  contact_due: {
    roles: ['cs_supervisor'],
    zh: '有效投诉超过2小时未联系业户',
    en: 'The complainant was not contacted within the time allowed',
  },
  referral_due: {
    roles: ['cs_supervisor', 'clerk'],
    zh: '协助处理投诉超时未书面转交解决部门',
    en: 'An assisted complaint was not referred in writing in time',
  },
  reply_due: { roles: ['cs_supervisor', 'clerk'], zh: '投诉超时未回复业户', en: 'The complainant was not answered in time' },
  progress_update_due: {
    roles: ['cs_supervisor', 'clerk'],
    zh: '请向业户通报协助处理投诉的进展',
    en: 'Give the complainant a progress update',
  },
  centre_report_due: {
    roles: ['cs_supervisor', 'director', 'complaint_centre'],
    zh: '转交投诉处理完毕已超12小时，结果未报公司投诉中心',
    en: 'The result of a forwarded complaint is overdue at the complaint centre',
  },
  visit_due: { roles: ['cs_supervisor', 'clerk'], zh: '投诉回访已到期', en: 'A complaint follow-up visit is due' },
};

const moot: TimerOutcome = { isRelevant: false, flag: null, patch: {}, notices: [], cancel: [], next: null, event: null };

/**
 * Decides what a due timer does to the complaint as it stands now. Escalation climbs exactly one
 * rung above where the complaint stands (a manual escalation in between is not climbed twice).
 */
export function fireTimer(
  complaint: FiredComplaint,
  timer: { kind: TimerKind; level: number },
  policy: ComplaintPolicy,
  now: Date,
): TimerOutcome {
  if (!stillWaiting[timer.kind].includes(complaint.status)) return moot;
  const top = topLevel(policy);

  if (timer.kind === 'escalation') {
    const level = complaint.escalationLevel + 1;
    if (level > top) return moot;
    const rung = rungAt(policy, level);
    return {
      isRelevant: true,
      flag: null,
      patch: { escalationLevel: level },
      notices: [
        {
          roles: [rungRole[rung]],
          userIds: [],
          title: {
            zh: `投诉逾期未办结，已上报${rungTitle[rung].zh}（第${level}级）`,
            en: `Overdue complaint escalated to the ${rungTitle[rung].en} (level ${level})`,
          },
        },
      ],
      cancel: [],
      next: level < top ? { kind: 'escalation', dueAt: addMinutes(now, policy.escalationIntervalMinutes), level: level + 1 } : null,
      event: { type: 'ComplaintEscalated', data: { fromLevel: complaint.escalationLevel, level, rung, byTimer: true } },
    };
  }

  if (timer.kind === 'centre_report_due' && (!complaint.isForwarded || complaint.centreReportedAt)) return moot;
  const flag = flagOf[timer.kind];
  const r = reminder[timer.kind];
  // The handler hears first; the ladder starts one interval later, where the complaint stands now.
  const startsLadder = deadlines.includes(timer.kind) && complaint.escalationLevel < top;
  const handler = rungRole[rungAt(policy, complaint.escalationLevel)];
  return {
    isRelevant: true,
    flag,
    patch: {},
    notices: [
      {
        roles: [...new Set<Role>([...r.roles, ...(deadlines.includes(timer.kind) ? [handler] : [])])],
        userIds: [],
        title: { zh: r.zh, en: r.en },
      },
    ],
    cancel: startsLadder ? ['escalation'] : [],
    next: startsLadder
      ? { kind: 'escalation', dueAt: addMinutes(now, policy.escalationIntervalMinutes), level: complaint.escalationLevel + 1 }
      : null,
    event: { type: 'ComplaintTimerFired', data: { timer: timer.kind, flag } },
  };
}
