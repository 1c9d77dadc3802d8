import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { residents, rooms } from '../db/schema/index.js';
import { isInWarranty } from '../domain/warranty/period.js';
import { getRoom } from '../db/repositories/org.js';
import { type Deps, loadPolicy } from './context.js';
import { createRepairOrder } from './create-repair-order.js';
import { demoStaff } from './seed-sample-orders.js';
import type { DemoSummary } from './seed-demo.js';
import { runTicketAction } from './tickets/engine.js';
import { createLiaison } from './warranty/create-liaison.js';
import { handoverDateOf } from './warranty/warranty-status.js';

/**
 * A sample in-warranty defect of 阳光花园: a bathroom leaking into the flat below, reported as a
 * repair, compiled by the desk into a liaison form (工作联系单) to the developer's technical quality
 * department, signed for by the developer's liaison and now awaiting the developer's reply.
 */
export async function seedSampleWarranty(deps: Deps, demo: DemoSummary): Promise<void> {
  const yg = demo.communities.find((c) => c.code === 'YG');
  if (!yg) return;
  const clerk = await demoStaff(deps, 'yg.clerk');
  const developer = await demoStaff(deps, 'yg.developer');
  const [home] = await deps.database.db
    .select({ roomId: rooms.id, residentId: residents.id, name: residents.name, phone: residents.phone })
    .from(residents)
    .innerJoin(rooms, eq(rooms.id, residents.roomId))
    .where(and(eq(residents.communityId, yg.id), isNotNull(residents.phone)))
    .orderBy(asc(residents.phone))
    .offset(5)
    .limit(1);
  if (!home) return;
  const order = await createRepairOrder(deps, clerk, {
    communityId: yg.id,
    roomId: home.roomId,
    residentId: home.residentId,
    reporterName: home.name,
    reporterPhone: home.phone,
    channel: 'phone',
    category: 'plumbing',
    area: 'in_home',
    urgency: 'normal',
    timing: 'immediate',
    content: '卫生间地面渗水到楼下住户顶棚，疑似防水层破损',
  });
  const policy = await loadPolicy(deps.database.db, clerk.companyId, yg.id);
  const handover = await handoverDateOf(deps.database.db, (await getRoom(deps.database.db, home.roomId))?.buildingId ?? null);
  // Once the demo buildings are past their waterproofing warranty there is nothing to send.
  if (handover && !isInWarranty(handover, 'waterproofing', deps.clock.now(), policy.warranty, policy.timezone)) return;
  const form = await createLiaison(deps, clerk, {
    communityId: yg.id,
    works: 'contractor',
    toDepartment: '技术质量部',
    subject: '卫生间防水渗漏，请安排外协单位维修',
    items: [{ source: 'repair', sourceTicketId: order.id, warrantyClass: 'waterproofing' }],
  });
  await runTicketAction(deps, developer, form.id, 'liaison', 'receive', { receiverName: '技术质量部 李部长' });
}
