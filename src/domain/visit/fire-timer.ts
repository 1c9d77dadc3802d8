import type { Notice, VisitTask, VisitTimerKind, VisitTimerSpec } from './decide.js';
import type { VisitFlag, VisitStatus } from './machine.js';

export interface VisitTimerOutcome {
  /** False when the task has moved on and the timer no longer matters. */
  isRelevant: boolean;
  flag: VisitFlag | null;
  notices: Notice[];
  next: VisitTimerSpec | null;
  event: { type: string; data: Record<string, unknown> } | null;
}

const moot: VisitTimerOutcome = { isRelevant: false, flag: null, notices: [], next: null, event: null };
const open: readonly VisitStatus[] = ['pending', 'booked', 'rectifying', 'reprocessing'];

/** Decides what a due timer does to the visit task as it stands now. */
export function fireVisitTimer(
  task: Pick<VisitTask, 'status' | 'visitorId' | 'rectificationDueAt'>,
  timer: { kind: VisitTimerKind; level: number },
): VisitTimerOutcome {
  if (timer.kind === 'visit_due') {
    if (task.status !== 'pending' && task.status !== 'booked') return moot;
    return {
      isRelevant: true,
      flag: 'visit_overdue',
      notices: [
        {
          roles: ['cs_supervisor'],
          userIds: task.visitorId ? [task.visitorId] : [],
          title: { zh: '回访已超期', en: 'A follow-up visit is overdue' },
        },
      ],
      next: null,
      event: { type: 'TimerFired', data: { timer: timer.kind, flag: 'visit_overdue' } },
    };
  }
  if (!open.includes(task.status) || !task.rectificationDueAt) return moot;
  return {
    isRelevant: true,
    flag: 'rectification_overdue',
    notices: [
      {
        roles: ['eng_supervisor', 'cs_supervisor'],
        userIds: [],
        title: { zh: '回访整改通知超期未发出', en: 'The rectification notice from a visit is overdue' },
      },
    ],
    next: null,
    event: { type: 'TimerFired', data: { timer: timer.kind, flag: 'rectification_overdue' } },
  };
}
