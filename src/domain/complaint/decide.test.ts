import { describe, expect, it } from 'vitest';
import { systemActor } from '../access/roles.js';
import { DomainError } from '../shared/errors.js';
import {
  type Complaint,
  type ComplaintCommand,
  type ComplaintIntake,
  type DecideContext,
  type Decision,
  decide,
  recordComplaint,
  timerKinds,
} from './decide.js';
import { complaintActions, complaintRules, complaintStatuses } from './machine.js';
import {
  actorFor,
  allRoles,
  bj,
  CLERK,
  COMMUNITY,
  COMPANY,
  COMPLAINANT,
  CS_SUPERVISOR,
  collectiveIn,
  complaintIn,
  complaintPolicy,
  ctx,
  DIRECTOR,
  deepFreeze,
  ENG_SUPERVISOR,
  expectedAllowed,
  expectedTarget,
  fixtureFor,
  households,
  iso,
  NEIGHBOUR,
  newComplaint,
  procedure,
  sampleCommand,
  staff,
  T0,
} from './test-support.js';

/** Runs `fn` and returns the DomainError it throws (fails the test if it does not throw one). */
function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected the action to be refused');
}

/** The field-level issue of a refusal, in both languages. */
function issueOn(err: DomainError, field: string) {
  const issue = err.fields.find((f) => f.field === field);
  expect(issue, `an issue on ${field}`).toBeDefined();
  expect(issue?.message.zh.length).toBeGreaterThan(0);
  expect(issue?.message.en.length).toBeGreaterThan(0);
  return issue;
}

const timer = (d: { schedule: { kind: string; dueAt: Date; level: number }[] }, kind: string) => d.schedule.find((t) => t.kind === kind);
const apply = (c: Complaint, d: Decision): Complaint => ({ ...c, ...d.patch, status: d.to });

describe('who may do what, in every state (exhaustive)', () => {
  const cases = complaintStatuses.flatMap((status) => complaintActions.map((action) => [status, action] as const));

  it.each(cases)('in %s, %s is allowed for exactly the people the procedure names', (status, action) => {
    for (const role of allRoles) {
      const complaint = deepFreeze(fixtureFor(status, action));
      const run = () => decide(complaint, sampleCommand(action), ctx(actorFor(role)));
      const label = `${role} doing ${action} in ${status}`;
      if (expectedAllowed(status, action, role)) {
        const d = run();
        expect(d.to, label).toBe(expectedTarget(status, action));
        expect(d.event.type, label).toBe(complaintRules[action].event);
      } else {
        const err = refusal(run);
        const step = procedure[action];
        // Not their step at all: forbidden. Their step, wrong state: a conflict. Not their department: forbidden.
        const kind = !step.who.includes(role) ? 'forbidden' : !step.from.includes(status) ? 'conflict' : 'forbidden';
        expect(err.kind, `${label}: ${err.code}`).toBe(kind);
        if (!step.who.includes(role)) expect(err.code, label).toBe('forbidden');
        if (kind === 'forbidden' && step.who.includes(role)) expect(err.code, label).toBe('not_solving_department');
        expect(err.text.zh.length, label).toBeGreaterThan(0);
        expect(err.text.en.length, label).toBeGreaterThan(0);
      }
    }
  });

  it.each(complaintStatuses)('refuses the system itself anything in %s', (status) => {
    for (const action of complaintActions) {
      const err = refusal(() => decide(complaintIn(status), sampleCommand(action), ctx(systemActor(COMPANY, COMMUNITY))));
      expect(err.kind).toBe('forbidden');
    }
  });

  it('lets a neighbour withdraw nobody else’s complaint', () => {
    const err = refusal(() => decide(complaintIn('in_hand'), { action: 'withdraw', reason: '不想投诉了' }, ctx(NEIGHBOUR)));
    expect(err.code).toBe('forbidden');
  });

  it('only ever schedules and cancels real timer kinds, never in the past, each kind once', () => {
    for (const status of complaintStatuses) {
      for (const action of complaintActions) {
        for (const role of allRoles) {
          if (!expectedAllowed(status, action, role)) continue;
          const d = decide(fixtureFor(status, action), sampleCommand(action), ctx(actorFor(role)));
          for (const k of d.cancel) expect(timerKinds).toContain(k);
          for (const t of d.schedule) expect(t.dueAt.getTime()).toBeGreaterThanOrEqual(T0.getTime());
          expect(new Set(d.schedule.map((t) => t.kind)).size).toBe(d.schedule.length);
        }
      }
    }
  });
});

