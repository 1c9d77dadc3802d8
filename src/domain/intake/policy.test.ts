import { describe, expect, it } from 'vitest';
import { defaultIntakePolicy, intakePolicySchema } from './policy.js';

describe('duty-desk policy', () => {
  it('defaults to a 2-hour reply for a consultation [003] and a 5-minute emergency alarm', () => {
    expect(defaultIntakePolicy()).toEqual({
      consultationReplyMinutes: 120,
      writtenReplyMinutes: 1440,
      suggestionReplyMinutes: 1440,
      helpReplyMinutes: 120,
      escalatedReplyMinutes: 120,
      emergencyAckMinutes: 5,
      emergencyEscalationIntervalMinutes: 5,
      emergencyEscalationChain: ['director', 'company_manager'],
    });
  });

  it('refuses nonsense', () => {
    expect(intakePolicySchema.safeParse({ consultationReplyMinutes: 0 }).success).toBe(false);
    expect(intakePolicySchema.safeParse({ emergencyEscalationChain: [] }).success).toBe(false);
    expect(intakePolicySchema.safeParse({ emergencyEscalationChain: ['technician'] }).success).toBe(false);
  });
});
