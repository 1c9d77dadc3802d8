import type { Actor, Role } from '../access/roles.js';
import { addMinutes } from '../shared/clock.js';
import { conflict, type DomainError, forbidden, invalid } from '../shared/errors.js';
import type { RepairPolicy } from '../policy/policy.js';
import { nextLocalTime } from '../shared/time-of-day.js';
import { type OverdueFlag, type RepairStatus, repairRules } from './machine.js';

export type Urgency = 'normal' | 'urgent';
export type Timing = 'immediate' | 'appointment';
export type HoldReason = 'parts' | 'long_job' | 'leftover' | 'not_home' | 'other';
export type MaterialRating = 'qualified' | 'unqualified' | 'poor';
export type VisitOutcome = 'satisfied' | 'basically_satisfied' | 'unsatisfied';
export type FeeStatus = 'none' | 'owed' | 'paid';

export interface PromisedTime {
  at: string;
  setAt: string;
  by: string;
  reason: string | null;
}

/** What the rules need to know of an order. Money is in fen (1/100 yuan). */
export interface RepairOrder {
  status: RepairStatus;
  assigneeId: string | null;
  urgency: Urgency;
  timing: Timing;
  createdAt: Date;
  appointmentAt: Date | null;
  promisedTimes: PromisedTime[];
  codeAttempts: number;
  verifiedAt: Date | null;
  flags: OverdueFlag[];
  reopenCount: number;
  labourFeeCents: number;
  materialFeeCents: number;
  quoteCents: number | null;
  feeStatus: FeeStatus;
  /** The resident who may act for this order (the reporting household), if any. */
  ownerResidentIds: string[];
}

export type RepairCommand =
  | { action: 'grab' }
  | { action: 'assign'; technicianId: string; technicianCommunityId: string; note?: string }
  | { action: 'accept' }
  | { action: 'decline'; reason: string }
  | { action: 'set_off'; etaMinutes?: number }
  | { action: 'arrive' }
  | { action: 'verify_code'; isCodeCorrect: boolean }
  | { action: 'confirm_by_phone'; reason: string }
  | { action: 'reschedule'; appointmentAt: Date; reason: string }
  | {
      action: 'record_work';
      actualItems?: string;
      labourFeeCents?: number;
      materialFeeCents?: number;
      customerMaterialRating?: MaterialRating | null;
      note?: string;
    }
  | { action: 'hold'; reason: HoldReason; note: string }
  | { action: 'resume'; note?: string }
  | { action: 'request_quote'; description: string }
  | { action: 'quote'; isFeasible: boolean; quoteCents?: number; note: string }
  | { action: 'accept_quote' }
  | { action: 'refuse_quote'; reason: string }
  | { action: 'complete'; summary: string }
  | { action: 'confirm'; signature?: string }
  | { action: 'reject_completion'; reason: string }
  | { action: 'record_payment'; amountCents: number; receiptNo?: string }
  | { action: 'visit'; outcome: VisitOutcome; comment: string; method: 'phone' | 'home' | 'on_site' }
  | { action: 'cancel'; reason: string }
  | { action: 'close_returned'; reason: string };

export const timerKinds = [
  'grab_timeout',
  'accept_timeout',
  'arrival_timeout',
  'progress_timeout',
  'same_day_timeout',
  'quote_timeout',
  'visit_due',
] as const;
export type TimerKind = (typeof timerKinds)[number];

export interface TimerSpec {
  kind: TimerKind;
  dueAt: Date;
  /** Escalation level (0 for the first notice). */
  level: number;
}

export interface Notice {
  /** Roles of the order's community who are told, or specific people. */
  roles: Role[];
  userIds: string[];
  title: { zh: string; en: string };
}

export interface Decision {
  to: RepairStatus;
  patch: Partial<RepairOrder>;
  event: { type: string; data: Record<string, unknown> };
  schedule: TimerSpec[];
  /** Timer kinds to cancel before scheduling. */
  cancel: TimerKind[];
  notices: Notice[];
  /** Set when the action was refused but the refusal itself must be stored (a wrong code). */
  refusal?: DomainError;
  /** A follow-up visit task is due at this time. */
  visitDueAt?: Date;
}

export interface DecideContext {
  actor: Actor;
  /** True when the acting resident belongs to the reporting household. */
  isOwner: boolean;
  policy: RepairPolicy;
  timezone: string;
  now: Date;
}

const allTimers: TimerKind[] = [...timerKinds];