describe('recording a complaint (apologise first, then record [000])', () => {
  const intake = (over: Partial<ComplaintIntake> = {}): ComplaintIntake => ({
    complainant: { name: '张三', phone: '13800000000', residentId: COMPLAINANT.id },
    households: households(1),
    placeKey: 'building:3',
    channel: 'phone',
    form: 'oral',
    content: '3号楼电梯坏了没人修',
    isForwarded: false,
    ...over,
  });
  const record = (over: Partial<ComplaintIntake> = {}, now = T0) =>
    recordComplaint('cmp-9', intake(over), { actor: CLERK, policy: complaintPolicy(), now });

  it('logs it for the CS supervisor to classify, due within 2 h: recorded at 09:00, classification due 11:00', () => {
    const r = record();
    expect(r.complaint.status).toBe('recorded');
    expect(r.complaint.id).toBe('cmp-9');
    expect(r.schedule).toEqual([{ kind: 'classify_due', dueAt: bj('2026-11-25T11:00:00'), level: 0 }]);
    expect(r.notices[0]?.roles).toEqual(['cs_supervisor']);
    expect(r.event.type).toBe('ComplaintRecorded');
  });

  it('warns the supervisor and the director at once when five households complain together', () => {
    const r = record({ households: households(5) });
    expect(r.notices.some((n) => n.roles.includes('director'))).toBe(true);
    expect(record({ households: households(4) }).notices.some((n) => n.roles.includes('director'))).toBe(false);
  });

  it('puts a complaint fixed on the spot straight to the reply: handled 08:30, reported 09:00, reply due 10:30', () => {
    const r = record({ onSpot: { handledAt: bj('2026-11-25T08:30:00'), handledById: 'guard-1', result: '已当场关闭噪音源' } });
    expect(r.complaint.status).toBe('awaiting_reply');
    expect(r.complaint.isOnSpotReportLate).toBe(false);
    expect(r.schedule).toEqual([{ kind: 'reply_due', dueAt: bj('2026-11-25T10:30:00'), level: 0 }]);
    expect(r.notices.map((n) => n.roles)).toEqual([['clerk']]);
  });

  it('marks an on-the-spot report made more than 1 h after the handling as late, and tells the supervisor', () => {
    const r = record({ onSpot: { handledAt: bj('2026-11-25T07:45:00'), handledById: 'guard-1', result: '已处理' } });
    expect(r.complaint.isOnSpotReportLate).toBe(true);
    expect(r.schedule[0]?.dueAt).toEqual(bj('2026-11-25T09:45:00'));
    expect(r.notices.some((n) => n.roles.includes('cs_supervisor'))).toBe(true);
    // Exactly 1 h is still on time.
    expect(
      record({ onSpot: { handledAt: bj('2026-11-25T08:00:00'), handledById: 'g', result: '已处理' } }).complaint.isOnSpotReportLate,
    ).toBe(false);
  });

  it('makes the reply due at once, not in the past, when the on-the-spot report comes after the 2 h', () => {
    const r = record({ onSpot: { handledAt: bj('2026-11-25T06:00:00'), handledById: 'guard-1', result: '已处理' } });
    expect(r.schedule).toEqual([{ kind: 'reply_due', dueAt: T0, level: 0 }]);
  });

  it.each([
    [{ content: '  ' }, 'required', 'content'],
    [{ complainant: { name: '', phone: null, residentId: null } }, 'required', 'complainant.name'],
    [{ households: [] }, 'required', 'households'],
    [{ households: [households(1)[0]!, households(1)[0]!] }, 'duplicate_household', 'households'],
    [{ channel: 'mailbox' as const, form: 'oral' as const }, 'written_channel', 'form'],
    [{ onSpot: { handledAt: bj('2026-11-25T09:30:00'), handledById: 'g', result: '已处理' } }, 'handled_in_future', 'onSpot.handledAt'],
    [{ onSpot: { handledAt: bj('2026-11-25T08:30:00'), handledById: 'g', result: '' } }, 'required', 'onSpot.result'],
  ] as const)('refuses a bad record %j with code %s on field %s', (over, code, field) => {
    const err = refusal(() => record(over as Partial<ComplaintIntake>));
    expect(err.kind).toBe('invalid');
    expect(err.code).toBe(code);
    issueOn(err, field);
  });
});

