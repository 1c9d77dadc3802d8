import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { applyPayment, checkChase, householdStatus, isChaseDue, nextChaseDueAt } from './chase.js';
import { arrearsPolicySchema } from './policy.js';

const policy = arrearsPolicySchema.parse({});
const at = (iso: string) => new Date(iso);

describe('chasing a household', () => {
  it('is unassigned until the CS supervisor gives it to a clerk, and paid when nothing is owed', () => {
    expect(householdStatus(5000, null)).toBe('unassigned');
    expect(householdStatus(5000, 'clerk-1')).toBe('chasing');
    expect(householdStatus(0, 'clerk-1')).toBe('paid');
  });
  it('is due for a chase the policy interval after the assignment, then after each chase', () => {
    const assigned = at('2026-11-01T09:00:00+08:00');
    expect(nextChaseDueAt(assigned, null, policy)).toEqual(at('2026-11-08T09:00:00+08:00'));
    expect(nextChaseDueAt(assigned, at('2026-11-05T15:00:00+08:00'), { chaseIntervalDays: 3 })).toEqual(at('2026-11-08T15:00:00+08:00'));
    expect(nextChaseDueAt(null, null, policy)).toBeNull();
  });
  it('reminds only while something is owed', () => {
    const due = at('2026-11-08T09:00:00+08:00');
    expect(isChaseDue(100, due, at('2026-11-08T09:00:00+08:00'))).toBe(true);
    expect(isChaseDue(100, due, at('2026-11-08T08:59:00+08:00'))).toBe(false);
    expect(isChaseDue(0, due, at('2026-11-09T09:00:00+08:00'))).toBe(false);
  });
  it('needs the promised date when the owner promised, not a date in the past', () => {
    expect(() => checkChase({ method: 'phone', result: 'promised' }, '2026-11-25')).toThrow(DomainError);
    expect(() => checkChase({ method: 'phone', result: 'promised', promisedDate: '2026-11-24' }, '2026-11-25')).toThrow(DomainError);
    expect(checkChase({ method: 'visit', result: 'promised', promisedDate: '2026-11-30' }, '2026-11-25').result).toBe('promised');
    expect(checkChase({ method: 'phone', result: 'unreachable' }, '2026-11-25').method).toBe('phone');
  });
});

describe('payments', () => {
  it('reduce what is owed; the last one settles the line', () => {
    expect(applyPayment({ amountOwedCents: 10000, amountPaidCents: 0 }, 4000)).toEqual({ amountPaidCents: 4000, isPaid: false });
    expect(applyPayment({ amountOwedCents: 10000, amountPaidCents: 4000 }, 6000)).toEqual({ amountPaidCents: 10000, isPaid: true });
  });
  it('are refused above what is still owed, at zero, and on a settled line', () => {
    expect(() => applyPayment({ amountOwedCents: 10000, amountPaidCents: 4000 }, 6001)).toThrow(/more than/);
    expect(() => applyPayment({ amountOwedCents: 10000, amountPaidCents: 0 }, 0)).toThrow(DomainError);
    expect(() => applyPayment({ amountOwedCents: 10000, amountPaidCents: 10000 }, 1)).toThrow(/already paid/);
  });
});
