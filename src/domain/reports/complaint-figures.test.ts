import { describe, expect, it } from 'vitest';
import { complaintFigures, type MonthComplaint } from './complaint-figures.js';

const at = (iso: string) => new Date(`${iso}+08:00`);
const complaint = (over: Partial<MonthComplaint> & Pick<MonthComplaint, 'id' | 'createdAt'>): MonthComplaint => ({
  number: `YG-TS-${over.id}`,
  complaintClass: 'valid',
  channel: 'phone',
  department: null,
  status: 'closed',
  householdIds: [],
  repliedAt: null,
  isLate: false,
  visitOutcome: null,
  linkedFromId: null,
  content: '',
  ...over,
});

/*
 * October 2026 at a community of 400 households, worked by hand:
 *   A valid      phone    engineering  r1        answered after  4 h, on time, satisfied
 *   B assisted   walk_in  engineering  r2        answered after 48 h, LATE,    basically satisfied
 *   C invalid    phone    —            r1        answered after  1 h, on time, unsatisfied (r1's second: repeat)
 *   D collective app      security     r3 … r7   answered after 24 h, on time, not visited yet
 *   E —          phone    —            r8        still open, carries on an earlier complaint (repeat)
 */
const october: MonthComplaint[] = [
  complaint({
    id: 'E',
    createdAt: at('2026-10-30T09:00:00'),
    complaintClass: null,
    status: 'recorded',
    householdIds: ['r8'],
    linkedFromId: 'old',
  }),
  complaint({
    id: 'A',
    createdAt: at('2026-10-02T09:00:00'),
    department: 'engineering',
    householdIds: ['r1'],
    repliedAt: at('2026-10-02T13:00:00'),
    visitOutcome: 'satisfied',
  }),
  complaint({
    id: 'B',
    createdAt: at('2026-10-05T10:00:00'),
    complaintClass: 'assisted',
    channel: 'walk_in',
    department: 'engineering',
    householdIds: ['r2'],
    repliedAt: at('2026-10-07T10:00:00'),
    isLate: true,
    visitOutcome: 'basically_satisfied',
  }),
  complaint({
    id: 'C',
    createdAt: at('2026-10-10T08:00:00'),
    complaintClass: 'invalid',
    householdIds: ['r1'],
    repliedAt: at('2026-10-10T09:00:00'),
    visitOutcome: 'unsatisfied',
  }),
  complaint({
    id: 'D',
    createdAt: at('2026-10-20T12:00:00'),
    complaintClass: 'collective',
    channel: 'app',
    department: 'security',
    householdIds: ['r3', 'r4', 'r5', 'r6', 'r7'],
    repliedAt: at('2026-10-21T12:00:00'),
    status: 'replied',
  }),
];

describe('the monthly complaint report (部门客户投诉工作月报)', () => {
  const f = complaintFigures('2026-10', october, 400, { targetComplaintRatePercent: 1 });

  it('counts the month’s complaints by class, the collective case once with its five households', () => {
    expect(f.received).toBe(5);
    expect(f.byClass).toEqual({ valid: 1, assisted: 1, invalid: 1, collective: 1, unclassified: 1 });
    expect(f.collectiveHouseholds).toBe(5);
  });

  it('counts by channel and by solving department, the most frequent first', () => {
    expect(f.byChannel).toEqual([
      { key: 'phone', count: 3 },
      { key: 'app', count: 1 },
      { key: 'walk_in', count: 1 },
    ]);
    expect(f.byDepartment).toEqual([
      { key: 'engineering', count: 2 },
      { key: 'unassigned', count: 2 },
      { key: 'security', count: 1 },
    ]);
  });

  it('splits the answered complaints into on time and late, and keeps the open one apart', () => {
    expect(f.answeredOnTime).toBe(3);
    expect(f.answeredLate).toBe(1);
    expect(f.open).toBe(1);
    expect(f.onTimeRatePercent).toBe(75);
  });

  it('averages the handling time of the answered complaints: (4 + 48 + 1 + 24) / 4 = 19.25 h', () => {
    expect(f.averageHandlingHours).toBe(19.3);
  });

  it('rates satisfaction over the visited complaints only: (1 + 1) / 3', () => {
    expect(f.satisfaction).toEqual({ satisfied: 1, basicallySatisfied: 1, unsatisfied: 1, notVisited: 2, ratePercent: 66.7 });
  });

  it('puts 5 complaints of 400 households at 1.25%, above the 1% target', () => {
    expect(f.complaintRatePercent).toBe(1.25);
    expect(f.targetRatePercent).toBe(1);
    expect(f.isWithinTarget).toBe(false);
  });

  it('counts a household’s second complaint and a complaint carrying on an old one as repeats', () => {
    expect(f.repeat).toBe(2);
    expect(f.complaints.filter((c) => c.isRepeat).map((c) => c.id)).toEqual(['C', 'E']);
  });

  it('lists the complaints in the order they came in, for the case analysis', () => {
    expect(f.complaints.map((c) => c.id)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(f.complaints[1]).toMatchObject({ isLate: true, complaintClass: 'assisted', createdAt: '2026-10-05T02:00:00.000Z' });
  });

  it('reads the target from the policy: a 2% target holds 1.25%', () => {
    expect(complaintFigures('2026-10', october, 400, { targetComplaintRatePercent: 2 }).isWithinTarget).toBe(true);
  });
});

describe('an empty month', () => {
  it('reports nothing received, no rates where nothing was answered or visited, and a rate of 0 within target', () => {
    const f = complaintFigures('2026-11', [], 400, { targetComplaintRatePercent: 1 });
    expect(f).toEqual({
      period: '2026-11',
      households: 400,
      received: 0,
      byClass: { valid: 0, assisted: 0, invalid: 0, collective: 0, unclassified: 0 },
      collectiveHouseholds: 0,
      byChannel: [],
      byDepartment: [],
      answeredOnTime: 0,
      answeredLate: 0,
      open: 0,
      onTimeRatePercent: null,
      averageHandlingHours: null,
      satisfaction: { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0, notVisited: 0, ratePercent: null },
      complaintRatePercent: 0,
      targetRatePercent: 1,
      isWithinTarget: true,
      repeat: 0,
      complaints: [],
    });
  });

  it('leaves the rate unknown for a community without households on file', () => {
    const f = complaintFigures('2026-11', [], 0, { targetComplaintRatePercent: 1 });
    expect(f.complaintRatePercent).toBeNull();
    expect(f.isWithinTarget).toBeNull();
  });
});
