import { and, eq, inArray, sql } from 'drizzle-orm';
import { invalid } from '../../domain/shared/errors.js';
import { getUser } from '../../db/repositories/org.js';
import { arrears, arrearsHouseholds } from '../../db/schema/index.js';
import { type Deps, type Principal, requirePermission, writableCommunity } from '../context.js';

/**
 * 客服主管任务下派: the CS supervisor gives households with arrears to a clerk to chase (or takes
 * them back). The chase reminder counts from the assignment.
 */
export async function assignHouseholds(
  deps: Deps,
  p: Principal,
  body: { communityId: string; roomIds: string[]; clerkId: string | null },
): Promise<{ assigned: number }> {
  requirePermission(p, 'arrears.assign');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const community = await writableCommunity(tx, p, body.communityId);
    const clerk = body.clerkId ? await getUser(tx, body.clerkId) : null;
    if (
      body.clerkId &&
      (!clerk || clerk.communityId !== community.id || !clerk.isActive || !['clerk', 'cs_supervisor'].includes(clerk.role))
    ) {
      throw invalid('invalid_field', { zh: '请选择本小区的客服员', en: 'Choose a clerk of this community' }, [
        { field: 'clerkId', message: { zh: '请选择本小区的客服员', en: 'Choose a clerk of this community' } },
      ]);
    }
    const roomIds = [...new Set(body.roomIds)];
    const withArrears = await tx
      .selectDistinct({ roomId: arrears.roomId })
      .from(arrears)
      .where(and(eq(arrears.companyId, p.companyId), eq(arrears.communityId, community.id), inArray(arrears.roomId, roomIds)));
    if (withArrears.length !== roomIds.length) {
      throw invalid('invalid_field', { zh: '所选房号在本小区没有欠费记录', en: 'Some rooms have no arrears in this community' }, [
        { field: 'roomIds', message: { zh: '所选房号在本小区没有欠费记录', en: 'Some rooms have no arrears in this community' } },
      ]);
    }
    await tx
      .insert(arrearsHouseholds)
      .values(
        roomIds.map((roomId) => ({
          roomId,
          companyId: p.companyId,
          communityId: community.id,
          clerkId: body.clerkId,
          assignedAt: body.clerkId ? now : null,
          assignedByName: body.clerkId ? p.name : null,
        })),
      )
      .onConflictDoUpdate({
        target: arrearsHouseholds.roomId,
        set: {
          clerkId: sql`excluded.clerk_id`,
          assignedAt: sql`excluded.assigned_at`,
          assignedByName: sql`excluded.assigned_by_name`,
        },
      });
    return { assigned: roomIds.length };
  });
}
