import { addMinutes } from '../shared/clock.js';
import { conflict, invalid } from '../shared/errors.js';
import type { ArrearsPolicy } from './policy.js';

/** How a household was chased (电话 · 上门 · 短信 · 书面通知 · 其他). */
export const chaseMethods = ['phone', 'visit', 'sms', 'notice', 'other'] as const;
export type ChaseMethod = (typeof chaseMethods)[number];

/** What came of it (承诺缴费 · 拒缴 · 联系不上 · 已缴 · 其他). */
export const chaseResults = ['promised', 'refused', 'unreachable', 'paid', 'other'] as const;
export type ChaseResult = (typeof chaseResults)[number];

/** Where a household stands: nobody assigned yet, being chased by a clerk, or nothing owed. */
export const householdStatuses = ['unassigned', 'chasing', 'paid'] as const;
export type HouseholdStatus = (typeof householdStatuses)[number];

/** A household's state from what it owes and whether a clerk has it. */
export function householdStatus(outstandingCents: number, clerkId: string | null): HouseholdStatus {
  if (outstandingCents <= 0) return 'paid';
  return clerkId ? 'chasing' : 'unassigned';
}

/**
 * When the assigned clerk should chase next: the chase interval after the last chase, or after
 * the assignment when nobody has chased yet (催费实行跟踪制). Null while unassigned.
 */
export function nextChaseDueAt(assignedAt: Date | null, lastChasedAt: Date | null, policy: ArrearsPolicy): Date | null {
  const from = lastChasedAt ?? assignedAt;
  return from ? addMinutes(from, policy.chaseIntervalDays * 24 * 60) : null;
}

/** Whether a household still owing is due for a chase now. */
export function isChaseDue(outstandingCents: number, dueAt: Date | null, now: Date): boolean {
  return outstandingCents > 0 && dueAt !== null && now.getTime() >= dueAt.getTime();
}

export interface ChaseInput {
  method: ChaseMethod;
  result: ChaseResult;
  /** The date the owner promised to pay (YYYY-MM-DD); required when they promised. */
  promisedDate?: string | null | undefined;
  note?: string | null | undefined;
}

/** Checks a chase record: a promise needs its date, and that date cannot be in the past. */
export function checkChase(input: ChaseInput, today: string): ChaseInput {
  if (input.result === 'promised' && !input.promisedDate) {
    throw invalid('promised_date_required', { zh: '请填写承诺缴费日期', en: 'Give the promised payment date' }, [
      { field: 'promisedDate', message: { zh: '请填写承诺缴费日期', en: 'Give the promised payment date' } },
    ]);
  }
  if (input.promisedDate && input.promisedDate < today) {
    throw invalid('promised_date_past', { zh: '承诺日期不能早于今天', en: 'The promised date cannot be in the past' }, [
      { field: 'promisedDate', message: { zh: '承诺日期不能早于今天', en: 'The promised date cannot be in the past' } },
    ]);
  }
  return input;
}

/**
 * A payment against one arrears line: part or all of what is still owed. Paying more than is
 * owed is refused (a refund is not an arrears matter).
 */
export function applyPayment(line: { amountOwedCents: number; amountPaidCents: number }, amountCents: number) {
  const outstanding = line.amountOwedCents - line.amountPaidCents;
  if (outstanding <= 0) throw conflict('already_paid', { zh: '该笔欠费已缴清', en: 'This arrears line is already paid' });
  if (!Number.isInteger(amountCents) || amountCents <= 0) {
    throw invalid('bad_amount', { zh: '缴费金额须大于0', en: 'The amount must be above 0' }, [
      { field: 'amountCents', message: { zh: '缴费金额须大于0', en: 'The amount must be above 0' } },
    ]);
  }
  if (amountCents > outstanding) {
    const zh = `缴费金额超过未缴金额 ¥${(outstanding / 100).toFixed(2)}`;
    const en = `The amount is more than the ¥${(outstanding / 100).toFixed(2)} still owed`;
    throw invalid('overpaid', { zh, en }, [{ field: 'amountCents', message: { zh, en } }]);
  }
  const paid = line.amountPaidCents + amountCents;
  return { amountPaidCents: paid, isPaid: paid >= line.amountOwedCents };
}
