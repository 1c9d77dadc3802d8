import type { Actor, Role } from '../access/roles.js';
import { addDays, daysBetween, type LocalDate, localDateOf, type WorkCalendar } from '../calendar/work-calendar.js';
import { addMinutes } from '../shared/clock.js';
import { conflict, forbidden, invalid } from '../shared/errors.js';
import { nextLocalTime, zoneOffsetMinutes } from '../shared/time-of-day.js';
import { completenessOf, type FiledDocument, type WorkItems } from './documents.js';
import {
  csInspectors,
  engInspectors,
  type RenovationAction,
  type RenovationFlag,
  type RenovationStatus,
  renovationRules,
  reviewerOf,
} from './machine.js';
import type { RenovationPolicy } from './policy.js';

export type PatrolDuty = 'cs' | 'security' | 'engineering';
export type ViolationStatus = 'recorded' | 'notice_issued' | 'rectified' | 'overdue';
/** Open: not yet put right. */
export const openViolationStatuses: readonly ViolationStatus[] = ['recorded', 'notice_issued', 'overdue'];

export interface Violation {
  id: string;
  status: ViolationStatus;
  deadlineAt: Date | null;
  isStopWork: boolean;
  deductionCents: number;
  hasPenalty: boolean;
}

export interface AcceptanceSign {
  items: { name: string; isPassed: boolean; note: string | null }[];
  note: string | null;
  byName: string;
  byRole: string;
  at: string;
}

export interface Inspection {
  id: string;
  round: number;
  cs: AcceptanceSign | null;
  engineering: AcceptanceSign | null;
}

/** What the rules need to know of a renovation. */
export interface Renovation {
  status: RenovationStatus;
  round: number;
  workItems: WorkItems;
  isAgreementSigned: boolean;
  /** The current document of each code. */
  documents: FiledDocument[];
  plannedStartDate: LocalDate;
  plannedEndDate: LocalDate;
  depositCents: number;
  violations: Violation[];
  /** The inspection booked and not yet decided. */
  pendingInspection: Inspection | null;
  inspectionRounds: number;
  flags: RenovationFlag[];
}

export interface Application {
  applicantName: string;
  applicantPhone: string;
  contractorCompany: string;
  contractorContact: string;
  contractorPhone: string;
  plannedStartDate: LocalDate;
  plannedEndDate: LocalDate;
  workItems: WorkItems;
  description: string;
  isAgreementSigned: boolean;
}

export interface PatrolRef {
  id: string;
  duty: PatrolDuty;
  date: LocalDate;
  status: 'due' | 'done';
}

export type RenovationCommand =
  | { action: 'edit'; changes: Partial<Application> }
  | { action: 'pass_check'; note?: string | undefined }
  | { action: 'return'; reason: string }
  | { action: 'approve'; note?: string | undefined }
  | { action: 'reject'; reason: string }
  | { action: 'resubmit'; note?: string | undefined }
  | { action: 'withdraw'; reason: string }
  | { action: 'record_payment'; fees: { name: string; amountCents: number }[]; depositCents: number; receiptNumber: string }
  | {
      action: 'record_patrol';
      patrol: PatrolRef;
      result: 'pass' | 'issue';
      note?: string | undefined;
      violation?: { id: string; description: string } | undefined;
    }
  | { action: 'record_violation'; violationId: string; description: string }
  | { action: 'issue_notice'; violationId: string; requirement: string; deadlineAt?: Date | undefined }
  | { action: 'recheck'; violationId: string; isRectified: boolean; note?: string | undefined }
  | { action: 'decide_penalty'; violationId: string; isStopWork: boolean; deductionCents: number; reason: string }
  | { action: 'resume_work'; note?: string | undefined }
  | { action: 'book_inspection'; inspectionId: string; at: Date; note?: string | undefined }
  | {
      action: 'record_acceptance';
      items: { name: string; isPassed: boolean; note?: string | undefined }[];
      note?: string | undefined;
    }
  | { action: 'book_refund'; at: Date }
  | { action: 'record_refund'; receiptNumber: string; note?: string | undefined };

