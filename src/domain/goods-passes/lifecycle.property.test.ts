/**
 * Property-based test of goods passes: random people take random steps while time passes and
 * the expiry timer fires; after every step the pass must still make sense.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMinutes } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import { decideGoodsPass, fireGoodsPassTimer, type GoodsPass, type GoodsPassCommand } from './decide.js';
import { type GoodsPassAction, goodsPassActions, goodsPassRules, terminalGoodsPassStatuses } from './machine.js';
import { application, at, CLERK, GUARD, person, policy, RESIDENT, SUPERVISOR, SYSTEM } from './test-support.js';

const NUM_RUNS = Number(process.env.PROP_RUNS ?? 300);
const cleaner = person('department_staff', 'cleaner-1');
const people = [CLERK, SUPERVISOR, GUARD, cleaner, RESIDENT, SYSTEM, person('finance'), person('director')];

const command = (action: GoodsPassAction, text: string): GoodsPassCommand => {
  switch (action) {
    case 'issue':
    case 'expire':
      return { action };
    case 'release':
      return { action, note: text };
    default:
      return { action, reason: text };
  }
};

const stepArb = fc.oneof(
  fc.record({
    t: fc.constant('act' as const),
    action: fc.constantFrom(...goodsPassActions),
    who: fc.nat(people.length - 1),
    text: fc.constantFrom('理由 reason', ''),
  }),
  fc.record({ t: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 30 * 60 }) }),
);

describe('goods pass lifecycle (property)', () => {
  it('never issues to a household in arrears without the supervisor, never reopens a finished pass, never releases late', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(stepArb, { maxLength: 40 }), (hasArrears, steps) => {
        let pass: GoodsPass = application();
        let now = at('2026-11-25T09:00:00+08:00');
        let expiryAt: Date | null = null;
        const owed = hasArrears ? 8800 : 0;
        for (const step of steps) {
          if (step.t === 'wait') {
            now = addMinutes(now, step.minutes);
            if (expiryAt && now >= expiryAt) {
              const fired = fireGoodsPassTimer(pass, { kind: 'pass_expiry' });
              if (fired.to) pass = { ...pass, status: fired.to };
              expiryAt = null;
            }
            continue;
          }
          const actor = people[step.who]!;
          const before = pass;
          try {
            const d = decideGoodsPass(pass, command(step.action, step.text), {
              actor,
              isSecurity: actor === GUARD,
              arrearsOwedCents: owed,
              policy,
              now,
            });
            pass = { ...pass, ...d.patch, status: d.to };
            if (d.cancel.includes('pass_expiry')) expiryAt = null;
            for (const s of d.schedule) expiryAt = s.dueAt;
            if (!d.refusal) expect(goodsPassRules[step.action].who).toContain(actor.role);
            if (step.action === 'issue') expect(owed === 0 || before.overrideReason !== null).toBe(true);
            if (d.to === 'released') expect(now.getTime()).toBeLessThan(before.validUntil!.getTime());
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            expect(pass).toBe(before);
          }
          if (terminalGoodsPassStatuses.includes(before.status)) expect(pass.status).toBe(before.status);
          if (pass.status === 'issued') expect(pass.validUntil).not.toBeNull();
          if (pass.status === 'released') expect(pass.releasedAt).not.toBeNull();
          if (pass.status === 'expired' && before.status !== 'expired')
            expect(now.getTime()).toBeGreaterThanOrEqual(before.validUntil!.getTime());
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
