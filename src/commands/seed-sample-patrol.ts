import { asc, eq } from 'drizzle-orm';
import { ManualClock } from '../domain/shared/clock.js';
import { buildings } from '../db/schema/index.js';
import type { Deps } from './context.js';
import { createPatrolRoute } from './patrol/patrol-routes.js';
import { finishPatrolRound, getPatrolRound, markPatrolCheckpoint, startPatrolRound } from './patrol/rounds.js';
import { demoStaff } from './seed-sample-orders.js';
import type { DemoSummary } from './seed-demo.js';

/**
 * Sample building patrol of 阳光花园: one route per building, each walked this morning by the CS
 * supervisor, every round finished and one issue per round raised as a public-area repair order.
 */
export async function seedSamplePatrol(deps: Deps, demo: DemoSummary): Promise<void> {
  const yg = demo.communities.find((c) => c.code === 'YG');
  if (!yg) return;
  const supervisor = await demoStaff(deps, 'yg.cssup');
  const list = await deps.database.db.select().from(buildings).where(eq(buildings.communityId, yg.id)).orderBy(asc(buildings.sortOrder));
  const issues = ['楼道声控灯不亮', '单元门禁闭门器漏油，门关不严', '消防通道堆放杂物，灭火器压力不足'];
  // The round is walked an hour and a half ago, so its times and duration read like a real one.
  const clock = new ManualClock(new Date(deps.clock.now().getTime() - 90 * 60_000));
  const walking: Deps = { ...deps, clock };
  for (const [i, b] of list.entries()) {
    const routeId = await createPatrolRoute(deps, supervisor, {
      communityId: yg.id,
      name: `${b.name}日常巡楼`,
      isActive: true,
      checkpoints: [
        { buildingId: b.id, floorFrom: 1, floorTo: 1, facility: '大堂及单元门禁' },
        { buildingId: b.id, floorFrom: 2, floorTo: 6, facility: '楼道' },
        { buildingId: b.id, floorFrom: null, floorTo: null, facility: '消防通道' },
        { buildingId: null, floorFrom: null, floorTo: null, facility: `${b.name}周边绿化及道路` },
      ],
    });
    const roundId = await startPatrolRound(walking, supervisor, routeId);
    const round = await getPatrolRound(walking, supervisor, roundId);
    const checkpoints = round.row.round.checkpoints;
    for (const [j, c] of checkpoints.entries()) {
      clock.advanceMinutes(6);
      const isIssue = j === i % checkpoints.length;
      await markPatrolCheckpoint(
        walking,
        supervisor,
        roundId,
        isIssue
          ? {
              checkpointId: c.id,
              result: 'issue',
              note: issues[i % issues.length]!,
              raiseOrder: true,
              category: 'public_area',
              urgency: 'normal',
            }
          : { checkpointId: c.id, result: 'ok', raiseOrder: true, urgency: 'normal' },
      );
    }
    clock.advanceMinutes(4);
    await finishPatrolRound(walking, supervisor, roundId, `${b.name}巡查完毕，发现问题 1 处，已报修`);
  }
}