/** The timers a freshly created (or reopened) order runs. */
export function timersForNewOrder(
  order: Pick<RepairOrder, 'urgency' | 'timing' | 'appointmentAt'>,
  isPreAssigned: boolean,
  policy: RepairPolicy,
  timezone: string,
  now: Date,
): TimerSpec[] {
  // An order booked for later is measured from its appointment: the same day is that day, and
  // "no progress" counts from the time the work was due to start.
  const start = order.timing === 'appointment' && order.appointmentAt && order.appointmentAt > now ? order.appointmentAt : now;
  const timers: TimerSpec[] = [
    isPreAssigned
      ? { kind: 'accept_timeout', dueAt: addMinutes(now, policy.acceptMinutes), level: 0 }
      : { kind: 'grab_timeout', dueAt: addMinutes(now, policy.grabMinutes), level: 0 },
    { kind: 'arrival_timeout', dueAt: arrivalDue(order, policy, now), level: 0 },
    { kind: 'progress_timeout', dueAt: addMinutes(start, policy.progressChaseMinutes), level: 0 },
  ];
  timers.push({ kind: 'same_day_timeout', dueAt: nextLocalTime(start, policy.sameDayCutoff, timezone), level: 0 });
  return timers;
}

/** When the technician must be on site: the appointment, else a policy window from now. */
export function arrivalDue(order: Pick<RepairOrder, 'urgency' | 'timing' | 'appointmentAt'>, policy: RepairPolicy, now: Date): Date {
  if (order.timing === 'appointment' && order.appointmentAt) return order.appointmentAt;
  return addMinutes(now, order.urgency === 'urgent' ? policy.urgentArrivalMinutes : policy.immediateArrivalMinutes);
}

function requireText(field: string, value: string | undefined, zh: string, en: string): void {
  if (!value || value.trim().length === 0) {
    throw invalid('required', { zh: `请填写${zh}`, en: `${en} is required` }, [
      { field, message: { zh: `请填写${zh}`, en: `${en} is required` } },
    ]);
  }
}

function requireMoney(field: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > 100_000_000)) {
    throw invalid('invalid_amount', { zh: '金额无效', en: 'Invalid amount' }, [
      { field, message: { zh: '金额须为0到100万元之间的数', en: 'Amount must be between 0 and 1,000,000 yuan' } },
    ]);
  }
}

/**
 * Checks whether `actor` may take `command` on `order` now, and if so what follows: the next
 * state, the changed fields, the event for the history, the timers to cancel and schedule, and
 * whom to tell. Throws a DomainError when the action is refused.
 */
