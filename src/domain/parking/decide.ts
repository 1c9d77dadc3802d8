import type { Actor, Role } from '../access/roles.js';
import { conflict, type FieldIssue, forbidden, invalid } from '../shared/errors.js';
import { type ParkingSpaceStatus, type ParkingStatus, parkingRules, residentMayCancelIn } from './machine.js';
import type { ParkingPolicy } from './policy.js';
import { addDays, cardValidTo, isLocalDate, localDateOf, renewedValidity, startOfLocalDay } from './validity.js';

/** What the rules need to know of an application and its card. */
export interface ParkingCard {
  status: ParkingStatus;
  spaceId: string | null;
  agreementSignedAt: Date | null;
  /** Months paid by the latest payment: the card's validity on issue. */
  paidMonths: number | null;
  cardNumber: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface Payment {
  amountCents: number;
  months: number;
  receiptNo: string;
}

export type ParkingCommand =
  | { action: 'assign'; space: { id: string; status: ParkingSpaceStatus } }
  | { action: 'reject'; reason: string }
  | { action: 'sign_agreement' }
  | ({ action: 'pay' } & Payment)
  | { action: 'issue_card'; cardNumber: string; validFrom?: string | undefined }
  | ({ action: 'renew' } & Payment)
  | { action: 'cancel'; reason: string }
  | { action: 'expire' };

export const parkingTimerKinds = ['expiry_reminder', 'card_expiry'] as const;
export type ParkingTimerKind = (typeof parkingTimerKinds)[number];

export interface ParkingTimerSpec {
  kind: ParkingTimerKind;
  dueAt: Date;
  level: number;
}

export interface ParkingNotice {
  roles: Role[];
  userIds: string[];
  title: { zh: string; en: string };
}

/** What else changes with the step: the space, the household register, the cashier's record. */
export interface ParkingEffects {
  space?: { id: string; status: ParkingSpaceStatus; isHeld: boolean };
  /** 业主/住户状况登记表: the vehicle is recorded against the room, or taken off it. */
  vehicle?: 'record' | 'remove';
  payment?: Payment;
}

export interface ParkingDecision {
  to: ParkingStatus;
  patch: Partial<ParkingCard>;
  event: { type: string; data: Record<string, unknown> };
  schedule: ParkingTimerSpec[];
  cancel: ParkingTimerKind[];
  notices: ParkingNotice[];
  effects: ParkingEffects;
}

export interface ParkingContext {
  actor: Actor;
  policy: ParkingPolicy;
  timezone: string;
  now: Date;
}

const fieldError = (issues: FieldIssue[]) =>
  invalid('invalid_field', issues[0]?.message ?? { zh: '填写有误', en: 'Invalid input' }, issues);
const requireText = (field: string, value: string | undefined, zh: string, en: string) => {
  if (!value || value.trim().length === 0) throw fieldError([{ field, message: { zh: `请填写${zh}`, en: `${en} is required` } }]);
};

function checkPayment(p: Payment): void {
  const issues: FieldIssue[] = [];
  if (!Number.isInteger(p.amountCents) || p.amountCents <= 0)
    issues.push({ field: 'amountCents', message: { zh: '请填写缴费金额', en: 'Enter the amount paid' } });
  if (!Number.isInteger(p.months) || p.months < 1 || p.months > 120)
    issues.push({ field: 'months', message: { zh: '缴费月数须为1至120', en: 'Months paid must be 1 to 120' } });
  if (!p.receiptNo || p.receiptNo.trim().length === 0)
    issues.push({ field: 'receiptNo', message: { zh: '请填写收据号', en: 'Enter the receipt number' } });
  if (issues.length > 0) throw fieldError(issues);
}

/** The reminder before a card runs out and its expiry, at local midnight of their days. */
export function expiryTimers(validTo: string, policy: ParkingPolicy, timezone: string, now: Date): ParkingTimerSpec[] {
  const expiry = startOfLocalDay(addDays(validTo, 1), timezone);
  const reminder = startOfLocalDay(addDays(validTo, 1 - policy.expiryReminderDays), timezone);
  // A card shorter than the reminder period is reminded of at once.
  const remindAt = reminder.getTime() > now.getTime() ? reminder : now;
  return [
    { kind: 'expiry_reminder', dueAt: remindAt, level: 0 },
    { kind: 'card_expiry', dueAt: expiry, level: 0 },
  ];
}

/**
 * Checks whether `ctx.actor` may take `command` on the application now, and if so what follows.
 * Throws a DomainError when the action is refused.
 */
export function decideParking(card: ParkingCard, command: ParkingCommand, ctx: ParkingContext): ParkingDecision {
  const rule = parkingRules[command.action];
  const { actor, policy, now, timezone } = ctx;
  if (!rule.who.includes(actor.role)) throw forbidden();
  if (command.action === 'cancel' && actor.role === 'resident' && !residentMayCancelIn.includes(card.status)) {
    throw forbidden('handled_already', {
      zh: '申请已在办理中，请到服务中心办理注销',
      en: 'Already being handled: cancel it at the service desk',
    });
  }
  if (!rule.from.includes(card.status)) {
    throw conflict('invalid_transition', {
      zh: `车位申请当前状态不允许此操作（${card.status}）`,
      en: `This action is not allowed while the application is ${card.status}`,
    });
  }
  const today = localDateOf(now, timezone);
  const d: ParkingDecision = {
    to: rule.to,
    patch: {},
    event: { type: rule.event, data: {} },
    schedule: [],
    cancel: [],
    notices: [],
    effects: {},
  };

  switch (command.action) {
    case 'assign':
      if (command.space.status !== 'free') throw conflict('space_taken', { zh: '该车位不是空闲状态', en: 'That space is not free' });
      d.patch.spaceId = command.space.id;
      d.effects.space = { id: command.space.id, status: 'reserved', isHeld: true };
      d.event.data = { spaceId: command.space.id };
      break;
    case 'reject':
      requireText('reason', command.reason, '不予办理的原因', 'Reason');
      d.event.data = { reason: command.reason };
      break;
    case 'sign_agreement':
      d.patch.agreementSignedAt = now;
      d.effects.vehicle = 'record';
      d.notices.push({
        roles: ['finance'],
        userIds: [],
        title: { zh: '车位协议已签，待收取车位费', en: 'Parking agreement signed: fee to collect' },
      });
      break;
    case 'pay':
      checkPayment(command);
      d.patch.paidMonths = command.months;
      d.effects.payment = { amountCents: command.amountCents, months: command.months, receiptNo: command.receiptNo.trim() };
      d.event.data = { ...d.effects.payment };
      d.notices.push({ roles: ['clerk'], userIds: [], title: { zh: '车位费已缴，请办理停车卡', en: 'Parking fee paid: issue the card' } });
      break;
    case 'issue_card': {
      requireText('cardNumber', command.cardNumber, '停车卡号', 'Card number');
      const from = command.validFrom ?? today;
      if (!isLocalDate(from) || from < today) {
        throw fieldError([{ field: 'validFrom', message: { zh: '生效日期不能早于今天', en: 'The card cannot start before today' } }]);
      }
      const months = card.paidMonths ?? policy.cardValidityMonths;
      const validTo = cardValidTo(from, months);
      d.patch.cardNumber = command.cardNumber.trim();
      d.patch.validFrom = from;
      d.patch.validTo = validTo;
      if (card.spaceId) d.effects.space = { id: card.spaceId, status: 'occupied', isHeld: true };
      d.schedule = expiryTimers(validTo, policy, timezone, now);
      d.event.data = { cardNumber: d.patch.cardNumber, validFrom: from, validTo, months };
      break;
    }
    case 'renew': {
      checkPayment(command);
      const v = renewedValidity({ validFrom: card.validFrom ?? today, validTo: card.validTo ?? addDays(today, -1) }, today, command.months);
      d.patch.paidMonths = command.months;
      d.patch.validFrom = v.validFrom;
      d.patch.validTo = v.validTo;
      d.effects.payment = { amountCents: command.amountCents, months: command.months, receiptNo: command.receiptNo.trim() };
      d.cancel = [...parkingTimerKinds];
      d.schedule = expiryTimers(v.validTo, policy, timezone, now);
      d.event.data = { ...d.effects.payment, validFrom: v.validFrom, validTo: v.validTo, previousValidTo: card.validTo };
      break;
    }
    case 'cancel':
      requireText('reason', command.reason, '注销原因', 'Reason');
      if (card.spaceId) d.effects.space = { id: card.spaceId, status: 'free', isHeld: false };
      if (card.agreementSignedAt) d.effects.vehicle = 'remove';
      d.cancel = [...parkingTimerKinds];
      d.event.data = { reason: command.reason, spaceId: card.spaceId };
      break;
    case 'expire':
      d.event.data = { validTo: card.validTo };
      d.notices.push({
        roles: ['clerk'],
        userIds: [],
        title: { zh: '停车卡已过期，请联系业户续费或注销', en: 'A parking card expired: renew or cancel it with the household' },
      });
      break;
  }
  return d;
}

/** A household's application as entered on the phone or at the desk. */
export interface ParkingApplicationForm {
  plateNumber: string;
  vehicleModel: string;
  driverName: string;
}

/** Mainland plates: a province character, a letter, then 5 (ordinary) or 6 (new-energy) letters and digits. */
const PLATE = /^[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}$/;

/** The plate as stored: upper case, without spaces or the middle dot. */
export const normalisePlate = (plate: string): string => plate.replace(/[\s·•.-]/g, '').toUpperCase();

/** Checks an application (every problem at once) and opens it for the desk. */
export function applyForParking(form: ParkingApplicationForm, ctx: Pick<ParkingContext, 'actor'>) {
  if (!['clerk', 'cs_supervisor', 'resident'].includes(ctx.actor.role)) throw forbidden();
  const issues: FieldIssue[] = [];
  const plate = normalisePlate(form.plateNumber ?? '');
  if (!PLATE.test(plate)) issues.push({ field: 'plateNumber', message: { zh: '车牌号格式不正确', en: 'Not a valid plate number' } });
  if (!form.vehicleModel?.trim())
    issues.push({ field: 'vehicleModel', message: { zh: '请填写车辆品牌型号', en: 'Vehicle model is required' } });
  if (!form.driverName?.trim()) issues.push({ field: 'driverName', message: { zh: '请填写驾驶人', en: 'Driver is required' } });
  if (issues.length > 0) throw fieldError(issues);
  return {
    plateNumber: plate,
    event: { type: 'ParkingApplied', data: { plateNumber: plate, vehicleModel: form.vehicleModel.trim() } },
    notices: [
      { roles: ['clerk'], userIds: [], title: { zh: '有新的车位申请待审核', en: 'A parking application awaits the desk' } },
    ] as ParkingNotice[],
  };
}
