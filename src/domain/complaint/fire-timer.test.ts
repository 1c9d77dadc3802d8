import { describe, expect, it } from 'vitest';
import { type TimerKind, timerKinds } from './decide.js';
import { fireTimer } from './fire-timer.js';
import { type ComplaintStatus, complaintStatuses, overdueFlags } from './machine.js';
import { bj, complaintPolicy, T0 } from './test-support.js';

/** While the complaint is in one of these states, the timer still matters (hand-written from §4). */
const stillWaitingIn: Record<TimerKind, ComplaintStatus[]> = {
  // Nobody has classified it.
  classify_due: ['recorded'],
  // Classified valid or collective, nobody has called the complainant.
  contact_due: ['contacting'],
  // Classified assisted, the written referral has not gone out.
  referral_due: ['referring'],
  // Not answered by the agreed time (or within 2 h for invalid and on-the-spot complaints).
  reply_due: ['in_hand', 'awaiting_signoff', 'awaiting_reply'],
  // An assisted complaint still in hand: the complainant is owed news.
  progress_update_due: ['in_hand', 'awaiting_signoff', 'awaiting_reply'],
  // Still unanswered: the ladder keeps climbing.
  escalation: ['recorded', 'contacting', 'referring', 'in_hand', 'awaiting_signoff', 'awaiting_reply'],
  // Answered (visited or not) and the centre has not heard.
  centre_report_due: ['replied', 'closed'],
  // Answered and not yet visited.
  visit_due: ['replied'],
};

const flagFor: Record<Exclude<TimerKind, 'escalation'>, string> = {
  classify_due: 'classify_overdue',
  contact_due: 'contact_overdue',
  referral_due: 'referral_overdue',
  reply_due: 'reply_overdue',
  progress_update_due: 'progress_update_overdue',
  centre_report_due: 'centre_report_overdue',
  visit_due: 'visit_overdue',
};

const policy = complaintPolicy();
const complaint = (status: ComplaintStatus, escalationLevel = 0, over: { isForwarded?: boolean; centreReportedAt?: Date | null } = {}) => ({
  status,
  flags: [],
  escalationLevel,
  isForwarded: over.isForwarded ?? true,
  centreReportedAt: over.centreReportedAt ?? null,
});

describe('what a due timer does (exhaustive over timers and states)', () => {
  const cases = timerKinds.flatMap((kind) => complaintStatuses.map((status) => [kind, status] as const));

  it.each(cases)('%s in %s: acts only while the complaint still waits', (kind, status) => {
    const out = fireTimer(complaint(status), { kind, level: kind === 'escalation' ? 1 : 0 }, policy, T0);
    if (!stillWaitingIn[kind].includes(status)) {
      expect(out).toEqual({ isRelevant: false, flag: null, patch: {}, notices: [], cancel: [], next: null, event: null });
      return;
    }
    expect(out.isRelevant).toBe(true);
    expect(out.notices.length).toBeGreaterThan(0);
    expect(out.event).not.toBeNull();
    if (kind === 'escalation') {
      expect(out.flag).toBeNull();
      expect(out.patch).toEqual({ escalationLevel: 1 });
    } else {
      expect(out.flag).toBe(flagFor[kind]);
      expect(overdueFlags).toContain(out.flag);
    }
    if (out.next) expect(out.next.dueAt.getTime()).toBeGreaterThan(T0.getTime());
  });
});

