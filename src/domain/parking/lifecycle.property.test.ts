/**
 * Property-based test of parking applications: random people try random steps while days pass
 * and the expiry timers fire; after every step the application, its space and its card agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/roles.js';
import { addMinutes } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import { decideParking, type ParkingCard, type ParkingCommand, type ParkingTimerSpec } from './decide.js';
import { fireParkingTimer } from './fire-timer.js';
import { type ParkingAction, type ParkingSpaceStatus, parkingActions, parkingRules, terminalParkingStatuses } from './machine.js';
import { cardIn, CLERK, ctxOf, FINANCE, NOW, RESIDENT, staff, SYSTEM, TZ } from './test-support.js';
import { localDateOf } from './validity.js';

const NUM_RUNS = Number(process.env.PROP_RUNS ?? 300);
const people: Actor[] = [CLERK, staff('cs_supervisor'), FINANCE, RESIDENT, staff('department_staff')];

const commandOf = (action: ParkingAction, pick: number, space: ParkingSpaceStatus): ParkingCommand => {
  switch (action) {
    case 'assign':
      return { action, space: { id: 's1', status: pick % 4 === 0 ? 'occupied' : space } };
    case 'reject':
    case 'cancel':
      return { action, reason: pick % 5 === 0 ? '' : '原因' };
    case 'sign_agreement':
    case 'expire':
      return { action };
    case 'pay':
    case 'renew':
      return { action, amountCents: pick % 6 === 0 ? 0 : 30000, months: 1 + (pick % 13), receiptNo: 'R1' };
    case 'issue_card':
      return { action, cardNumber: pick % 7 === 0 ? '' : 'C1' };
  }
};

describe('parking applications under random steps', () => {
  it('keep the space, the register and the card consistent with the state', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({
              kind: fc.constant('act' as const),
              who: fc.nat(people.length - 1),
              isRightful: fc.boolean(),
              action: fc.constantFrom(...parkingActions.filter((a) => a !== 'expire')),
              pick: fc.nat(100),
            }),
            fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 200 }) }),
            // The procedure's next step, taken by the person it is for, so runs reach deep.
            fc.record({ kind: fc.constant('advance' as const), pick: fc.nat(100) }),
          ),
          { minLength: 10, maxLength: 40 },
        ),
        (steps) => {
          let now = NOW;
          let card: ParkingCard = cardIn('submitted');
          let space: ParkingSpaceStatus = 'free';
          let hasVehicle = false;
          let timers: ParkingTimerSpec[] = [];
          const apply = (actor: Actor, command: ParkingCommand) => {
            const d = decideParking(card, command, ctxOf(actor, now));
            expect(d.to).toBe(parkingRules[command.action].to);
            card = { ...card, ...d.patch, status: d.to };
            if (d.effects.space) space = d.effects.space.status;
            if (d.effects.vehicle) hasVehicle = d.effects.vehicle === 'record';
            timers = [...timers.filter((t) => !d.cancel.includes(t.kind)), ...d.schedule];
          };
          for (const step of steps) {
            if (step.kind === 'wait') {
              now = addMinutes(now, step.days * 24 * 60);
              for (;;) {
                const due = timers.filter((t) => t.dueAt <= now).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
                if (!due) break;
                timers = timers.filter((t) => t !== due);
                const r = fireParkingTimer(card, due);
                if (r.kind === 'step') apply(SYSTEM, { action: 'expire' });
              }
            } else if (step.kind === 'advance') {
              const next = parkingActions.find(
                (a) => a !== 'expire' && a !== 'cancel' && a !== 'reject' && parkingRules[a].from.includes(card.status),
              );
              const actor = people.find((p) => next && parkingRules[next].who.includes(p.role));
              // 420 · n + 1 makes every payload valid (see commandOf) while the months paid vary; the happy path never fails.
              if (next && actor) apply(actor, commandOf(next, step.pick * 420 + 1, space));
            } else {
              const rightful = people.filter((p) => parkingRules[step.action].who.includes(p.role));
              const actor = step.isRightful ? (rightful[step.pick % rightful.length] ?? people[step.who]!) : people[step.who]!;
              try {
                apply(actor, commandOf(step.action, step.pick, space));
              } catch (e) {
                if (!(e instanceof DomainError)) throw e;
              }
            }
            reached.add(card.status);
            const today = localDateOf(now, TZ);
            // The space is held from assignment until cancelled; occupied once the card is out.
            if (['assigned', 'signed', 'paid'].includes(card.status)) expect(space).toBe('reserved');
            if (card.status === 'active' || card.status === 'expired') expect(space).toBe('occupied');
            if (card.status === 'cancelled' || card.status === 'rejected' || card.status === 'submitted') expect(space).toBe('free');
            // The vehicle is on the register exactly while the agreement stands.
            expect(hasVehicle).toBe(['signed', 'paid', 'active', 'expired'].includes(card.status));
            // An active card is valid today; an expired one is past its end.
            if (card.status === 'active') expect(card.validTo! >= today).toBe(true);
            if (card.status === 'expired') expect(card.validTo! < today).toBe(true);
            if (terminalParkingStatuses.includes(card.status)) expect(timers).toEqual([]);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
    expect([...reached].sort()).toEqual(['active', 'assigned', 'cancelled', 'expired', 'paid', 'rejected', 'signed', 'submitted']);
  });
});
