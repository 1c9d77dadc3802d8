import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { decideRating, ratableStates, ratingOutcomes } from './rating.js';

describe('resident rating', () => {
  it('is accepted only once the work is done, for every kind the resident follows', () => {
    expect(decideRating('repair', 'confirmed', { outcome: 'satisfied', comment: '' }, false).event.type).toBe('ResidentRated');
    expect(() => decideRating('repair', 'in_progress', { outcome: 'satisfied', comment: '' }, false)).toThrow(DomainError);
    expect(() => decideRating('complaint', 'in_hand', { outcome: 'satisfied', comment: '' }, false)).toThrow(/rate it once/);
    expect(() => decideRating('renovation', 'closed', { outcome: 'satisfied', comment: '' }, false)).toThrow(DomainError);
  });

  it('needs a reason when unsatisfied and tells the supervisor and the desk', () => {
    try {
      decideRating('complaint', 'replied', { outcome: 'unsatisfied', comment: '  ' }, false);
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).fields.map((f) => f.field)).toEqual(['comment']);
      expect((e as DomainError).fields[0]!.message.zh).toContain('原因');
    }
    const d = decideRating('complaint', 'replied', { outcome: 'unsatisfied', comment: '没人联系我' }, true);
    expect(d.notices[0]!.roles).toEqual(['cs_supervisor', 'clerk']);
    expect(d.event.data).toEqual({ outcome: 'unsatisfied', comment: '没人联系我', isChange: true });
  });

  it('refuses an unknown outcome with a field error', () => {
    expect(() => decideRating('repair', 'closed', { outcome: 'great' as never, comment: '' }, false)).toThrow(/satisfied/);
  });

  it('accepts exactly the ratable states and tells only on unsatisfied (property)', () => {
    const kinds = Object.keys(ratableStates);
    const states = [...new Set(Object.values(ratableStates).flat()), 'open', 'in_hand', 'recorded', 'cancelled'];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.constantFrom(...states), fc.constantFrom(...ratingOutcomes), (kind, status, outcome) => {
        const input = { outcome, comment: '原因' };
        if (!ratableStates[kind]!.includes(status)) {
          expect(() => decideRating(kind, status, input, false)).toThrow(DomainError);
          return;
        }
        const d = decideRating(kind, status, input, false);
        expect(d.notices.length > 0).toBe(outcome === 'unsatisfied');
      }),
    );
  });
});