describe('classifying (客服主管区分投诉类别 [003])', () => {
  const classify = (
    complaintClass: 'valid' | 'assisted' | 'invalid' | 'collective',
    c = newComplaint(),
    over: Partial<ComplaintCommand> = {},
  ) => decide(c, { action: 'classify', complaintClass, reason: '按规程 per procedure', ...over } as ComplaintCommand, ctx(CS_SUPERVISOR));

  it('valid at 09:00: contact the complainant by 11:00', () => {
    const d = classify('valid');
    expect(d.to).toBe('contacting');
    expect(d.cancel).toEqual(['classify_due']);
    expect(d.schedule).toEqual([{ kind: 'contact_due', dueAt: bj('2026-11-25T11:00:00'), level: 0 }]);
    expect(d.patch).toMatchObject({ complaintClass: 'valid', classifiedAt: T0 });
  });

  it('invalid at 09:00: explain and reply by 11:00, with no contact step', () => {
    const d = classify('invalid');
    expect(d.to).toBe('awaiting_reply');
    expect(d.schedule).toEqual([{ kind: 'reply_due', dueAt: bj('2026-11-25T11:00:00'), level: 0 }]);
  });

  it('assisted at 09:00: the written referral to the solving department is due by 11:00', () => {
    const d = classify('assisted');
    expect(d.to).toBe('referring');
    expect(d.schedule).toEqual([{ kind: 'referral_due', dueAt: bj('2026-11-25T11:00:00'), level: 0 }]);
  });

  it('collective: the director, the deputy GM and the company complaint centre hear at once', () => {
    const d = classify('collective', newComplaint({ households: households(5) }));
    expect(d.to).toBe('contacting');
    expect(d.notices[0]?.roles).toEqual(['director', 'company_manager', 'complaint_centre']);
    expect(timer(d, 'contact_due')?.dueAt).toEqual(bj('2026-11-25T11:00:00'));
  });

  it('refuses to call four households collective, on the class field, in both languages', () => {
    const err = refusal(() => classify('collective', newComplaint({ households: households(4) })));
    expect(err.code).toBe('too_few_households');
    expect(issueOn(err, 'complaintClass')?.message.zh).toContain('5户');
  });

  it('counts a household listed twice once', () => {
    const twice = [...households(4), households(4)[3]!];
    expect(refusal(() => classify('collective', newComplaint({ households: twice }))).code).toBe('too_few_households');
  });

  it('follows the community’s own collective threshold and contact time', () => {
    const policy = complaintPolicy({ collectiveMinHouseholds: 3, contactMinutes: 30 });
    const d = decide(
      newComplaint({ households: households(3) }),
      { action: 'classify', complaintClass: 'collective', reason: '三户同时投诉' },
      ctx(CS_SUPERVISOR, { policy }),
    );
    expect(timer(d, 'contact_due')?.dueAt).toEqual(bj('2026-11-25T09:30:00'));
  });

  it('needs a reason', () => {
    const err = refusal(() => classify('valid', newComplaint(), { reason: '' } as Partial<ComplaintCommand>));
    expect(err.code).toBe('required');
    issueOn(err, 'reason');
  });

  it('refuses an unknown class', () => {
    const err = refusal(() => classify('bogus' as 'valid'));
    expect(err.code).toBe('invalid_choice');
    issueOn(err, 'complaintClass');
  });

  it('treats a developer-caused complaint as assisted only', () => {
    const err = refusal(() => classify('valid', newComplaint(), { isDeveloperCaused: true } as Partial<ComplaintCommand>));
    expect(err.code).toBe('developer_is_assisted');
    expect(classify('assisted', newComplaint(), { isDeveloperCaused: true } as Partial<ComplaintCommand>).patch.isDeveloperCaused).toBe(
      true,
    );
  });

  it('has the director report a serious complaint to the manager at once', () => {
    const d = classify('valid', newComplaint(), { isSerious: true } as Partial<ComplaintCommand>);
    expect(d.patch.isSerious).toBe(true);
    expect(d.notices.some((n) => n.roles.includes('director') && n.roles.includes('company_manager'))).toBe(true);
  });
});