export const renovationTimerKinds = ['check_due', 'rectification_due', 'refund_due'] as const;
export type RenovationTimerKind = (typeof renovationTimerKinds)[number];

export interface RenovationTimerSpec {
  kind: RenovationTimerKind;
  dueAt: Date;
  level: number;
}

export interface Notice {
  roles: Role[];
  userIds: string[];
  title: { zh: string; en: string };
}

/** Writes to the renovation's own records besides its main row. */
export type RenovationEffect =
  | { kind: 'violation_recorded'; violationId: string; description: string; patrolId: string | null }
  | { kind: 'notice_issued'; violationId: string; requirement: string; deadlineAt: Date }
  | { kind: 'violation_rechecked'; violationId: string; status: ViolationStatus; isRectified: boolean; note: string | null }
  | { kind: 'penalty_decided'; violationId: string; isStopWork: boolean; deductionCents: number; reason: string }
  | { kind: 'patrol_recorded'; patrolId: string; result: 'pass' | 'issue'; note: string | null; violationId: string | null }
  | { kind: 'inspection_booked'; inspectionId: string; round: number; at: Date }
  | { kind: 'acceptance_signed'; inspectionId: string; side: 'cs' | 'engineering'; sign: AcceptanceSign }
  | { kind: 'inspection_decided'; inspectionId: string; outcome: 'passed' | 'failed' };

/** The renovation row's changed fields (the caller maps them onto its table). */
export interface RenovationPatch {
  application?: Partial<Application>;
  round?: number;
  lastReturnReason?: string | null;
  csApproval?: { by: string; at: Date };
  engApproval?: { by: string; at: Date };
  payment?: { fees: { name: string; amountCents: number }[]; depositCents: number; receiptNumber: string; at: Date; by: string };
  permit?: { issuedAt: Date; validFrom: LocalDate; validTo: LocalDate };
  inspectionPassedAt?: Date;
  refundDueDate?: LocalDate;
  refundAppointmentAt?: Date;
  refund?: { cents: number; receiptNumber: string; at: Date; by: string };
  flags?: RenovationFlag[];
}

export interface RenovationDecision {
  to: RenovationStatus;
  patch: RenovationPatch;
  effects: RenovationEffect[];
  event: { type: string; data: Record<string, unknown> };
  schedule: RenovationTimerSpec[];
  cancel: RenovationTimerKind[];
  notices: Notice[];
}

export interface RenovationContext {
  actor: Actor;
  /** The acting person's department (security staff patrol daily). */
  actorDepartment: string | null;
  policy: RenovationPolicy;
  calendar: WorkCalendar;
  timeZone: string;
  now: Date;
}

const fieldError = (field: string, zh: string, en: string) => invalid('invalid_field', { zh, en }, [{ field, message: { zh, en } }]);

function requireText(field: string, value: string | undefined, zh: string, en: string): void {
  if (!value || value.trim().length === 0) throw fieldError(field, `请填写${zh}`, `${en} is required`);
}

/** The patrol duty a person does: the CS assistant (clerk), security, engineering. */
export function patrolDutyOf(role: Role | 'system', department: string | null): PatrolDuty | null {
  if (role === 'clerk' || role === 'cs_supervisor') return 'cs';
  if (role === 'department_staff' && department === 'security') return 'security';
  if (role === 'eng_supervisor' || role === 'technician') return 'engineering';
  return null;
}

/** The planned period is a real period: start no later than the end. */
export function checkPlannedPeriod(start: LocalDate, end: LocalDate): void {
  if (end < start) throw fieldError('plannedEndDate', '完工日期不能早于开工日期', 'The end date cannot be before the start date');
}

/** The instant a local date ends (24:00 local). */
export function endOfLocalDay(date: LocalDate, timeZone: string): Date {
  const noonUtc = new Date(`${date}T12:00:00Z`);
  const noonLocal = new Date(noonUtc.getTime() - zoneOffsetMinutes(noonUtc, timeZone) * 60_000);
  return nextLocalTime(noonLocal, '24:00', timeZone);
}

