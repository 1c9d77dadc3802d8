import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RepairPolicy } from '../policy/policy.js';
import { type TimerKind, timerKinds, timersForNewOrder } from './decide.js';
import { fireTimer } from './fire-timer.js';
import { overdueFlags, type RepairStatus, repairStatuses } from './machine.js';
import { bj, newOrder, orderIn, repairPolicy, T0, TZ } from './test-support.js';

const iso = (d: Date | undefined) => d?.toISOString();

/** While the order is in one of these states, the timer still matters (hand-written from §3). */
const stillWaitingIn: Record<TimerKind, RepairStatus[]> = {
  // Nobody grabbed it.
  grab_timeout: ['open'],
  // Assigned but not accepted.
  accept_timeout: ['dispatched'],
  // The technician is not on site yet.
  arrival_timeout: ['open', 'dispatched', 'accepted', 'on_the_way'],
  // No progress nor feedback since creation.
  progress_timeout: ['open', 'dispatched', 'accepted', 'on_the_way'],
  // Not finished: every working state, but not once back at the desk, done, or cancelled.
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
  // The supervisor has not priced the out-of-scope work.
  quote_timeout: ['awaiting_quote'],
  // The resident confirmed and nobody has visited.
  visit_due: ['confirmed'],
};

const flagFor: Record<TimerKind, string> = {
  grab_timeout: 'grab_overdue',
  accept_timeout: 'accept_overdue',
  arrival_timeout: 'arrival_overdue',
  progress_timeout: 'progress_overdue',
  same_day_timeout: 'not_done_same_day',
  quote_timeout: 'quote_overdue',
  visit_due: 'visit_overdue',
};

const fire = (status: RepairStatus, kind: TimerKind, at: Date, level = 0, policy: RepairPolicy = repairPolicy()) =>
  fireTimer({ status, flags: [] }, { kind, level }, policy, at);

describe('what a due timer does (exhaustive over timers and states)', () => {
  const cases = timerKinds.flatMap((kind) => repairStatuses.map((status) => [kind, status] as const));

  it.each(cases)('%s in %s: flags and tells people only while the order still waits', (kind, status) => {
    const out = fire(status, kind, T0);
    if (stillWaitingIn[kind].includes(status)) {
      expect(out.isRelevant).toBe(true);
      expect(out.flag).toBe(flagFor[kind]);
      expect(overdueFlags).toContain(out.flag);
      expect(out.notices.length).toBeGreaterThan(0);
      for (const n of out.notices) {
        expect(n.roles.length + n.userIds.length).toBeGreaterThan(0);
        expect(n.title.zh.length).toBeGreaterThan(0);
        expect(n.title.en.length).toBeGreaterThan(0);
      }
      expect(out.event).not.toBeNull();
    } else {
      expect(out).toEqual({ isRelevant: false, flag: null, notices: [], next: null, event: null });
    }
  });

  it('has a distinct flag for every timer', () => {
    expect(new Set(timerKinds.map((k) => fire(stillWaitingIn[k][0] as RepairStatus, k, T0).flag)).size).toBe(timerKinds.length);
  });
});

