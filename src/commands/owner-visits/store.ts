import { and, asc, desc, eq, exists, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { roomLabel } from '../../db/repositories/org.js';
import { buildings, ownerVisitPlans, ownerVisits, residents, rooms } from '../../db/schema/index.js';

/** SQL of owner visits: plans, visits and the occupied households they are drawn from. */

export type PlanRow = typeof ownerVisitPlans.$inferSelect;
export type OwnerVisitRow = typeof ownerVisits.$inferSelect;

/**
 * 已入住户: a community's occupied households — rooms with at least one registered resident (the
 * room register has no occupancy flag; a resident on the register is what the desk knows).
 */
export async function occupiedHouseholds(ex: Executor, companyId: string, communityId: string) {
  const rows = await ex
    .select({
      roomId: rooms.id,
      buildingId: rooms.buildingId,
      buildingName: buildings.name,
      buildingOrder: buildings.sortOrder,
      unit: rooms.unit,
      number: rooms.number,
    })
    .from(rooms)
    .innerJoin(buildings, eq(buildings.id, rooms.buildingId))
    .where(
      and(
        eq(rooms.companyId, companyId),
        eq(rooms.communityId, communityId),
        exists(ex.select({ one: sql`1` }).from(residents).where(eq(residents.roomId, rooms.id))),
      ),
    )
    .orderBy(asc(buildings.sortOrder), asc(rooms.unit), asc(rooms.number));
  return rows.map((r) => ({ ...r, label: roomLabel(r.buildingName, r.unit, r.number) }));
}

/** How many occupied households a community has. */
export async function countOccupied(ex: Executor, companyId: string, communityId: string): Promise<number> {
  const [row] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(rooms)
    .where(
      and(
        eq(rooms.companyId, companyId),
        eq(rooms.communityId, communityId),
        exists(ex.select({ one: sql`1` }).from(residents).where(eq(residents.roomId, rooms.id))),
      ),
    );
  return Number(row?.n ?? 0);
}

export async function findPlan(ex: Executor, companyId: string, communityId: string, month: string): Promise<PlanRow | null> {
  const [row] = await ex
    .select()
    .from(ownerVisitPlans)
    .where(and(eq(ownerVisitPlans.companyId, companyId), eq(ownerVisitPlans.communityId, communityId), eq(ownerVisitPlans.month, month)));
  return row ?? null;
}

/** Inserts a plan unless the month has one already (two servers, or a button pressed twice); returns the month's plan. */
export async function insertPlanOnce(ex: Executor, plan: PlanRow): Promise<{ plan: PlanRow; isNew: boolean }> {
  const inserted = await ex
    .insert(ownerVisitPlans)
    .values(plan)
    .onConflictDoNothing({ target: [ownerVisitPlans.companyId, ownerVisitPlans.communityId, ownerVisitPlans.month] })
    .returning();
  if (inserted[0]) return { plan: inserted[0], isNew: true };
  const existing = await findPlan(ex, plan.companyId, plan.communityId, plan.month);
  if (!existing) throw new Error('owner visit plan vanished');
  return { plan: existing, isNew: false };
}

/** The visits of a community's month, earliest appointment first. */
export async function visitsOfMonth(ex: Executor, companyId: string, communityId: string, month: string): Promise<OwnerVisitRow[]> {
  return ex
    .select()
    .from(ownerVisits)
    .where(and(eq(ownerVisits.companyId, companyId), eq(ownerVisits.communityId, communityId), eq(ownerVisits.month, month)))
    .orderBy(asc(ownerVisits.status), asc(ownerVisits.bookedFor), desc(ownerVisits.visitedAt), asc(ownerVisits.householdLabel));
}

/** Every visit not cancelled of a community (the repeat window reads them); the rooms' months only. */
export async function pastVisits(ex: Executor, companyId: string, communityId: string, roomIds?: string[]) {
  return ex
    .select({ roomId: ownerVisits.roomId, month: ownerVisits.month })
    .from(ownerVisits)
    .where(
      and(
        eq(ownerVisits.companyId, companyId),
        eq(ownerVisits.communityId, communityId),
        ne(ownerVisits.status, 'cancelled'),
        roomIds ? inArray(ownerVisits.roomId, roomIds) : undefined,
      ),
    );
}

export async function getVisit(ex: Executor, id: string, lock = false): Promise<OwnerVisitRow | null> {
  const q = ex.select().from(ownerVisits).where(eq(ownerVisits.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}
