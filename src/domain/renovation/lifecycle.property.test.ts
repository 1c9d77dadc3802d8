/**
 * Property-based test of renovations: random people try random steps as time passes and timers
 * fire; after every step the renovation must still make sense.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/roles.js';
import { chineseWorkCalendar } from '../calendar/work-calendar.js';
import { addMinutes } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import { RESIDENT, staff, T0 } from '../shared/test-actors.js';
import { decideRenovation, depositBalance, type Renovation, type RenovationCommand, type RenovationTimerSpec } from './decide.js';
import { requiredDocuments, type WorkItems } from './documents.js';
import { fireRenovationTimer } from './fire-timer.js';
import { renovationActions, renovationRules, renovationStatuses, terminalRenovationStatuses } from './machine.js';
import { defaultRenovationPolicy } from './policy.js';

const NUM_RUNS = Number(process.env.PROP_RUNS ?? 300);
const none: WorkItems = { walls: true, pipes: true, electrical: true, duplex: false, ceiling: false, waterproofing: false };
const people: Actor[] = [
  RESIDENT,
  staff('clerk'),
  staff('cs_supervisor'),
  staff('cs_manager'),
  staff('eng_supervisor'),
  staff('technician'),
  staff('department_staff'),
  staff('finance'),
  staff('director'),
];

function commandFor(action: (typeof renovationActions)[number], r: Renovation, pick: number, n: number, now: Date): RenovationCommand {
  const v = r.violations[pick % Math.max(1, r.violations.length)];
  const violationId = v?.id ?? 'none';
  switch (action) {
    case 'edit':
      return { action, changes: { description: '改' } };
    case 'return':
    case 'reject':
    case 'withdraw':
      return { action, reason: '原因' };
    case 'record_payment':
      return { action, fees: [{ name: '管理费', amountCents: 10_000 }], depositCents: 200_000, receiptNumber: 'SJ' };
    case 'record_patrol':
      return { action, patrol: { id: `p${n}`, duty: 'cs', date: '2026-11-25', status: 'due' }, result: 'pass' };
    case 'record_violation':
      return { action, violationId: `v${n}`, description: '违规' };
    case 'issue_notice':
      return { action, violationId, requirement: '整改' };
    case 'recheck':
      return { action, violationId, isRectified: pick % 2 === 0 };
    case 'decide_penalty':
      return { action, violationId, isStopWork: pick % 2 === 0, deductionCents: (pick % 5) * 30_000, reason: '逾期' };
    case 'book_inspection':
      return { action, inspectionId: `i${n}`, at: addMinutes(now, 60) };
    case 'record_acceptance':
      return { action, items: [{ name: '项', isPassed: pick % 3 !== 0 }] };
    case 'book_refund':
      return { action, at: addMinutes(now, 60) };
    case 'record_refund':
      return { action, receiptNumber: 'TK' };
    default:
      return { action } as RenovationCommand;
  }
}

/** Applies a decision's effects to the rules' view, as the adapter does to the tables. */
function apply(r: Renovation, d: ReturnType<typeof decideRenovation>): Renovation {
  let next: Renovation = { ...r, status: d.to, flags: d.patch.flags ?? r.flags };
  if (d.patch.round) next.round = d.patch.round;
  if (d.patch.payment) next.depositCents = d.patch.payment.depositCents;
  for (const e of d.effects) {
    if (e.kind === 'violation_recorded')
      next.violations = [
        ...next.violations,
        { id: e.violationId, status: 'recorded', deadlineAt: null, isStopWork: false, deductionCents: 0, hasPenalty: false },
      ];
    if (e.kind === 'notice_issued')
      next.violations = next.violations.map((v) =>
        v.id === e.violationId ? { ...v, status: 'notice_issued', deadlineAt: e.deadlineAt } : v,
      );
    if (e.kind === 'violation_rechecked')
      next.violations = next.violations.map((v) => (v.id === e.violationId ? { ...v, status: e.status } : v));
    if (e.kind === 'penalty_decided')
      next.violations = next.violations.map((v) =>
        v.id === e.violationId
          ? { ...v, status: 'overdue', deductionCents: e.deductionCents, isStopWork: e.isStopWork, hasPenalty: true }
          : v,
      );
    if (e.kind === 'inspection_booked')
      next = { ...next, pendingInspection: { id: e.inspectionId, round: e.round, cs: null, engineering: null }, inspectionRounds: e.round };
    if (e.kind === 'acceptance_signed' && next.pendingInspection) next.pendingInspection = { ...next.pendingInspection, [e.side]: e.sign };
    if (e.kind === 'inspection_decided') next.pendingInspection = null;
  }
  return next;
}

describe('renovation lifecycle (property)', () => {
  it('stays consistent whatever people try and however time passes', () => {
    const policy = defaultRenovationPolicy();
    const calendar = chineseWorkCalendar();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(people.length - 1), fc.nat(renovationActions.length - 1), fc.nat(100), fc.nat(72 * 60)), {
          maxLength: 60,
        }),
        (steps) => {
          let r: Renovation = {
            status: 'submitted',
            round: 1,
            workItems: none,
            isAgreementSigned: true,
            documents: requiredDocuments(none).map((code) => ({ code, isSigned: true })),
            plannedStartDate: '2026-11-25',
            plannedEndDate: '2027-01-20',
            depositCents: 0,
            violations: [],
            pendingInspection: null,
            inspectionRounds: 0,
            flags: [],
          };
          let now = T0;
          let timers: RenovationTimerSpec[] = [];
          let n = 0;
          for (const [who, which, pick, wait] of steps) {
            n++;
            now = addMinutes(now, wait);
            for (const timer of timers.filter((x) => x.dueAt <= now)) {
              const out = fireRenovationTimer(r, timer, now);
              if (out.isRelevant) {
                if (out.flag && !r.flags.includes(out.flag)) r = { ...r, flags: [...r.flags, out.flag] };
                r = {
                  ...r,
                  violations: r.violations.map((v) => (out.overdueViolationIds.includes(v.id) ? { ...v, status: 'overdue' } : v)),
                };
              }
            }
            timers = timers.filter((x) => x.dueAt > now);
            const action = renovationActions[which]!;
            const actor = people[who]!;
            const before = r;
            let decision: ReturnType<typeof decideRenovation>;
            try {
              decision = decideRenovation(r, commandFor(action, r, pick, n, now), {
                actor,
                actorDepartment: actor.role === 'department_staff' ? 'security' : null,
                policy,
                calendar,
                timeZone: 'Asia/Shanghai',
                now,
              });
            } catch (e) {
              expect(e).toBeInstanceOf(DomainError);
              continue;
            }
            const rule = renovationRules[action];
            // Allowed only to its people, from its states, and never out of a terminal state.
            expect(rule.who).toContain(actor.role);
            expect(rule.from).toContain(before.status);
            expect(terminalRenovationStatuses).not.toContain(before.status);
            r = apply(r, decision);
            timers = [...timers.filter((x) => !decision.cancel.includes(x.kind)), ...decision.schedule];
            expect(renovationStatuses).toContain(r.status);
            // Deductions never exceed the deposit.
            expect(depositBalance(r.depositCents, r.violations)).toBeGreaterThanOrEqual(0);
            // A stopped site has a stop-work violation behind it.
            if (r.status === 'stopped') expect(r.violations.some((v) => v.isStopWork)).toBe(true);
            // A refund is due only after an inspection both sides passed.
            if (r.status === 'refund_due' && before.status !== 'refund_due') expect(decision.patch.refundDueDate).toBeDefined();
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
