import { type FieldIssue, invalid } from '../shared/errors.js';
import { localTime } from './month.js';
import type { OwnerVisitPolicy } from './policy.js';
import type { SignatureOutcome, VisitMethod } from './visit.js';

/**
 * Checks an appointment (上门访问必须事先预约, 原则上22:00后不予访问): in the future, and between the
 * policy's earliest and latest local times (both included). Throws a field error on `bookedFor`.
 */
export function checkAppointment(bookedFor: Date, now: Date, policy: OwnerVisitPolicy, timeZone: string): void {
  const time = localTime(bookedFor, timeZone);
  if (time > policy.latestVisitTime) {
    throw invalid('visit_too_late', { zh: '访问时间太晚', en: 'Too late for a visit' }, [
      {
        field: 'bookedFor',
        message: {
          zh: `${policy.latestVisitTime} 之后不安排访问`,
          en: `No visits are booked after ${policy.latestVisitTime}`,
        },
      },
    ]);
  }
  if (time < policy.earliestVisitTime) {
    throw invalid('visit_too_early', { zh: '访问时间太早', en: 'Too early for a visit' }, [
      {
        field: 'bookedFor',
        message: {
          zh: `${policy.earliestVisitTime} 之前不安排访问`,
          en: `No visits are booked before ${policy.earliestVisitTime}`,
        },
      },
    ]);
  }
  if (bookedFor.getTime() < now.getTime()) {
    throw invalid('visit_in_past', { zh: '预约时间已过', en: 'The appointment is in the past' }, [
      { field: 'bookedFor', message: { zh: '请选择将来的时间', en: 'Choose a time in the future' } },
    ]);
  }
}

/** What the visitor writes on the 业户访问记录. */
export interface VisitRecordInput {
  method: VisitMethod;
  visitedAt: Date;
  signature: SignatureOutcome | null;
  signedBy: string | null;
}

/** Methods where nobody can sign the record (a call, a questionnaire): the signature is not asked. */
export const unsignedMethods: readonly VisitMethod[] = ['phone', 'questionnaire'];

/**
 * Checks a visit record: not in the future; a signature or the household's refusal to sign is
 * noted on every face-to-face record (asked, never forced — a refusal is a complete record); a
 * signature names who signed.
 */
export function checkRecord(input: VisitRecordInput, now: Date): void {
  const fields: FieldIssue[] = [];
  if (input.visitedAt.getTime() > now.getTime()) {
    fields.push({ field: 'visitedAt', message: { zh: '访问时间不能晚于现在', en: 'The visit cannot be in the future' } });
  }
  if (input.signature === null && !unsignedMethods.includes(input.method)) {
    fields.push({
      field: 'signature',
      message: { zh: '请记录业户已签名或拒绝签名', en: 'Note whether the household signed or refused to sign' },
    });
  }
  if (input.signature === 'signed' && !input.signedBy?.trim()) {
    fields.push({ field: 'signedBy', message: { zh: '请填写签名人', en: 'Who signed?' } });
  }
  if (fields.length > 0) throw invalid('invalid_visit_record', { zh: '访问记录不完整', en: 'The visit record is incomplete' }, fields);
}
