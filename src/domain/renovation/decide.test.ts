import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/roles.js';
import { chineseWorkCalendar } from '../calendar/work-calendar.js';
import { DomainError } from '../shared/errors.js';
import { bj, RESIDENT, staff } from '../shared/test-actors.js';
import {
  decideRenovation,
  depositBalance,
  endOfLocalDay,
  fileCheckDueAt,
  patrolDays,
  type Renovation,
  type RenovationCommand,
  type RenovationContext,
  refundAmount,
  submitRenovation,
} from './decide.js';
import { completenessOf, requiredDocuments, type WorkItems } from './documents.js';
import { fireRenovationTimer } from './fire-timer.js';
import { renovationActions, renovationActionsFor, renovationRules, renovationStatuses } from './machine.js';
import { defaultRenovationPolicy } from './policy.js';

const none: WorkItems = { walls: false, pipes: false, electrical: false, duplex: false, ceiling: false, waterproofing: false };
const calendar = chineseWorkCalendar();
const policy = defaultRenovationPolicy();
const ctx = (actor: Actor, now = bj('2026-11-25T09:00:00'), department: string | null = null): RenovationContext => ({
  actor,
  actorDepartment: department,
  policy,
  calendar,
  timeZone: 'Asia/Shanghai',
  now,
});
const base = (over: Partial<Renovation> = {}): Renovation => ({
  status: 'submitted',
  round: 1,
  workItems: none,
  isAgreementSigned: true,
  documents: requiredDocuments(none).map((code) => ({ code, isSigned: true })),
  plannedStartDate: '2026-11-25',
  plannedEndDate: '2027-01-20',
  depositCents: 200_000,
  violations: [],
  pendingInspection: null,
  inspectionRounds: 0,
  flags: [],
  ...over,
});
const refusal = (f: () => unknown): DomainError => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

const CLERK = staff('clerk');
const CSM = staff('cs_manager');
const ENG = staff('eng_supervisor');
const FIN = staff('finance');
const TECH = staff('technician');
const GUARD = staff('department_staff');

describe('the application file (申请资料)', () => {
  it('always needs the licence, the certificate, the floor, demolition, pipe and electrical plans', () => {
    expect(requiredDocuments(none)).toEqual([
      'business_licence',
      'qualification_certificate',
      'floor_plan',
      'demolition_plan',
      'pipe_changes',
      'electrical_diagram',
    ]);
  });

  it('needs the duplex, ceiling and waterproofing plans only when that work is done', () => {
    expect(requiredDocuments({ ...none, duplex: true })).toContain('duplex_plan');
    expect(requiredDocuments({ ...none, ceiling: true })).toContain('ceiling_plan');
    expect(requiredDocuments({ ...none, waterproofing: true })).toContain('waterproofing_plan');
    expect(requiredDocuments(none)).not.toContain('waterproofing_plan');
  });

  it('is complete only with every required document present and signed, and the agreement signed', () => {
    const docs = requiredDocuments(none).map((code) => ({ code, isSigned: true }));
    expect(completenessOf(none, docs, true).isComplete).toBe(true);
    expect(completenessOf(none, docs, false)).toMatchObject({ isComplete: false, isAgreementSigned: false });
    expect(completenessOf(none, docs.slice(1), true)).toMatchObject({ isComplete: false, missing: ['business_licence'] });
    expect(completenessOf(none, [...docs.slice(1), { code: 'business_licence', isSigned: false }], true)).toMatchObject({
      isComplete: false,
      unsigned: ['business_licence'],
    });
    expect(completenessOf({ ...none, waterproofing: true }, docs, true).missing).toEqual(['waterproofing_plan']);
  });
});

