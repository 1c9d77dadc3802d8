import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { paymentBody } from '../../contract/arrears.js';
import { applyPayment } from '../../domain/arrears/chase.js';
import { notFound } from '../../domain/shared/errors.js';
import { arrears, arrearsPayments } from '../../db/schema/index.js';
import { communityScope, type Deps, type Principal, requirePermission } from '../context.js';

/** 财务收费: finance records a payment on one arrears line; a part payment reduces what is owed, the rest settles it. */
export async function recordPayment(
  deps: Deps,
  p: Principal,
  arrearsId: string,
  body: z.infer<typeof paymentBody>,
): Promise<{ roomId: string }> {
  requirePermission(p, 'arrears.import');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const [line] = await tx.select().from(arrears).where(eq(arrears.id, arrearsId)).for('update');
    const scope = await communityScope(tx, p);
    if (!line || line.companyId !== p.companyId || (scope && !scope.includes(line.communityId))) {
      throw notFound({ zh: '欠费记录', en: 'Arrears line' });
    }
    const paid = applyPayment(line, body.amountCents);
    await tx.insert(arrearsPayments).values({
      id: randomUUID(),
      companyId: p.companyId,
      communityId: line.communityId,
      arrearsId,
      amountCents: body.amountCents,
      note: body.note ?? '',
      recordedById: p.id,
      recordedByName: p.name,
      at: now,
    });
    await tx
      .update(arrears)
      .set({
        amountPaidCents: paid.amountPaidCents,
        status: paid.isPaid ? 'paid' : 'owed',
        paidAt: paid.isPaid ? now : null,
        updatedAt: now,
      })
      .where(eq(arrears.id, arrearsId));
    return { roomId: line.roomId };
  });
}
