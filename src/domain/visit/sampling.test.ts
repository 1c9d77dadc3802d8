import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ClosedRepairOrder, drawSamples, type SampleDraw, type SamplingStaff, samplingFulfilment, shareOf } from './sampling.js';
import { visitPolicy } from './test-support.js';

const ordersOf = (counts: Record<string, number>): ClosedRepairOrder[] =>
  Object.entries(counts).flatMap(([technicianId, n]) =>
    Array.from({ length: n }, (_, i) => ({ id: `${technicianId}-order-${String(i + 1).padStart(3, '0')}`, technicianId })),
  );
const STAFF: SamplingStaff = { officeVisitorIds: ['office-1'], engineeringHeadId: 'eng-head' };
const byDuty = (draws: SampleDraw[], duty: SampleDraw['duty'], visitorId?: string) =>
  draws.filter((d) => d.duty === duty && (visitorId === undefined || d.visitorId === visitorId));

describe('sampling duties on last period’s repair orders [004]', () => {
  it('draws from 37 orders: the office 2, the engineering head 4, the repairer 8 of their own', () => {
    const orders = ordersOf({ 'tech-1': 37 });
    const plan = drawSamples(orders, STAFF, visitPolicy(), '2026-11');
    expect(plan.quotas).toEqual([
      { duty: 'repairer', visitorId: 'tech-1', poolSize: 37, required: 8 },
      { duty: 'engineering_head', visitorId: 'eng-head', poolSize: 37, required: 4 },
      { duty: 'office', visitorId: null, poolSize: 37, required: 2 },
    ]);
    expect(byDuty(plan.draws, 'office')).toHaveLength(2);
    expect(byDuty(plan.draws, 'engineering_head')).toHaveLength(4);
    expect(byDuty(plan.draws, 'repairer', 'tech-1')).toHaveLength(8);
    // 14 visits, 14 different households: nobody drew an order another duty had when others were left.
    expect(new Set(plan.draws.map((d) => d.orderId)).size).toBe(14);
  });

  it('gives each repairer 20% of their own orders, rounded up: 20 → 4, 17 → 4, 1 → 1', () => {
    const plan = drawSamples(ordersOf({ 'tech-1': 20, 'tech-2': 17, 'tech-3': 1 }), STAFF, visitPolicy(), 's');
    expect(plan.quotas.filter((q) => q.duty === 'repairer').map((q) => [q.visitorId, q.required])).toEqual([
      ['tech-1', 4],
      ['tech-2', 4],
      ['tech-3', 1],
    ]);
    for (const d of byDuty(plan.draws, 'repairer')) expect(d.orderId.startsWith(`${d.visitorId}-`)).toBe(true);
  });

  it('rounds every share up, in whole numbers', () => {
    expect([0, 1, 19, 20, 21, 37, 100].map((n) => shareOf(n, 5))).toEqual([0, 1, 1, 1, 2, 2, 5]);
    expect([0, 1, 10, 11, 37].map((n) => shareOf(n, 10))).toEqual([0, 1, 1, 2, 4]);
    expect([5, 37, 3].map((n) => shareOf(n, 20))).toEqual([1, 8, 1]);
  });

  it('leaves orders nobody repaired to the office and the engineering head', () => {
    const plan = drawSamples([...ordersOf({ 'tech-1': 5 }), { id: 'returned-1', technicianId: null }], STAFF, visitPolicy(), 's');
    expect(plan.quotas.map((q) => [q.duty, q.poolSize])).toEqual([
      ['repairer', 5],
      ['engineering_head', 6],
      ['office', 6],
    ]);
  });

  it('shares the office’s duty among the office staff in turn', () => {
    const plan = drawSamples(
      ordersOf({ 'tech-1': 60 }),
      { officeVisitorIds: ['office-2', 'office-1'], engineeringHeadId: 'eng-head' },
      visitPolicy(),
      's',
    );
    expect(byDuty(plan.draws, 'office').map((d) => d.visitorId)).toEqual(['office-1', 'office-2', 'office-1']);
  });

  it('draws the same for the same seed, whatever order the orders come in, and differently for another seed', () => {
    const orders = ordersOf({ 'tech-1': 30, 'tech-2': 25 });
    const a = drawSamples(orders, STAFF, visitPolicy(), '2026-11');
    expect(drawSamples([...orders].reverse(), STAFF, visitPolicy(), '2026-11')).toEqual(a);
    expect(drawSamples(orders, STAFF, visitPolicy(), '2026-12').draws).not.toEqual(a.draws);
  });

  it('follows the community’s own percentages', () => {
    const plan = drawSamples(
      ordersOf({ 'tech-1': 37 }),
      STAFF,
      visitPolicy({ samplingPercent: { office: 10, engineeringHead: 20, repairer: 50 } }),
      's',
    );
    expect(plan.quotas.map((q) => q.required)).toEqual([19, 8, 4]);
  });

  it('never draws an order twice for one duty, draws exactly the share, and only from the duty’s pool (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), technicianId: fc.option(fc.constantFrom('t1', 't2', 't3')) }),
          {
            maxLength: 120,
            selector: (o) => o.id,
          },
        ),
        fc.string(),
        fc.array(fc.constantFrom('o1', 'o2', 'o3'), { minLength: 1, maxLength: 3 }),
        (orders, seed, office) => {
          const staff = { officeVisitorIds: [...new Set(office)], engineeringHeadId: 'head' };
          const plan = drawSamples(orders, staff, visitPolicy(), seed);
          const technicianOf = new Map(orders.map((o) => [o.id, o.technicianId]));
          for (const q of plan.quotas) {
            const mine = plan.draws.filter((d) => d.duty === q.duty && (q.duty === 'office' || d.visitorId === q.visitorId));
            expect(mine).toHaveLength(q.required);
            expect(new Set(mine.map((d) => d.orderId)).size).toBe(mine.length);
            expect(q.required).toBe(shareOf(q.poolSize, q.duty === 'office' ? 5 : q.duty === 'engineering_head' ? 10 : 20));
            if (q.duty === 'repairer') for (const d of mine) expect(technicianOf.get(d.orderId)).toBe(q.visitorId);
          }
          expect(drawSamples([...orders].reverse(), staff, visitPolicy(), seed)).toEqual(plan);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('reporting how far each sampling duty is fulfilled', () => {
  const orders = ordersOf({ 'tech-1': 37 });
  const plan = drawSamples(orders, STAFF, visitPolicy(), '2026-11');

  it('reports nothing done before any visit', () => {
    expect(samplingFulfilment(plan, orders, STAFF, []).map((f) => [f.duty, f.required, f.done, f.isFulfilled])).toEqual([
      ['repairer', 8, 0, false],
      ['engineering_head', 4, 0, false],
      ['office', 2, 0, false],
    ]);
  });

  it('counts each duty fulfilled once its share of distinct orders is visited, visiting the draws or more', () => {
    const visits = plan.draws.map((d) => ({ ...d }));
    const report = samplingFulfilment(plan, orders, STAFF, [...visits, ...visits]);
    expect(report.every((f) => f.isFulfilled && f.done === f.required)).toBe(true);
  });

  it('does not count a repairer’s visits to somebody else’s orders, nor a visit under another duty', () => {
    const others = ordersOf({ 'tech-2': 8 });
    const all = [...orders, ...others];
    const visits = others.map((o) => ({ orderId: o.id, visitorId: 'tech-1', duty: 'repairer' as const }));
    const asHead = orders.slice(0, 4).map((o) => ({ orderId: o.id, visitorId: 'tech-1', duty: 'engineering_head' as const }));
    const report = samplingFulfilment(plan, all, STAFF, [...visits, ...asHead]);
    expect(report.map((f) => f.done)).toEqual([0, 0, 0]);
  });
});