describe('the state machine', () => {
  it('lets each step be taken only by its people, from its states', () => {
    expect(renovationActionsFor('submitted', 'clerk')).toEqual(['edit', 'pass_check', 'return', 'withdraw']);
    expect(renovationActionsFor('cs_review', 'cs_manager')).toEqual(['approve', 'reject']);
    expect(renovationActionsFor('cs_review', 'eng_supervisor')).toEqual([]);
    expect(renovationActionsFor('eng_review', 'eng_supervisor')).toEqual(['approve', 'reject']);
    expect(renovationActionsFor('approved', 'finance')).toEqual(['record_payment']);
    expect(renovationActionsFor('returned', 'resident')).toEqual(['edit', 'resubmit', 'withdraw']);
    expect(renovationActionsFor('refund_due', 'finance')).toEqual(['book_refund', 'record_refund']);
    expect(renovationActionsFor('closed', 'clerk')).toEqual([]);
  });

  it('names a known state in every rule and leaves the terminal states for good', () => {
    for (const a of renovationActions) {
      for (const s of renovationRules[a].from) expect(renovationStatuses).toContain(s);
      expect(renovationRules[a].from).not.toContain('closed');
      expect(renovationRules[a].from).not.toContain('withdrawn');
    }
  });

  it('refuses a step from the wrong state with a conflict, and the wrong person with forbidden', () => {
    expect(refusal(() => decideRenovation(base({ status: 'approved' }), { action: 'pass_check' }, ctx(CLERK))).kind).toBe('conflict');
    expect(refusal(() => decideRenovation(base(), { action: 'pass_check' }, ctx(FIN))).kind).toBe('forbidden');
    expect(refusal(() => decideRenovation(base({ status: 'cs_review' }), { action: 'approve' }, ctx(ENG))).code).toBe('not_reviewer');
  });
});

describe('review (资料审核 → 客服经理 → 工程部经理)', () => {
  it('an application goes to the clerk, due by today’s cutoff', () => {
    const made = submitRenovation(
      {
        application: {
          applicantName: '王',
          applicantPhone: '13800000001',
          contractorCompany: '安居',
          contractorContact: '陈',
          contractorPhone: '13900000000',
          plannedStartDate: '2026-12-01',
          plannedEndDate: '2026-12-31',
          workItems: none,
          description: '刷墙',
          isAgreementSigned: false,
        },
      },
      ctx(RESIDENT),
    );
    expect(made.renovation.status).toBe('submitted');
    expect(made.schedule[0]).toMatchObject({ kind: 'check_due', dueAt: bj('2026-11-25T18:00:00') });
  });

  it('after the cutoff, or on a holiday, the check is due at the next working day’s cutoff', () => {
    expect(fileCheckDueAt(bj('2026-11-25T18:30:00'), policy, calendar, 'Asia/Shanghai')).toEqual(bj('2026-11-26T18:00:00'));
    expect(fileCheckDueAt(bj('2026-11-27T19:00:00'), policy, calendar, 'Asia/Shanghai')).toEqual(bj('2026-11-30T18:00:00'));
    expect(fileCheckDueAt(bj('2026-10-01T10:00:00'), policy, calendar, 'Asia/Shanghai')).toEqual(bj('2026-10-08T18:00:00'));
    // Saturday Oct 10 2026 is a make-up working day.
    expect(fileCheckDueAt(bj('2026-10-10T10:00:00'), policy, calendar, 'Asia/Shanghai')).toEqual(bj('2026-10-10T18:00:00'));
  });

  it('the clerk cannot pass an incomplete file on', () => {
    const e = refusal(() => decideRenovation(base({ isAgreementSigned: false }), { action: 'pass_check' }, ctx(CLERK)));
    expect(e.code).toBe('incomplete');
  });

  it('CS manager then engineering manager approve; a rejection sends it back with the reason; resubmitting starts a new round', () => {
    const passed = decideRenovation(base(), { action: 'pass_check' }, ctx(CLERK));
    expect(passed).toMatchObject({ to: 'cs_review', cancel: ['check_due'] });
    const cs = decideRenovation(base({ status: 'cs_review' }), { action: 'approve' }, ctx(CSM));
    expect(cs.to).toBe('eng_review');
    const rejected = decideRenovation(base({ status: 'eng_review' }), { action: 'reject', reason: '缺电气图' }, ctx(ENG));
    expect(rejected).toMatchObject({ to: 'returned', patch: { lastReturnReason: '缺电气图' } });
    const again = decideRenovation(base({ status: 'returned', round: 2 }), { action: 'resubmit' }, ctx(RESIDENT));
    expect(again).toMatchObject({ to: 'submitted', patch: { round: 3 } });
    expect(again.schedule[0]!.kind).toBe('check_due');
    expect(decideRenovation(base({ status: 'eng_review' }), { action: 'approve' }, ctx(ENG)).to).toBe('approved');
  });

  it('a rejection needs a reason', () => {
    expect(
      refusal(() => decideRenovation(base({ status: 'cs_review' }), { action: 'reject', reason: ' ' }, ctx(CSM))).fields[0]!.field,
    ).toBe('reason');
  });
});

