import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ArrearsListQuery } from '../../contract/arrears.js';
import { localDay } from '../../domain/goods-passes/daily-review.js';
import { arrears } from '../../db/schema/index.js';
import { type Deps, loadPolicy, type Principal } from '../context.js';
import { queryArrears } from './query-arrears.js';
import { arrearsWorkbook } from './spreadsheet.js';

/** The arrears list as an .xlsx, with the same filters as on screen: the households and their open lines. */
export async function exportArrears(deps: Deps, p: Principal, q: Omit<ArrearsListQuery, 'limit' | 'offset'>): Promise<Buffer> {
  const { items } = await queryArrears(deps, p, q);
  const ex = deps.database.db;
  const byRoom = new Map(items.map((h) => [h.roomId, h]));
  const lines = items.length
    ? await ex
        .select()
        .from(arrears)
        .where(
          and(
            eq(arrears.companyId, p.companyId),
            eq(arrears.status, 'owed'),
            inArray(
              arrears.roomId,
              items.map((h) => h.roomId),
            ),
          ),
        )
        .orderBy(asc(arrears.roomId), asc(arrears.period))
    : [];
  // Dates are written in the (first) community's time zone; an empty list has none to write.
  const first = items[0];
  const tz = first ? (await loadPolicy(ex, p.companyId, first.communityId)).timezone : 'UTC';
  return arrearsWorkbook(
    items,
    lines.map((l) => {
      const h = byRoom.get(l.roomId)!;
      return {
        location: { building: h.buildingName, unit: h.unit, number: h.number },
        ownerName: l.ownerName,
        feeType: l.feeType,
        period: l.period,
        outstandingCents: l.amountOwedCents - l.amountPaidCents,
      };
    }),
    (iso) => (iso ? localDay(new Date(iso), tz) : ''),
  );
}