describe('the chases of domain.md §3', () => {
  it('chases the engineering supervisor when nobody grabs within 5 minutes', () => {
    const grab = timersForNewOrder(newOrder(), false, repairPolicy(), TZ, T0).find((t) => t.kind === 'grab_timeout');
    expect(iso(grab?.dueAt)).toBe(iso(bj('2026-11-25T09:05:00')));
    const out = fireTimer(newOrder(), { kind: 'grab_timeout', level: 0 }, repairPolicy(), bj('2026-11-25T09:05:00'));
    expect(out.flag).toBe('grab_overdue');
    expect(out.notices).toEqual([
      { roles: ['eng_supervisor', 'clerk'], userIds: [], title: expect.objectContaining({ zh: expect.stringContaining('工程主管') }) },
    ]);
    expect(out.next).toBeNull();
    expect(out.event).toEqual({ type: 'TimerFired', data: { timer: 'grab_timeout', flag: 'grab_overdue' } });
  });

  it('stays quiet when the order was grabbed in time', () => {
    expect(fire('accepted', 'grab_timeout', bj('2026-11-25T09:05:00')).isRelevant).toBe(false);
  });

  it('tells the engineering supervisor when an assigned order is not accepted within 15 minutes', () => {
    const out = fire('dispatched', 'accept_timeout', bj('2026-11-25T09:15:00'));
    expect(out.notices[0]?.roles).toEqual(['eng_supervisor']);
    expect(out.flag).toBe('accept_overdue');
  });

  it('has the desk apologise with an ETA when the technician is not on site in time', () => {
    const out = fire('on_the_way', 'arrival_timeout', bj('2026-11-25T09:20:00'));
    expect(out.flag).toBe('arrival_overdue');
    expect(out.notices[0]?.roles).toEqual(['eng_supervisor', 'clerk']);
    expect(out.notices[0]?.title.en).toMatch(/apologise/i);
    expect(fire('arrived', 'arrival_timeout', bj('2026-11-25T09:20:00')).isRelevant).toBe(false);
  });

  it('chases the team lead 2 hours after creation with no progress', () => {
    const progress = timersForNewOrder(newOrder(), false, repairPolicy(), TZ, T0).find((t) => t.kind === 'progress_timeout');
    expect(iso(progress?.dueAt)).toBe(iso(bj('2026-11-25T11:00:00')));
    const out = fire('accepted', 'progress_timeout', bj('2026-11-25T11:00:00'));
    expect(out.flag).toBe('progress_overdue');
    expect(out.notices[0]?.title.zh).toContain('维修班长');
    expect(fire('in_progress', 'progress_timeout', bj('2026-11-25T11:00:00')).isRelevant).toBe(false);
  });

  it('chases the supervisors when out-of-scope work is not priced within 5 minutes', () => {
    const out = fire('awaiting_quote', 'quote_timeout', bj('2026-11-25T09:05:00'));
    expect(out.flag).toBe('quote_overdue');
    expect(out.notices[0]?.roles).toEqual(['eng_supervisor', 'cs_supervisor']);
  });

  it('reminds the desk that a follow-up visit is due', () => {
    const out = fire('confirmed', 'visit_due', bj('2026-11-26T09:00:00'));
    expect(out.flag).toBe('visit_overdue');
    expect(out.notices[0]?.roles).toEqual(['cs_supervisor', 'clerk']);
    expect(fire('closed', 'visit_due', bj('2026-11-26T09:00:00')).isRelevant).toBe(false);
  });
});

