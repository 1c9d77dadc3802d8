import { describe, expect, it } from 'vitest';
import type { MatterTimerKind } from './decide.js';
import { fireMatterTimer } from './fire-timer.js';
import { type MatterStatus, matterStatuses } from './machine.js';
import { bj, matterIn, matterPolicy, SUPERVISOR } from './test-support.js';

/** Hand-written: the hand-over is late while the supervisor has it; the work is late until it comes back. */
const stillWaitingIn: Record<MatterTimerKind, MatterStatus[]> = {
  handover_due: ['with_supervisor'],
  completion_due: ['with_department', 'in_progress'],
};

describe('what a due matter timer does (exhaustive over timers and states)', () => {
  const cases = (['handover_due', 'completion_due'] as const).flatMap((kind) => matterStatuses.map((status) => [kind, status] as const));
  it.each(cases)('%s in %s matters only while the matter still waits', (kind, status) => {
    const out = fireMatterTimer(matterIn(status), { kind, level: 0 }, matterPolicy(), bj('2026-11-25T09:30:00'));
    expect(out.isRelevant).toBe(stillWaitingIn[kind].includes(status));
    if (!out.isRelevant) expect(out).toEqual({ isRelevant: false, flag: null, notices: [], next: null, event: null });
  });
});

describe('late hand-over', () => {
  it('chases the supervisor and tells the desk at 09:30, then the director at 13:30, then stops', () => {
    const first = fireMatterTimer(
      matterIn('with_supervisor'),
      { kind: 'handover_due', level: 0 },
      matterPolicy(),
      bj('2026-11-25T09:30:00'),
    );
    expect(first.flag).toBe('handover_overdue');
    expect(first.notices.map((n) => [n.roles, n.userIds])).toEqual([
      [[], [SUPERVISOR.id]],
      [['clerk'], []],
    ]);
    expect(first.next).toEqual({ kind: 'handover_due', dueAt: bj('2026-11-25T13:30:00'), level: 1 });
    const second = fireMatterTimer(
      matterIn('with_supervisor'),
      { kind: 'handover_due', level: 1 },
      matterPolicy(),
      bj('2026-11-25T13:30:00'),
    );
    expect(second.notices.map((n) => n.roles)).toEqual([['director']]);
    expect(second.next).toBeNull();
  });
});

describe('late work → the department head', () => {
  it('escalates to the department head with the desk, then the director, then the company manager, every 4 hours', () => {
    const policy = matterPolicy();
    const m = matterIn('in_progress');
    const first = fireMatterTimer(m, { kind: 'completion_due', level: 0 }, policy, bj('2026-11-26T09:20:00'));
    expect(first.flag).toBe('completion_overdue');
    expect(first.notices[0]).toMatchObject({ departmentHeadOf: 'security', roles: [] });
    expect(first.notices[1]?.roles).toEqual(['clerk']);
    expect(first.event).toEqual({ type: 'MatterEscalated', data: { timer: 'completion_due', level: 1, target: 'department_head' } });
    expect(first.next).toEqual({ kind: 'completion_due', dueAt: bj('2026-11-26T13:20:00'), level: 1 });
    const second = fireMatterTimer(m, { kind: 'completion_due', level: 1 }, policy, bj('2026-11-26T13:20:00'));
    expect(second.notices.map((n) => n.roles)).toEqual([['director']]);
    const third = fireMatterTimer(m, { kind: 'completion_due', level: 2 }, policy, bj('2026-11-26T17:20:00'));
    expect(third.notices.map((n) => n.roles)).toEqual([['company_manager']]);
    expect(third.next).toBeNull();
  });

  it('follows the community’s own chain and interval', () => {
    const policy = matterPolicy({ completionEscalationChain: ['department_head', 'cs_manager'], escalationIntervalMinutes: 60 });
    const out = fireMatterTimer(matterIn('with_department'), { kind: 'completion_due', level: 0 }, policy, bj('2026-11-26T09:00:00'));
    expect(out.next?.dueAt).toEqual(bj('2026-11-26T10:00:00'));
    expect(
      fireMatterTimer(matterIn('with_department'), { kind: 'completion_due', level: 1 }, policy, bj('2026-11-26T10:00:00')).notices[0]
        ?.roles,
    ).toEqual(['cs_manager']);
  });

  it('tells the top of the chain when the chain was shortened after the timer was set', () => {
    const out = fireMatterTimer(
      matterIn('in_progress'),
      { kind: 'completion_due', level: 5 },
      matterPolicy({ completionEscalationChain: ['director'] }),
      bj('2026-11-26T09:00:00'),
    );
    expect(out.notices.map((n) => n.roles)).toEqual([['director']]);
    expect(out.next).toBeNull();
  });
});
