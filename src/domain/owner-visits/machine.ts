import { conflict } from '../shared/errors.js';
import type { VisitStatus } from './visit.js';

/** What can be done to an owner visit: book it, move the appointment, record it, cancel it. */
export type VisitAction = 'reschedule' | 'record' | 'cancel';

/**
 * The owner visit's life, as a table: a booked visit is recorded (done) or cancelled, or its
 * appointment moves; done and cancelled visits are final (a new visit is a new booking).
 */
export const visitMachine: Record<VisitStatus, Partial<Record<VisitAction, VisitStatus>>> = {
  booked: { reschedule: 'booked', record: 'done', cancel: 'cancelled' },
  done: {},
  cancelled: {},
};

/** The status after `action`, or a conflict when the visit's status does not allow it. */
export function nextStatus(status: VisitStatus, action: VisitAction): VisitStatus {
  const next = visitMachine[status][action];
  if (!next) {
    throw conflict('visit_not_open', {
      zh: status === 'done' ? '该访问已记录' : '该访问已取消',
      en: status === 'done' ? 'This visit is already recorded' : 'This visit is cancelled',
    });
  }
  return next;
}