describe('a missed deadline tells the handler, then the ladder climbs one rung per interval', () => {
  it('valid complaint classified 09:00, nobody called by 11:00: flagged, the CS supervisor told, the director due at 15:00', () => {
    const out = fireTimer(complaint('contacting'), { kind: 'contact_due', level: 0 }, policy, bj('2026-11-25T11:00:00'));
    expect(out.flag).toBe('contact_overdue');
    expect(out.notices[0]?.roles).toEqual(['cs_supervisor']);
    expect(out.cancel).toEqual(['escalation']);
    expect(out.next).toEqual({ kind: 'escalation', dueAt: bj('2026-11-25T15:00:00'), level: 1 });
    expect(out.event).toEqual({ type: 'ComplaintTimerFired', data: { timer: 'contact_due', flag: 'contact_overdue' } });
  });

  it('15:00 still not contacted: the office director; 19:00 the deputy GM; 23:00 the GM; then no further', () => {
    const c = complaint('contacting');
    const l1 = fireTimer(c, { kind: 'escalation', level: 1 }, policy, bj('2026-11-25T15:00:00'));
    expect(l1.patch).toEqual({ escalationLevel: 1 });
    expect(l1.notices[0]?.roles).toEqual(['director']);
    expect(l1.event).toEqual({ type: 'ComplaintEscalated', data: { fromLevel: 0, level: 1, rung: 'director', byTimer: true } });
    expect(l1.next).toEqual({ kind: 'escalation', dueAt: bj('2026-11-25T19:00:00'), level: 2 });

    const l2 = fireTimer({ ...c, escalationLevel: 1 }, { kind: 'escalation', level: 2 }, policy, bj('2026-11-25T19:00:00'));
    expect(l2.notices[0]?.roles).toEqual(['company_manager']);
    expect(l2.notices[0]?.title.zh).toContain('副总经理');
    expect(l2.next).toEqual({ kind: 'escalation', dueAt: bj('2026-11-25T23:00:00'), level: 3 });

    const l3 = fireTimer({ ...c, escalationLevel: 2 }, { kind: 'escalation', level: 3 }, policy, bj('2026-11-25T23:00:00'));
    expect(l3.notices[0]?.title.zh).toContain('总经理');
    expect(l3.patch).toEqual({ escalationLevel: 3 });
    expect(l3.next).toBeNull();

    expect(fireTimer({ ...c, escalationLevel: 3 }, { kind: 'escalation', level: 4 }, policy, bj('2026-11-26T03:00:00')).isRelevant).toBe(
      false,
    );
  });

  it('climbs from where a manual escalation left the complaint, never skipping nor repeating a rung', () => {
    // The timer was set for level 1, but the supervisor already took it to the director by hand.
    const out = fireTimer(complaint('in_hand', 1), { kind: 'escalation', level: 1 }, policy, bj('2026-11-25T15:00:00'));
    expect(out.patch).toEqual({ escalationLevel: 2 });
    expect(out.next?.level).toBe(3);
  });

  it('an agreed reply missed at 17:00 on a complaint already with the director tells the director, and climbs to the deputy GM at 21:00', () => {
    const out = fireTimer(complaint('in_hand', 1), { kind: 'reply_due', level: 0 }, policy, bj('2026-11-25T17:00:00'));
    expect(out.flag).toBe('reply_overdue');
    expect(out.notices[0]?.roles).toEqual(['cs_supervisor', 'clerk', 'director']);
    expect(out.next).toEqual({ kind: 'escalation', dueAt: bj('2026-11-25T21:00:00'), level: 2 });
  });

  it('starts no ladder above its top', () => {
    const out = fireTimer(complaint('awaiting_reply', 3), { kind: 'reply_due', level: 0 }, policy, T0);
    expect(out.flag).toBe('reply_overdue');
    expect(out.next).toBeNull();
    expect(out.cancel).toEqual([]);
  });

  it('uses the community’s interval and chain', () => {
    const p = complaintPolicy({ escalationIntervalMinutes: 60, escalationChain: ['cs_supervisor', 'cs_manager'] });
    const out = fireTimer(complaint('referring'), { kind: 'referral_due', level: 0 }, p, bj('2026-11-25T11:00:00'));
    expect(out.next).toEqual({ kind: 'escalation', dueAt: bj('2026-11-25T12:00:00'), level: 1 });
    const up = fireTimer(complaint('referring'), { kind: 'escalation', level: 1 }, p, bj('2026-11-25T12:00:00'));
    expect(up.notices[0]?.roles).toEqual(['cs_manager']);
    expect(up.next).toBeNull();
  });
});

describe('reminders that start no ladder', () => {
  it('a missing progress update is flagged for the desk, nothing more', () => {
    const out = fireTimer(complaint('in_hand'), { kind: 'progress_update_due', level: 0 }, policy, T0);
    expect(out.flag).toBe('progress_update_overdue');
    expect(out.next).toBeNull();
    expect(out.notices[0]?.roles).toEqual(['cs_supervisor', 'clerk']);
  });

  it('a forwarded result 12 h late at the centre tells the supervisor, the director and the centre', () => {
    const out = fireTimer(complaint('replied'), { kind: 'centre_report_due', level: 0 }, policy, T0);
    expect(out.flag).toBe('centre_report_overdue');
    expect(out.notices[0]?.roles).toEqual(['cs_supervisor', 'director', 'complaint_centre']);
    expect(out.next).toBeNull();
  });

  it('the centre timer is moot once the result is reported, or for a complaint never forwarded', () => {
    expect(
      fireTimer(complaint('replied', 0, { centreReportedAt: T0 }), { kind: 'centre_report_due', level: 0 }, policy, T0).isRelevant,
    ).toBe(false);
    expect(fireTimer(complaint('closed', 0, { isForwarded: false }), { kind: 'centre_report_due', level: 0 }, policy, T0).isRelevant).toBe(
      false,
    );
  });

  it('a due visit is flagged for the desk', () => {
    const out = fireTimer(complaint('replied'), { kind: 'visit_due', level: 0 }, policy, T0);
    expect(out.flag).toBe('visit_overdue');
    expect(out.next).toBeNull();
  });
});
