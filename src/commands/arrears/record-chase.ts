import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { chaseBody } from '../../contract/arrears.js';
import { checkChase } from '../../domain/arrears/chase.js';
import { localDay } from '../../domain/goods-passes/daily-review.js';
import { conflict, notFound } from '../../domain/shared/errors.js';
import { arrears, arrearsChases, arrearsHouseholds } from '../../db/schema/index.js';
import { type Deps, loadPolicy, type Principal, requirePermission } from '../context.js';

/**
 * 催缴: the assigned clerk (or the CS supervisor) records one chase of a household: how, what came
 * of it, the promised date. The next reminder counts from it.
 */
export async function recordChase(deps: Deps, p: Principal, roomId: string, body: z.infer<typeof chaseBody>): Promise<void> {
  requirePermission(p, 'arrears.chase');
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const missing = notFound({ zh: '欠费户', en: 'Household arrears' });
    const [household] = await tx.select().from(arrearsHouseholds).where(eq(arrearsHouseholds.roomId, roomId)).for('update');
    const [line] = await tx
      .select({ communityId: arrears.communityId, companyId: arrears.companyId })
      .from(arrears)
      .where(eq(arrears.roomId, roomId))
      .limit(1);
    if (!line || line.companyId !== p.companyId || line.communityId !== p.communityId) throw missing;
    if (p.role === 'clerk' && household?.clerkId !== p.id) throw missing;
    const [owing] = await tx
      .select({ id: arrears.id })
      .from(arrears)
      .where(and(eq(arrears.roomId, roomId), eq(arrears.status, 'owed')))
      .limit(1);
    if (!owing) throw conflict('nothing_owed', { zh: '该户已缴清', en: 'This household owes nothing' });
    const policy = await loadPolicy(tx, p.companyId, line.communityId);
    const chase = checkChase(body, localDay(now, policy.timezone));
    await tx.insert(arrearsChases).values({
      id: randomUUID(),
      companyId: p.companyId,
      communityId: line.communityId,
      roomId,
      method: chase.method,
      result: chase.result,
      promisedDate: chase.promisedDate ?? null,
      note: chase.note ?? '',
      chasedById: p.id,
      chasedByName: p.name,
      at: now,
    });
    await tx
      .insert(arrearsHouseholds)
      .values({ roomId, companyId: p.companyId, communityId: line.communityId, clerkId: null, lastChasedAt: now })
      .onConflictDoUpdate({ target: arrearsHouseholds.roomId, set: { lastChasedAt: now } });
  });
}
