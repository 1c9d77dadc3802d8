import type { z } from 'zod';
import type { recordArrearsBody } from '../../contract/arrears.js';
import { parsePeriod } from '../../domain/arrears/import-row.js';
import { invalid } from '../../domain/shared/errors.js';
import { getRoom } from '../../db/repositories/org.js';
import { type Deps, type Principal, requirePermission, writableCommunity } from '../context.js';
import { upsertArrears } from './import-arrears.js';

/** Finance records one arrears line by hand (the same room, fee and period updates the amount). */
export async function recordArrears(deps: Deps, p: Principal, body: z.infer<typeof recordArrearsBody>): Promise<{ roomId: string }> {
  requirePermission(p, 'arrears.import');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const community = await writableCommunity(tx, p, body.communityId);
    const room = await getRoom(tx, body.roomId);
    if (!room || room.communityId !== community.id) {
      throw invalid('invalid_field', { zh: '房号不属于该小区', en: 'The room is not in this community' }, [
        { field: 'roomId', message: { zh: '房号不属于该小区', en: 'The room is not in this community' } },
      ]);
    }
    const period = parsePeriod(body.period);
    if (!period) {
      throw invalid('bad_period', { zh: '所属期间应为“2026-10”或“2026”', en: 'The period must read 2026-10 or 2026' }, [
        { field: 'period', message: { zh: '所属期间应为“2026-10”或“2026”', en: 'The period must read 2026-10 or 2026' } },
      ]);
    }
    await upsertArrears(
      tx,
      p,
      community.id,
      [
        {
          row: 0,
          address: { building: room.buildingName, unit: room.unit, number: room.number },
          ownerName: body.ownerName ?? '',
          feeType: body.feeType,
          period,
          amountCents: body.amountCents,
          room: { id: room.id, buildingId: room.buildingId },
        },
      ],
      'manual',
      now,
    );
    return { roomId: room.id };
  });
}
