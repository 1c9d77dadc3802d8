import { describe, expect, it } from 'vitest';
import { goodsPassActionsFor, goodsPassRules, goodsPassStatuses, terminalGoodsPassStatuses } from './machine.js';

describe('the goods pass lifecycle table', () => {
  it('lets the desk issue an application and the CS supervisor allow one despite arrears', () => {
    expect(goodsPassActionsFor('applied', 'clerk')).toEqual(['issue', 'cancel']);
    expect(goodsPassActionsFor('applied', 'cs_supervisor')).toEqual(['issue', 'override', 'cancel']);
  });
  it('lets the gate release an issued pass or send it back, and nothing else', () => {
    expect(goodsPassActionsFor('issued', 'department_staff')).toEqual(['release', 'return']);
    expect(goodsPassActionsFor('applied', 'department_staff')).toEqual([]);
  });
  it('lets a resident withdraw only an application, never an issued pass', () => {
    expect(goodsPassActionsFor('applied', 'resident')).toEqual(['cancel']);
    expect(goodsPassActionsFor('issued', 'resident')).toEqual([]);
  });
  it('expires only issued passes, and only the system does', () => {
    expect(goodsPassRules.expire.from).toEqual(['issued']);
    expect(goodsPassRules.expire.who).toEqual(['system']);
  });
  it('ends in released, returned, expired or cancelled, from which nobody acts', () => {
    for (const s of terminalGoodsPassStatuses) {
      for (const role of ['clerk', 'cs_supervisor', 'department_staff', 'resident', 'system'] as const) {
        expect(goodsPassActionsFor(s, role)).toEqual([]);
      }
    }
    expect(goodsPassStatuses.filter((s) => !terminalGoodsPassStatuses.includes(s))).toEqual(['applied', 'issued']);
  });
});
