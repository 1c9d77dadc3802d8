import { describe, expect, it } from 'vitest';
import { decideIntake, type IntakeEntry, logContact } from './decide.js';
import { intakeActions, intakeRules, intakeStatuses } from './machine.js';
import {
  actorFor,
  bj,
  ctx,
  deepFreeze,
  entryIn,
  everyone,
  expectedAllowed,
  expectedTarget,
  FIRST,
  fixtureFor,
  GUARD,
  HEAD,
  intakePolicy,
  isTheirs,
  iso,
  newEntry,
  OTHER_CLERK,
  procedure,
  RESIDENT,
  refusal,
  SYSTEM,
  sampleCommand,
  staff,
  T0,
} from './test-support.js';

const applied = (e: IntakeEntry, d: ReturnType<typeof decideIntake>): IntakeEntry => ({ ...e, ...d.patch, status: d.to });

describe('who may do what to a duty-log entry, in every state (exhaustive)', () => {
  const cases = intakeStatuses.flatMap((status) => intakeActions.map((action) => [status, action] as const));

  it.each(cases)('in %s, %s is allowed for exactly the people the procedure names', (status, action) => {
    for (const who of everyone) {
      const entry = deepFreeze(fixtureFor(status, action));
      const run = () => decideIntake(entry, sampleCommand(action), ctx(actorFor(who)));
      const label = `${who} doing ${action} in ${status}`;
      if (expectedAllowed(status, action, who)) {
        const d = run();
        expect(d.to, label).toBe(expectedTarget(status, action));
        expect(d.event.type, label).toBe(intakeRules[action].event);
      } else {
        const err = refusal(run);
        const step = procedure[action];
        // The wrong person is refused whatever the state; the right person out of turn meets a conflict.
        const expectedKind = step.who.includes(who) && isTheirs(step.by, who, status) ? 'conflict' : 'forbidden';
        expect(err.kind, `${label}: ${err.code}`).toBe(expectedKind);
        if (!step.who.includes(who)) expect(err.code, label).toBe('forbidden');
      }
    }
  });

  it('keeps another clerk off an entry that is not theirs', () => {
    for (const [status, action] of [
      ['logged', 'triage'],
      ['awaiting_reply', 'reply'],
      ['awaiting_reply', 'void'],
      ['referred', 'close'],
      ['referred', 'escalate'],
      ['responding', 'resolve'],
    ] as const) {
      const err = refusal(() => decideIntake(fixtureFor(status, action), sampleCommand(action), ctx(OTHER_CLERK)));
      expect(err.code, `${action} in ${status}`).toBe('not_owner');
    }
  });

  it('lets only the person first asked hand the entry up, not even the supervisor', () => {
    expect(refusal(() => decideIntake(entryIn('awaiting_reply'), sampleCommand('escalate'), ctx(HEAD))).code).toBe('not_owner');
    expect(decideIntake(entryIn('awaiting_reply'), sampleCommand('escalate'), ctx(FIRST)).patch.ownerId).toBe(HEAD.id);
  });

  it('never changes the entry it is given', () => {
    for (const status of intakeStatuses) {
      for (const action of intakeActions) {
        for (const who of everyone) {
          try {
            decideIntake(deepFreeze(fixtureFor(status, action)), sampleCommand(action), ctx(actorFor(who)));
          } catch {
            // refusals are covered above
          }
        }
      }
    }
  });
});

