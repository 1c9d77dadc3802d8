import { describe, expect, it } from 'vitest';
import { createMatter, decideMatter, type Matter } from './decide.js';
import { matterActions, matterRules, matterStatuses } from './machine.js';
import {
  actorFor,
  bj,
  CLERK,
  ctx,
  deepFreeze,
  everyone,
  expectedAllowed,
  expectedTarget,
  GUARD,
  isTheirs,
  iso,
  matterIn,
  matterPolicy,
  newMatter,
  procedure,
  RESIDENT,
  refusal,
  SUPERVISOR,
  SYSTEM,
  sampleCommand,
  staff,
} from './test-support.js';

const applied = (m: Matter, d: ReturnType<typeof decideMatter>): Matter => ({ ...m, ...d.patch, status: d.to });

describe('who may do what to a matter, in every state (exhaustive)', () => {
  const cases = matterStatuses.flatMap((status) => matterActions.map((action) => [status, action] as const));

  it.each(cases)('in %s, %s is allowed for exactly the people the procedure names', (status, action) => {
    for (const who of everyone) {
      const matter = deepFreeze(matterIn(status));
      const run = () => decideMatter(matter, sampleCommand(action), ctx(actorFor(who)));
      const label = `${who} doing ${action} in ${status}`;
      if (expectedAllowed(status, action, who)) {
        const d = run();
        expect(d.to, label).toBe(expectedTarget(status, action));
        expect(d.event.type, label).toBe(matterRules[action].event);
      } else {
        const err = refusal(run);
        const step = procedure[action];
        expect(err.kind, `${label}: ${err.code}`).toBe(step.who.includes(who) && isTheirs(step.by, who, status) ? 'conflict' : 'forbidden');
      }
    }
  });

  it('keeps a supervisor the matter was not sent to from handing it over, but not the director', () => {
    expect(refusal(() => decideMatter(matterIn('with_supervisor'), sampleCommand('hand_over'), ctx(staff('eng_supervisor')))).code).toBe(
      'not_supervisor',
    );
    expect(decideMatter(matterIn('with_supervisor'), sampleCommand('hand_over'), ctx(staff('director'))).to).toBe('with_department');
  });

  it('keeps other departments off a matter handed to security', () => {
    const cleaner = staff('department_staff', 'cleaner-1');
    expect(
      refusal(() => decideMatter(matterIn('with_department'), sampleCommand('accept'), ctx(cleaner, { department: 'cleaning' }))).code,
    ).toBe('not_department');
    expect(refusal(() => decideMatter(matterIn('in_progress'), sampleCommand('complete'), ctx(staff('technician')))).code).toBe(
      'not_department',
    );
  });

  it('lets the engineering department work a matter handed to engineering', () => {
    const m = matterIn('with_department', { department: 'engineering' });
    expect(decideMatter(m, sampleCommand('accept'), ctx(staff('technician'))).patch.handlerId).toBe('technician-1');
  });

  it('never changes the matter it is given, nor its owner', () => {
    for (const status of matterStatuses) {
      for (const action of matterActions) {
        for (const who of everyone) {
          try {
            const d = decideMatter(deepFreeze(matterIn(status)), sampleCommand(action), ctx(actorFor(who)));
            expect(d.patch.ownerId).toBeUndefined();
          } catch {
            // refusals are covered above
          }
        }
      }
    }
  });
});

describe('the desk creates the matter and sends it to the specialist supervisor', () => {
  it('makes the creating clerk its owner, and gives the supervisor 30 minutes to hand it over (09:00 → 09:30)', () => {
    const out = createMatter(
      { category: 'public_order', content: '楼道堆放杂物', sendTo: { supervisorId: SUPERVISOR.id, supervisorRole: 'cs_supervisor' } },
      ctx(CLERK),
    );
    expect(out.matter).toMatchObject({ status: 'with_supervisor', ownerId: CLERK.id, supervisorId: SUPERVISOR.id });
    expect(out.events.map((e) => e.type)).toEqual(['MatterCreated', 'MatterSent']);
    expect(out.schedule).toEqual([{ kind: 'handover_due', dueAt: bj('2026-11-25T09:30:00'), level: 0 }]);
    expect(out.notices[0]?.userIds).toEqual([SUPERVISOR.id]);
  });

  it('can be created and sent later', () => {
    const out = createMatter({ category: 'x', content: 'y' }, ctx(CLERK));
    expect(out.matter.status).toBe('created');
    expect(out.schedule).toEqual([]);
  });

  it('is the desk’s to create, with its content', () => {
    for (const actor of [RESIDENT, SYSTEM, GUARD, staff('technician')])
      expect(refusal(() => createMatter({ category: 'x', content: 'y' }, ctx(actor))).kind).toBe('forbidden');
    expect(refusal(() => createMatter({ category: 'x', content: '' }, ctx(CLERK))).code).toBe('required');
  });

  it('is sent only to a specialist supervisor', () => {
    const err = refusal(() =>
      decideMatter(newMatter(), { action: 'send', supervisorId: 'tech-1', supervisorRole: 'technician' }, ctx(CLERK)),
    );
    expect(err.code).toBe('not_a_supervisor');
  });
});