describe('contacting the complainant and agreeing a reply time', () => {
  it('contacted 10:00, reply agreed for 17:00: the reply is due at 17:00 and the contact clock stops', () => {
    const d = decide(
      complaintIn('contacting', { flags: ['contact_overdue'] }),
      { action: 'contact', agreedReplyAt: bj('2026-11-25T17:00:00') },
      ctx(CS_SUPERVISOR, { now: bj('2026-11-25T10:00:00') }),
    );
    expect(d.to).toBe('in_hand');
    expect(d.cancel).toEqual(['contact_due', 'escalation']);
    expect(d.schedule).toEqual([{ kind: 'reply_due', dueAt: bj('2026-11-25T17:00:00'), level: 0 }]);
    expect(d.patch.agreedReplyAt).toEqual(bj('2026-11-25T17:00:00'));
    expect(d.patch.flags).toEqual([]);
  });

  it.each([bj('2026-11-25T09:00:00'), bj('2026-11-25T08:00:00'), new Date(Number.NaN)])(
    'refuses an agreed reply time of %s (not after 09:00)',
    (at) => {
      const err = refusal(() => decide(complaintIn('contacting'), { action: 'contact', agreedReplyAt: at }, ctx(CS_SUPERVISOR)));
      expect(err.code).toBe('reply_time_in_past');
      issueOn(err, 'agreedReplyAt');
    },
  );

  it('leaves the households of a collective complaint to the director', () => {
    const cmd: ComplaintCommand = { action: 'contact', agreedReplyAt: bj('2026-11-25T17:00:00') };
    expect(refusal(() => decide(collectiveIn('contacting'), cmd, ctx(CS_SUPERVISOR))).code).toBe('director_only');
    expect(decide(collectiveIn('contacting'), cmd, ctx(DIRECTOR)).to).toBe('in_hand');
  });
});

describe('assisted complaints: referral and progress updates', () => {
  const refer: ComplaintCommand = {
    action: 'refer',
    party: 'developer',
    department: 'developer',
    recipient: '开发商客服部',
    note: '外墙渗水',
  };

  it('referred at 09:00: the complainant hears, and a progress update is due by 09:00 the next day', () => {
    const d = decide(complaintIn('referring'), refer, ctx(CLERK));
    expect(d.to).toBe('in_hand');
    expect(d.patch.referral).toEqual({ party: 'developer', department: 'developer', recipient: '开发商客服部', at: T0 });
    expect(d.schedule).toEqual([{ kind: 'progress_update_due', dueAt: bj('2026-11-26T09:00:00'), level: 0 }]);
    expect(d.notices[0]?.userIds).toEqual([COMPLAINANT.id]);
  });

  it('forwards a developer-caused complaint to the developer, nowhere else', () => {
    const c = complaintIn('referring', { isDeveloperCaused: true });
    const err = refusal(() => decide(c, { ...refer, party: 'department', department: 'engineering' } as ComplaintCommand, ctx(CLERK)));
    expect(err.code).toBe('refer_to_developer');
    issueOn(err, 'party');
  });

  it('needs the written referral itself', () => {
    issueOn(
      refusal(() => decide(complaintIn('referring'), { ...refer, note: ' ' } as ComplaintCommand, ctx(CLERK))),
      'note',
    );
  });

  it('restarts the update clock with each update of an assisted complaint, but keeps no clock for a valid one', () => {
    const assisted = complaintIn('in_hand', { complaintClass: 'assisted', flags: ['progress_update_overdue'] });
    const d = decide(assisted, { action: 'update_progress', note: '开发商已派人' }, ctx(CLERK, { now: bj('2026-11-26T10:00:00') }));
    expect(d.cancel).toEqual(['progress_update_due']);
    expect(d.schedule).toEqual([{ kind: 'progress_update_due', dueAt: bj('2026-11-27T10:00:00'), level: 0 }]);
    expect(d.patch.flags).toEqual([]);
    const valid = decide(complaintIn('in_hand'), { action: 'update_progress', note: '配件已到' }, ctx(CLERK));
    expect(valid.schedule).toEqual([]);
    expect(valid.notices[0]?.userIds).toEqual([COMPLAINANT.id]);
  });
});