describe('logging a contact: first-contact responsibility (首问责任制)', () => {
  it('makes the person who took the call its owner until it is closed', () => {
    const { entry, events } = logContact({ channel: 'phone', content: '问物业费', departmentHeadId: HEAD.id }, ctx(FIRST));
    expect(entry).toMatchObject({
      status: 'logged',
      firstOwnerId: FIRST.id,
      ownerId: FIRST.id,
      departmentHeadId: HEAD.id,
      isWritten: false,
    });
    expect(events.map((e) => e.type)).toEqual(['ContactLogged']);
  });

  it('binds a technician or a guard who was asked first just as much as the desk', () => {
    expect(logContact({ channel: 'walk_in', content: '电梯异响', departmentHeadId: 'eng_supervisor-1' }, ctx(GUARD)).entry.ownerId).toBe(
      GUARD.id,
    );
    expect(logContact({ channel: 'walk_in', content: 'x', departmentHeadId: HEAD.id }, ctx(staff('technician'))).entry.ownerId).toBe(
      'technician-1',
    );
  });

  it.each(['email', 'fax', 'mailbox'] as const)('treats a contact by %s as written', (channel) => {
    expect(logContact({ channel, content: '来函', departmentHeadId: HEAD.id }, ctx(FIRST)).entry.isWritten).toBe(true);
  });

  it.each(['phone', 'walk_in', 'app', 'wechat'] as const)('treats a contact by %s as oral unless a letter was handed over', (channel) => {
    expect(logContact({ channel, content: 'x', departmentHeadId: HEAD.id }, ctx(FIRST)).entry.isWritten).toBe(false);
    expect(logContact({ channel, content: 'x', departmentHeadId: HEAD.id, isWritten: true }, ctx(FIRST)).entry.isWritten).toBe(true);
  });

  it('is not for residents, company-level roles nor the system: the duty log is kept by community staff', () => {
    for (const actor of [RESIDENT, SYSTEM, staff('admin'), staff('complaint_centre'), staff('developer_liaison')]) {
      expect(refusal(() => logContact({ channel: 'phone', content: 'x', departmentHeadId: HEAD.id }, ctx(actor))).kind).toBe('forbidden');
    }
  });

  it('requires what was said and who the department head is', () => {
    expect(refusal(() => logContact({ channel: 'phone', content: ' ', departmentHeadId: HEAD.id }, ctx(FIRST))).code).toBe('required');
    expect(refusal(() => logContact({ channel: 'phone', content: 'x', departmentHeadId: '' }, ctx(FIRST))).code).toBe('required');
  });
});

describe('consultation (咨询)', () => {
  it('closes on the spot when answered on the spot, with nothing left ticking', () => {
    const out = logContact(
      {
        channel: 'phone',
        content: '停水到几点',
        departmentHeadId: HEAD.id,
        triage: { category: 'consultation', isAnsweredOnSpot: true, answer: '下午三点' },
      },
      ctx(FIRST),
    );
    expect(out.entry.status).toBe('closed');
    expect(out.schedule).toEqual([]);
    expect(out.events.map((e) => e.type)).toEqual(['ContactLogged', 'ContactTriaged']);
  });

  it('is due a reply by 11:00 when asked at 09:00 and not answered on the spot', () => {
    const out = logContact(
      { channel: 'phone', content: '物业费标准', departmentHeadId: HEAD.id, triage: { category: 'consultation' } },
      ctx(FIRST),
    );
    expect(out.entry.status).toBe('awaiting_reply');
    expect(iso(out.entry.replyDueAt)).toBe(iso(bj('2026-11-25T11:00:00')));
    expect(out.schedule).toEqual([{ kind: 'reply_due', dueAt: bj('2026-11-25T11:00:00'), level: 0 }]);
  });

  it('counts the 2 hours from the call, not from when the desk got round to triaging it', () => {
    const d = decideIntake(newEntry(), { action: 'triage', category: 'consultation' }, ctx(FIRST, { now: bj('2026-11-25T09:20:00') }));
    expect(iso(d.patch.replyDueAt)).toBe(iso(bj('2026-11-25T11:00:00')));
  });

  it('fires at once, never in the past, when the 2 hours had already passed at triage', () => {
    const now = bj('2026-11-25T12:00:00');
    const d = decideIntake(newEntry(), { action: 'triage', category: 'consultation' }, ctx(FIRST, { now }));
    expect(iso(d.patch.replyDueAt)).toBe(iso(bj('2026-11-25T11:00:00')));
    expect(d.schedule).toEqual([{ kind: 'reply_due', dueAt: now, level: 0 }]);
  });

  it('follows the community’s own reply time', () => {
    const d = decideIntake(
      newEntry(),
      { action: 'triage', category: 'consultation' },
      ctx(FIRST, { policy: intakePolicy({ consultationReplyMinutes: 30 }) }),
    );
    expect(iso(d.patch.replyDueAt)).toBe(iso(bj('2026-11-25T09:30:00')));
  });

  it('gives a written consultation a written reply within a day, and never closes it on the spot', () => {
    const written = newEntry({ channel: 'email', isWritten: true });
    const d = decideIntake(written, { action: 'triage', category: 'consultation' }, ctx(FIRST));
    expect(iso(d.patch.replyDueAt)).toBe(iso(bj('2026-11-26T09:00:00')));
    const onSpot = refusal(() =>
      decideIntake(written, { action: 'triage', category: 'consultation', isAnsweredOnSpot: true, answer: 'x' }, ctx(FIRST)),
    );
    expect(onSpot.code).toBe('written_reply_required');
    const waiting = applied(written, d);
    expect(
      refusal(() => decideIntake(waiting, { action: 'reply', answer: 'x', method: 'phone', isSatisfied: true }, ctx(FIRST))).code,
    ).toBe('written_reply_required');
    expect(decideIntake(waiting, { action: 'reply', answer: '见复函', method: 'written', isSatisfied: true }, ctx(FIRST)).to).toBe(
      'closed',
    );
  });

  it('needs the answer given on the spot, and closes on the spot only a consultation', () => {
    expect(
      refusal(() => decideIntake(newEntry(), { action: 'triage', category: 'consultation', isAnsweredOnSpot: true }, ctx(FIRST))).code,
    ).toBe('required');
    for (const category of ['suggestion', 'help', 'repair', 'complaint'] as const) {
      const err = refusal(() => decideIntake(newEntry(), { action: 'triage', category, isAnsweredOnSpot: true, answer: 'x' }, ctx(FIRST)));
      expect(err.code, category).toBe('not_answerable_on_spot');
    }
  });

  it('closes when the reply satisfies the resident, and cancels the reply timer', () => {
    const d = decideIntake(
      entryIn('awaiting_reply'),
      { action: 'reply', answer: '每月5日前', method: 'phone', isSatisfied: true },
      ctx(FIRST),
    );
    expect(d.to).toBe('closed');
    expect(d.cancel).toEqual(['reply_due']);
    expect(d.patch.ownerId).toBeUndefined();
  });
});

