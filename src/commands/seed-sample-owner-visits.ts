import { ManualClock } from '../domain/shared/clock.js';
import { nextLocalTime } from '../domain/shared/time-of-day.js';
import type { Deps } from './context.js';
import { loadPolicy } from './context.js';
import { makeOwnerVisitPlan, proposeOwnerVisits } from './owner-visits/plans.js';
import { bookOwnerVisit, followUpOwnerVisitIssue, recordOwnerVisit, recordUnbookedOwnerVisit } from './owner-visits/visits.js';
import type { DemoSummary } from './seed-demo.js';
import { demoStaff } from './seed-sample-orders.js';

/**
 * Sample owner visits of 阳光花园 (业户访问): this month's plan, a home visit signed with an issue
 * turned into a repair order, one where the household refused to sign, a phone call, and two
 * visits booked for the coming days.
 */
export async function seedSampleOwnerVisits(deps: Deps, demo: DemoSummary): Promise<void> {
  const yg = demo.communities.find((c) => c.code === 'YG');
  if (!yg) return;
  const supervisor = await demoStaff(deps, 'yg.cssup');
  const clerk = await demoStaff(deps, 'yg.clerk');
  const tz = (await loadPolicy(deps.database.db, supervisor.companyId, yg.id)).timezone;
  await makeOwnerVisitPlan(deps, supervisor, yg.id);
  const [a, b, c, d, e] = (await proposeOwnerVisits(deps, supervisor, { communityId: yg.id, count: 5 })).items;
  if (!a || !b || !c || !d || !e) return;

  // Two visits made at the last 10:00 local (today's or yesterday's), booked two hours before.
  const now = deps.clock.now();
  const lastTen = nextLocalTime(new Date(now.getTime() - 24 * 60 * 60_000), '10:00', tz);
  const earlier: Deps = { ...deps, clock: new ManualClock(new Date(lastTen.getTime() - 2 * 60 * 60_000)) };
  const inTime = (at: Date) => at.toISOString();
  const signed = await bookOwnerVisit(earlier, supervisor, {
    communityId: yg.id,
    roomId: a.roomId,
    bookedFor: inTime(lastTen),
    residentName: a.residentNames[0],
  });
  await recordOwnerVisit(deps, supervisor, signed.id, {
    method: 'home',
    visitedAt: inTime(lastTen),
    notes: '业主在家，交谈约二十分钟，对物业服务总体满意。',
    opinions: '希望增加小区夜间巡逻，儿童游乐设施需要定期检查。',
    issues: [{ text: '卫生间地漏返味' }],
    signature: 'signed',
    signedBy: a.residentNames[0] ?? '业主',
    isConfidential: false,
  });
  await followUpOwnerVisitIssue(deps, supervisor, signed.id, 0, { as: 'repair', category: 'plumbing' });
  const refused = await bookOwnerVisit(earlier, supervisor, { communityId: yg.id, roomId: b.roomId, bookedFor: inTime(lastTen) });
  await recordOwnerVisit(deps, clerk, refused.id, {
    method: 'home',
    visitedAt: inTime(lastTen),
    opinions: '对停车管理有意见，车位紧张。',
    issues: [],
    signature: 'refused',
    isConfidential: false,
  });
  await recordUnbookedOwnerVisit(deps, supervisor, {
    communityId: yg.id,
    roomId: c.roomId,
    method: 'phone',
    visitedAt: inTime(lastTen),
    opinions: '满意，无其他意见。',
    issues: [],
    signature: null,
    isConfidential: false,
  });
  // Two appointments ahead, in working hours.
  await bookOwnerVisit(deps, supervisor, { communityId: yg.id, roomId: d.roomId, bookedFor: inTime(nextLocalTime(now, '10:00', tz)) });
  await bookOwnerVisit(deps, supervisor, { communityId: yg.id, roomId: e.roomId, bookedFor: inTime(nextLocalTime(now, '19:30', tz)) });
}
