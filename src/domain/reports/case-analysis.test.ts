import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { checkCaseAnalysis } from './case-analysis.js';

const entry = { complaintId: 'A', title: '电梯停运', cause: '维保不及时', correctiveAction: '当日修复', preventiveAction: '每周巡检' };

describe('the month’s case analysis (投诉案例分析)', () => {
  it('keeps a complete case of one of the month’s complaints, trimmed', () => {
    expect(checkCaseAnalysis({ summary: ' 本月投诉下降 ', cases: [{ ...entry, title: ' 电梯停运 ' }] }, ['A'])).toEqual({
      summary: '本月投诉下降',
      cases: [entry],
    });
  });

  it('takes a case written without a complaint', () => {
    expect(checkCaseAnalysis({ summary: '', cases: [{ ...entry, complaintId: null }] }, []).cases).toHaveLength(1);
  });

  it('names every missing field of every case at once', () => {
    try {
      checkCaseAnalysis({ summary: '', cases: [entry, { ...entry, complaintId: 'X', cause: ' ', preventiveAction: '' }, entry] }, ['A']);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).fields.map((f) => f.field)).toEqual([
        'cases.1.cause',
        'cases.1.preventiveAction',
        'cases.1.complaintId',
        'cases.2.complaintId',
      ]);
    }
  });
});