describe('the supervisor hands it to a department', () => {
  it('gives the department 24 hours to finish: handed over at 09:20 → due 09:20 the next day', () => {
    const d = decideMatter(
      matterIn('with_supervisor'),
      { action: 'hand_over', department: 'security' },
      ctx(SUPERVISOR, { now: bj('2026-11-25T09:20:00') }),
    );
    expect(d.to).toBe('with_department');
    expect(d.patch.department).toBe('security');
    expect(d.cancel).toEqual(['handover_due', 'completion_due']);
    expect(d.schedule).toEqual([{ kind: 'completion_due', dueAt: bj('2026-11-26T09:20:00'), level: 0 }]);
    expect(d.notices[0]).toMatchObject({ departmentHeadOf: 'security' });
  });

  it('moves it to another department, restarting the clock, but not to the one that has it', () => {
    const d = decideMatter(
      matterIn('in_progress', { flags: ['completion_overdue'] }),
      { action: 'hand_over', department: 'landscaping' },
      ctx(SUPERVISOR),
    );
    expect(d.patch).toMatchObject({ department: 'landscaping', handlerId: null, flags: [] });
    expect(
      refusal(() => decideMatter(matterIn('in_progress'), { action: 'hand_over', department: 'security' }, ctx(SUPERVISOR))).code,
    ).toBe('same_department');
  });

  it('follows the community’s own completion time', () => {
    const d = decideMatter(
      matterIn('with_supervisor'),
      sampleCommand('hand_over'),
      ctx(SUPERVISOR, { policy: matterPolicy({ completionMinutes: 240 }) }),
    );
    expect(iso(d.schedule[0]?.dueAt)).toBe(iso(bj('2026-11-25T13:00:00')));
  });
});

describe('the department accepts, declines or completes it', () => {
  it('records who accepted it', () => {
    expect(decideMatter(matterIn('with_department'), { action: 'accept' }, ctx(GUARD)).patch.handlerId).toBe(GUARD.id);
  });

  it('sends a matter that is not theirs back to the supervisor, who has 30 minutes again', () => {
    const d = decideMatter(
      matterIn('with_department'),
      { action: 'decline', reason: '属清洁部' },
      ctx(GUARD, { now: bj('2026-11-25T10:00:00') }),
    );
    expect(d.to).toBe('with_supervisor');
    expect(d.patch.department).toBeNull();
    expect(d.cancel).toEqual(['completion_due']);
    expect(d.schedule).toEqual([{ kind: 'handover_due', dueAt: bj('2026-11-25T10:30:00'), level: 0 }]);
    expect(d.notices[0]?.userIds).toEqual([SUPERVISOR.id]);
  });

  it('returns it to the desk with its result (返单), and a visit task follows within a week: 10:00 → 2026-12-02 10:00', () => {
    const d = decideMatter(
      matterIn('in_progress'),
      { action: 'complete', result: '已处理' },
      ctx(GUARD, { now: bj('2026-11-25T10:00:00') }),
    );
    expect(d.to).toBe('returned');
    expect(d.patch.completedAt).toEqual(bj('2026-11-25T10:00:00'));
    expect(d.cancel).toEqual(['completion_due']);
    expect(d.visitTask).toEqual({ ticketKind: 'matter', dueAt: bj('2026-12-02T10:00:00'), isHomeVisitRequired: false });
    expect(d.notices[0]).toMatchObject({ roles: ['clerk'], userIds: [CLERK.id] });
  });

  it('visits a seepage matter within 3 days, and a major one at home', () => {
    const leak = decideMatter(
      matterIn('in_progress', { category: 'seepage' }),
      sampleCommand('complete'),
      ctx(GUARD, { now: bj('2026-11-25T10:00:00') }),
    );
    expect(leak.visitTask?.dueAt).toEqual(bj('2026-11-28T10:00:00'));
    const major = decideMatter(matterIn('in_progress', { isMajor: true }), sampleCommand('complete'), ctx(GUARD));
    expect(major.visitTask?.isHomeVisitRequired).toBe(true);
  });

  it('needs the result', () => {
    expect(refusal(() => decideMatter(matterIn('in_progress'), { action: 'complete', result: '' }, ctx(GUARD))).code).toBe('required');
  });
});

describe('the desk follows it to the end', () => {
  it('chases the supervisor before the hand-over and the department head after it', () => {
    expect(decideMatter(matterIn('with_supervisor'), sampleCommand('chase'), ctx(CLERK)).notices[0]?.userIds).toEqual([SUPERVISOR.id]);
    expect(decideMatter(matterIn('in_progress'), sampleCommand('chase'), ctx(CLERK)).notices[0]).toMatchObject({
      departmentHeadOf: 'security',
    });
  });

  it('reopens it to the same department when the visit is unsatisfied, restarting the 24 hours', () => {
    const d = decideMatter(matterIn('returned'), sampleCommand('reopen'), ctx(SYSTEM, { now: bj('2026-11-26T10:00:00') }));
    expect(d.to).toBe('with_department');
    expect(d.patch).toMatchObject({ handlerId: null, completedAt: null, reopenCount: 1 });
    expect(d.schedule).toEqual([{ kind: 'completion_due', dueAt: bj('2026-11-27T10:00:00'), level: 0 }]);
    expect(applied(matterIn('returned'), d).department).toBe('security');
  });

  it('closes it when the visit is satisfied', () => {
    expect(decideMatter(matterIn('returned'), sampleCommand('close'), ctx(SYSTEM)).to).toBe('closed');
  });

  it('cancels with a reason, stopping every timer', () => {
    expect(refusal(() => decideMatter(matterIn('with_department'), { action: 'cancel', reason: '' }, ctx(CLERK))).code).toBe('required');
    expect(decideMatter(matterIn('with_department'), sampleCommand('cancel'), ctx(CLERK)).cancel).toEqual([
      'handover_due',
      'completion_due',
    ]);
  });
});
