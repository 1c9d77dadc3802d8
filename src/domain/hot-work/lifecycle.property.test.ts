/**
 * Property-based test of hot-work permits: random people try random steps while time passes and
 * timers fire; after every step the permit must still make sense.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/roles.js';
import { addMinutes } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import { applyForHotWork, decideHotWork, type HotWorkCommand, type HotWorkPermit, type HotWorkTimerSpec } from './decide.js';
import { fireHotWorkTimer } from './fire-timer.js';
import { type HotWorkAction, hotWorkActions, hotWorkRules, terminalHotWorkStatuses } from './machine.js';
import { defaultHotWorkPolicy } from './policy.js';
import { CLEANER, CLERK, CS_MANAGER, CS_SUPERVISOR, ctxOf, ENG_SUPERVISOR, form, GUARD, NOW, SYSTEM, staff } from './test-support.js';

const NUM_RUNS = Number(process.env.PROP_RUNS ?? 300);
const people: Actor[] = [CLERK, CS_SUPERVISOR, CS_MANAGER, ENG_SUPERVISOR, GUARD, CLEANER, staff('technician'), staff('finance')];
/** Every status some run reached, to show the runs go deep enough. */
const reached = new Set<string>();
const policy = defaultHotWorkPolicy();

const commandOf = (action: HotWorkAction, pick: number): HotWorkCommand => {
  switch (action) {
    case 'approve_cs':
    case 'approve_engineering':
    case 'start':
    case 'end':
      return { action };
    case 'reject':
    case 'cancel':
      return { action, reason: pick % 4 === 0 ? '' : '原因' };
    case 'inspect':
      return pick % 3 === 0
        ? { action, findings: 'problem', note: '监护人离岗', stopWork: pick % 2 === 0 }
        : { action, findings: 'ok', resumeWork: pick % 2 === 0 };
    case 'close':
      return { action, isSiteSafe: pick % 5 !== 0, hasNoEmbers: pick % 7 !== 0 };
  }
};

const stepArb = fc.oneof(
  fc.record({
    kind: fc.constant('act' as const),
    who: fc.integer({ min: 0, max: people.length - 1 }),
    isRightful: fc.boolean(),
    action: fc.constantFrom(...hotWorkActions.filter((a) => !hotWorkRules[a].who.includes('system'))),
    pick: fc.nat(100),
  }),
  fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 240 }) }),
  // The procedure's next step, taken by the person it is for, so runs reach deep.
  fc.record({ kind: fc.constant('advance' as const), pick: fc.nat(100) }),
);

describe('hot-work permits under random steps', () => {
  it('keep every step within the table, the window and the timers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 30, max: 6 * 60 }),
        fc.array(stepArb, { minLength: 20, maxLength: 60 }),
        (lead, length, steps) => {
          let now = NOW;
          const start = addMinutes(NOW, lead);
          const end = addMinutes(start, length);
          const made = applyForHotWork(form({ windowStartAt: start, windowEndAt: end }), ctxOf(CLERK, now));
          let permit: HotWorkPermit = made.permit;
          let timers: HotWorkTimerSpec[] = [];
          const apply = (actor: Actor, command: HotWorkCommand) => {
            const before = permit.status;
            const d = decideHotWork(permit, command, ctxOf(actor, now));
            const rule = hotWorkRules[command.action];
            expect(rule.from).toContain(before);
            if (rule.to !== 'decided') expect(d.to).toBe(rule.to);
            permit = { ...permit, ...d.patch, status: d.to };
            timers = [...timers.filter((t) => !d.cancel.includes(t.kind)), ...d.schedule];
          };
          for (const step of steps) {
            if (step.kind === 'wait') {
              now = addMinutes(now, step.minutes);
              // Fire every due timer in time order, as the scheduler would.
              for (;;) {
                const due = timers.filter((t) => t.dueAt <= now).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
                if (!due) break;
                timers = timers.filter((t) => t !== due);
                const r = fireHotWorkTimer(permit, due, policy, now);
                if (r.kind === 'step') apply(SYSTEM, { action: r.action });
                if (r.kind === 'remind') timers.push(r.next);
              }
            } else if (step.kind === 'advance') {
              const next = (['approve_cs', 'approve_engineering', 'inspect'] as const).find((a) =>
                hotWorkRules[a].from.includes(permit.status),
              );
              const actor = people.find((p) => next && hotWorkRules[next].who.includes(p.role) && p !== CLEANER);
              try {
                if (next === 'inspect' && actor) {
                  // A site found in order: a stopped one resumes, a running one stops on every fourth visit.
                  apply(
                    actor,
                    permit.status === 'suspended'
                      ? { action: 'inspect', findings: 'ok', resumeWork: true }
                      : step.pick % 4 === 0
                        ? { action: 'inspect', findings: 'problem', note: '监护人离岗', stopWork: true }
                        : { action: 'inspect', findings: 'ok' },
                  );
                } else if (next && actor) apply(actor, commandOf(next, step.pick));
              } catch (e) {
                // Engineering may find the window already over; anything else is a failure.
                if (!(e instanceof DomainError && e.code === 'window_passed')) throw e;
              }
            } else {
              const wasTerminal = terminalHotWorkStatuses.includes(permit.status);
              try {
                // Half the time the person the step is for tries it, so runs reach deep into the procedure.
                const rightful = people.filter((p) => hotWorkRules[step.action].who.includes(p.role) && p !== CLEANER);
                const actor = step.isRightful ? (rightful[step.pick % rightful.length] ?? people[step.who]!) : people[step.who]!;
                apply(actor, commandOf(step.action, step.pick));
                expect(wasTerminal).toBe(false);
              } catch (e) {
                if (!(e instanceof DomainError)) throw e;
              }
            }
            reached.add(permit.status);
            // Work runs only on an issued permit, approved by both, and never past its window.
            if (['issued', 'active', 'suspended', 'finished'].includes(permit.status)) {
              expect(permit.csApprovedById).not.toBeNull();
              expect(permit.engineeringApprovedById).not.toBeNull();
              expect(permit.issuedAt).not.toBeNull();
            }
            if (permit.status === 'active' || permit.status === 'suspended') {
              expect(now.getTime()).toBeLessThan(end.getTime());
              expect(now.getTime()).toBeGreaterThanOrEqual(start.getTime());
            }
            // While work is under way a reminder to inspect is always pending; never once it is over.
            const reminders = timers.filter((t) => t.kind === 'inspection_due');
            if (permit.status === 'active') expect(reminders).toHaveLength(1);
            if (terminalHotWorkStatuses.includes(permit.status)) expect(timers).toEqual([]);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
    expect([...reached].sort()).toEqual([
      'active',
      'cancelled',
      'closed',
      'finished',
      'issued',
      'pending_cs',
      'pending_engineering',
      'rejected',
      'suspended',
    ]);
  });
});