describe('not done the same day: escalation', () => {
  it('escalates level by level when the order is not done the same day', () => {
    // Default chain: engineering supervisor → director → company manager, every 4 hours.
    const sameDay = timersForNewOrder(newOrder(), false, repairPolicy(), TZ, T0).find((t) => t.kind === 'same_day_timeout');
    expect(sameDay).toEqual({ kind: 'same_day_timeout', dueAt: bj('2026-11-26T00:00:00'), level: 0 });

    const first = fireTimer(orderIn('in_progress'), { kind: 'same_day_timeout', level: 0 }, repairPolicy(), bj('2026-11-26T00:00:00'));
    expect(first.flag).toBe('not_done_same_day');
    expect(first.notices).toEqual([
      {
        roles: ['eng_supervisor', 'clerk'],
        userIds: [],
        title: { zh: '工单当日未完成，已上报（第1级）', en: 'Order not finished the same day: escalated (level 1)' },
      },
    ]);
    expect(first.event).toEqual({ type: 'OrderEscalated', data: { timer: 'same_day_timeout', level: 1, role: 'eng_supervisor' } });
    expect(first.next).toEqual({ kind: 'same_day_timeout', dueAt: bj('2026-11-26T04:00:00'), level: 1 });

    const second = fireTimer(orderIn('on_hold'), { kind: 'same_day_timeout', level: 1 }, repairPolicy(), bj('2026-11-26T04:00:00'));
    expect(second.notices[0]?.roles).toEqual(['director']);
    expect(second.event?.data.level).toBe(2);
    expect(second.next).toEqual({ kind: 'same_day_timeout', dueAt: bj('2026-11-26T08:00:00'), level: 2 });

    const third = fireTimer(orderIn('on_hold'), { kind: 'same_day_timeout', level: 2 }, repairPolicy(), bj('2026-11-26T08:00:00'));
    expect(third.notices[0]?.roles).toEqual(['company_manager']);
    expect(third.event?.data).toEqual({ timer: 'same_day_timeout', level: 3, role: 'company_manager' });
    // The top of the chain: nobody higher to tell.
    expect(third.next).toBeNull();
  });

  it('stops escalating once the job is done', () => {
    for (const status of ['completed', 'confirmed', 'closed', 'cancelled', 'returned'] as const) {
      expect(fire(status, 'same_day_timeout', bj('2026-11-26T04:00:00'), 1).isRelevant, status).toBe(false);
    }
  });

  it('follows the community’s own chain and interval', () => {
    const policy = repairPolicy({ escalationChain: ['cs_supervisor', 'cs_manager'], escalationIntervalMinutes: 60 });
    const a = fire('in_progress', 'same_day_timeout', bj('2026-11-26T00:00:00'), 0, policy);
    expect(a.notices[0]?.roles).toEqual(['cs_supervisor', 'clerk']);
    expect(a.next).toEqual({ kind: 'same_day_timeout', dueAt: bj('2026-11-26T01:00:00'), level: 1 });
    const b = fire('in_progress', 'same_day_timeout', bj('2026-11-26T01:00:00'), 1, policy);
    expect(b.notices[0]?.roles).toEqual(['cs_manager']);
    expect(b.next).toBeNull();
  });

  it('tells the only level and stops when the chain has one level', () => {
    const out = fire('open', 'same_day_timeout', T0, 0, repairPolicy({ escalationChain: ['director'] }));
    expect(out.notices[0]?.roles).toEqual(['director', 'clerk']);
    expect(out.next).toBeNull();
  });

  it('tells the top of the chain when the chain was shortened after the timer was set', () => {
    const out = fire('open', 'same_day_timeout', T0, 5, repairPolicy({ escalationChain: ['eng_supervisor', 'director'] }));
    expect(out.notices[0]?.roles).toEqual(['director']);
    expect(out.next).toBeNull();
  });

  it('climbs one level at a time, never skipping nor repeating one, and never schedules in the past', () => {
    const chainRole = fc.constantFrom('eng_supervisor', 'cs_supervisor', 'director', 'cs_manager', 'company_manager') as fc.Arbitrary<
      RepairPolicy['escalationChain'][number]
    >;
    fc.assert(
      fc.property(
        fc.array(chainRole, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 60 * 24 * 30 }),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
        (chain, interval, start) => {
          const policy = repairPolicy({ escalationChain: chain, escalationIntervalMinutes: interval });
          const told: string[] = [];
          let timer: { kind: TimerKind; level: number } | null = { kind: 'same_day_timeout', level: 0 };
          let now = start;
          let fired = 0;
          while (timer) {
            const out = fireTimer({ status: 'in_progress', flags: [] }, timer, policy, now);
            fired++;
            expect(out.isRelevant).toBe(true);
            told.push(out.notices[0]?.roles[0] as string);
            expect(out.event?.data.level).toBe(timer.level + 1);
            if (out.next) {
              expect(out.next.level).toBe(timer.level + 1);
              expect(out.next.dueAt.getTime() - now.getTime()).toBe(interval * 60_000);
              now = out.next.dueAt;
            }
            timer = out.next;
          }
          expect(fired).toBe(chain.length);
          expect(told).toEqual(chain);
        },
      ),
      { numRuns: 300 },
    );
  });
});
