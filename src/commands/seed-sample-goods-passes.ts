import { and, asc, eq } from 'drizzle-orm';
import { residents, rooms } from '../db/schema/index.js';
import type { Deps } from './context.js';
import { applyGoodsPass } from './goods-passes/apply-goods-pass.js';
import type { DemoSummary } from './seed-demo.js';
import { demoStaff } from './seed-sample-orders.js';
import { runTicketAction } from './tickets/engine.js';

/** One valid goods pass of 阳光花园 (a household without arrears), issued at the desk and waiting at the gate. */
export async function seedSampleGoodsPasses(deps: Deps, demo: DemoSummary): Promise<void> {
  const yg = demo.communities.find((c) => c.code === 'YG');
  if (!yg) return;
  const [home] = await deps.database.db
    .select({ roomId: rooms.id, name: residents.name, phone: residents.phone })
    .from(residents)
    .innerJoin(rooms, eq(rooms.id, residents.roomId))
    .where(and(eq(residents.communityId, yg.id)))
    .orderBy(asc(residents.phone))
    .offset(5)
    .limit(1);
  if (!home) return;
  const clerk = await demoStaff(deps, 'yg.clerk');
  const pass = await applyGoodsPass(deps, clerk, {
    communityId: yg.id,
    roomId: home.roomId,
    phone: home.phone,
    items: [
      { name: '旧沙发', quantity: 1, note: '三人位' },
      { name: '纸箱', quantity: 8, note: '书籍杂物' },
    ],
    identity: { applicantName: home.name, relation: 'owner', idType: 'id_card', idLast4: '2468' },
    carrierName: '顺心搬家 李师傅',
    vehiclePlate: '粤B·36A88',
  });
  await runTicketAction(deps, clerk, pass.id, 'goods_pass', 'issue', {});
}
