import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { CreateRepairBody } from '../contract/repair.js';
import type { Role } from '../domain/access/roles.js';
import { addMinutes } from '../domain/shared/clock.js';
import { residents, rooms, users } from '../db/schema/index.js';
import type { Deps, Principal } from './context.js';
import { createRepairOrder } from './create-repair-order.js';
import { runRepairAction } from './run-repair-action.js';
import type { DemoSummary } from './seed-demo.js';

/** A demo staff member as a signed-in principal, for seeding through the real commands. */
export async function demoStaff(deps: Deps, username: string): Promise<Principal> {
  const [u] = await deps.database.db.select().from(users).where(eq(users.username, username));
  if (!u) throw new Error(`demo user ${username} missing`);
  return {
    kind: 'staff',
    id: u.id,
    role: u.role as Role,
    name: u.name,
    companyId: u.companyId,
    communityId: u.communityId,
    department: u.department,
    roomIds: [],
    residentIds: [],
    phone: u.phone,
  };
}

/**
 * A few orders in different states, so that a newcomer's boards are not empty: an urgent burst
 * pipe waiting to be grabbed, a booked air-conditioner visit, a technician on the way, work in
 * progress with fees, a finished job waiting for the resident, a public-area fault.
 */
export async function seedSampleOrders(deps: Deps, demo: DemoSummary): Promise<void> {
  const db = deps.database.db;
  const staff = (username: string) => demoStaff(deps, username);
  const households = async (communityId: string) =>
    db
      .select({ roomId: rooms.id, residentId: residents.id, name: residents.name, phone: residents.phone })
      .from(residents)
      .innerJoin(rooms, eq(rooms.id, residents.roomId))
      .where(and(eq(residents.communityId, communityId), isNotNull(residents.phone)))
      .orderBy(asc(residents.phone));

  for (const community of demo.communities) {
    const prefix = community.code.toLowerCase();
    const clerk = await staff(`${prefix}.clerk`);
    const homes = await households(community.id);
    const order = async (i: number, body: Partial<CreateRepairBody>) => {
      const h = homes[(i * 7) % homes.length]!;
      return createRepairOrder(deps, clerk, {
        communityId: community.id,
        roomId: h.roomId,
        residentId: h.residentId,
        reporterName: h.name,
        reporterPhone: h.phone,
        channel: 'phone',
        category: 'plumbing',
        area: 'in_home',
        urgency: 'normal',
        timing: 'immediate',
        content: '',
        ...body,
      });
    };
    if (prefix !== 'yg') {
      await order(1, { category: 'electrical', content: '厨房插座跳闸，一插电饭煲就断电' });
      continue;
    }
    const tech1 = await staff('yg.tech1');
    const tech2 = await staff('yg.tech2');
    const tech3 = await staff('yg.tech3');
    await order(1, { urgency: 'urgent', content: '厨房下水管爆裂，水已经漫到客厅' });
    const tomorrow = addMinutes(deps.clock.now(), 24 * 60);
    tomorrow.setUTCHours(2, 0, 0, 0); // 10:00 in Beijing
    await order(2, {
      category: 'appliance',
      timing: 'appointment',
      appointmentAt: tomorrow.toISOString(),
      content: '卧室空调不制冷，外机不转',
    });
    const onTheWay = await order(3, { category: 'electrical', content: '客厅吊灯不亮，换了灯泡也不行' });
    await runRepairAction(deps, tech2, onTheWay.id, 'grab', {});
    await runRepairAction(deps, tech2, onTheWay.id, 'set-off', { etaMinutes: 10 });
    const working = await order(4, { content: '卫生间马桶水箱一直漏水' });
    await runRepairAction(deps, tech1, working.id, 'grab', {});
    await runRepairAction(deps, tech1, working.id, 'arrive', {});
    await runRepairAction(deps, clerk, working.id, 'confirm-by-phone', { reason: '业主电话确认师傅已到' });
    await runRepairAction(deps, tech1, working.id, 'record-work', {
      actualItems: '更换进水阀',
      labourFeeCents: 3000,
      materialFeeCents: 2500,
    });
    const finished = await order(5, { category: 'doors_windows', content: '防盗门锁芯坏了，钥匙拧不动' });
    await runRepairAction(deps, tech3, finished.id, 'grab', {});
    await runRepairAction(deps, tech3, finished.id, 'arrive', {});
    await runRepairAction(deps, clerk, finished.id, 'confirm-by-phone', { reason: '业主电话确认师傅已到' });
    await runRepairAction(deps, tech3, finished.id, 'record-work', {
      actualItems: '更换C级锁芯',
      labourFeeCents: 2000,
      materialFeeCents: 6000,
    });
    await runRepairAction(deps, tech3, finished.id, 'complete', { summary: '已更换锁芯，交付新钥匙三把' });
    await createRepairOrder(deps, clerk, {
      communityId: community.id,
      reporterName: '保安队长 马',
      reporterPhone: '13900010011',
      channel: 'patrol',
      category: 'public_area',
      area: 'public',
      urgency: 'normal',
      timing: 'immediate',
      location: '2栋大堂感应门',
      content: '大堂感应门失灵，一直开着关不上',
    });
  }
}