export function decide(order: RepairOrder, command: RepairCommand, ctx: DecideContext): Decision {
  const rule = repairRules[command.action];
  const role = ctx.actor.role as Role;
  if (!rule.who.includes(role)) throw forbidden();
  if (rule.assigneeOnly && order.assigneeId !== ctx.actor.id) {
    if (command.action === 'grab') throw alreadyTaken();
    throw forbidden('not_assignee', { zh: '该工单未派给您', en: 'This order is not assigned to you' });
  }
  if (rule.ownerOnly && role === 'resident' && !ctx.isOwner) throw forbidden();
  if (!rule.from.includes(order.status)) {
    if (command.action === 'grab') throw alreadyTaken();
    throw conflict('invalid_transition', {
      zh: `工单当前状态不允许此操作（${order.status}）`,
      en: `This action is not allowed while the order is ${order.status}`,
    });
  }
  if (command.action === 'cancel' && role === 'resident' && order.status !== 'open' && order.status !== 'dispatched') {
    throw conflict('resident_cancel_too_late', {
      zh: '师傅已接单，请联系客服中心取消',
      en: 'A technician has taken the order; call the service desk to cancel',
    });
  }

  const d: Decision = {
    to: rule.to === 'same' || rule.to === 'decided' ? order.status : rule.to,
    patch: {},
    event: { type: rule.event, data: {} },
    schedule: [],
    cancel: [],
    notices: [],
  };
  const { policy, now } = ctx;
  const clears = new Set<OverdueFlag>(rule.clears ?? []);

  switch (command.action) {
    case 'grab':
      d.patch.assigneeId = ctx.actor.id;
      d.cancel = ['grab_timeout', 'accept_timeout'];
      d.event.data = { technicianId: ctx.actor.id, technicianName: ctx.actor.name };
      break;
    case 'assign':
      if (command.technicianCommunityId !== ctx.actor.communityId && ctx.actor.communityId !== null) {
        throw invalid('technician_elsewhere', { zh: '该师傅不属于本小区', en: 'That technician works in another community' }, [
          { field: 'technicianId', message: { zh: '该师傅不属于本小区', en: 'That technician works in another community' } },
        ]);
      }
      if (order.assigneeId === command.technicianId) {
        throw conflict('already_assigned', { zh: '工单已派给该师傅', en: 'The order is already assigned to that technician' });
      }
      d.patch.assigneeId = command.technicianId;
      d.cancel = ['grab_timeout', 'accept_timeout'];
      d.schedule = [{ kind: 'accept_timeout', dueAt: addMinutes(now, policy.acceptMinutes), level: 0 }];
      d.event.data = { technicianId: command.technicianId, previousAssigneeId: order.assigneeId, note: command.note ?? null };
      d.notices.push({
        roles: [],
        userIds: [command.technicianId],
        title: { zh: '您有新的派工单', en: 'A work order was assigned to you' },
      });
      break;
    case 'accept':
      d.cancel = ['accept_timeout'];
      break;
    case 'decline':
      requireText('reason', command.reason, '原因', 'Reason');
      d.patch.assigneeId = null;
      d.cancel = ['accept_timeout', 'grab_timeout'];
      d.schedule = [{ kind: 'grab_timeout', dueAt: addMinutes(now, policy.grabMinutes), level: 0 }];
      d.event.data = { reason: command.reason };
      d.notices.push({ roles: ['eng_supervisor'], userIds: [], title: { zh: '师傅退回了派工单', en: 'A technician declined an order' } });
      break;
    case 'set_off':
      d.event.data = { etaMinutes: command.etaMinutes ?? null };
      break;
    case 'arrive':
      d.cancel = ['arrival_timeout', 'progress_timeout'];
      d.event.data = { isLate: order.flags.includes('arrival_overdue') };
      break;
    case 'verify_code':
      if (order.codeAttempts >= policy.codeMaxAttempts) {
        throw conflict('code_locked', {
          zh: '验证码错误次数过多，请致电客服中心核实',
          en: 'Too many wrong codes; call the service desk to verify',
        });
      }
      if (!command.isCodeCorrect) {
        const attempts = order.codeAttempts + 1;
        const left = policy.codeMaxAttempts - attempts;
        d.to = order.status;
        d.patch.codeAttempts = attempts;
        d.event = { type: 'CodeRejected', data: { attempts, attemptsLeft: left } };
        d.refusal = invalid(
          left > 0 ? 'wrong_code' : 'code_locked',
          left > 0
            ? { zh: `验证码不正确，还可尝试${left}次`, en: `Wrong code; ${left} attempts left` }
            : { zh: '验证码错误次数过多，请致电客服中心核实', en: 'Too many wrong codes; call the service desk to verify' },
          [{ field: 'code', message: { zh: '验证码不正确', en: 'Wrong code' } }],
        );
        return d;
      }
      d.patch.verifiedAt = now;
      d.event.data = { method: 'code' };
      break;
    case 'confirm_by_phone':
      requireText('reason', command.reason, '核实原因', 'Reason');
      d.patch.verifiedAt = now;
      d.event.data = { method: 'phone', reason: command.reason };
      break;
    case 'reschedule': {
      requireText('reason', command.reason, '改约原因', 'Reason');
      // The first promised time is not a change (-1 changes before it), so 0 allowed changes still allows it.
      const changes = order.promisedTimes.length - 1;
      if (changes >= policy.maxPromiseChanges) {
        throw conflict('too_many_reschedules', {
          zh: `承诺时间最多只能修改${policy.maxPromiseChanges}次`,
          en: `The promised time may be changed at most ${policy.maxPromiseChanges} times`,
        });
      }
      if (command.appointmentAt.getTime() <= now.getTime()) {
        throw invalid('appointment_in_past', { zh: '预约时间必须晚于现在', en: 'The appointment must be in the future' }, [
          { field: 'appointmentAt', message: { zh: '预约时间必须晚于现在', en: 'The appointment must be in the future' } },
        ]);
      }
      const promised: PromisedTime = {
        at: command.appointmentAt.toISOString(),
        setAt: now.toISOString(),
        by: ctx.actor.name,
        reason: command.reason,
      };
      d.patch.appointmentAt = command.appointmentAt;
      d.patch.timing = 'appointment';
      d.patch.promisedTimes = [...order.promisedTimes, promised];
      // A technician already on the way or at the door goes back to "accepted" for the new time.
      d.to = order.status === 'on_the_way' ? 'accepted' : order.status === 'arrived' ? 'accepted' : order.status;
      // Every deadline that counts from the appointment moves with it: arrival, the progress chase
      // and "done the same day" (whose escalation starts again from the new day).
      d.cancel = ['arrival_timeout', 'progress_timeout', 'same_day_timeout'];
      d.schedule = [
        { kind: 'arrival_timeout', dueAt: command.appointmentAt, level: 0 },
        { kind: 'progress_timeout', dueAt: addMinutes(command.appointmentAt, policy.progressChaseMinutes), level: 0 },
        { kind: 'same_day_timeout', dueAt: nextLocalTime(command.appointmentAt, policy.sameDayCutoff, ctx.timezone), level: 0 },
      ];
      d.event.data = { appointmentAt: promised.at, previous: order.appointmentAt?.toISOString() ?? null, reason: command.reason };
      if (order.assigneeId) {
        d.notices.push({ roles: [], userIds: [order.assigneeId], title: { zh: '预约时间已变更', en: 'The appointment was changed' } });
      }
      break;
    }
    case 'record_work':
      requireMoney('labourFeeCents', command.labourFeeCents);
      requireMoney('materialFeeCents', command.materialFeeCents);
      // Fees settled at the cashier are not rewritten on the order; a correction goes through finance.
      if (order.feeStatus === 'paid' && (command.labourFeeCents !== undefined || command.materialFeeCents !== undefined)) {
        throw conflict('fees_already_paid', { zh: '费用已缴清，不能再修改', en: 'The fees are paid and can no longer be changed' });
      }
      if (command.labourFeeCents !== undefined) d.patch.labourFeeCents = command.labourFeeCents;
      if (command.materialFeeCents !== undefined) d.patch.materialFeeCents = command.materialFeeCents;
      d.event.data = {
        actualItems: command.actualItems ?? null,
        labourFeeCents: command.labourFeeCents ?? null,
        materialFeeCents: command.materialFeeCents ?? null,
        customerMaterialRating: command.customerMaterialRating ?? null,
        note: command.note ?? null,
      };
      break;
    case 'hold':
      requireText('note', command.note, '挂起说明', 'Note');
      d.cancel = ['progress_timeout'];
      d.event.data = { reason: command.reason, note: command.note };
      d.notices.push({ roles: ['clerk'], userIds: [], title: { zh: '工单已挂起', en: 'An order was put on hold' } });
      break;
    case 'resume':
      d.to = order.verifiedAt ? 'in_progress' : 'accepted';
      // Back before the door (the resident was not home): the technician is due on site again.
      if (d.to === 'accepted') {
        d.cancel = ['arrival_timeout'];
        d.schedule = [
          { kind: 'arrival_timeout', dueAt: arrivalDue({ ...order, timing: 'immediate', appointmentAt: null }, policy, now), level: 0 },
        ];
      }
      d.event.data = { note: command.note ?? null };
      break;
    case 'request_quote':
      requireText('description', command.description, '需报价的工作内容', 'Work to price');
      d.schedule = [{ kind: 'quote_timeout', dueAt: addMinutes(now, policy.quoteMinutes), level: 0 }];
      d.event.data = { description: command.description };
      d.notices.push({
        roles: ['eng_supervisor'],
        userIds: [],
        title: { zh: '有超范围维修待报价', en: 'Out-of-scope work awaits your price' },
      });
      break;
    case 'quote':
      requireText('note', command.note, '评审意见', 'Note');
      d.cancel = ['quote_timeout'];
      if (command.isFeasible) {
        if (command.quoteCents === undefined) {
          throw invalid('required', { zh: '请填写报价', en: 'A price is required' }, [
            { field: 'quoteCents', message: { zh: '请填写报价', en: 'A price is required' } },
          ]);
        }
        requireMoney('quoteCents', command.quoteCents);
        d.to = 'awaiting_approval';
        d.patch.quoteCents = command.quoteCents;
      } else {
        d.to = 'returned';
      }
      d.event.data = { isFeasible: command.isFeasible, quoteCents: command.quoteCents ?? null, note: command.note };
      break;
    case 'accept_quote':
      d.to = order.verifiedAt ? 'in_progress' : 'arrived';
      d.event.data = { quoteCents: order.quoteCents };
      if (order.assigneeId) {
        d.notices.push({ roles: [], userIds: [order.assigneeId], title: { zh: '业主已同意报价', en: 'The resident accepted the price' } });
      }
      break;
    case 'refuse_quote':
      requireText('reason', command.reason, '原因', 'Reason');
      d.event.data = { reason: command.reason };
      d.notices.push({
        roles: ['clerk'],
        userIds: [],
        title: { zh: '业主拒绝了报价，工单退回前台', en: 'The resident refused the price' },
      });
      break;
    case 'complete': {
      requireText('summary', command.summary, '维修结果', 'Summary');
      const fee = order.labourFeeCents + order.materialFeeCents;
      // Money already taken at the cashier stays taken (rework after a rejection or an unsatisfied visit).
      d.patch.feeStatus = order.feeStatus === 'paid' ? 'paid' : fee > 0 ? 'owed' : 'none';
      d.cancel = ['arrival_timeout', 'progress_timeout', 'same_day_timeout', 'quote_timeout'];
      d.event.data = { summary: command.summary, feeCents: fee };
      d.notices.push({ roles: ['clerk'], userIds: [], title: { zh: '工单已完工，请安排确认', en: 'An order was completed' } });
      break;
    }
    case 'confirm': {
      const visitDueAt = addMinutes(now, policy.visitWithinHours * 60);
      d.schedule = [{ kind: 'visit_due', dueAt: visitDueAt, level: 0 }];
      d.visitDueAt = visitDueAt;
      d.event.data = { signature: command.signature ?? null, byResident: role === 'resident' };
      break;
    }
    case 'reject_completion':
      requireText('reason', command.reason, '原因', 'Reason');
      if (order.feeStatus !== 'paid') d.patch.feeStatus = 'none';
      // The work is open again: it must be finished the same day, as new work would.
      d.schedule = [{ kind: 'same_day_timeout', dueAt: nextLocalTime(now, policy.sameDayCutoff, ctx.timezone), level: 0 }];
      d.event.data = { reason: command.reason };
      if (order.assigneeId) {
        d.notices.push({
          roles: [],
          userIds: [order.assigneeId],
          title: { zh: '业主未确认完工', en: 'The resident did not accept the work' },
        });
      }
      break;
    case 'record_payment': {
      const owed = order.labourFeeCents + order.materialFeeCents;
      requireMoney('amountCents', command.amountCents);
      if (order.feeStatus !== 'owed') {
        throw conflict('nothing_owed', { zh: '该工单没有待收费用', en: 'Nothing is owed on this order' });
      }
      if (command.amountCents !== owed) {
        throw invalid('amount_mismatch', { zh: '收款金额与应收不符', en: 'The amount differs from what is owed' }, [
          { field: 'amountCents', message: { zh: `应收${(owed / 100).toFixed(2)}元`, en: `Owed: ${(owed / 100).toFixed(2)} yuan` } },
        ]);
      }
      d.patch.feeStatus = 'paid';
      d.event.data = { amountCents: command.amountCents, receiptNo: command.receiptNo ?? null };
      break;
    }
    case 'visit':
      requireText('comment', command.comment, '回访记录', 'Comment');
      d.cancel = ['visit_due'];
      d.event.data = { outcome: command.outcome, comment: command.comment, method: command.method };
      if (command.outcome === 'unsatisfied') {
        // 不满意: the order is reprocessed from the start and visited again.
        d.to = 'open';
        d.event.type = 'OrderReopened';
        d.patch.reopenCount = order.reopenCount + 1;
        d.patch.assigneeId = null;
        d.patch.verifiedAt = null;
        d.patch.codeAttempts = 0;
        d.schedule = timersForNewOrder(
          { urgency: order.urgency, timing: 'immediate', appointmentAt: null },
          false,
          policy,
          ctx.timezone,
          now,
        );
        d.patch.timing = 'immediate';
        d.notices.push({
          roles: ['eng_supervisor', 'cs_supervisor'],
          userIds: [],
          title: { zh: '回访不满意，工单已重新打开', en: 'Unsatisfied visit: order reopened' },
        });
      } else {
        d.to = 'closed';
      }
      break;
    case 'cancel':
    case 'close_returned':
      requireText('reason', command.reason, '原因', 'Reason');
      d.cancel = allTimers;
      d.event.data = { reason: command.reason };
      break;
  }

  if (clears.size > 0) d.patch.flags = order.flags.filter((f) => !clears.has(f));
  if (d.to === 'open' && command.action === 'visit') d.patch.flags = [];
  return d;
}

function alreadyTaken(): DomainError {
  return conflict('already_taken', { zh: '手慢了，该工单已被抢走', en: 'Already taken by another technician' });
}