describe('suggestion (建议) and help (求助)', () => {
  it('answers a suggestion at 09:00 by 09:00 the next day', () => {
    const d = decideIntake(newEntry(), { action: 'triage', category: 'suggestion' }, ctx(FIRST));
    expect(d.to).toBe('awaiting_reply');
    expect(iso(d.patch.replyDueAt)).toBe(iso(bj('2026-11-26T09:00:00')));
  });

  it('answers a request for help at 09:00 by 11:00 and tells the CS supervisor, who handles other help [003]', () => {
    const d = decideIntake(newEntry(), { action: 'triage', category: 'help' }, ctx(FIRST));
    expect(iso(d.patch.replyDueAt)).toBe(iso(bj('2026-11-25T11:00:00')));
    expect(d.notices.map((n) => n.roles)).toEqual([['cs_supervisor']]);
  });
});

describe('unsatisfied or over time → the department head (首问责任制)', () => {
  it('hands the entry to the department head when the resident is unsatisfied with the reply, due 2 hours later', () => {
    const now = bj('2026-11-25T10:00:00');
    const d = decideIntake(
      entryIn('awaiting_reply'),
      { action: 'reply', answer: 'x', method: 'phone', isSatisfied: false },
      ctx(FIRST, { now }),
    );
    expect(d.to).toBe('awaiting_reply');
    expect(d.patch).toMatchObject({ ownerId: HEAD.id, isEscalated: true, escalationReason: 'unsatisfied', hasBeenUnsatisfied: true });
    expect(d.cancel).toEqual(['reply_due']);
    expect(d.schedule).toEqual([{ kind: 'reply_due', dueAt: bj('2026-11-25T12:00:00'), level: 1 }]);
    expect(d.notices[0]?.userIds).toEqual([HEAD.id]);
  });

  it('tells the director when the resident is still unsatisfied with the head’s reply, and the head keeps it', () => {
    const escalated = entryIn('awaiting_reply', {
      ownerId: HEAD.id,
      isEscalated: true,
      escalationReason: 'unsatisfied',
      hasBeenUnsatisfied: true,
    });
    const d = decideIntake(escalated, { action: 'reply', answer: 'x', method: 'phone', isSatisfied: false }, ctx(HEAD));
    expect(d.patch.ownerId).toBeUndefined();
    expect(d.notices.map((n) => n.roles)).toEqual([['director']]);
  });

  it('closes after a dissatisfaction only once the cause and the responsible person are found', () => {
    const escalated = entryIn('awaiting_reply', { ownerId: HEAD.id, isEscalated: true, hasBeenUnsatisfied: true });
    const reply = { action: 'reply', answer: '已重新处理', method: 'phone', isSatisfied: true } as const;
    expect(refusal(() => decideIntake(escalated, reply, ctx(HEAD))).code).toBe('required');
    expect(refusal(() => decideIntake(escalated, { ...reply, cause: '答复不准' }, ctx(HEAD))).code).toBe('required');
    const d = decideIntake(escalated, { ...reply, cause: '答复不准', responsible: '张三' }, ctx(HEAD));
    expect(d.to).toBe('closed');
    expect(d.event.data).toMatchObject({ cause: '答复不准', responsible: '张三' });
  });

  it('lets the first owner hand it up once, and the first owner then no longer answers for it', () => {
    const d = decideIntake(entryIn('referred'), { action: 'escalate', reason: '需要主管协调' }, ctx(FIRST));
    expect(d.patch).toMatchObject({ ownerId: HEAD.id, isEscalated: true, escalationReason: 'handed_up' });
    const handed = applied(entryIn('referred'), d);
    expect(refusal(() => decideIntake(handed, { action: 'escalate', reason: 'again' }, ctx(FIRST))).code).toBe('already_escalated');
    expect(refusal(() => decideIntake(handed, sampleCommand('close'), ctx(FIRST))).code).toBe('not_owner');
    expect(decideIntake(handed, sampleCommand('close'), ctx(HEAD)).to).toBe('closed');
  });

  it('needs a reason to hand it up', () => {
    expect(refusal(() => decideIntake(entryIn('referred'), { action: 'escalate', reason: '' }, ctx(FIRST))).code).toBe('required');
  });
});

