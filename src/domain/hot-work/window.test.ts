import { describe, expect, it } from 'vitest';
import { defaultHotWorkPolicy } from './policy.js';
import { at, NOW } from './test-support.js';
import { windowIssues, windowPhase } from './window.js';

const policy = defaultHotWorkPolicy();

describe('the hot-work window (作业时段)', () => {
  it('accepts a window today within the longest window', () => {
    expect(windowIssues(at('14:00'), at('17:00'), NOW, policy)).toEqual([]);
  });
  it('accepts a window starting this very minute', () => {
    expect(windowIssues(at('09:00'), at('10:00'), new Date(NOW.getTime() + 40_000), policy)).toEqual([]);
  });
  it('refuses a window that starts in the past', () => {
    expect(windowIssues(at('08:59'), at('10:00'), NOW, policy).map((i) => i.field)).toEqual(['windowStartAt']);
  });
  it('refuses a window that ends before it starts', () => {
    expect(windowIssues(at('15:00'), at('15:00'), NOW, policy).map((i) => i.field)).toEqual(['windowEndAt']);
  });
  it('refuses a window longer than the policy allows, and accepts exactly the limit', () => {
    expect(windowIssues(at('10:00'), at('22:00'), NOW, policy)).toEqual([]);
    expect(windowIssues(at('10:00'), at('22:01'), NOW, policy)[0]?.message.zh).toContain('12小时');
    expect(windowIssues(at('10:00'), at('22:01'), NOW, { ...policy, maxWindowHours: 24 })).toEqual([]);
  });
  it('tells before, during and after', () => {
    expect(windowPhase(at('14:00'), at('17:00'), at('13:59'))).toBe('before');
    expect(windowPhase(at('14:00'), at('17:00'), at('14:00'))).toBe('during');
    expect(windowPhase(at('14:00'), at('17:00'), at('17:00'))).toBe('after');
  });
});
