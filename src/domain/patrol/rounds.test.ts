import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { bj, T0 } from '../shared/test-actors.js';
import { patrolPolicySchema } from './policy.js';
import {
  type Checkpoint,
  checkpointLabel,
  checkRoute,
  finishRound,
  markCheckpoint,
  type Round,
  startRound,
  weekOf,
  weeklyFulfilment,
} from './rounds.js';

const cp = (id: string, extra: Partial<Checkpoint> = {}): Checkpoint => ({
  id,
  buildingId: null,
  buildingName: '1栋',
  floorFrom: 1,
  floorTo: 18,
  facility: '',
  ...extra,
});
const route = {
  name: '1栋日常巡楼',
  isActive: true,
  checkpoints: [cp('a'), cp('b', { floorFrom: null, floorTo: null, facility: '地下车库' })],
};

describe('patrol routes', () => {
  it('reads a checkpoint as building, floors and facility', () => {
    expect(checkpointLabel(cp('a'))).toBe('1栋 1–18F');
    expect(checkpointLabel(cp('a', { floorTo: 1, facility: '大堂' }))).toBe('1栋 1F 大堂');
    expect(checkpointLabel(cp('a', { buildingName: '', floorFrom: null, floorTo: null, facility: '东门道闸' }))).toBe('东门道闸');
  });

  it('is edited by the CS supervisor or the director only', () => {
    expect(() => checkRoute(route, 'cs_supervisor')).not.toThrow();
    expect(() => checkRoute(route, 'clerk')).toThrow(DomainError);
  });

  it('needs a name, checkpoints, and sane floor ranges, reported on the field', () => {
    const fieldOf = (r: typeof route) => {
      try {
        checkRoute(r, 'director');
      } catch (e) {
        return (e as DomainError).fields[0]?.field;
      }
      return null;
    };
    expect(fieldOf({ ...route, name: ' ' })).toBe('name');
    expect(fieldOf({ ...route, checkpoints: [] })).toBe('checkpoints');
    expect(fieldOf({ ...route, checkpoints: [cp('a', { floorFrom: 9, floorTo: 3 })] })).toBe('checkpoints.0.floorTo');
    expect(fieldOf({ ...route, checkpoints: [cp('a', { buildingName: '', facility: '' })] })).toBe('checkpoints.0.facility');
    expect(fieldOf({ ...route, checkpoints: [cp('a'), cp('a')] })).toBe('checkpoints');
  });
});

describe('a patrol round (巡楼)', () => {
  it('is walked by the CS supervisor or a clerk, on an active route', () => {
    expect(startRound(route, 'cs_supervisor', T0).status).toBe('in_progress');
    expect(startRound(route, 'clerk', T0).marked).toEqual([]);
    expect(() => startRound(route, 'technician', T0)).toThrow(DomainError);
    expect(() => startRound({ ...route, isActive: false }, 'clerk', T0)).toThrow(DomainError);
  });

  it('marks each checkpoint once; an issue needs a note', () => {
    const round: Round = { ...startRound(route, 'clerk', T0), marked: ['a'] };
    expect(() => markCheckpoint(round, 'a', 'ok', undefined, 'clerk')).toThrow(/already|已记录/);
    expect(() => markCheckpoint(round, 'b', 'issue', ' ', 'clerk')).toThrow(DomainError);
    expect(markCheckpoint(round, 'b', 'issue', '车库照明灯坏了三盏', 'clerk').facility).toBe('地下车库');
    expect(() => markCheckpoint(round, 'zzz', 'ok', undefined, 'clerk')).toThrow(DomainError);
  });

  it('finishes only when every checkpoint is recorded, and records the duration', () => {
    const round = startRound(route, 'clerk', T0);
    expect(() => finishRound({ ...round, marked: ['a'] }, 'clerk', bj('2026-11-25T09:40:00'))).toThrow(/地下车库/);
    expect(finishRound({ ...round, marked: ['a', 'b'] }, 'clerk', bj('2026-11-25T09:42:29'))).toEqual({ durationMinutes: 42 });
    expect(() => finishRound({ ...round, status: 'finished', marked: ['a', 'b'] }, 'clerk', T0)).toThrow(DomainError);
  });
});

describe('rounds per week (policy roundsPerWeek)', () => {
  const policy = patrolPolicySchema.parse({ roundsPerWeek: 7 });

  it('counts the week from Monday 00:00 Beijing time', () => {
    const w = weekOf(bj('2026-11-25T09:00:00'), 'Asia/Shanghai'); // a Wednesday
    expect(w.start).toEqual(bj('2026-11-23T00:00:00'));
    expect(w.end).toEqual(bj('2026-11-30T00:00:00'));
    expect(w.daysElapsed).toBe(2);
    expect(weekOf(bj('2026-11-23T00:00:00'), 'Asia/Shanghai').daysElapsed).toBe(0);
    expect(weekOf(bj('2026-11-29T23:59:00'), 'Asia/Shanghai').daysElapsed).toBe(6);
  });

  it('is behind when fewer rounds than the past days should have brought', () => {
    expect(weeklyFulfilment(1, 2, policy)).toEqual({ done: 1, target: 7, expectedSoFar: 2, isBehind: true });
    expect(weeklyFulfilment(2, 2, policy).isBehind).toBe(false);
    expect(weeklyFulfilment(0, 0, policy).isBehind).toBe(false);
    expect(weeklyFulfilment(1, 3, patrolPolicySchema.parse({ roundsPerWeek: 3 })).isBehind).toBe(false);
  });

  it('never expects more than the target, nor flags a week already fulfilled (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 60 }),
        (target, days, done) => {
          const f = weeklyFulfilment(done, days, patrolPolicySchema.parse({ roundsPerWeek: target }));
          expect(f.expectedSoFar).toBeLessThanOrEqual(target);
          if (done >= target) expect(f.isBehind).toBe(false);
        },
      ),
    );
  });

  it('a round of random marks finishes exactly when every checkpoint is marked (property)', () => {
    fc.assert(
      fc.property(fc.subarray(['a', 'b']), (marked) => {
        const round = { ...startRound(route, 'clerk', T0), marked };
        const finishes = (() => {
          try {
            finishRound(round, 'clerk', T0);
            return true;
          } catch {
            return false;
          }
        })();
        expect(finishes).toBe(marked.length === 2);
      }),
    );
  });
});