describe('emergency (紧急求援)', () => {
  it.each(['theft', 'fight', 'robbery', 'flood', 'fire'] as const)(
    'a %s alerts the nearest on-duty staff and the director at once',
    (kind) => {
      const out = logContact(
        { channel: 'phone', content: '有情况', departmentHeadId: HEAD.id, triage: { category: 'emergency', emergencyKind: kind } },
        ctx(FIRST),
      );
      expect(out.entry).toMatchObject({ status: 'emergency', emergencyKind: kind, ownerId: FIRST.id });
      expect(out.notices).toHaveLength(2);
      expect(out.notices[0]).toMatchObject({ isNearestOnDuty: true, roles: [], userIds: [] });
      expect(out.notices[1]?.roles).toEqual(['director']);
      expect(out.schedule).toEqual([{ kind: 'emergency_ack', dueAt: bj('2026-11-25T09:05:00'), level: 0 }]);
    },
  );

  it('reminds whoever goes to a medical emergency to call 120 when needed', () => {
    const d = decideIntake(newEntry(), { action: 'triage', category: 'emergency', emergencyKind: 'medical' }, ctx(FIRST));
    for (const n of d.notices) expect(n.title.zh).toContain('120');
  });

  it('needs to know what kind of emergency it is', () => {
    expect(refusal(() => decideIntake(newEntry(), { action: 'triage', category: 'emergency' }, ctx(FIRST))).code).toBe('required');
  });

  it('stays flagged until somebody takes it; whoever takes it responds, but the owner stays the owner', () => {
    const flagged = entryIn('emergency', { flags: ['emergency_unacknowledged'] });
    const d = decideIntake(flagged, { action: 'acknowledge' }, ctx(GUARD, { now: bj('2026-11-25T09:07:00') }));
    expect(d.to).toBe('responding');
    expect(d.patch.responderId).toBe(GUARD.id);
    expect(d.patch.ownerId).toBeUndefined();
    expect(d.patch.flags).toEqual([]);
    expect(d.cancel).toEqual(['emergency_ack']);
  });

  it('is resolved with a result by the responder, the owner or a supervisor, not by a bystander', () => {
    const responding = entryIn('responding');
    expect(decideIntake(responding, sampleCommand('resolve'), ctx(GUARD)).to).toBe('closed');
    expect(decideIntake(responding, sampleCommand('resolve'), ctx(FIRST)).to).toBe('closed');
    expect(refusal(() => decideIntake(responding, sampleCommand('resolve'), ctx(staff('department_staff', 'guard-2')))).code).toBe(
      'not_owner',
    );
    expect(refusal(() => decideIntake(responding, { action: 'resolve', result: '' }, ctx(GUARD))).code).toBe('required');
  });

  it('can be raised from a consultation that turns out to be an emergency, which stops the reply timer', () => {
    const d = decideIntake(entryIn('awaiting_reply'), { action: 'triage', category: 'emergency', emergencyKind: 'flood' }, ctx(FIRST));
    expect(d.to).toBe('emergency');
    expect(d.cancel).toEqual(['reply_due']);
    expect(d.patch.replyDueAt).toBeNull();
  });
});