describe('escalating level by level: handler → superior → deputy GM → GM', () => {
  const escalate = (level: number, by = CS_SUPERVISOR) =>
    decide(complaintIn('in_hand', { escalationLevel: level }), { action: 'escalate', reason: '无能为力' }, ctx(by));

  it('goes from the handler to the office director, as an event', () => {
    const d = escalate(0);
    expect(d.patch.escalationLevel).toBe(1);
    expect(d.event).toEqual({
      type: 'ComplaintEscalated',
      data: { fromLevel: 0, level: 1, rung: 'director', reason: '无能为力', byTimer: false },
    });
    expect(d.notices[0]?.roles).toEqual(['director']);
  });

  it('then to the deputy GM, then the GM, both company management', () => {
    expect(escalate(1, DIRECTOR).event.data).toMatchObject({ level: 2, rung: 'deputy_gm' });
    expect(escalate(1, DIRECTOR).notices[0]?.roles).toEqual(['company_manager']);
    expect(escalate(2, staff('company_manager')).event.data).toMatchObject({ level: 3, rung: 'gm' });
  });

  it('stops at the top of the chain', () => {
    expect(refusal(() => escalate(3, staff('company_manager'))).code).toBe('top_of_chain');
  });

  it('follows a community’s own chain', () => {
    const policy = complaintPolicy({ escalationChain: ['cs_supervisor', 'complaint_centre'] });
    const d = decide(complaintIn('in_hand'), { action: 'escalate', reason: '超出权限' }, ctx(CS_SUPERVISOR, { policy }));
    expect(d.notices[0]?.roles).toEqual(['complaint_centre']);
    const top = complaintIn('in_hand', { escalationLevel: 1 });
    expect(refusal(() => decide(top, { action: 'escalate', reason: '再上报' }, ctx(CS_SUPERVISOR, { policy }))).code).toBe('top_of_chain');
  });

  it('needs a reason', () => {
    issueOn(
      refusal(() => decide(complaintIn('in_hand'), { action: 'escalate', reason: '' }, ctx(CLERK))),
      'reason',
    );
  });
});

describe('the special incident report of a collective complaint', () => {
  it('is filed once by the director and sent to the complaint centre', () => {
    const d = decide(collectiveIn('in_hand'), { action: 'file_incident_report', summary: '五户投诉电梯困人' }, ctx(DIRECTOR));
    expect(d.patch.incidentReportFiledAt).toEqual(T0);
    expect(d.notices[0]?.roles).toEqual(['complaint_centre']);
    const filed = collectiveIn('in_hand', { incidentReportFiledAt: T0 });
    expect(refusal(() => decide(filed, { action: 'file_incident_report', summary: '再报' }, ctx(DIRECTOR))).code).toBe('already_filed');
  });

  it('does not exist for a complaint that is not collective', () => {
    const err = refusal(() => decide(complaintIn('in_hand'), { action: 'file_incident_report', summary: '报告' }, ctx(DIRECTOR)));
    expect(err.code).toBe('not_collective');
  });
});

describe('the result and the solving department head’s signature [000]', () => {
  it('records the result and its department for the head to sign', () => {
    const d = decide(
      complaintIn('in_hand'),
      { action: 'record_result', solvingDepartment: 'engineering', summary: '电梯已修复' },
      ctx(CLERK),
    );
    expect(d.to).toBe('awaiting_signoff');
    expect(d.patch).toMatchObject({ solvingDepartment: 'engineering', resultSummary: '电梯已修复' });
  });

  it('is signed by the engineering supervisor for an engineering result, not by another department’s head', () => {
    const d = decide(complaintIn('awaiting_signoff'), { action: 'sign_off' }, ctx(ENG_SUPERVISOR));
    expect(d.to).toBe('awaiting_reply');
    expect(d.patch).toMatchObject({ signedOffById: ENG_SUPERVISOR.id, signedOffAt: T0 });
    const err = refusal(() => decide(complaintIn('awaiting_signoff'), { action: 'sign_off' }, ctx(staff('department_staff'))));
    expect(err.code).toBe('not_solving_department');
    // The security head signs a security result.
    const security = complaintIn('awaiting_signoff', { solvingDepartment: 'security' });
    expect(decide(security, { action: 'sign_off' }, ctx(staff('department_staff'))).to).toBe('awaiting_reply');
  });

  it('can be sent back to the department with a reason', () => {
    const d = decide(complaintIn('awaiting_signoff'), { action: 'return_result', reason: '未查明原因' }, ctx(ENG_SUPERVISOR));
    expect(d.to).toBe('in_hand');
    expect(d.patch.resultSummary).toBeNull();
    issueOn(
      refusal(() => decide(complaintIn('awaiting_signoff'), { action: 'return_result', reason: '' }, ctx(DIRECTOR))),
      'reason',
    );
  });
});

