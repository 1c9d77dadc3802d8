import { describe, expect, it } from 'vitest';
import type { VisitTimerKind } from './decide.js';
import { fireVisitTimer } from './fire-timer.js';
import { type VisitStatus, visitStatuses } from './machine.js';
import { bj, taskIn, VISITOR } from './test-support.js';

/** Hand-written: the visit is late while nobody has visited; the notice is late while it is owed and the task open. */
const stillWaitingIn: Record<VisitTimerKind, VisitStatus[]> = {
  visit_due: ['pending', 'booked'],
  rectification_due: ['pending', 'booked', 'rectifying', 'reprocessing'],
};

describe('what a due visit timer does (exhaustive over timers and states)', () => {
  const cases = (['visit_due', 'rectification_due'] as const).flatMap((kind) => visitStatuses.map((status) => [kind, status] as const));
  it.each(cases)('%s in %s matters only while the visit still waits', (kind, status) => {
    const out = fireVisitTimer(taskIn(status, { rectificationDueAt: bj('2026-11-26T09:00:00') }), { kind, level: 0 });
    expect(out.isRelevant).toBe(stillWaitingIn[kind].includes(status));
    if (out.isRelevant) expect(out.notices.length).toBeGreaterThan(0);
    else expect(out).toEqual({ isRelevant: false, flag: null, notices: [], next: null, event: null });
  });

  it('flags an overdue visit and tells its visitor and the CS supervisor', () => {
    const out = fireVisitTimer(taskIn('pending'), { kind: 'visit_due', level: 0 });
    expect(out.flag).toBe('visit_overdue');
    expect(out.notices).toEqual([expect.objectContaining({ roles: ['cs_supervisor'], userIds: [VISITOR.id] })]);
  });

  it('flags an overdue rectification notice and tells both supervisors', () => {
    const out = fireVisitTimer(taskIn('rectifying'), { kind: 'rectification_due', level: 0 });
    expect(out.flag).toBe('rectification_overdue');
    expect(out.notices[0]?.roles).toEqual(['eng_supervisor', 'cs_supervisor']);
  });

  it('stays quiet once the notice is issued', () => {
    expect(fireVisitTimer(taskIn('reprocessing', { rectificationDueAt: null }), { kind: 'rectification_due', level: 0 }).isRelevant).toBe(
      false,
    );
  });
});
