import { and, asc, eq } from 'drizzle-orm';
import { residents, rooms } from '../db/schema/index.js';
import { assignHouseholds } from './arrears/assign-households.js';
import { recordArrears } from './arrears/record-arrears.js';
import { recordChase } from './arrears/record-chase.js';
import type { Deps } from './context.js';
import type { DemoSummary } from './seed-demo.js';
import { demoStaff } from './seed-sample-orders.js';

/**
 * Sample arrears of 阳光花园 through the real commands: finance's list for four households (the
 * first residents by phone, 13800000001…), two assigned to yg.clerk (one already chased), one to
 * yg.clerk2, one still waiting for the supervisor to assign it.
 */
export async function seedSampleArrears(deps: Deps, demo: DemoSummary): Promise<void> {
  const yg = demo.communities.find((c) => c.code === 'YG');
  if (!yg) return;
  const homes = await deps.database.db
    .select({ roomId: rooms.id, name: residents.name })
    .from(residents)
    .innerJoin(rooms, eq(rooms.id, residents.roomId))
    .where(and(eq(residents.communityId, yg.id)))
    .orderBy(asc(residents.phone))
    .limit(4);
  const finance = await demoStaff(deps, 'yg.finance');
  const supervisor = await demoStaff(deps, 'yg.cssup');
  const clerk = await demoStaff(deps, 'yg.clerk');
  const clerk2 = await demoStaff(deps, 'yg.clerk2');
  const fees: [number, string, string, number][] = [
    [0, '物业费', '2026-09', 35650],
    [0, '物业费', '2026-10', 35650],
    [1, '物业费', '2026-10', 45800],
    [1, '停车费', '2026-10', 30000],
    [2, '水费', '2026-10', 8860],
    [3, '物业费', '2026', 427800],
  ];
  for (const [i, feeType, period, amountCents] of fees) {
    const h = homes[i];
    if (h) await recordArrears(deps, finance, { communityId: yg.id, roomId: h.roomId, ownerName: h.name, feeType, period, amountCents });
  }
  const room = (i: number) => homes[i]?.roomId;
  const mine = [room(0), room(1)].filter((r): r is string => !!r);
  if (mine.length) await assignHouseholds(deps, supervisor, { communityId: yg.id, roomIds: mine, clerkId: clerk.id });
  if (room(2)) await assignHouseholds(deps, supervisor, { communityId: yg.id, roomIds: [room(2)!], clerkId: clerk2.id });
  if (room(1)) await recordChase(deps, clerk, room(1)!, { method: 'phone', result: 'unreachable', note: '电话无人接听，改日上门' });
}