/**
 * When the clerk's file check is due (当日交客服经理审核): the cutoff time today if today is a
 * working day and it is not yet past, else the cutoff on the next working day.
 */
export function fileCheckDueAt(now: Date, policy: RenovationPolicy, calendar: WorkCalendar, timeZone: string): Date {
  const cutoffOn = (date: LocalDate) => nextLocalTime(endOfLocalDay(addDays(date, -1), timeZone), policy.completenessCheckCutoff, timeZone);
  const today = localDateOf(now, timeZone);
  if (calendar.isWorkingDay(today) && now < cutoffOn(today)) return cutoffOn(today);
  return cutoffOn(calendar.addWorkingDays(addDays(today, 1), 0));
}

/** The deposit left after the deductions decided so far. */
export function depositBalance(depositCents: number, violations: readonly Pick<Violation, 'deductionCents'>[]): number {
  return depositCents - violations.reduce((sum, v) => sum + v.deductionCents, 0);
}

/** The refund: the deposit minus every deduction, never below zero. */
export function refundAmount(depositCents: number, violations: readonly Pick<Violation, 'deductionCents'>[]): number {
  return Math.max(0, depositBalance(depositCents, violations));
}

/** The dates a duty patrols an active site, from the permit's first day to today: daily, or every `intervalDays` for engineering. */
export function patrolDays(from: LocalDate, today: LocalDate, duty: PatrolDuty, intervalDays: number): LocalDate[] {
  const out: LocalDate[] = [];
  for (let date = from; date <= today; date = addDays(date, 1)) {
    if (duty !== 'engineering' || daysBetween(from, date) % intervalDays === 0) out.push(date);
  }
  return out;
}

const deskRoles: Role[] = ['clerk', 'cs_supervisor'];
const withoutFlag = (flags: RenovationFlag[], flag: RenovationFlag) => flags.filter((f) => f !== flag);

/**
 * Checks whether `ctx.actor` may take `command` on `renovation` now, and if so what follows.
 * Throws a DomainError when refused.
 */
