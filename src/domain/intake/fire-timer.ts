import { addMinutes } from '../shared/clock.js';
import type { IntakeEntry, IntakeTimerKind, IntakeTimerSpec, Notice } from './decide.js';
import type { IntakeFlag, IntakeStatus } from './machine.js';
import type { IntakePolicy } from './policy.js';

/** What a fired timer does: flag the entry, maybe hand it to the department head, tell people, climb a level. */
export interface IntakeTimerOutcome {
  /** False when the entry has moved on and the timer no longer matters. */
  isRelevant: boolean;
  flag: IntakeFlag | null;
  patch: Partial<IntakeEntry>;
  notices: Notice[];
  next: IntakeTimerSpec | null;
  event: { type: string; data: Record<string, unknown> } | null;
}

const stillWaiting: Record<IntakeTimerKind, readonly IntakeStatus[]> = {
  reply_due: ['awaiting_reply'],
  emergency_ack: ['emergency'],
};

const moot: IntakeTimerOutcome = { isRelevant: false, flag: null, patch: {}, notices: [], next: null, event: null };

/** Decides what a due timer does to the entry as it stands now. */
export function fireIntakeTimer(
  entry: Pick<IntakeEntry, 'status' | 'flags' | 'isEscalated' | 'ownerId' | 'firstOwnerId' | 'departmentHeadId'>,
  timer: { kind: IntakeTimerKind; level: number },
  policy: IntakePolicy,
  now: Date,
): IntakeTimerOutcome {
  if (!stillWaiting[timer.kind].includes(entry.status)) return moot;

  if (timer.kind === 'reply_due') {
    const flag: IntakeFlag = 'reply_overdue';
    if (timer.level === 0) {
      // 超过规定时间 → 报有关部门主管领导 [001]: the department head owns it from now on.
      const patch: Partial<IntakeEntry> = entry.isEscalated
        ? {}
        : { ownerId: entry.departmentHeadId, isEscalated: true, escalationReason: 'overdue' };
      const dueAt = addMinutes(now, policy.escalatedReplyMinutes);
      patch.replyDueAt = dueAt;
      return {
        isRelevant: true,
        flag,
        patch,
        notices: [
          {
            roles: [],
            userIds: [...new Set([entry.departmentHeadId, entry.firstOwnerId])],
            title: { zh: '首问事项超时未答复，已转部门主管', en: 'Reply overdue: the department head now answers for it' },
          },
        ],
        next: { kind: 'reply_due', dueAt, level: 1 },
        event: { type: 'ReplyOverdue', data: { level: 1, ownerId: patch.ownerId ?? entry.ownerId } },
      };
    }
    return {
      isRelevant: true,
      flag,
      patch: {},
      notices: [
        {
          roles: ['director'],
          userIds: [entry.ownerId],
          title: { zh: '部门主管仍未答复业户', en: 'The department head has not replied either' },
        },
      ],
      next: null,
      event: { type: 'ReplyOverdue', data: { level: 2, ownerId: entry.ownerId } },
    };
  }

  // Nobody has taken the emergency: alert everybody on duty again and climb the chain.
  const chain = policy.emergencyEscalationChain;
  const level = Math.min(timer.level, chain.length - 1);
  const role = chain[level] as (typeof chain)[number];
  const title = {
    zh: `紧急求援无人响应，已上报（第${level + 1}级）`,
    en: `Nobody has taken the emergency: escalated (level ${level + 1})`,
  };
  return {
    isRelevant: true,
    flag: 'emergency_unacknowledged',
    patch: {},
    notices: [
      { roles: [], userIds: [], isNearestOnDuty: true, title },
      { roles: [role], userIds: [], title },
    ],
    // An emergency is never let go quiet: at the top of the chain the alarm repeats until somebody takes it.
    next: {
      kind: 'emergency_ack',
      dueAt: addMinutes(now, policy.emergencyEscalationIntervalMinutes),
      level: Math.min(timer.level + 1, chain.length - 1),
    },
    event: { type: 'EmergencyEscalated', data: { level: level + 1, role } },
  };
}
