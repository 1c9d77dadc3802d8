import { and, asc, eq } from 'drizzle-orm';
import { residents, rooms } from '../db/schema/index.js';
import type { Deps } from './context.js';
import { applyParking } from './parking/apply-parking.js';
import { createSpace } from './parking/query-parking.js';
import { demoStaff } from './seed-sample-orders.js';
import type { DemoSummary } from './seed-demo.js';
import { runTicketAction } from './tickets/engine.js';

/**
 * Sample parking of 阳光花园 through the real commands: a register of spaces, one held by an active
 * card, one assigned to an application waiting for its agreement and fee, the rest free.
 */
export async function seedSampleParking(deps: Deps, demo: DemoSummary): Promise<void> {
  const yg = demo.communities.find((c) => c.code === 'YG');
  if (!yg) return;
  const clerk = await demoStaff(deps, 'yg.clerk');
  const finance = await demoStaff(deps, 'yg.finance');
  const spaces: { number: string; zone: string; kind: 'owned' | 'rented' | 'visitor' }[] = [
    { number: 'B1-001', zone: 'B1 区', kind: 'owned' },
    { number: 'B1-002', zone: 'B1 区', kind: 'rented' },
    { number: 'B1-003', zone: 'B1 区', kind: 'rented' },
    { number: 'B1-004', zone: 'B1 区', kind: 'rented' },
    { number: 'D-01', zone: '地面东区', kind: 'rented' },
    { number: 'V-01', zone: '地面东区', kind: 'visitor' },
  ];
  const ids: string[] = [];
  for (const s of spaces) ids.push(await createSpace(deps, clerk, { communityId: yg.id, ...s }));
  const homes = await deps.database.db
    .select({ roomId: rooms.id, name: residents.name, phone: residents.phone })
    .from(residents)
    .innerJoin(rooms, eq(rooms.id, residents.roomId))
    .where(and(eq(residents.communityId, yg.id)))
    .orderBy(asc(residents.phone))
    .limit(2);
  const [first, second] = homes;
  if (!first || !second) return;

  const card = await applyParking(deps, clerk, {
    communityId: yg.id,
    roomId: first.roomId,
    plateNumber: '沪A8M321',
    vehicleModel: '大众帕萨特',
    driverName: first.name,
  });
  await runTicketAction(deps, clerk, card.id, 'parking', 'assign', { spaceId: ids[1] });
  await runTicketAction(deps, clerk, card.id, 'parking', 'sign_agreement', {});
  await runTicketAction(deps, finance, card.id, 'parking', 'pay', { amountCents: 360000, months: 12, receiptNo: 'SJ20261125001' });
  await runTicketAction(deps, clerk, card.id, 'parking', 'issue_card', { cardNumber: 'YG-P-0001' });

  const pending = await applyParking(deps, clerk, {
    communityId: yg.id,
    roomId: second.roomId,
    plateNumber: '沪BD12345',
    vehicleModel: '比亚迪汉',
    driverName: second.name,
    wantedSpaceId: ids[2],
  });
  await runTicketAction(deps, clerk, pending.id, 'parking', 'assign', { spaceId: ids[2] });
}