export function decideRenovation(r: Renovation, command: RenovationCommand, ctx: RenovationContext): RenovationDecision {
  const rule = renovationRules[command.action];
  const { actor, policy, now } = ctx;
  const role = actor.role as Role;
  if (!rule.who.includes(role)) throw forbidden();
  if (!rule.from.includes(r.status)) {
    throw conflict('invalid_transition', {
      zh: `装修申请当前状态不允许此操作（${r.status}）`,
      en: `This action is not allowed while the renovation is ${r.status}`,
    });
  }
  if ((command.action === 'approve' || command.action === 'reject') && reviewerOf[r.status] !== role) {
    throw forbidden('not_reviewer', { zh: '当前审核环节不由您负责', en: 'This review step is not yours' });
  }

  const d: RenovationDecision = {
    to: rule.to === 'same' || rule.to === 'decided' ? r.status : rule.to,
    patch: {},
    effects: [],
    event: { type: rule.event, data: {} },
    schedule: [],
    cancel: [],
    notices: [],
  };
  const checkTimer = (): RenovationTimerSpec => ({
    kind: 'check_due',
    dueAt: fileCheckDueAt(now, policy, ctx.calendar, ctx.timeZone),
    level: 0,
  });
  const violation = (id: string): Violation => {
    const v = r.violations.find((x) => x.id === id);
    if (!v) throw fieldError('violationId', '违规记录不存在', 'No such violation');
    return v;
  };

  switch (command.action) {
    case 'edit': {
      const start = command.changes.plannedStartDate ?? r.plannedStartDate;
      const end = command.changes.plannedEndDate ?? r.plannedEndDate;
      checkPlannedPeriod(start, end);
      d.patch.application = command.changes;
      d.event.data = { fields: Object.keys(command.changes) };
      break;
    }
    case 'pass_check': {
      const c = completenessOf(r.workItems, r.documents, r.isAgreementSigned);
      if (!c.isComplete) {
        throw conflict('incomplete', {
          zh: `资料不齐全：缺少 ${c.missing.length} 项，未签章 ${c.unsigned.length} 项${c.isAgreementSigned ? '' : '，协议书未签'}`,
          en: `The file is incomplete: ${c.missing.length} missing, ${c.unsigned.length} unsigned${c.isAgreementSigned ? '' : ', agreement not signed'}`,
        });
      }
      d.cancel = ['check_due'];
      d.event.data = { round: r.round, note: command.note ?? null };
      d.notices.push({
        roles: ['cs_manager'],
        userIds: [],
        title: { zh: '有装修申请待您审核', en: 'A renovation application awaits your review' },
      });
      break;
    }
    case 'return':
    case 'reject':
      requireText('reason', command.reason, '退回原因', 'Reason');
      d.patch.lastReturnReason = command.reason;
      d.cancel = ['check_due'];
      d.event.data = { reason: command.reason, round: r.round, step: r.status };
      break;
    case 'approve':
      if (r.status === 'cs_review') {
        d.to = 'eng_review';
        d.patch.csApproval = { by: actor.name, at: now };
        d.notices.push({
          roles: ['eng_supervisor'],
          userIds: [],
          title: { zh: '有装修申请待工程部审核', en: 'A renovation application awaits engineering review' },
        });
      } else {
        d.to = 'approved';
        d.patch.engApproval = { by: actor.name, at: now };
        d.notices.push({
          roles: ['finance', ...deskRoles],
          userIds: [],
          title: { zh: '装修申请已批准，待缴费', en: 'Renovation approved: fees due' },
        });
      }
      d.event.data = { step: r.status, round: r.round, note: command.note ?? null };
      break;
    case 'resubmit':
      d.patch.round = r.round + 1;
      d.schedule = [checkTimer()];
      d.event.data = { round: r.round + 1, note: command.note ?? null };
      d.notices.push({
        roles: deskRoles,
        userIds: [],
        title: { zh: '装修申请已重新提交', en: 'A renovation application was resubmitted' },
      });
      break;
    case 'withdraw':
      requireText('reason', command.reason, '撤回原因', 'Reason');
      d.cancel = [...renovationTimerKinds];
      d.event.data = { reason: command.reason };
      break;
    case 'record_payment': {
      requireText('receiptNumber', command.receiptNumber, '收据号', 'Receipt number');
      if (command.fees.length === 0) throw fieldError('fees', '请填写费用明细', 'Enter the fees');
      const feesCents = command.fees.reduce((s, f) => s + f.amountCents, 0);
      const validFrom = r.plannedStartDate;
      d.patch.payment = {
        fees: command.fees,
        depositCents: command.depositCents,
        receiptNumber: command.receiptNumber,
        at: now,
        by: actor.name,
      };
      d.patch.permit = { issuedAt: now, validFrom, validTo: r.plannedEndDate };
      d.event.data = {
        feesCents,
        depositCents: command.depositCents,
        receiptNumber: command.receiptNumber,
        permitValidFrom: validFrom,
        permitValidTo: r.plannedEndDate,
      };
      d.notices.push({
        roles: [...deskRoles, 'eng_supervisor', 'department_staff'],
        userIds: [],
        title: { zh: '装修许可证已发放，开始巡查', en: 'Renovation permit issued: patrols start' },
      });
      break;
    }
    case 'record_patrol': {
      const duty = patrolDutyOf(role, ctx.actorDepartment);
      if (duty !== command.patrol.duty)
        throw forbidden('not_your_patrol', { zh: '这不是您负责的巡查', en: 'This patrol is not your duty' });
      if (command.patrol.status === 'done') throw conflict('patrol_done', { zh: '该巡查已记录', en: 'This patrol is already recorded' });
      if (command.patrol.date > localDateOf(now, ctx.timeZone)) {
        throw conflict('patrol_not_due', { zh: '巡查日期未到', en: 'This patrol is not due yet' });
      }
      if (command.violation && command.result !== 'issue') {
        throw fieldError('result', '发现违规时巡查结果应为"有问题"', 'A violation means the patrol found an issue');
      }
      if (command.violation) {
        requireText('violation.description', command.violation.description, '违规情况', 'Violation');
        d.effects.push({
          kind: 'violation_recorded',
          violationId: command.violation.id,
          description: command.violation.description,
          patrolId: command.patrol.id,
        });
        d.notices.push({
          roles: [...deskRoles, 'eng_supervisor'],
          userIds: [],
          title: { zh: '巡查发现装修违规', en: 'A patrol found a renovation violation' },
        });
      }
      d.effects.push({
        kind: 'patrol_recorded',
        patrolId: command.patrol.id,
        result: command.result,
        note: command.note ?? null,
        violationId: command.violation?.id ?? null,
      });
      d.event.data = { patrolId: command.patrol.id, duty, date: command.patrol.date, result: command.result, note: command.note ?? null };
      break;
    }
    case 'record_violation':
      requireText('description', command.description, '违规情况', 'Violation');
      d.effects.push({ kind: 'violation_recorded', violationId: command.violationId, description: command.description, patrolId: null });
      d.event.data = { violationId: command.violationId, description: command.description };
      d.notices.push({
        roles: [...deskRoles, 'eng_supervisor'],
        userIds: [],
        title: { zh: '装修违规已记录', en: 'A renovation violation was recorded' },
      });
      break;
    case 'issue_notice': {
      const v = violation(command.violationId);
      if (v.status !== 'recorded') throw conflict('notice_exists', { zh: '该违规已开具整改通知书', en: 'A notice was already issued' });
      requireText('requirement', command.requirement, '整改要求', 'Requirement');
      const deadlineAt = command.deadlineAt ?? addMinutes(now, policy.rectificationDeadlineHours * 60);
      if (deadlineAt <= now) throw fieldError('deadlineAt', '整改期限须晚于现在', 'The deadline must be in the future');
      d.effects.push({ kind: 'notice_issued', violationId: v.id, requirement: command.requirement, deadlineAt });
      d.schedule = [{ kind: 'rectification_due', dueAt: deadlineAt, level: 0 }];
      d.event.data = { violationId: v.id, requirement: command.requirement, deadlineAt: deadlineAt.toISOString() };
      break;
    }
    case 'recheck': {
      const v = violation(command.violationId);
      if (v.status !== 'notice_issued' && v.status !== 'overdue') {
        throw conflict('nothing_to_recheck', { zh: '该违规没有待复查的整改', en: 'This violation has no rectification to re-check' });
      }
      const isLate = v.deadlineAt !== null && now >= v.deadlineAt;
      const status: ViolationStatus = command.isRectified ? 'rectified' : isLate ? 'overdue' : v.status;
      d.effects.push({
        kind: 'violation_rechecked',
        violationId: v.id,
        status,
        isRectified: command.isRectified,
        note: command.note ?? null,
      });
      const stillOverdue = r.violations.some((x) => x.id !== v.id && x.status === 'overdue') || status === 'overdue';
      if (!stillOverdue && r.flags.includes('rectification_overdue')) d.patch.flags = withoutFlag(r.flags, 'rectification_overdue');
      if (status === 'overdue' && !r.flags.includes('rectification_overdue')) d.patch.flags = [...r.flags, 'rectification_overdue'];
      d.event.data = { violationId: v.id, isRectified: command.isRectified, note: command.note ?? null, status };
      if (status === 'overdue') {
        d.notices.push({
          roles: ['eng_supervisor'],
          userIds: [],
          title: { zh: '违规逾期未整改，请决定处理', en: 'A violation is not put right: decide' },
        });
      }
      break;
    }
    case 'decide_penalty': {
      const v = violation(command.violationId);
      const isPastDeadline = v.status === 'overdue' || (v.status === 'notice_issued' && v.deadlineAt !== null && now >= v.deadlineAt);
      if (!isPastDeadline) {
        throw conflict('not_overdue', {
          zh: '整改期限未过或已整改，不能处罚',
          en: 'Only a violation not put right by its deadline is penalised',
        });
      }
      if (v.hasPenalty) throw conflict('penalty_exists', { zh: '该违规已作出处理决定', en: 'This violation was already decided' });
      requireText('reason', command.reason, '处理理由', 'Reason');
      if (!command.isStopWork && command.deductionCents === 0) {
        throw fieldError('deductionCents', '请决定停工或扣除押金', 'Order a stop or a deduction');
      }
      const balance = depositBalance(r.depositCents, r.violations);
      if (command.deductionCents > balance) {
        throw fieldError(
          'deductionCents',
          `扣款不能超过押金余额（${(balance / 100).toFixed(2)} 元）`,
          `The deduction cannot exceed the deposit left (${(balance / 100).toFixed(2)} yuan)`,
        );
      }
      if (command.isStopWork) {
        if (r.status === 'inspection_booked')
          throw conflict('inspection_booked', { zh: '已预约验收，不能停工', en: 'An inspection is booked' });
        d.to = 'stopped';
      }
      d.effects.push({
        kind: 'penalty_decided',
        violationId: v.id,
        isStopWork: command.isStopWork,
        deductionCents: command.deductionCents,
        reason: command.reason,
      });
      d.event.data = { violationId: v.id, isStopWork: command.isStopWork, deductionCents: command.deductionCents, reason: command.reason };
      d.notices.push({
        roles: [...deskRoles, 'finance', 'cs_manager'],
        userIds: [],
        title: command.isStopWork
          ? { zh: '装修已责令停工', en: 'A renovation was ordered to stop' }
          : { zh: '装修押金已扣除', en: 'A renovation deposit deduction' },
      });
      break;
    }
    case 'resume_work': {
      const open = r.violations.filter((v) => openViolationStatuses.includes(v.status));
      if (open.length > 0) throw conflict('not_rectified', { zh: '仍有违规未整改，不能复工', en: 'Violations are still open' });
      d.event.data = { note: command.note ?? null };
      break;
    }
    case 'book_inspection': {
      if (r.violations.some((v) => openViolationStatuses.includes(v.status))) {
        throw conflict('violations_open', { zh: '仍有违规未整改，不能预约验收', en: 'Open violations: put them right first' });
      }
      if (command.at <= now) throw fieldError('at', '验收时间须晚于现在', 'The inspection must be in the future');
      const round = r.inspectionRounds + 1;
      d.effects.push({ kind: 'inspection_booked', inspectionId: command.inspectionId, round, at: command.at });
      d.event.data = { inspectionId: command.inspectionId, round, at: command.at.toISOString(), note: command.note ?? null };
      d.notices.push({
        roles: [...deskRoles, 'eng_supervisor'],
        userIds: [],
        title: { zh: '装修竣工验收已预约', en: 'A renovation inspection was booked' },
      });
      break;
    }
    case 'record_acceptance': {
      const ins = r.pendingInspection;
      if (!ins) throw conflict('no_inspection', { zh: '没有待验收的预约', en: 'No inspection is booked' });
      const side = csInspectors.includes(role) ? 'cs' : engInspectors.includes(role) ? 'engineering' : null;
      if (!side) throw forbidden();
      if (ins[side]) throw conflict('already_signed', { zh: '本方已签署验收', en: 'Your side has already signed' });
      const sign: AcceptanceSign = {
        items: command.items.map((i) => ({ name: i.name, isPassed: i.isPassed, note: i.note ?? null })),
        note: command.note ?? null,
        byName: actor.name,
        byRole: role,
        at: now.toISOString(),
      };
      d.effects.push({ kind: 'acceptance_signed', inspectionId: ins.id, side, sign });
      const other = side === 'cs' ? ins.engineering : ins.cs;
      d.event.data = { inspectionId: ins.id, round: ins.round, side, failed: sign.items.filter((i) => !i.isPassed).map((i) => i.name) };
      if (other) {
        const isPassed = [...sign.items, ...other.items].every((i) => i.isPassed);
        d.effects.push({ kind: 'inspection_decided', inspectionId: ins.id, outcome: isPassed ? 'passed' : 'failed' });
        d.event.data.outcome = isPassed ? 'passed' : 'failed';
        if (isPassed) {
          d.to = 'refund_due';
          const dueDate = ctx.calendar.addWorkingDaysFrom(now, policy.depositRefundWorkingDays, ctx.timeZone);
          d.patch.inspectionPassedAt = now;
          d.patch.refundDueDate = dueDate;
          d.schedule = [{ kind: 'refund_due', dueAt: endOfLocalDay(dueDate, ctx.timeZone), level: 0 }];
          d.event.data.refundDueDate = dueDate;
          d.notices.push({
            roles: ['finance', ...deskRoles],
            userIds: [],
            title: { zh: `装修验收合格，押金须于 ${dueDate} 前退还`, en: `Renovation passed: refund the deposit by ${dueDate}` },
          });
        } else {
          d.to = 'inspection_failed';
          d.notices.push({
            roles: deskRoles,
            userIds: [],
            title: { zh: '装修验收不合格，需整改后再验收', en: 'Renovation failed inspection: rectify and rebook' },
          });
        }
      }
      break;
    }
    case 'book_refund':
      if (command.at <= now) throw fieldError('at', '预约时间须晚于现在', 'The appointment must be in the future');
      d.patch.refundAppointmentAt = command.at;
      d.event.data = { at: command.at.toISOString() };
      break;
    case 'record_refund': {
      requireText('receiptNumber', command.receiptNumber, '收据号', 'Receipt number');
      const cents = refundAmount(r.depositCents, r.violations);
      d.patch.refund = { cents, receiptNumber: command.receiptNumber, at: now, by: actor.name };
      d.cancel = ['refund_due'];
      d.event.data = {
        refundCents: cents,
        depositCents: r.depositCents,
        deductions: r.violations.filter((v) => v.deductionCents > 0).map((v) => ({ violationId: v.id, cents: v.deductionCents })),
        receiptNumber: command.receiptNumber,
        note: command.note ?? null,
      };
      break;
    }
  }

  if (rule.clears && rule.clears.length > 0 && d.patch.flags === undefined) {
    const clears = new Set<RenovationFlag>(rule.clears);
    const kept = r.flags.filter((f) => !clears.has(f));
    if (kept.length !== r.flags.length) d.patch.flags = kept;
  }
  return d;
}