describe('triage into a ticket: repair, matter, complaint, paid service', () => {
  it.each([
    ['repair', 'repair', false],
    ['matter', 'matter', false],
    ['complaint', 'complaint', false],
    ['paid_service', 'repair', true],
  ] as const)('a %s becomes a "create a %s ticket" outcome (paid: %s)', (category, kind, isPaid) => {
    const d = decideIntake(newEntry(), { action: 'triage', category }, ctx(FIRST));
    expect(d.to).toBe('referred');
    expect(d.createTicket).toEqual({ kind, isPaid });
    expect(d.patch.ticketKindToCreate).toBe(kind);
    expect(d.schedule).toEqual([]);
  });

  it('links the ticket the caller created, once and of the kind triaged', () => {
    const referred = entryIn('referred', { linkedTicket: null });
    const d = decideIntake(referred, { action: 'link_ticket', ticketKind: 'repair', ticketId: 'rep-9' }, ctx(SYSTEM));
    expect(d.patch.linkedTicket).toEqual({ kind: 'repair', id: 'rep-9' });
    expect(
      refusal(() => decideIntake(referred, { action: 'link_ticket', ticketKind: 'complaint', ticketId: 'c-1' }, ctx(SYSTEM))).code,
    ).toBe('wrong_ticket_kind');
    expect(refusal(() => decideIntake(applied(referred, d), sampleCommand('link_ticket'), ctx(SYSTEM))).code).toBe('already_linked');
  });

  it('closes when the ticket is done, but not before a ticket is linked', () => {
    expect(refusal(() => decideIntake(entryIn('referred', { linkedTicket: null }), sampleCommand('close'), ctx(FIRST))).code).toBe(
      'ticket_not_linked',
    );
    expect(decideIntake(entryIn('referred'), sampleCommand('close'), ctx(SYSTEM)).to).toBe('closed');
  });

  it('keeps the first deadline when a pending reply is re-classified, and refuses a re-triage to the same category', () => {
    const waiting = entryIn('awaiting_reply');
    const d = decideIntake(waiting, { action: 'triage', category: 'suggestion' }, ctx(FIRST, { now: bj('2026-11-25T10:30:00') }));
    expect(d.to).toBe('awaiting_reply');
    expect(d.schedule).toEqual([]);
    expect(d.cancel).toEqual([]);
    expect(d.patch.replyDueAt).toBeUndefined();
    expect(refusal(() => decideIntake(waiting, { action: 'triage', category: 'consultation' }, ctx(FIRST))).code).toBe('same_category');
  });

  it('stops the reply timer when a pending reply turns out to be a repair', () => {
    const d = decideIntake(entryIn('awaiting_reply'), { action: 'triage', category: 'repair' }, ctx(FIRST));
    expect(d.cancel).toEqual(['reply_due']);
  });
});

describe('voiding a mistaken entry', () => {
  it('needs a reason and stops every timer', () => {
    expect(refusal(() => decideIntake(entryIn('logged'), { action: 'void', reason: '' }, ctx(FIRST))).code).toBe('required');
    const d = decideIntake(entryIn('awaiting_reply'), sampleCommand('void'), ctx(FIRST));
    expect(d.to).toBe('voided');
    expect(d.cancel).toEqual(['reply_due', 'emergency_ack']);
  });

  it('cannot void an emergency: it is taken and resolved, even as a false alarm', () => {
    expect(refusal(() => decideIntake(entryIn('emergency'), sampleCommand('void'), ctx(FIRST))).code).toBe('invalid_transition');
  });
});

describe('the hand-worked times', () => {
  it('escalates the reply to the head 2 hours after an unsatisfied reply at 10:00 → 12:00', () => {
    const d = decideIntake(
      entryIn('awaiting_reply'),
      { action: 'reply', answer: 'x', method: 'phone', isSatisfied: false },
      ctx(FIRST, { now: bj('2026-11-25T10:00:00') }),
    );
    expect(iso(d.patch.replyDueAt)).toBe(iso(bj('2026-11-25T12:00:00')));
  });

  it('starts the emergency clock from the triage: an emergency triaged at 09:02 is escalated at 09:07', () => {
    const d = decideIntake(
      newEntry(),
      { action: 'triage', category: 'emergency', emergencyKind: 'fire' },
      ctx(FIRST, { now: bj('2026-11-25T09:02:00') }),
    );
    expect(d.schedule[0]?.dueAt).toEqual(bj('2026-11-25T09:07:00'));
  });

  it('uses T0 = 2026-11-25 09:00 Beijing time', () => {
    expect(T0.toISOString()).toBe('2026-11-25T01:00:00.000Z');
  });
});
