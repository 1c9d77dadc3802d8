import type { Role } from '../access/roles.js';
import { addMinutes } from '../shared/clock.js';
import type { RepairPolicy } from '../policy/policy.js';
import type { Notice, RepairOrder, TimerKind, TimerSpec } from './decide.js';
import type { OverdueFlag, RepairStatus } from './machine.js';

/** What a fired timer does: flag the order, tell people, maybe climb to the next level. */
export interface TimerOutcome {
  /** False when the order has moved on and the timer no longer matters. */
  isRelevant: boolean;
  flag: OverdueFlag | null;
  notices: Notice[];
  next: TimerSpec | null;
  event: { type: string; data: Record<string, unknown> } | null;
}

const stillWaiting: Record<TimerKind, readonly RepairStatus[]> = {
  grab_timeout: ['open'],
  accept_timeout: ['dispatched'],
  arrival_timeout: ['open', 'dispatched', 'accepted', 'on_the_way'],
  progress_timeout: ['open', 'dispatched', 'accepted', 'on_the_way'],
  same_day_timeout: [
    'open',
    'dispatched',
    'accepted',
    'on_the_way',
    'arrived',
    'in_progress',
    'on_hold',
    'awaiting_quote',
    'awaiting_approval',
  ],
  quote_timeout: ['awaiting_quote'],
  visit_due: ['confirmed'],
};

const flagOf: Record<TimerKind, OverdueFlag> = {
  grab_timeout: 'grab_overdue',
  accept_timeout: 'accept_overdue',
  arrival_timeout: 'arrival_overdue',
  progress_timeout: 'progress_overdue',
  same_day_timeout: 'not_done_same_day',
  quote_timeout: 'quote_overdue',
  visit_due: 'visit_overdue',
};

const who: Record<Exclude<TimerKind, 'same_day_timeout'>, { roles: Role[]; zh: string; en: string }> = {
  grab_timeout: {
    roles: ['eng_supervisor', 'clerk'],
    zh: '工单超时无人抢单，请工程主管派工',
    en: 'Nobody grabbed the order: the engineering supervisor must assign it',
  },
  accept_timeout: { roles: ['eng_supervisor'], zh: '派工单超时未接单', en: 'An assigned order was not accepted in time' },
  arrival_timeout: {
    roles: ['eng_supervisor', 'clerk'],
    zh: '师傅未按时到场，请向业主致歉并告知预计到达时间',
    en: 'The technician is late: apologise and give the resident an ETA',
  },
  progress_timeout: {
    roles: ['eng_supervisor', 'clerk'],
    zh: '工单长时间无进展，请跟催维修班长',
    en: 'No progress on the order: chase the team lead',
  },
  quote_timeout: { roles: ['eng_supervisor', 'cs_supervisor'], zh: '超范围维修超时未报价', en: 'Out-of-scope work was not priced in time' },
  visit_due: { roles: ['cs_supervisor', 'clerk'], zh: '回访已到期', en: 'A follow-up visit is due' },
};

/** Decides what a due timer does to the order as it stands now. */
export function fireTimer(
  order: Pick<RepairOrder, 'status' | 'flags'>,
  timer: { kind: TimerKind; level: number },
  policy: RepairPolicy,
  now: Date,
): TimerOutcome {
  if (!stillWaiting[timer.kind].includes(order.status)) {
    return { isRelevant: false, flag: null, notices: [], next: null, event: null };
  }
  const flag = flagOf[timer.kind];
  if (timer.kind === 'same_day_timeout') {
    // 逐级汇报: one level of the chain at a time, until somebody finishes the job.
    const chain = policy.escalationChain;
    const level = Math.min(timer.level, chain.length - 1);
    const role = chain[level] as Role;
    const hasNext = timer.level + 1 < chain.length;
    return {
      isRelevant: true,
      flag,
      notices: [
        {
          roles: level === 0 ? [role, 'clerk'] : [role],
          userIds: [],
          title: {
            zh: `工单当日未完成，已上报（第${level + 1}级）`,
            en: `Order not finished the same day: escalated (level ${level + 1})`,
          },
        },
      ],
      next: hasNext ? { kind: 'same_day_timeout', dueAt: addMinutes(now, policy.escalationIntervalMinutes), level: timer.level + 1 } : null,
      event: { type: 'OrderEscalated', data: { timer: timer.kind, level: level + 1, role } },
    };
  }
  const w = who[timer.kind];
  return {
    isRelevant: true,
    flag,
    notices: [{ roles: w.roles, userIds: [], title: { zh: w.zh, en: w.en } }],
    next: null,
    event: { type: 'TimerFired', data: { timer: timer.kind, flag } },
  };
}