describe('replying (十、十一 [003])', () => {
  const reply = (c: Complaint, over: Partial<Extract<ComplaintCommand, { action: 'reply' }>> = {}, by = CLERK, now = T0) =>
    decide(c, { action: 'reply', method: 'phone', hasWrittenCopy: false, summary: '已处理并致歉', ...over }, ctx(by, { now }));

  it('replied 16:00: the follow-up visit is due within the week, and a forwarded result is due at the centre by 04:00', () => {
    const d = reply(complaintIn('awaiting_reply', { flags: ['reply_overdue'] }), {}, CLERK, bj('2026-11-25T16:00:00'));
    expect(d.to).toBe('replied');
    expect(d.cancel).toEqual(['reply_due', 'progress_update_due', 'escalation']);
    expect(timer(d, 'visit_due')?.dueAt).toEqual(bj('2026-12-02T16:00:00'));
    expect(timer(d, 'centre_report_due')?.dueAt).toEqual(bj('2026-11-26T04:00:00'));
    expect(d.patch.reply).toEqual({ method: 'phone', hasWrittenCopy: false, at: bj('2026-11-25T16:00:00') });
    expect(d.patch.flags).toEqual([]);
    expect(d.event.data.isLate).toBe(true);
  });

  it('owes the centre nothing when the complaint came in directly', () => {
    expect(timer(reply(complaintIn('awaiting_reply', { isForwarded: false })), 'centre_report_due')).toBeUndefined();
  });

  it('answers a collective complaint by home visit only, on the method field', () => {
    const c = collectiveIn('awaiting_reply', { incidentReportFiledAt: T0 });
    for (const method of ['phone', 'written'] as const) {
      const err = refusal(() => reply(c, { method, hasWrittenCopy: true }, DIRECTOR));
      expect(err.code).toBe('home_visit_only');
      issueOn(err, 'method');
    }
    expect(reply(c, { method: 'home_visit', residentSignature: '李四' }, DIRECTOR).to).toBe('replied');
  });

  it('answers a collective complaint only once the special incident report is filed', () => {
    const err = refusal(() => reply(collectiveIn('awaiting_reply'), { method: 'home_visit' }, DIRECTOR));
    expect(err.code).toBe('incident_report_missing');
    expect(err.kind).toBe('conflict');
  });

  it('answers a written complaint in writing and in another way too', () => {
    const c = complaintIn('awaiting_reply', { form: 'written', channel: 'letter' });
    issueOn(
      refusal(() => reply(c, { method: 'phone', hasWrittenCopy: false })),
      'hasWrittenCopy',
    );
    expect(refusal(() => reply(c, { method: 'phone', hasWrittenCopy: false })).code).toBe('written_reply_required');
    expect(refusal(() => reply(c, { method: 'written', hasWrittenCopy: true })).code).toBe('second_reply_method_required');
    expect(reply(c, { method: 'home_visit', hasWrittenCopy: true }).patch.reply?.hasWrittenCopy).toBe(true);
  });

  it('counts a written reply to an oral complaint as a written copy', () => {
    expect(reply(complaintIn('awaiting_reply'), { method: 'written' }).patch.reply?.hasWrittenCopy).toBe(true);
  });

  it('never answers a valid, assisted or collective complaint before the department head has signed', () => {
    for (const complaintClass of ['valid', 'assisted', 'collective'] as const) {
      const c = complaintIn('awaiting_reply', {
        complaintClass,
        signedOffAt: null,
        signedOffById: null,
        incidentReportFiledAt: T0,
        households: households(5),
      });
      const err = refusal(() => reply(c, { method: 'home_visit' }, DIRECTOR));
      expect(err.code, complaintClass).toBe('not_signed_off');
    }
  });

  it('answers an invalid complaint, or one fixed on the spot, without a signature', () => {
    const invalidOne = complaintIn('awaiting_reply', { complaintClass: 'invalid', signedOffAt: null, solvingDepartment: null });
    expect(reply(invalidOne).to).toBe('replied');
    const onSpot = newComplaint({
      status: 'awaiting_reply',
      onSpot: { handledAt: bj('2026-11-25T08:30:00'), handledById: 'g', result: '已处理' },
    });
    expect(reply(onSpot).to).toBe('replied');
  });

  it.each([
    [{ summary: '' }, 'required', 'summary'],
    [{ method: 'fax' as 'phone' }, 'invalid_choice', 'method'],
  ])('refuses a reply %j', (over, code, field) => {
    const err = refusal(() => reply(complaintIn('awaiting_reply'), over));
    expect(err.code).toBe(code);
    issueOn(err, field);
  });
});

