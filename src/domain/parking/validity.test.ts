import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, cardValidTo, daysBetween, isLocalDate, localDateOf, renewedValidity, startOfLocalDay } from './validity.js';

const dateArb = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('a parking card’s validity (停车卡有效期)', () => {
  it('runs through the day before the same day N months later', () => {
    expect(cardValidTo('2026-11-25', 12)).toBe('2027-11-24');
    expect(cardValidTo('2026-01-01', 1)).toBe('2026-01-31');
    expect(cardValidTo('2026-12-15', 3)).toBe('2027-03-14');
  });
  it('runs through the last day of a month that lacks the starting day', () => {
    expect(cardValidTo('2026-01-31', 1)).toBe('2026-02-28');
    expect(cardValidTo('2028-01-31', 1)).toBe('2028-02-29');
    expect(cardValidTo('2026-01-29', 1)).toBe('2026-02-28');
    expect(cardValidTo('2026-03-31', 1)).toBe('2026-04-30');
    expect(cardValidTo('2026-03-30', 1)).toBe('2026-04-29');
    expect(cardValidTo('2028-02-29', 12)).toBe('2029-02-28');
  });
  it('continues a renewal from the day after the current end, or from today once lapsed', () => {
    expect(renewedValidity({ validFrom: '2026-01-01', validTo: '2026-12-31' }, '2026-12-20', 12)).toEqual({
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
    });
    expect(renewedValidity({ validFrom: '2026-01-01', validTo: '2026-12-31' }, '2027-01-01', 6)).toEqual({
      validFrom: '2026-01-01',
      validTo: '2027-06-30',
    });
    expect(renewedValidity({ validFrom: '2026-01-01', validTo: '2026-12-31' }, '2027-02-10', 1)).toEqual({
      validFrom: '2027-02-10',
      validTo: '2027-03-09',
    });
  });
  it('knows real dates and the local date and midnight in Shanghai', () => {
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(localDateOf(new Date('2026-11-24T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-25');
    expect(startOfLocalDay('2026-11-25', 'Asia/Shanghai').toISOString()).toBe('2026-11-24T16:00:00.000Z');
  });

  it('always lasts between 28 and 31 days a month, and never ends before it starts', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 120 }), (from, months) => {
        const to = cardValidTo(from, months);
        expect(isLocalDate(to)).toBe(true);
        const days = daysBetween(from, to) + 1;
        expect(days).toBeGreaterThanOrEqual(28 * months);
        expect(days).toBeLessThanOrEqual(31 * months);
      }),
    );
  });
  it('grows with every month paid', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 119 }), (from, months) => {
        expect(cardValidTo(from, months + 1) > cardValidTo(from, months)).toBe(true);
      }),
    );
  });
  it('leaves no gap and no overlap when renewed on time', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 0, max: 60 }),
        (from, m1, m2, early) => {
          const validTo = cardValidTo(from, m1);
          // Renewed up to `early` days before the end, never before the card began (the later of the two dates).
          const today = [from, addDays(validTo, -early)].sort()[1]!;
          const renewed = renewedValidity({ validFrom: from, validTo }, today, m2);
          expect(renewed.validFrom).toBe(from);
          expect(renewed.validTo).toBe(cardValidTo(addDays(validTo, 1), m2));
          expect(renewed.validTo > validTo).toBe(true);
        },
      ),
    );
  });
  it('starting from the first of a month, ends on the last day of a month', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 60 }), (d, months) => {
        const first = `${d.slice(0, 8)}01`;
        expect(addDays(cardValidTo(first, months), 1).endsWith('-01')).toBe(true);
      }),
    );
  });
});