export interface NewRenovation {
  application: Application;
}

/** An application (装修申请表) is submitted: checked, then with the clerk, who checks the file by the cutoff. */
export function submitRenovation(
  input: NewRenovation,
  ctx: RenovationContext,
): { renovation: Renovation; event: { type: string; data: Record<string, unknown> }; schedule: RenovationTimerSpec[]; notices: Notice[] } {
  const role = ctx.actor.role;
  if (role !== 'resident' && role !== 'clerk' && role !== 'cs_supervisor') throw forbidden();
  const a = input.application;
  checkPlannedPeriod(a.plannedStartDate, a.plannedEndDate);
  const renovation: Renovation = {
    status: 'submitted',
    round: 1,
    workItems: a.workItems,
    isAgreementSigned: a.isAgreementSigned,
    documents: [],
    plannedStartDate: a.plannedStartDate,
    plannedEndDate: a.plannedEndDate,
    depositCents: 0,
    violations: [],
    pendingInspection: null,
    inspectionRounds: 0,
    flags: [],
  };
  return {
    renovation,
    event: {
      type: 'RenovationSubmitted',
      data: {
        contractorCompany: a.contractorCompany,
        plannedStartDate: a.plannedStartDate,
        plannedEndDate: a.plannedEndDate,
        workItems: a.workItems,
      },
    },
    schedule: [{ kind: 'check_due', dueAt: fileCheckDueAt(ctx.now, ctx.policy, ctx.calendar, ctx.timeZone), level: 0 }],
    notices: [{ roles: deskRoles, userIds: [], title: { zh: '有新的装修申请待审核资料', en: 'A new renovation application to check' } }],
  };
}

export type { RenovationAction };
