import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../shared/errors.js';
import { nextStatus, type VisitAction, visitMachine } from './machine.js';
import { type VisitStatus, visitStatuses } from './visit.js';

const actions: VisitAction[] = ['reschedule', 'record', 'cancel'];

describe('the owner visit’s life', () => {
  it('records or cancels a booked visit, or moves its appointment', () => {
    expect(nextStatus('booked', 'record')).toBe('done');
    expect(nextStatus('booked', 'cancel')).toBe('cancelled');
    expect(nextStatus('booked', 'reschedule')).toBe('booked');
  });

  it('keeps a done or cancelled visit as it is: a conflict, in both languages', () => {
    for (const status of ['done', 'cancelled'] as const) {
      for (const action of actions) {
        expect(() => nextStatus(status, action)).toThrow(DomainError);
      }
    }
  });

  it('never leaves a final state, whatever is tried in whatever order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...actions), { maxLength: 20 }), (tried) => {
        let status: VisitStatus = 'booked';
        const seen: VisitStatus[] = [status];
        for (const action of tried) {
          try {
            status = nextStatus(status, action);
          } catch {
            // Refused: the visit stays as it was.
          }
          seen.push(status);
        }
        const final = seen.findIndex((s) => s !== 'booked');
        if (final >= 0) expect(new Set(seen.slice(final)).size).toBe(1);
        expect(visitStatuses).toContain(status);
        expect(Object.keys(visitMachine[status]).length === 0 || status === 'booked').toBe(true);
      }),
    );
  });
});
