import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { CreateRepairBody } from '../contract/repair.js';
import { ManualClock } from '../domain/shared/clock.js';
import { listVisitsOf } from '../db/repositories/repair-orders.js';
import { residents, rooms } from '../db/schema/index.js';
import type { Deps } from './context.js';
import { createRepairOrder } from './create-repair-order.js';
import { runRepairAction } from './run-repair-action.js';
import { fireDueTimers } from './tickets/engine.js';
import type { DemoSummary } from './seed-demo.js';
import { demoStaff } from './seed-sample-orders.js';
import { actOnVisit } from './visits/act-on-visit.js';

const days = 21;
const categories: CreateRepairBody['category'][] = ['plumbing', 'electrical', 'doors_windows', 'appliance', 'equipment', 'plumbing'];
const contents = ['洗手盆下水慢', '卧室插座没电', '阳台推拉门卡住', '热水器不打火', '楼道声控灯不亮', '厨房水龙头滴水'];
const outcomes = ['satisfied', 'satisfied', 'basically_satisfied', 'satisfied'] as const;

/**
 * Three weeks of finished repairs (created, grabbed, on site, completed, confirmed and visited at
 * believable, varied times), so the dashboards of a new demo have a history to show. Driven through
 * the real commands on a clock set in the past; the households are taken from the end of the list,
 * away from the residents the guide names.
 */
export async function seedSampleHistory(deps: Deps, demo: DemoSummary): Promise<void> {
  const db = deps.database.db;
  for (const community of demo.communities) {
    const prefix = community.code.toLowerCase();
    const perDay = prefix === 'yg' ? 2 : 1;
    const clerk = await demoStaff(deps, `${prefix}.clerk`);
    const techs = await Promise.all(
      (prefix === 'yg' ? ['yg.tech1', 'yg.tech2', 'yg.tech3'] : ['ch.tech1', 'ch.tech2']).map((u) => demoStaff(deps, u)),
    );
    const homes = (
      await db
        .select({ roomId: rooms.id, residentId: residents.id, name: residents.name, phone: residents.phone })
        .from(residents)
        .innerJoin(rooms, eq(rooms.id, residents.roomId))
        .where(and(eq(residents.communityId, community.id), isNotNull(residents.phone)))
        .orderBy(asc(residents.phone))
    ).slice(20);
    if (homes.length === 0 || techs.length === 0) continue;
    for (let d = days; d >= 1; d--) {
      for (let k = 0; k < perDay; k++) {
        const n = d * perDay + k;
        // 09:00–17:00 in Beijing on day −d, spread by the order's number.
        const start = new Date(deps.clock.now().getTime() - d * 86_400_000);
        start.setUTCHours(1, (n * 137) % 480, 0, 0);
        const clock = new ManualClock(start);
        const then: Deps = { ...deps, clock };
        const home = homes[(n * 11) % homes.length]!;
        const tech = techs[n % techs.length]!;
        const order = await createRepairOrder(then, clerk, {
          communityId: community.id,
          roomId: home.roomId,
          residentId: home.residentId,
          reporterName: home.name,
          reporterPhone: home.phone,
          channel: n % 3 === 0 ? 'app' : 'phone',
          category: categories[n % categories.length]!,
          area: 'in_home',
          urgency: n % 9 === 0 ? 'urgent' : 'normal',
          timing: 'immediate',
          content: contents[n % contents.length]!,
        });
        // Now and then somebody is slow: the timer fires (the supervisor is chased), as it did then.
        clock.advanceMinutes(n % 7 === 0 ? 9 : 1 + (n % 4));
        await fireDueTimers(then, 'demo-history');
        await runRepairAction(then, tech, order.id, 'grab', {});
        clock.advanceMinutes(n % 5 === 0 ? 24 : 8 + (n % 9));
        await fireDueTimers(then, 'demo-history');
        await runRepairAction(then, tech, order.id, 'arrive', {});
        await runRepairAction(then, clerk, order.id, 'confirm-by-phone', { reason: '业主电话确认师傅已到' });
        clock.advanceMinutes(25 + ((n * 13) % 90));
        await runRepairAction(then, tech, order.id, 'record-work', {
          actualItems: contents[n % contents.length]!,
          labourFeeCents: 0,
          materialFeeCents: 0,
        });
        await runRepairAction(then, tech, order.id, 'complete', { summary: '已修复，业主试用正常' });
        clock.advanceMinutes(30);
        await runRepairAction(then, clerk, order.id, 'confirm', {});
        clock.advanceMinutes(60 * (3 + (n % 18)));
        const [visit] = await listVisitsOf(db, order.id);
        if (!visit) continue;
        await actOnVisit(then, clerk, visit.id, 'record', {
          method: 'phone',
          outcome: outcomes[n % outcomes.length]!,
          chargeCheck: 'no_charge',
          comment: '电话回访，业主反映已正常使用',
        });
      }
    }
  }
}
