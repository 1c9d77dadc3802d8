import { addMinutes } from '../shared/clock.js';
import type { Liaison, LiaisonNotice, LiaisonTimerKind, LiaisonTimerSpec } from './decide.js';
import type { LiaisonFlag, LiaisonStatus } from './machine.js';
import type { WarrantyPolicy } from './policy.js';

export interface LiaisonTimerOutcome {
  /** False when the form has moved on and the timer no longer matters. */
  isRelevant: boolean;
  flag: LiaisonFlag | null;
  notices: LiaisonNotice[];
  next: LiaisonTimerSpec | null;
  event: { type: string; data: Record<string, unknown> } | null;
}

const stillWaiting: Record<LiaisonTimerKind, readonly LiaisonStatus[]> = {
  reply_due: ['awaiting_receipt', 'awaiting_reply'],
  repair_due: ['repair_scheduled'],
};
const flagOf: Record<LiaisonTimerKind, LiaisonFlag> = { reply_due: 'reply_overdue', repair_due: 'repair_overdue' };

/**
 * A due timer of a liaison form: the developer is late (no reply in time, or the promised repair
 * date passed). Flag the form, chase the developer's liaison and tell the CS supervisor; chase
 * again every interval while still late.
 */
export function fireLiaisonTimer(
  form: Pick<Liaison, 'status'>,
  timer: { kind: LiaisonTimerKind; level: number },
  policy: WarrantyPolicy,
  now: Date,
): LiaisonTimerOutcome {
  if (!stillWaiting[timer.kind].includes(form.status)) return { isRelevant: false, flag: null, notices: [], next: null, event: null };
  const title =
    timer.kind === 'reply_due'
      ? { zh: `工作联系单超时未答复，跟催（第${timer.level + 1}次）`, en: `Liaison form not answered in time: chase ${timer.level + 1}` }
      : {
          zh: `工作联系单超过承诺完成日期，跟催（第${timer.level + 1}次）`,
          en: `Liaison form past its repair date: chase ${timer.level + 1}`,
        };
  return {
    isRelevant: true,
    flag: flagOf[timer.kind],
    notices: [
      { roles: ['developer_liaison'], title },
      { roles: ['cs_supervisor'], title },
    ],
    next: { kind: timer.kind, dueAt: addMinutes(now, policy.chaseIntervalHours * 60), level: timer.level + 1 },
    event: { type: 'LiaisonOverdue', data: { timer: timer.kind, chase: timer.level + 1 } },
  };
}
