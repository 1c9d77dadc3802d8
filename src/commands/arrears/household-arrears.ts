import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { arrears } from '../../db/schema/index.js';

export interface HouseholdArrears {
  /** What the household still owes, in cents (0 when nothing). */
  owedCents: number;
  lines: { id: string; feeType: string; period: string; outstandingCents: number }[];
}

/**
 * What a household (room) owes now, line by line. The goods-pass desk asks this before issuing a
 * pass (核查费用缴纳情况).
 */
export async function householdArrears(ex: Executor, roomId: string | null): Promise<HouseholdArrears> {
  if (!roomId) return { owedCents: 0, lines: [] };
  const rows = await ex
    .select({
      id: arrears.id,
      feeType: arrears.feeType,
      period: arrears.period,
      owed: arrears.amountOwedCents,
      paid: arrears.amountPaidCents,
    })
    .from(arrears)
    .where(and(eq(arrears.roomId, roomId), eq(arrears.status, 'owed')))
    .orderBy(asc(arrears.period), asc(arrears.feeType));
  const lines = rows.map((r) => ({ id: r.id, feeType: r.feeType, period: r.period, outstandingCents: Math.max(0, r.owed - r.paid) }));
  return { owedCents: lines.reduce((s, l) => s + l.outstandingCents, 0), lines };
}
