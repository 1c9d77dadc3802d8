import { describe, expect, it } from 'vitest';
import { type WarrantyClass, warrantyClasses } from './classes.js';
import { isInWarranty, warrantyClassOf, warrantyLastDay, warrantyStatusOf } from './period.js';
import { defaultWarrantyPolicy, warrantyPolicySchema } from './policy.js';

const policy = defaultWarrantyPolicy();
const TZ = 'Asia/Shanghai';
/** Beijing local time. */
const bj = (local: string) => new Date(`${local}+08:00`);

describe('warranty periods ([004] 保修期限)', () => {
  it.each([
    ['structure', '2072-06-30'],
    ['waterproofing', '2027-06-30'],
    ['heating_cooling', '2024-06-30'],
    ['electrical', '2024-06-30'],
    ['drainage', '2024-06-30'],
    ['equipment', '2024-06-30'],
    ['decoration', '2024-06-30'],
  ] as [WarrantyClass, string][])('%s handed over on 2022-06-30 ends on %s', (cls, last) => {
    expect(warrantyLastDay('2022-06-30', cls, policy)).toBe(last);
  });

  it('covers every class', () => {
    for (const cls of warrantyClasses) expect(warrantyLastDay('2020-01-15', cls, policy)).toMatch(/^\d{4}-01-15$/);
  });

  it('ends on the same day N years later, counting from the day after handover (民法典 202)', () => {
    expect(warrantyLastDay('2022-01-31', 'decoration', policy)).toBe('2024-01-31');
  });

  it('ends on 28 February when handed over on 29 February and the end year is not a leap year', () => {
    expect(warrantyLastDay('2020-02-29', 'electrical', policy)).toBe('2022-02-28');
    expect(warrantyLastDay('2020-02-29', 'waterproofing', policy)).toBe('2025-02-28');
    const fourYears = warrantyPolicySchema.parse({ decorationYears: 4 });
    expect(warrantyLastDay('2020-02-29', 'decoration', fourYears)).toBe('2024-02-29');
  });

  it('is in warranty all through the last day, Beijing time, and not a minute after', () => {
    expect(isInWarranty('2022-06-30', 'drainage', bj('2024-06-30T00:00:00'), policy, TZ)).toBe(true);
    expect(isInWarranty('2022-06-30', 'drainage', bj('2024-06-30T23:59:59'), policy, TZ)).toBe(true);
    expect(isInWarranty('2022-06-30', 'drainage', bj('2024-07-01T00:00:00'), policy, TZ)).toBe(false);
  });

  it('judges the day in the community time zone, not in UTC', () => {
    // 2024-06-30 20:00 UTC is already 1 July in Beijing.
    expect(isInWarranty('2022-06-30', 'drainage', new Date('2024-06-30T20:00:00Z'), policy, TZ)).toBe(false);
    expect(isInWarranty('2022-06-30', 'drainage', new Date('2024-06-30T15:59:00Z'), policy, TZ)).toBe(true);
  });

  it('is in warranty on the handover day and right after', () => {
    expect(isInWarranty('2022-06-30', 'decoration', bj('2022-06-30T10:00:00'), policy, TZ)).toBe(true);
  });

  it('keeps a leak in warranty for five years while a dripping tap is out after two', () => {
    const at = bj('2026-11-25T09:00:00');
    expect(isInWarranty('2022-06-30', 'waterproofing', at, policy, TZ)).toBe(true);
    expect(isInWarranty('2022-06-30', 'drainage', at, policy, TZ)).toBe(false);
  });

  it('follows the policy: a community may give decoration three years', () => {
    const longer = warrantyPolicySchema.parse({ decorationYears: 3 });
    expect(isInWarranty('2022-06-30', 'decoration', bj('2025-06-30T12:00:00'), longer, TZ)).toBe(true);
    expect(isInWarranty('2022-06-30', 'decoration', bj('2025-06-30T12:00:00'), policy, TZ)).toBe(false);
  });

  it('treats a zero-year class as never in warranty', () => {
    const none = warrantyPolicySchema.parse({ equipmentYears: 0 });
    expect(isInWarranty('2022-06-30', 'equipment', bj('2022-07-01T12:00:00'), none, TZ)).toBe(false);
  });

  it('refuses a malformed handover date', () => {
    expect(() => warrantyLastDay('2022/06/30', 'structure', policy)).toThrow(RangeError);
  });
});

describe('warranty class of a repair category', () => {
  it('maps the repair categories by the policy', () => {
    expect(warrantyClassOf('plumbing', policy)).toBe('drainage');
    expect(warrantyClassOf('electrical', policy)).toBe('electrical');
    expect(warrantyClassOf('appliance', policy)).toBe('equipment');
    expect(warrantyClassOf('doors_windows', policy)).toBe('decoration');
    expect(warrantyClassOf('other', policy)).toBeNull();
  });

  it('takes the longest period when a category is listed under two classes', () => {
    const both = warrantyPolicySchema.parse({
      categoriesByClass: { ...policy.categoriesByClass, waterproofing: ['plumbing'] },
    });
    expect(warrantyClassOf('plumbing', both)).toBe('waterproofing');
  });

  it('cannot judge without a handover date or a class', () => {
    const at = bj('2023-01-01T10:00:00');
    expect(warrantyStatusOf('plumbing', null, at, policy, TZ).isInWarranty).toBeNull();
    expect(warrantyStatusOf('other', '2022-06-30', at, policy, TZ).isInWarranty).toBeNull();
    expect(warrantyStatusOf('plumbing', '2022-06-30', at, policy, TZ)).toEqual({
      warrantyClass: 'drainage',
      handoverDate: '2022-06-30',
      lastDay: '2024-06-30',
      isInWarranty: true,
    });
  });
});
