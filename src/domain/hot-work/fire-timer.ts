import { addMinutes } from '../shared/clock.js';
import type { HotWorkNotice, HotWorkPermit, HotWorkTimerKind, HotWorkTimerSpec } from './decide.js';
import type { HotWorkPolicy } from './policy.js';

/** What a due timer does: take one of the window's own steps, or remind security to inspect. */
export type HotWorkTimerOutcome =
  | { kind: 'moot' }
  | { kind: 'step'; action: 'start' | 'end' }
  | { kind: 'remind'; notices: HotWorkNotice[]; next: HotWorkTimerSpec; event: { type: string; data: Record<string, unknown> } };

/** Decides what a due timer does to the permit as it stands now. */
export function fireHotWorkTimer(
  permit: Pick<HotWorkPermit, 'status' | 'lastInspectedAt'>,
  timer: { kind: HotWorkTimerKind; level: number },
  policy: HotWorkPolicy,
  now: Date,
): HotWorkTimerOutcome {
  switch (timer.kind) {
    case 'window_start':
      return permit.status === 'issued' ? { kind: 'step', action: 'start' } : { kind: 'moot' };
    case 'window_end':
      return ['issued', 'active', 'suspended'].includes(permit.status) ? { kind: 'step', action: 'end' } : { kind: 'moot' };
    case 'inspection_due':
      // Reminders run only while work is under way; a stopped site waits for its resuming inspection.
      if (permit.status !== 'active') return { kind: 'moot' };
      return {
        kind: 'remind',
        notices: [
          {
            roles: [],
            userIds: [],
            security: true,
            title: { zh: '动火作业到巡查时间，请前往检查', en: 'Time to inspect a hot-work site' },
          },
        ],
        next: { kind: 'inspection_due', dueAt: addMinutes(now, policy.inspectionIntervalMinutes), level: timer.level + 1 },
        event: {
          type: 'HotWorkInspectionReminded',
          data: { lastInspectedAt: permit.lastInspectedAt?.toISOString() ?? null, round: timer.level + 1 },
        },
      };
  }
}
