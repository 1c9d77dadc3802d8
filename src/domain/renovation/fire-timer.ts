import { addMinutes } from '../shared/clock.js';
import type { Notice, Renovation, RenovationTimerKind, RenovationTimerSpec, Violation } from './decide.js';
import type { RenovationFlag, RenovationStatus } from './machine.js';

export interface RenovationTimerOutcome {
  /** False when the renovation has moved on and the timer no longer matters. */
  isRelevant: boolean;
  flag: RenovationFlag | null;
  /** Violations whose deadline passed unrectified (they become overdue). */
  overdueViolationIds: string[];
  notices: Notice[];
  next: RenovationTimerSpec | null;
  event: { type: string; data: Record<string, unknown> } | null;
}

const moot: RenovationTimerOutcome = { isRelevant: false, flag: null, overdueViolationIds: [], notices: [], next: null, event: null };
const worksStatuses: readonly RenovationStatus[] = ['in_works', 'stopped', 'inspection_booked', 'inspection_failed'];
/** The refund chase repeats daily while the refund is late, this many times at most. */
const maxRefundChases = 5;

/** What a due timer does to the renovation as it stands now. */
export function fireRenovationTimer(
  r: Pick<Renovation, 'status' | 'violations'>,
  timer: { kind: RenovationTimerKind; level: number },
  now: Date,
): RenovationTimerOutcome {
  switch (timer.kind) {
    case 'check_due':
      // 当日交客服经理审核: the clerk has not passed the file on by the cutoff.
      if (r.status !== 'submitted') return moot;
      return {
        isRelevant: true,
        flag: 'check_overdue',
        overdueViolationIds: [],
        notices: [
          {
            roles: ['clerk', 'cs_supervisor'],
            userIds: [],
            title: { zh: '装修资料未按时审核', en: 'A renovation file was not checked in time' },
          },
        ],
        next: null,
        event: { type: 'RenovationCheckOverdue', data: {} },
      };
    case 'rectification_due': {
      if (!worksStatuses.includes(r.status)) return moot;
      const late = r.violations.filter((v: Violation) => v.status === 'notice_issued' && v.deadlineAt !== null && v.deadlineAt <= now);
      if (late.length === 0) return moot;
      return {
        isRelevant: true,
        flag: 'rectification_overdue',
        overdueViolationIds: late.map((v) => v.id),
        notices: [
          {
            roles: ['eng_supervisor', 'cs_manager'],
            userIds: [],
            title: {
              zh: '装修违规逾期未整改，请工程部经理决定停工或扣款',
              en: 'A violation is past its deadline: decide a stop or a deduction',
            },
          },
        ],
        next: null,
        event: { type: 'RectificationOverdue', data: { violationIds: late.map((v) => v.id) } },
      };
    }
    case 'refund_due':
      if (r.status !== 'refund_due') return moot;
      return {
        isRelevant: true,
        flag: 'refund_overdue',
        overdueViolationIds: [],
        notices: [
          {
            roles: ['finance', 'cs_manager'],
            userIds: [],
            title: { zh: '装修押金逾期未退', en: 'A renovation deposit refund is overdue' },
          },
        ],
        next: timer.level + 1 < maxRefundChases ? { kind: 'refund_due', dueAt: addMinutes(now, 24 * 60), level: timer.level + 1 } : null,
        event: { type: 'RefundOverdue', data: { level: timer.level + 1 } },
      };
  }
}