describe('reporting a forwarded complaint’s result to the company complaint centre', () => {
  it('settles the 12 h clock, even after the visit', () => {
    const d = decide(
      complaintIn('closed', { flags: ['centre_report_overdue'] }),
      { action: 'report_to_centre', summary: '已办结' },
      ctx(CS_SUPERVISOR),
    );
    expect(d.to).toBe('closed');
    expect(d.cancel).toEqual(['centre_report_due']);
    expect(d.patch).toMatchObject({ centreReportedAt: T0, flags: [] });
  });

  it('is refused for a complaint not forwarded, and the second time', () => {
    const cmd: ComplaintCommand = { action: 'report_to_centre', summary: '已办结' };
    expect(refusal(() => decide(complaintIn('replied', { isForwarded: false }), cmd, ctx(CS_SUPERVISOR))).code).toBe('not_forwarded');
    expect(refusal(() => decide(complaintIn('replied', { centreReportedAt: T0 }), cmd, ctx(CS_SUPERVISOR))).code).toBe('already_reported');
  });
});

describe('the follow-up visit (100% of complaints [000])', () => {
  it('closes a complaint whose complainant is satisfied', () => {
    const d = decide(complaintIn('replied'), { action: 'visit', outcome: 'basically_satisfied', method: 'phone', comment: '' }, ctx(CLERK));
    expect(d.to).toBe('closed');
    expect(d.cancel).toEqual(['visit_due']);
    expect(d.successor).toBeUndefined();
  });

  it('closes it and opens a new complaint linked to it when the complainant is unsatisfied (重新投诉)', () => {
    const c = collectiveIn('replied', { id: 'cmp-7', isForwarded: true });
    const d = decide(c, { action: 'visit', outcome: 'unsatisfied', method: 'home_visit', comment: '电梯还是经常坏' }, ctx(DIRECTOR));
    expect(d.to).toBe('closed');
    expect(d.successor).toEqual({
      complainant: c.complainant,
      households: c.households,
      placeKey: 'building:3',
      channel: 'follow_up_visit',
      form: 'oral',
      content: '电梯还是经常坏',
      isForwarded: true,
      linkedFromId: 'cmp-7',
    });
    // The successor is a complaint the desk can record as it stands.
    const next = recordComplaint('cmp-8', d.successor!, { actor: DIRECTOR, policy: complaintPolicy(), now: T0 });
    expect(next.complaint).toMatchObject({ status: 'recorded', linkedFromId: 'cmp-7' });
    expect(next.complaint.households).toHaveLength(5);
  });

  it('asks what the complainant is unsatisfied with', () => {
    const err = refusal(() =>
      decide(complaintIn('replied'), { action: 'visit', outcome: 'unsatisfied', method: 'phone', comment: '' }, ctx(CLERK)),
    );
    issueOn(err, 'comment');
  });
});

