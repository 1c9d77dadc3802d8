import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ImportResult } from '../../contract/arrears.js';
import {
  duplicateRows,
  isBlankRow,
  type ParsedArrearsRow,
  parseArrearsRow,
  type RoomAddress,
  type RowError,
  unknownRoom,
} from '../../domain/arrears/import-row.js';
import type { Executor } from '../../db/client.js';
import { arrears, buildings, rooms } from '../../db/schema/index.js';
import { type Deps, type Principal, requirePermission, writableCommunity } from '../context.js';
import { readArrearsWorkbook } from './spreadsheet.js';

type RoomRef = { id: string; buildingId: string };

/** The community's rooms by address; a building may be named with or without its 栋/座. */
async function roomIndex(ex: Executor, companyId: string, communityId: string): Promise<(a: RoomAddress) => RoomRef | null> {
  const list = await ex
    .select({ id: rooms.id, buildingId: rooms.buildingId, building: buildings.name, unit: rooms.unit, number: rooms.number })
    .from(rooms)
    .innerJoin(buildings, eq(buildings.id, rooms.buildingId))
    .where(and(eq(rooms.companyId, companyId), eq(rooms.communityId, communityId)));
  const byKey = new Map<string, RoomRef>();
  for (const r of list) {
    const ref = { id: r.id, buildingId: r.buildingId };
    byKey.set(`${r.building}|${r.unit}|${r.number}`, ref);
    const bare = r.building.replace(/[栋座幢号楼]$/, '');
    if (bare !== r.building && !byKey.has(`${bare}|${r.unit}|${r.number}`)) byKey.set(`${bare}|${r.unit}|${r.number}`, ref);
  }
  return (a) => byKey.get(`${a.building}|${a.unit}|${a.number}`) ?? null;
}

type Ready = ParsedArrearsRow & { room: RoomRef };

/**
 * Writes arrears lines: a new room, fee and period is added, a known one takes the new amount
 * (what was paid stays paid). Returns how many were new and how many updated.
 */
export async function upsertArrears(
  tx: Executor,
  p: Principal,
  communityId: string,
  rows: Ready[],
  source: 'import' | 'manual',
  now: Date,
): Promise<{ imported: number; updated: number }> {
  if (rows.length === 0) return { imported: 0, updated: 0 };
  const existing = await tx
    .select({ roomId: arrears.roomId, feeType: arrears.feeType, period: arrears.period })
    .from(arrears)
    .where(
      and(
        eq(arrears.companyId, p.companyId),
        inArray(
          arrears.roomId,
          rows.map((r) => r.room.id),
        ),
      ),
    );
  const known = new Set(existing.map((e) => `${e.roomId}|${e.feeType}|${e.period}`));
  let updated = 0;
  for (const r of rows) if (known.has(`${r.room.id}|${r.feeType}|${r.period}`)) updated++;
  // Chunks keep each statement's parameter count well below PostgreSQL's limit.
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insert(arrears)
      .values(
        rows.slice(i, i + 500).map((r) => ({
          id: randomUUID(),
          companyId: p.companyId,
          communityId,
          roomId: r.room.id,
          buildingId: r.room.buildingId,
          ownerName: r.ownerName,
          feeType: r.feeType,
          period: r.period,
          amountOwedCents: r.amountCents,
          amountPaidCents: 0,
          status: 'owed',
          source,
          createdById: p.id,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [arrears.companyId, arrears.roomId, arrears.feeType, arrears.period],
        set: {
          amountOwedCents: sql`excluded.amount_owed_cents`,
          ownerName: sql`case when excluded.owner_name = '' then ${arrears.ownerName} else excluded.owner_name end`,
          status: sql`case when ${arrears.amountPaidCents} >= excluded.amount_owed_cents then 'paid' else 'owed' end`,
          paidAt: sql`case when ${arrears.amountPaidCents} >= excluded.amount_owed_cents then coalesce(${arrears.paidAt}, excluded.updated_at) else null end`,
          source: sql`excluded.source`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
  return { imported: rows.length - updated, updated };
}

/**
 * 财务整理欠费明细表: imports finance's list. Valid rows are written together in one transaction;
 * every invalid row is reported with its row number and reason (unknown room, bad amount,
 * duplicate…) and nothing of it is written.
 */
export async function importArrears(deps: Deps, p: Principal, communityId: string, bytes: Uint8Array): Promise<ImportResult> {
  requirePermission(p, 'arrears.import');
  const sheetRows = await readArrearsWorkbook(bytes);
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const community = await writableCommunity(tx, p, communityId);
    const find = await roomIndex(tx, p.companyId, community.id);
    const errors: RowError[] = [];
    const ready: Ready[] = [];
    for (const { row, raw } of sheetRows) {
      if (isBlankRow(raw)) continue;
      const parsed = parseArrearsRow(raw, row);
      if ('errors' in parsed) {
        errors.push(...parsed.errors);
        continue;
      }
      const room = find(parsed.ok.address);
      if (!room) errors.push(unknownRoom(row, parsed.ok.address));
      else ready.push({ ...parsed.ok, room });
    }
    const { unique, errors: dupes } = duplicateRows(ready, (r) => r.room.id);
    errors.push(...dupes);
    const written = await upsertArrears(tx, p, community.id, unique, 'import', now);
    return { ...written, errors: errors.sort((a, b) => a.row - b.row) };
  });
}
