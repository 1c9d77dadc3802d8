import type { Role } from '../access/roles.js';
import { addMinutes } from '../shared/clock.js';
import type { Matter, MatterTimerKind, MatterTimerSpec, Notice } from './decide.js';
import type { MatterFlag, MatterStatus } from './machine.js';
import type { MatterEscalationTarget, MatterPolicy } from './policy.js';

export interface MatterTimerOutcome {
  /** False when the matter has moved on and the timer no longer matters. */
  isRelevant: boolean;
  flag: MatterFlag | null;
  notices: Notice[];
  next: MatterTimerSpec | null;
  event: { type: string; data: Record<string, unknown> } | null;
}

const stillWaiting: Record<MatterTimerKind, readonly MatterStatus[]> = {
  handover_due: ['with_supervisor'],
  completion_due: ['with_department', 'in_progress'],
};
const flagOf: Record<MatterTimerKind, MatterFlag> = { handover_due: 'handover_overdue', completion_due: 'completion_overdue' };
const moot: MatterTimerOutcome = { isRelevant: false, flag: null, notices: [], next: null, event: null };

/** Decides what a due timer does to the matter as it stands now: flag it and climb the policy's chain, one level per interval. */
export function fireMatterTimer(
  matter: Pick<Matter, 'status' | 'supervisorId' | 'department'>,
  timer: { kind: MatterTimerKind; level: number },
  policy: MatterPolicy,
  now: Date,
): MatterTimerOutcome {
  if (!stillWaiting[timer.kind].includes(matter.status)) return moot;
  const chain = timer.kind === 'handover_due' ? policy.handOverEscalationChain : policy.completionEscalationChain;
  const level = Math.min(timer.level, chain.length - 1);
  const target = chain[level] as MatterEscalationTarget;
  const title =
    timer.kind === 'handover_due'
      ? { zh: `报事超时未分派，已上报（第${level + 1}级）`, en: `Matter not handed over in time: escalated (level ${level + 1})` }
      : { zh: `报事超时未完成，已上报（第${level + 1}级）`, en: `Matter not done in time: escalated (level ${level + 1})` };
  const notice: Notice =
    target === 'supervisor'
      ? { roles: [], userIds: matter.supervisorId ? [matter.supervisorId] : [], title }
      : target === 'department_head'
        ? { roles: [], userIds: [], departmentHeadOf: matter.department ?? 'other', title }
        : { roles: [target as Role], userIds: [], title };
  // The desk chases at the first level (区域客服员跟踪 [001]).
  const notices: Notice[] = timer.level === 0 ? [notice, { roles: ['clerk'], userIds: [], title }] : [notice];
  return {
    isRelevant: true,
    flag: flagOf[timer.kind],
    notices,
    next:
      timer.level + 1 < chain.length
        ? { kind: timer.kind, dueAt: addMinutes(now, policy.escalationIntervalMinutes), level: timer.level + 1 }
        : null,
    event: { type: 'MatterEscalated', data: { timer: timer.kind, level: level + 1, target } },
  };
}
