import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { checkAppointment, checkRecord } from './booking.js';
import { ownerVisitPolicySchema } from './policy.js';

const policy = ownerVisitPolicySchema.parse({});
const now = new Date('2026-11-25T09:00:00+08:00');
const at = (local: string) => new Date(`${local}+08:00`);
const failure = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('booking an owner visit (上门访问必须事先预约，原则上22:00后不予访问)', () => {
  it('books a visit up to the latest time, 22:00 included', () => {
    expect(() => checkAppointment(at('2026-11-26T19:30:00'), now, policy, 'Asia/Shanghai')).not.toThrow();
    expect(() => checkAppointment(at('2026-11-26T22:00:00'), now, policy, 'Asia/Shanghai')).not.toThrow();
  });

  it('refuses a visit after 22:00 with a field error in Chinese and English', () => {
    const e = failure(() => checkAppointment(at('2026-11-26T22:30:00'), now, policy, 'Asia/Shanghai'));
    expect(e).toBeInstanceOf(DomainError);
    expect(e.code).toBe('visit_too_late');
    expect(e.fields).toEqual([{ field: 'bookedFor', message: { zh: '22:00 之后不安排访问', en: 'No visits are booked after 22:00' } }]);
    expect(failure(() => checkAppointment(at('2026-11-26T22:01:00'), now, policy, 'Asia/Shanghai')).code).toBe('visit_too_late');
  });

  it('refuses a visit before the earliest time and one in the past', () => {
    expect(failure(() => checkAppointment(at('2026-11-26T07:30:00'), now, policy, 'Asia/Shanghai')).code).toBe('visit_too_early');
    expect(failure(() => checkAppointment(at('2026-11-24T10:00:00'), now, policy, 'Asia/Shanghai')).code).toBe('visit_in_past');
  });

  it('reads the latest time from the policy and the local time from the community’s zone', () => {
    const early = ownerVisitPolicySchema.parse({ latestVisitTime: '20:00' });
    expect(failure(() => checkAppointment(at('2026-11-26T20:30:00'), now, early, 'Asia/Shanghai')).code).toBe('visit_too_late');
    // 21:00 in Shanghai is 14:00 in Paris (winter): allowed there.
    expect(() => checkAppointment(at('2026-11-26T21:00:00'), now, early, 'Europe/Paris')).not.toThrow();
  });
});

describe('recording an owner visit (业户访问记录)', () => {
  const visitedAt = at('2026-11-25T08:30:00');
  it('accepts a signed record and a refusal to sign alike (签名不得强求)', () => {
    expect(() => checkRecord({ method: 'home', visitedAt, signature: 'signed', signedBy: '王先生' }, now)).not.toThrow();
    expect(() => checkRecord({ method: 'home', visitedAt, signature: 'refused', signedBy: null }, now)).not.toThrow();
  });

  it('asks a face-to-face record whether the household signed, and who signed', () => {
    expect(
      failure(() => checkRecord({ method: 'home', visitedAt, signature: null, signedBy: null }, now)).fields.map((f) => f.field),
    ).toEqual(['signature']);
    expect(failure(() => checkRecord({ method: 'office', visitedAt, signature: 'signed', signedBy: ' ' }, now)).fields[0]?.field).toBe(
      'signedBy',
    );
  });

  it('needs no signature on a phone call or a questionnaire', () => {
    expect(() => checkRecord({ method: 'phone', visitedAt, signature: null, signedBy: null }, now)).not.toThrow();
    expect(() => checkRecord({ method: 'questionnaire', visitedAt, signature: null, signedBy: null }, now)).not.toThrow();
  });

  it('refuses a visit recorded in the future', () => {
    const e = failure(() => checkRecord({ method: 'phone', visitedAt: at('2026-11-25T10:00:00'), signature: null, signedBy: null }, now));
    expect(e.fields[0]?.field).toBe('visitedAt');
  });
});
