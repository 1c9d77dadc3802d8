import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { applyForHotWork, decideHotWork } from './decide.js';
import { fireHotWorkTimer } from './fire-timer.js';
import { defaultHotWorkPolicy } from './policy.js';
import { standardSafetyNotes } from './safety-notes.js';
import { at, CLEANER, CLERK, CS_MANAGER, CS_SUPERVISOR, ctxOf, ENG_SUPERVISOR, form, GUARD, permitIn, SYSTEM } from './test-support.js';

const refusal = (f: () => unknown): DomainError => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('applying for hot work (临时动火作业申请表)', () => {
  it('opens a complete application for CS approval and tells the CS supervisors', () => {
    const made = applyForHotWork(form(), ctxOf(CLERK));
    expect(made.permit.status).toBe('pending_cs');
    expect(made.event.type).toBe('HotWorkApplied');
    expect(made.notices[0]?.roles).toEqual(['cs_supervisor', 'cs_manager']);
  });
  it('lists every missing field at once', () => {
    const e = refusal(() =>
      applyForHotWork(
        form({ operatorCertificateNo: ' ', fireWatcherName: '', extinguisherCount: 1, hasClearedCombustibles: false }),
        ctxOf(CLERK),
      ),
    );
    expect(e.kind).toBe('invalid');
    expect(e.fields.map((f) => f.field).sort()).toEqual([
      'extinguisherCount',
      'fireWatcherName',
      'hasClearedCombustibles',
      'operatorCertificateNo',
    ]);
  });
  it('refuses a window in the past or longer than the policy allows', () => {
    expect(refusal(() => applyForHotWork(form({ windowStartAt: at('08:00') }), ctxOf(CLERK))).fields[0]?.field).toBe('windowStartAt');
    expect(refusal(() => applyForHotWork(form({ windowEndAt: at('08:00', '2026-11-26') }), ctxOf(CLERK))).fields[0]?.field).toBe(
      'windowEndAt',
    );
  });
  it('is entered by the desk only', () => {
    expect(refusal(() => applyForHotWork(form(), ctxOf(GUARD))).kind).toBe('forbidden');
  });
});

describe('approving and issuing the permit', () => {
  it('goes CS → engineering, and engineering issues the permit with the standard safety notes', () => {
    const cs = decideHotWork(permitIn('pending_cs'), { action: 'approve_cs' }, ctxOf(CS_SUPERVISOR));
    expect(cs.to).toBe('pending_engineering');
    expect(cs.notices[0]?.roles).toEqual(['eng_supervisor']);
    const eng = decideHotWork(permitIn('pending_engineering'), { action: 'approve_engineering' }, ctxOf(ENG_SUPERVISOR));
    expect(eng.to).toBe('issued');
    expect(eng.patch.safetyNotes).toEqual(standardSafetyNotes);
    expect(eng.schedule.map((t) => [t.kind, t.dueAt])).toEqual([
      ['window_end', at('17:00')],
      ['window_start', at('14:00')],
    ]);
  });
  it('starts work at once when engineering approves inside the window', () => {
    const eng = decideHotWork(permitIn('pending_engineering'), { action: 'approve_engineering' }, ctxOf(ENG_SUPERVISOR, at('15:00')));
    expect(eng.to).toBe('active');
    expect(eng.schedule.map((t) => t.kind)).toEqual(['window_end', 'inspection_due']);
    expect(eng.notices.some((n) => n.security)).toBe(true);
  });
  it('refuses to approve a window that is already over', () => {
    expect(
      refusal(() => decideHotWork(permitIn('pending_engineering'), { action: 'approve_engineering' }, ctxOf(ENG_SUPERVISOR, at('17:00'))))
        .code,
    ).toBe('window_passed');
  });
  it('lets the CS manager reject at the CS stage, with a reason, but not engineering', () => {
    expect(decideHotWork(permitIn('pending_cs'), { action: 'reject', reason: '无操作证' }, ctxOf(CS_MANAGER)).to).toBe('rejected');
    expect(refusal(() => decideHotWork(permitIn('pending_cs'), { action: 'reject', reason: 'x' }, ctxOf(ENG_SUPERVISOR))).code).toBe(
      'not_your_stage',
    );
    expect(
      refusal(() => decideHotWork(permitIn('pending_cs'), { action: 'reject', reason: ' ' }, ctxOf(CS_MANAGER))).fields[0]?.field,
    ).toBe('reason');
  });
  it('refuses an approval out of turn', () => {
    expect(refusal(() => decideHotWork(permitIn('pending_cs'), { action: 'approve_engineering' }, ctxOf(ENG_SUPERVISOR))).kind).toBe(
      'conflict',
    );
    expect(refusal(() => decideHotWork(permitIn('pending_cs'), { action: 'approve_cs' }, ctxOf(CLERK))).kind).toBe('forbidden');
  });
});

