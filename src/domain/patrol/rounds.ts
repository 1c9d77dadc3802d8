import type { Role } from '../access/roles.js';
import { zoneOffsetMinutes } from '../shared/time-of-day.js';
import { conflict, forbidden, invalid } from '../shared/errors.js';
import type { PatrolPolicy } from './policy.js';

/** One stop of a patrol route: a building (with a floor range) or a public facility, or both. */
export interface Checkpoint {
  id: string;
  buildingId: string | null;
  buildingName: string;
  floorFrom: number | null;
  floorTo: number | null;
  facility: string;
}

/** Who walks a patrol (the CS supervisor, or a clerk standing in; the director may too). */
export const patrollers: readonly Role[] = ['cs_supervisor', 'clerk', 'director'];
/** Who edits routes. */
export const routeEditors: readonly Role[] = ['cs_supervisor', 'director'];

export const roundStatuses = ['in_progress', 'finished'] as const;
export type RoundStatus = (typeof roundStatuses)[number];
export type CheckResult = 'ok' | 'issue';

/** A round as the rules see it. */
export interface Round {
  status: RoundStatus;
  checkpoints: Checkpoint[];
  /** Checkpoint ids already marked. */
  marked: string[];
  startedAt: Date;
}

const field = (name: string, zh: string, en: string) => invalid('invalid_field', { zh, en }, [{ field: name, message: { zh, en } }]);

/** How a checkpoint reads on a phone and on paper: "2栋 1–18F 消防通道". */
export function checkpointLabel(c: Pick<Checkpoint, 'buildingName' | 'floorFrom' | 'floorTo' | 'facility'>): string {
  const floors =
    c.floorFrom === null ? '' : c.floorTo === null || c.floorTo === c.floorFrom ? `${c.floorFrom}F` : `${c.floorFrom}–${c.floorTo}F`;
  return [c.buildingName, floors, c.facility].filter((s) => s.length > 0).join(' ');
}

/** Checks a route's name and checkpoints as the editor saves them. */
export function checkRoute(route: { name: string; checkpoints: Checkpoint[] }, role: Role): void {
  if (!routeEditors.includes(role)) throw forbidden();
  if (route.name.trim().length === 0) throw field('name', '请填写路线名称', 'Name the route');
  if (route.checkpoints.length === 0) throw field('checkpoints', '至少设置一个巡查点', 'Add at least one checkpoint');
  route.checkpoints.forEach((c, i) => {
    if (c.buildingName.trim() === '' && c.facility.trim() === '') {
      throw field(`checkpoints.${i}.facility`, '请选择楼栋或填写公共设施', 'Choose a building or name a facility');
    }
    if ((c.floorFrom === null) !== (c.floorTo === null) || (c.floorFrom !== null && c.floorTo !== null && c.floorFrom > c.floorTo)) {
      throw field(`checkpoints.${i}.floorTo`, '楼层范围无效', 'The floor range is invalid');
    }
  });
  if (new Set(route.checkpoints.map((c) => c.id)).size !== route.checkpoints.length) {
    throw field('checkpoints', '巡查点重复', 'A checkpoint appears twice');
  }
}

/** Starting a round of a route: the patroller's role, and a route with checkpoints. */
export function startRound(route: { isActive: boolean; checkpoints: Checkpoint[] }, role: Role, now: Date): Round {
  if (!patrollers.includes(role)) throw forbidden();
  if (!route.isActive) throw conflict('route_inactive', { zh: '该路线已停用', en: 'This route is no longer used' });
  if (route.checkpoints.length === 0) throw conflict('route_empty', { zh: '该路线没有巡查点', en: 'This route has no checkpoints' });
  return { status: 'in_progress', checkpoints: route.checkpoints, marked: [], startedAt: now };
}

/** Marking one checkpoint ok or with an issue. An issue needs a note (what is wrong). */
export function markCheckpoint(round: Round, checkpointId: string, result: CheckResult, note: string | undefined, role: Role): Checkpoint {
  if (!patrollers.includes(role)) throw forbidden();
  if (round.status !== 'in_progress') throw conflict('round_finished', { zh: '本次巡楼已结束', en: 'This round is finished' });
  const checkpoint = round.checkpoints.find((c) => c.id === checkpointId);
  if (!checkpoint) throw field('checkpointId', '巡查点不在本路线', 'That checkpoint is not on this route');
  if (round.marked.includes(checkpointId))
    throw conflict('already_marked', { zh: '该巡查点已记录', en: 'This checkpoint is already recorded' });
  if (result === 'issue' && (note ?? '').trim().length === 0) throw field('note', '请描述发现的问题', 'Describe the issue');
  return checkpoint;
}

/** Finishing a round: every checkpoint marked; the duration is recorded in whole minutes. */
export function finishRound(round: Round, role: Role, now: Date): { durationMinutes: number } {
  if (!patrollers.includes(role)) throw forbidden();
  if (round.status !== 'in_progress') throw conflict('round_finished', { zh: '本次巡楼已结束', en: 'This round is finished' });
  const missing = round.checkpoints.filter((c) => !round.marked.includes(c.id));
  if (missing.length > 0) {
    const labels = missing.map(checkpointLabel).join('、');
    throw field('checkpoints', `还有巡查点未记录：${labels}`, `Checkpoints not yet recorded: ${labels}`);
  }
  return { durationMinutes: Math.max(0, Math.round((now.getTime() - round.startedAt.getTime()) / 60_000)) };
}

/** This local week (Monday 00:00 to the next Monday) in the community's time zone. */
export function weekOf(now: Date, timeZone: string): { start: Date; end: Date; daysElapsed: number } {
  const offset = zoneOffsetMinutes(now, timeZone) * 60_000;
  const local = new Date(now.getTime() + offset);
  const dayIndex = (local.getUTCDay() + 6) % 7; // Monday = 0
  const localMidnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - dayIndex * 86_400_000;
  const start = new Date(localMidnight - zoneOffsetMinutes(new Date(localMidnight - offset), timeZone) * 60_000);
  const end = new Date(start.getTime() + 7 * 86_400_000);
  return { start, end, daysElapsed: dayIndex };
}

export interface Fulfilment {
  done: number;
  target: number;
  /** Rounds that should be done by the end of yesterday, spreading the week's target evenly. */
  expectedSoFar: number;
  isBehind: boolean;
}

/**
 * Rounds this week against the policy. Today's round may still happen, so "behind" compares with
 * what the days already past should have brought.
 */
export function weeklyFulfilment(done: number, daysElapsed: number, policy: PatrolPolicy): Fulfilment {
  const target = policy.roundsPerWeek;
  const expectedSoFar = Math.floor((target * daysElapsed) / 7);
  return { done, target, expectedSoFar, isBehind: done < expectedSoFar };
}
