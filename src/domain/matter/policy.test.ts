import { describe, expect, it } from 'vitest';
import { defaultMatterPolicy, matterPolicySchema } from './policy.js';

describe('matter policy', () => {
  it('defaults to 30 minutes to hand over, 24 hours to finish, escalating every 4 hours to the department head first', () => {
    expect(defaultMatterPolicy()).toEqual({
      handOverMinutes: 30,
      completionMinutes: 1440,
      escalationIntervalMinutes: 240,
      handOverEscalationChain: ['supervisor', 'director'],
      completionEscalationChain: ['department_head', 'director', 'company_manager'],
    });
  });

  it('refuses nonsense', () => {
    expect(matterPolicySchema.safeParse({ completionMinutes: -1 }).success).toBe(false);
    expect(matterPolicySchema.safeParse({ completionEscalationChain: ['nobody'] }).success).toBe(false);
  });
});
