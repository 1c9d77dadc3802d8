import { describe, expect, it } from 'vitest';
import { type IntakeTimerKind, intakeTimerKinds } from './decide.js';
import { fireIntakeTimer } from './fire-timer.js';
import { type IntakeStatus, intakeStatuses } from './machine.js';
import { bj, entryIn, FIRST, HEAD, intakePolicy, iso } from './test-support.js';

/** While the entry is in one of these states the timer still matters (hand-written from §2). */
const stillWaitingIn: Record<IntakeTimerKind, IntakeStatus[]> = {
  // Nobody has answered yet.
  reply_due: ['awaiting_reply'],
  // Nobody has taken the emergency.
  emergency_ack: ['emergency'],
};

describe('what a due timer does (exhaustive over timers and states)', () => {
  const cases = intakeTimerKinds.flatMap((kind) => intakeStatuses.map((status) => [kind, status] as const));
  it.each(cases)('%s in %s matters only while the entry still waits', (kind, status) => {
    const out = fireIntakeTimer(entryIn(status), { kind, level: 0 }, intakePolicy(), bj('2026-11-25T11:00:00'));
    if (stillWaitingIn[kind].includes(status)) {
      expect(out.isRelevant).toBe(true);
      expect(out.flag).not.toBeNull();
      expect(out.notices.length).toBeGreaterThan(0);
      expect(out.event).not.toBeNull();
    } else {
      expect(out).toEqual({ isRelevant: false, flag: null, patch: {}, notices: [], next: null, event: null });
    }
  });
});

describe('a reply over time → the department head', () => {
  it('hands a consultation not answered by 11:00 to the department head, who must answer by 13:00', () => {
    const out = fireIntakeTimer(entryIn('awaiting_reply'), { kind: 'reply_due', level: 0 }, intakePolicy(), bj('2026-11-25T11:00:00'));
    expect(out.flag).toBe('reply_overdue');
    expect(out.patch).toEqual({ ownerId: HEAD.id, isEscalated: true, escalationReason: 'overdue', replyDueAt: bj('2026-11-25T13:00:00') });
    expect(out.notices[0]?.userIds).toEqual([HEAD.id, FIRST.id]);
    expect(out.next).toEqual({ kind: 'reply_due', dueAt: bj('2026-11-25T13:00:00'), level: 1 });
    expect(out.event).toEqual({ type: 'ReplyOverdue', data: { level: 1, ownerId: HEAD.id } });
  });

  it('tells the director when the head has not answered either, and stops there', () => {
    const escalated = entryIn('awaiting_reply', { ownerId: HEAD.id, isEscalated: true });
    const out = fireIntakeTimer(escalated, { kind: 'reply_due', level: 1 }, intakePolicy(), bj('2026-11-25T13:00:00'));
    expect(out.patch).toEqual({});
    expect(out.notices).toEqual([expect.objectContaining({ roles: ['director'], userIds: [HEAD.id] })]);
    expect(out.next).toBeNull();
  });

  it('does not move an entry the first owner already handed up', () => {
    const handed = entryIn('awaiting_reply', { ownerId: HEAD.id, isEscalated: true, escalationReason: 'handed_up' });
    const out = fireIntakeTimer(handed, { kind: 'reply_due', level: 0 }, intakePolicy(), bj('2026-11-25T11:00:00'));
    expect(out.patch.ownerId).toBeUndefined();
    expect(out.patch.escalationReason).toBeUndefined();
    expect(iso(out.next?.dueAt)).toBe(iso(bj('2026-11-25T13:00:00')));
  });
});

describe('an emergency nobody takes', () => {
  it('alerts everybody on duty again and climbs: director at 09:05, company manager at 09:10, and again every 5 minutes', () => {
    const policy = intakePolicy();
    const first = fireIntakeTimer(entryIn('emergency'), { kind: 'emergency_ack', level: 0 }, policy, bj('2026-11-25T09:05:00'));
    expect(first.flag).toBe('emergency_unacknowledged');
    expect(first.notices.map((n) => [n.isNearestOnDuty ?? false, n.roles])).toEqual([
      [true, []],
      [false, ['director']],
    ]);
    expect(first.next).toEqual({ kind: 'emergency_ack', dueAt: bj('2026-11-25T09:10:00'), level: 1 });
    const second = fireIntakeTimer(entryIn('emergency'), { kind: 'emergency_ack', level: 1 }, policy, bj('2026-11-25T09:10:00'));
    expect(second.notices[1]?.roles).toEqual(['company_manager']);
    expect(second.next).toEqual({ kind: 'emergency_ack', dueAt: bj('2026-11-25T09:15:00'), level: 1 });
    expect(second.patch).toEqual({});
  });

  it('stays quiet once somebody has taken it', () => {
    expect(
      fireIntakeTimer(entryIn('responding'), { kind: 'emergency_ack', level: 0 }, intakePolicy(), bj('2026-11-25T09:05:00')).isRelevant,
    ).toBe(false);
  });

  it('tells the top of the chain when the chain was shortened after the alarm was raised', () => {
    const out = fireIntakeTimer(
      entryIn('emergency'),
      { kind: 'emergency_ack', level: 4 },
      intakePolicy({ emergencyEscalationChain: ['cs_manager'] }),
      bj('2026-11-25T09:30:00'),
    );
    expect(out.notices[1]?.roles).toEqual(['cs_manager']);
    expect(out.next?.level).toBe(0);
  });
});