describe('payment and permit', () => {
  it('the cashier’s payment issues the permit for the planned period', () => {
    const d = decideRenovation(
      base({ status: 'approved' }),
      { action: 'record_payment', fees: [{ name: '装修管理费', amountCents: 30_000 }], depositCents: 200_000, receiptNumber: 'SJ-1' },
      ctx(FIN),
    );
    expect(d.to).toBe('in_works');
    expect(d.patch.permit).toMatchObject({ validFrom: '2026-11-25', validTo: '2027-01-20' });
  });
});

describe('patrols (巡查)', () => {
  it('the CS assistant and security patrol daily, engineering every N days', () => {
    expect(patrolDays('2026-11-25', '2026-11-28', 'cs', 3)).toEqual(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28']);
    expect(patrolDays('2026-11-25', '2026-12-01', 'engineering', 3)).toEqual(['2026-11-25', '2026-11-28', '2026-12-01']);
  });

  it('each person records only their own duty’s patrol, once; an issue may raise a violation', () => {
    const r = base({ status: 'in_works' });
    const patrol = { id: 'p1', duty: 'security' as const, date: '2026-11-25', status: 'due' as const };
    expect(refusal(() => decideRenovation(r, { action: 'record_patrol', patrol, result: 'pass' }, ctx(CLERK))).code).toBe(
      'not_your_patrol',
    );
    const d = decideRenovation(
      r,
      { action: 'record_patrol', patrol, result: 'issue', violation: { id: 'v1', description: '楼道堆料' } },
      ctx(GUARD, undefined, 'security'),
    );
    expect(d.effects.map((e) => e.kind)).toEqual(['violation_recorded', 'patrol_recorded']);
    expect(
      refusal(() =>
        decideRenovation(
          r,
          { action: 'record_patrol', patrol: { ...patrol, status: 'done' }, result: 'pass' },
          ctx(GUARD, undefined, 'security'),
        ),
      ).code,
    ).toBe('patrol_done');
  });
});

describe('violations (违规处理)', () => {
  const v = (over: Partial<Renovation['violations'][number]> = {}) => ({
    id: 'v1',
    status: 'recorded' as const,
    deadlineAt: null,
    isStopWork: false,
    deductionCents: 0,
    hasPenalty: false,
    ...over,
  });

  it('a rectification notice sets the policy’s deadline and its timer', () => {
    const d = decideRenovation(
      base({ status: 'in_works', violations: [v()] }),
      { action: 'issue_notice', violationId: 'v1', requirement: '恢复原状' },
      ctx(CLERK),
    );
    expect(d.schedule).toEqual([{ kind: 'rectification_due', dueAt: bj('2026-11-27T09:00:00'), level: 0 }]);
  });

  it('the deadline passing unrectified makes the violation overdue and chases the engineering manager', () => {
    const late = fireRenovationTimer(
      { status: 'in_works', violations: [v({ status: 'notice_issued', deadlineAt: bj('2026-11-27T09:00:00') })] },
      { kind: 'rectification_due', level: 0 },
      bj('2026-11-27T09:00:00'),
    );
    expect(late).toMatchObject({ isRelevant: true, flag: 'rectification_overdue', overdueViolationIds: ['v1'] });
    expect(late.notices[0]!.roles).toContain('eng_supervisor');
    const rectified = fireRenovationTimer(
      { status: 'in_works', violations: [v({ status: 'rectified', deadlineAt: bj('2026-11-27T09:00:00') })] },
      { kind: 'rectification_due', level: 0 },
      bj('2026-11-27T09:00:00'),
    );
    expect(rectified.isRelevant).toBe(false);
  });

  it('only the engineering manager penalises, only after the deadline, never beyond the deposit left', () => {
    const r = base({
      status: 'in_works',
      violations: [
        v({ id: 'v0', status: 'rectified', deductionCents: 150_000, hasPenalty: true }),
        v({ status: 'overdue', deadlineAt: bj('2026-11-25T08:00:00') }),
      ],
    });
    const cmd = (deductionCents: number): RenovationCommand => ({
      action: 'decide_penalty',
      violationId: 'v1',
      isStopWork: true,
      deductionCents,
      reason: '逾期',
    });
    expect(refusal(() => decideRenovation(r, cmd(10_000), ctx(CSM))).kind).toBe('forbidden');
    expect(refusal(() => decideRenovation(r, cmd(50_001), ctx(ENG))).fields[0]!.field).toBe('deductionCents');
    expect(decideRenovation(r, cmd(50_000), ctx(ENG)).to).toBe('stopped');
    const early = base({ status: 'in_works', violations: [v({ status: 'notice_issued', deadlineAt: bj('2026-11-26T09:00:00') })] });
    expect(refusal(() => decideRenovation(early, cmd(0), ctx(ENG))).code).toBe('not_overdue');
  });

  it('work resumes only when every violation is put right', () => {
    const open = base({ status: 'stopped', violations: [v({ status: 'overdue', hasPenalty: true, isStopWork: true })] });
    expect(refusal(() => decideRenovation(open, { action: 'resume_work' }, ctx(ENG))).code).toBe('not_rectified');
    const done = base({ status: 'stopped', violations: [v({ status: 'rectified', hasPenalty: true, isStopWork: true })] });
    expect(decideRenovation(done, { action: 'resume_work' }, ctx(ENG)).to).toBe('in_works');
  });

  it('deductions add up; the refund is the deposit less them, never negative', () => {
    expect(depositBalance(200_000, [{ deductionCents: 50_000 }, { deductionCents: 30_000 }])).toBe(120_000);
    expect(refundAmount(200_000, [{ deductionCents: 50_000 }])).toBe(150_000);
    expect(refundAmount(0, [{ deductionCents: 1 }])).toBe(0);
  });
});

describe('completion inspection and the deposit refund (竣工验收 → 7 个工作日内退押金)', () => {
  const booked = (over: Partial<Renovation> = {}) =>
    base({
      status: 'inspection_booked',
      pendingInspection: { id: 'i1', round: 1, cs: null, engineering: null },
      inspectionRounds: 1,
      ...over,
    });
  const sign = (isPassed: boolean) => ({
    items: [{ name: '水电', isPassed, note: null }],
    note: null,
    byName: 'x',
    byRole: 'clerk',
    at: '2026-11-30T00:00:00.000Z',
  });

  it('one side’s signature alone decides nothing', () => {
    const d = decideRenovation(booked(), { action: 'record_acceptance', items: [{ name: '水电', isPassed: true }] }, ctx(CLERK));
    expect(d.to).toBe('inspection_booked');
    expect(d.effects.map((e) => e.kind)).toEqual(['acceptance_signed']);
  });

  it('any failed item from either side fails the inspection', () => {
    const d = decideRenovation(
      booked({ pendingInspection: { id: 'i1', round: 1, cs: sign(true), engineering: null } }),
      { action: 'record_acceptance', items: [{ name: '防火', isPassed: false }] },
      ctx(TECH),
    );
    expect(d.to).toBe('inspection_failed');
  });

  it('both passed: the refund is due 7 working days later on the calendar, at the end of that day', () => {
    // Passed Wednesday Sep 30 2026: Oct 8, 9, 10 (make-up Saturday), 12, 13, 14, 15.
    const d = decideRenovation(
      booked({ pendingInspection: { id: 'i1', round: 1, cs: sign(true), engineering: null } }),
      { action: 'record_acceptance', items: [{ name: '水电', isPassed: true }] },
      ctx(ENG, bj('2026-09-30T15:00:00')),
    );
    expect(d.to).toBe('refund_due');
    expect(d.patch.refundDueDate).toBe('2026-10-15');
    expect(d.schedule).toEqual([{ kind: 'refund_due', dueAt: endOfLocalDay('2026-10-15', 'Asia/Shanghai'), level: 0 }]);
    expect(endOfLocalDay('2026-10-15', 'Asia/Shanghai')).toEqual(bj('2026-10-16T00:00:00'));
  });

  it('an overdue refund chases finance and the CS manager, daily', () => {
    const late = fireRenovationTimer({ status: 'refund_due', violations: [] }, { kind: 'refund_due', level: 0 }, bj('2026-10-16T00:00:00'));
    expect(late.flag).toBe('refund_overdue');
    expect(late.notices[0]!.roles).toEqual(['finance', 'cs_manager']);
    expect(late.next).toMatchObject({ kind: 'refund_due', level: 1 });
    expect(
      fireRenovationTimer({ status: 'closed', violations: [] }, { kind: 'refund_due', level: 0 }, bj('2026-10-16T00:00:00')).isRelevant,
    ).toBe(false);
  });

  it('the refund is the deposit less deductions and closes the renovation', () => {
    const d = decideRenovation(
      base({
        status: 'refund_due',
        violations: [{ id: 'v1', status: 'rectified', deadlineAt: null, isStopWork: true, deductionCents: 50_000, hasPenalty: true }],
      }),
      { action: 'record_refund', receiptNumber: 'TK-1' },
      ctx(FIN),
    );
    expect(d.to).toBe('closed');
    expect(d.patch.refund?.cents).toBe(150_000);
  });
});