describe('merging into a collective case, and withdrawing', () => {
  it('merges a complaint into a collective case and stops every clock', () => {
    const d = decide(
      complaintIn('contacting', { flags: ['contact_overdue'] }),
      { action: 'merge', intoComplaintId: 'cmp-c' },
      ctx(CS_SUPERVISOR),
    );
    expect(d.to).toBe('merged');
    expect(d.patch).toMatchObject({ mergedIntoId: 'cmp-c', flags: [] });
    expect([...d.cancel].sort()).toEqual([...timerKinds].sort());
  });

  it('does not merge a complaint into itself', () => {
    const err = refusal(() => decide(complaintIn('recorded'), { action: 'merge', intoComplaintId: 'cmp-1' }, ctx(CS_SUPERVISOR)));
    expect(err.code).toBe('merge_into_self');
    issueOn(err, 'intoComplaintId');
  });

  it('lets the complainant withdraw, with a reason, and stops every clock', () => {
    const d = decide(complaintIn('in_hand', { flags: ['reply_overdue'] }), { action: 'withdraw', reason: '已协商解决' }, ctx(COMPLAINANT));
    expect(d.to).toBe('withdrawn');
    expect(d.event.data).toEqual({ reason: '已协商解决', byComplainant: true });
    expect(d.patch.flags).toEqual([]);
    expect([...d.cancel].sort()).toEqual([...timerKinds].sort());
    issueOn(
      refusal(() => decide(complaintIn('in_hand'), { action: 'withdraw', reason: '' }, ctx(CLERK))),
      'reason',
    );
  });
});

describe('a valid complaint from start to finish, as the desk lives it', () => {
  it('recorded 08:30, classified 09:00, contacted 10:15, result 15:00, signed 15:30, replied 16:00, visited next day', () => {
    const policy = complaintPolicy();
    const at = (hhmm: string, day = '25') => bj(`2026-11-${day}T${hhmm}:00`);
    const step = (c: Complaint, cmd: ComplaintCommand, c2: DecideContext) => {
      const d = decide(deepFreeze(c), cmd, c2);
      return { c: apply(c, d), d };
    };
    const rec = recordComplaint(
      'cmp-1',
      {
        complainant: { name: '张三', phone: null, residentId: COMPLAINANT.id },
        households: households(1),
        placeKey: 'building:3',
        channel: 'letter',
        form: 'written',
        content: '物业费多收了一个月',
        isForwarded: false,
      },
      { actor: CLERK, policy, now: at('08:30') },
    );
    expect(rec.schedule[0]?.dueAt).toEqual(at('10:30'));
    let s = step(
      rec.complaint,
      { action: 'classify', complaintClass: 'valid', reason: '收费失误' },
      ctx(CS_SUPERVISOR, { now: at('09:00') }),
    );
    expect(s.c.status).toBe('contacting');
    expect(timer(s.d, 'contact_due')?.dueAt).toEqual(at('11:00'));
    s = step(s.c, { action: 'contact', agreedReplyAt: at('17:00') }, ctx(CS_SUPERVISOR, { now: at('10:15') }));
    expect(timer(s.d, 'reply_due')?.dueAt).toEqual(at('17:00'));
    s = step(
      s.c,
      { action: 'record_result', solvingDepartment: 'finance', summary: '已退还多收费用' },
      ctx(CS_SUPERVISOR, { now: at('15:00') }),
    );
    expect(refusal(() => decide(s.c, { action: 'sign_off' }, ctx(ENG_SUPERVISOR, { now: at('15:30') }))).code).toBe(
      'not_solving_department',
    );
    s = step(s.c, { action: 'sign_off' }, ctx(staff('finance'), { now: at('15:30') }));
    s = step(
      s.c,
      { action: 'reply', method: 'home_visit', hasWrittenCopy: true, summary: '退费并致歉', residentSignature: '张三' },
      ctx(CLERK, { now: at('16:00') }),
    );
    expect(s.c.status).toBe('replied');
    expect(timer(s.d, 'visit_due')?.dueAt).toEqual(bj('2026-12-02T16:00:00'));
    s = step(s.c, { action: 'visit', outcome: 'satisfied', method: 'phone', comment: '满意' }, ctx(CLERK, { now: at('10:00', '26') }));
    expect(s.c.status).toBe('closed');
    expect(s.c.visitOutcome).toBe('satisfied');
  });
});

describe('the clock of the tests', () => {
  it('runs pinned to Beijing time', () => {
    expect(process.env.TZ).toBe('Asia/Shanghai');
    expect(iso(T0)).toBe('2026-11-25T01:00:00.000Z');
  });
});