describe('during the window: security inspects', () => {
  it('records an inspection found in order and restarts the reminder', () => {
    const d = decideHotWork(permitIn('active'), { action: 'inspect', findings: 'ok' }, ctxOf(GUARD, at('14:30')));
    expect(d.to).toBe('active');
    expect(d.patch.inspectionCount).toBe(1);
    expect(d.cancel).toEqual(['inspection_due']);
    expect(d.schedule).toEqual([{ kind: 'inspection_due', dueAt: at('15:30'), level: 0 }]);
  });
  it('stops work on a problem, and a later inspection resumes it', () => {
    const stop = decideHotWork(
      permitIn('active'),
      { action: 'inspect', findings: 'problem', note: '监护人不在场', stopWork: true },
      ctxOf(GUARD),
    );
    expect(stop.to).toBe('suspended');
    expect(stop.event.type).toBe('HotWorkSuspended');
    expect(stop.schedule).toEqual([]);
    const resume = decideHotWork(permitIn('suspended'), { action: 'inspect', findings: 'ok', resumeWork: true }, ctxOf(GUARD));
    expect(resume.to).toBe('active');
    expect(resume.event.type).toBe('HotWorkResumed');
  });
  it('needs a note for a problem and refuses to resume on a problem', () => {
    expect(
      refusal(() => decideHotWork(permitIn('active'), { action: 'inspect', findings: 'problem' }, ctxOf(GUARD))).fields[0]?.field,
    ).toBe('note');
    expect(
      refusal(() =>
        decideHotWork(permitIn('suspended'), { action: 'inspect', findings: 'problem', note: 'x', resumeWork: true }, ctxOf(GUARD)),
      ).fields[0]?.field,
    ).toBe('resumeWork');
  });
  it('is not for the cleaning department', () => {
    expect(refusal(() => decideHotWork(permitIn('active'), { action: 'inspect', findings: 'ok' }, ctxOf(CLEANER))).code).toBe(
      'not_security',
    );
  });
});

describe('closing with the completion check', () => {
  it('closes when the site is safe and no embers are left', () => {
    const d = decideHotWork(permitIn('finished'), { action: 'close', isSiteSafe: true, hasNoEmbers: true }, ctxOf(GUARD));
    expect(d.to).toBe('closed');
    expect(d.cancel).toEqual(['window_start', 'window_end', 'inspection_due']);
  });
  it('refuses to close while embers remain', () => {
    const e = refusal(() => decideHotWork(permitIn('active'), { action: 'close', isSiteSafe: true, hasNoEmbers: false }, ctxOf(CLERK)));
    expect(e.fields.map((f) => f.field)).toEqual(['hasNoEmbers']);
  });
});

describe('the window timers', () => {
  const policy = defaultHotWorkPolicy();
  it('starts an issued permit at its window start and ends it at its window end', () => {
    expect(fireHotWorkTimer(permitIn('issued'), { kind: 'window_start', level: 0 }, policy, at('14:00'))).toEqual({
      kind: 'step',
      action: 'start',
    });
    expect(fireHotWorkTimer(permitIn('suspended'), { kind: 'window_end', level: 0 }, policy, at('17:00'))).toEqual({
      kind: 'step',
      action: 'end',
    });
    const end = decideHotWork(permitIn('active'), { action: 'end' }, ctxOf(SYSTEM, at('17:00')));
    expect(end.to).toBe('finished');
    expect(end.notices.some((n) => n.roles.includes('clerk'))).toBe(true);
  });
  it('reminds security every interval while work is under way, and stops when it is not', () => {
    const r = fireHotWorkTimer(permitIn('active'), { kind: 'inspection_due', level: 2 }, policy, at('15:00'));
    expect(r.kind === 'remind' && r.next).toEqual({ kind: 'inspection_due', dueAt: at('16:00'), level: 3 });
    expect(fireHotWorkTimer(permitIn('suspended'), { kind: 'inspection_due', level: 0 }, policy, at('15:00'))).toEqual({ kind: 'moot' });
    expect(fireHotWorkTimer(permitIn('closed'), { kind: 'window_end', level: 0 }, policy, at('17:00'))).toEqual({ kind: 'moot' });
  });
});
