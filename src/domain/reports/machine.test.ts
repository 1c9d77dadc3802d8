import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { staffRoles } from '../access/roles.js';
import { isReportOverdue, nextReportStatus, type ReportAction, reportActions, type ReportStatus } from './machine.js';

describe('a monthly report’s life', () => {
  it('is written and submitted by the CS supervisor or the director while a draft', () => {
    expect(nextReportStatus('draft', 'write_analysis', 'cs_supervisor')).toEqual({ ok: true, to: 'draft' });
    expect(nextReportStatus('draft', 'regenerate', 'director')).toEqual({ ok: true, to: 'draft' });
    expect(nextReportStatus('draft', 'submit', 'cs_supervisor')).toEqual({ ok: true, to: 'submitted' });
    expect(nextReportStatus('draft', 'submit', 'clerk')).toEqual({ ok: false, reason: 'role' });
  });

  it('is frozen once submitted: no new figures, no edits', () => {
    expect(nextReportStatus('submitted', 'regenerate', 'cs_supervisor')).toEqual({ ok: false, reason: 'state' });
    expect(nextReportStatus('submitted', 'write_analysis', 'cs_supervisor')).toEqual({ ok: false, reason: 'state' });
  });

  it('is received by the company complaint centre only after it was submitted', () => {
    expect(nextReportStatus('draft', 'receive', 'complaint_centre')).toEqual({ ok: false, reason: 'state' });
    expect(nextReportStatus('submitted', 'receive', 'complaint_centre')).toEqual({ ok: true, to: 'received' });
    expect(nextReportStatus('submitted', 'receive', 'director')).toEqual({ ok: false, reason: 'role' });
  });

  it('is late while still a draft at the due time, never once submitted', () => {
    const due = new Date('2026-11-05T16:00:00Z');
    expect(isReportOverdue('draft', due, new Date('2026-11-05T15:59:00Z'))).toBe(false);
    expect(isReportOverdue('draft', due, due)).toBe(true);
    expect(isReportOverdue('submitted', due, new Date('2026-12-01T00:00:00Z'))).toBe(false);
  });

  it('only moves forward, draft → submitted → received, whatever is tried in whatever order', () => {
    const order: ReportStatus[] = ['draft', 'submitted', 'received'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom<ReportAction>(...reportActions), fc.constantFrom(...staffRoles)), { maxLength: 30 }),
        (steps) => {
          let status: ReportStatus = 'draft';
          for (const [action, role] of steps) {
            const next = nextReportStatus(status, action, role);
            if (!next.ok) continue;
            expect(order.indexOf(next.to)).toBeGreaterThanOrEqual(order.indexOf(status));
            if (next.to === 'received') expect(role).toBe('complaint_centre');
            status = next.to;
          }
        },
      ),
    );
  });
});
