import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAllowed, phaseOf, type QuestionnaireAction, questionnaireMachine, type QuestionnaireState } from './lifecycle.js';

const actions = Object.keys(questionnaireMachine) as QuestionnaireAction[];

/** Applies a step to a questionnaire the way the commands do: refused steps change nothing. */
function step(q: QuestionnaireState, action: QuestionnaireAction, now: Date, closesAt: Date): QuestionnaireState {
  if (!isAllowed(action, phaseOf(q, now))) return q;
  return action === 'issue' ? { status: 'issued', closesAt } : q;
}

describe('the questionnaire life, for any sequence of steps and times', () => {
  it('is issued at most once, never answered before issue nor after the deadline, and time only moves it forward', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...actions), fc.integer({ min: 0, max: 60 })), { maxLength: 40 }),
        fc.integer({ min: 1, max: 40 }),
        (steps, deadlineDay) => {
          const start = Date.parse('2026-12-01T00:00:00Z');
          let q: QuestionnaireState = { status: 'draft', closesAt: null };
          let issues = 0;
          let lastPhase = 'draft';
          const order = { draft: 0, open: 1, closed: 2 };
          let day = 0;
          for (const [action, advance] of steps) {
            day += advance % 3;
            const now = new Date(start + day * 86_400_000);
            const closesAt = new Date(now.getTime() + deadlineDay * 86_400_000);
            const phase = phaseOf(q, now);
            expect(order[phase]).toBeGreaterThanOrEqual(order[lastPhase as keyof typeof order]);
            lastPhase = phase;
            if (action === 'answer' || action === 'enter_paper') {
              expect(isAllowed(action, phase)).toBe(q.status === 'issued' && now < q.closesAt!);
            }
            const next = step(q, action, now, closesAt);
            if (next !== q && action === 'issue') issues++;
            q = next;
          }
          expect(issues).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
