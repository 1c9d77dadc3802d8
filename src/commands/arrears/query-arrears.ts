import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { ArrearsHousehold, ArrearsHouseholdDetail, ArrearsListQuery } from '../../contract/arrears.js';
import { can } from '../../domain/access/permissions.js';
import { householdStatus, isChaseDue, nextChaseDueAt } from '../../domain/arrears/chase.js';
import type { ArrearsPolicy } from '../../domain/arrears/policy.js';
import { notFound } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { roomLabel } from '../../db/repositories/org.js';
import { arrears, arrearsChases, arrearsHouseholds, arrearsPayments, buildings, rooms, users } from '../../db/schema/index.js';
import { communityScope, type Deps, loadPolicy, type Principal, requirePermission } from '../context.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Clerks see only the households assigned to them (催费实行跟踪制); everyone else with the permission sees all. */
const isOwnOnly = (p: Principal) => p.role === 'clerk';

async function policiesOf(ex: Executor, companyId: string, communityIds: string[]): Promise<Map<string, ArrearsPolicy>> {
  const out = new Map<string, ArrearsPolicy>();
  for (const id of new Set(communityIds)) out.set(id, (await loadPolicy(ex, companyId, id)).arrears);
  return out;
}

/** Households with arrears, one row each, with what they owe and who chases them. */
async function householdRows(ex: Executor, p: Principal, where: (SQL | undefined)[]) {
  return ex
    .select({
      roomId: rooms.id,
      communityId: rooms.communityId,
      buildingId: rooms.buildingId,
      buildingName: buildings.name,
      unit: rooms.unit,
      number: rooms.number,
      ownerName: sql<string>`max(${arrears.ownerName})`,
      owedCents: sql<number>`sum(${arrears.amountOwedCents})::bigint`,
      paidCents: sql<number>`sum(${arrears.amountPaidCents})::bigint`,
      lineCount: sql<number>`count(*)::int`,
      clerkId: arrearsHouseholds.clerkId,
      clerkName: users.name,
      assignedAt: arrearsHouseholds.assignedAt,
      assignedByName: arrearsHouseholds.assignedByName,
      lastChasedAt: arrearsHouseholds.lastChasedAt,
    })
    .from(arrears)
    .innerJoin(rooms, eq(rooms.id, arrears.roomId))
    .innerJoin(buildings, eq(buildings.id, rooms.buildingId))
    .leftJoin(arrearsHouseholds, eq(arrearsHouseholds.roomId, arrears.roomId))
    .leftJoin(users, eq(users.id, arrearsHouseholds.clerkId))
    .where(and(eq(arrears.companyId, p.companyId), ...where))
    .groupBy(
      rooms.id,
      rooms.communityId,
      rooms.buildingId,
      buildings.name,
      buildings.sortOrder,
      rooms.unit,
      rooms.number,
      arrearsHouseholds.clerkId,
      users.name,
      arrearsHouseholds.assignedAt,
      arrearsHouseholds.assignedByName,
      arrearsHouseholds.lastChasedAt,
    )
    .orderBy(asc(buildings.sortOrder), asc(rooms.unit), asc(rooms.number));
}

type HouseholdRow = Awaited<ReturnType<typeof householdRows>>[number];

function present(r: HouseholdRow, policy: ArrearsPolicy, now: Date): ArrearsHousehold & { assignedByName: string | null } {
  const owed = Number(r.owedCents);
  const paid = Number(r.paidCents);
  const outstanding = Math.max(0, owed - paid);
  const due = r.clerkId ? nextChaseDueAt(r.assignedAt, r.lastChasedAt, policy) : null;
  return {
    roomId: r.roomId,
    communityId: r.communityId,
    buildingId: r.buildingId,
    buildingName: r.buildingName,
    unit: r.unit,
    number: r.number,
    location: roomLabel(r.buildingName, r.unit, r.number),
    ownerName: r.ownerName ?? '',
    owedCents: owed,
    paidCents: paid,
    outstandingCents: outstanding,
    lineCount: r.lineCount,
    status: householdStatus(outstanding, r.clerkId),
    clerkId: r.clerkId,
    clerkName: r.clerkName,
    assignedAt: iso(r.assignedAt),
    lastChasedAt: iso(r.lastChasedAt),
    nextChaseDueAt: outstanding > 0 ? iso(due) : null,
    isChaseDue: isChaseDue(outstanding, due, now),
    assignedByName: r.assignedByName,
  };
}

function escapeLike(q: string): string {
  return `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

/**
 * The arrears list: households, filtered by building, clerk, state and amount, with totals. The
 * state and the chase reminder depend on each community's policy, so they are settled after the
 * sums (a community has at most a few thousand households).
 */
export async function queryArrears(
  deps: Deps,
  p: Principal,
  q: Omit<ArrearsListQuery, 'limit' | 'offset'> & { limit?: number; offset?: number },
) {
  requirePermission(p, 'arrears.view');
  const ex = deps.database.db;
  const communityIds = await communityScope(ex, p, q.communityId);
  const rows = await householdRows(ex, p, [
    communityIds ? inArray(arrears.communityId, communityIds) : undefined,
    q.buildingId ? eq(rooms.buildingId, q.buildingId) : undefined,
    isOwnOnly(p) ? eq(arrearsHouseholds.clerkId, p.id) : q.clerkId ? eq(arrearsHouseholds.clerkId, q.clerkId) : undefined,
    q.q ? sql`(${arrears.ownerName} ilike ${escapeLike(q.q)} or ${rooms.number} ilike ${escapeLike(q.q)})` : undefined,
  ]);
  const policies = await policiesOf(
    ex,
    p.companyId,
    rows.map((r) => r.communityId),
  );
  const now = deps.clock.now();
  const all = rows
    .map((r) => present(r, policies.get(r.communityId)!, now))
    .filter((h) => {
      if (q.minAmountCents !== undefined && h.outstandingCents < q.minAmountCents) return false;
      if (q.status === 'owing') return h.outstandingCents > 0;
      if (q.status === 'chase_due') return h.isChaseDue;
      return h.status === q.status;
    });
  const offset = q.offset ?? 0;
  const items = q.limit === undefined ? all : all.slice(offset, offset + q.limit);
  return {
    items: items.map(({ assignedByName: _, ...h }) => h),
    total: all.length,
    totals: {
      households: all.length,
      outstandingCents: all.reduce((s, h) => s + h.outstandingCents, 0),
      chaseDue: all.filter((h) => h.isChaseDue).length,
    },
  };
}

/** One household's arrears: the lines with their payments, the chases, and what the person may do. */
export async function getArrearsHousehold(deps: Deps, p: Principal, roomId: string): Promise<ArrearsHouseholdDetail> {
  requirePermission(p, 'arrears.view');
  const ex = deps.database.db;
  const missing = notFound({ zh: '欠费户', en: 'Household arrears' });
  const scope = await communityScope(ex, p);
  const [row] = await householdRows(ex, p, [eq(arrears.roomId, roomId)]);
  if (!row || (scope && !scope.includes(row.communityId))) throw missing;
  if (isOwnOnly(p) && row.clerkId !== p.id) throw missing;
  const policy = (await loadPolicy(ex, p.companyId, row.communityId)).arrears;
  const h = present(row, policy, deps.clock.now());
  const lines = await ex.select().from(arrears).where(eq(arrears.roomId, roomId)).orderBy(desc(arrears.period), asc(arrears.feeType));
  const payments = lines.length
    ? await ex
        .select()
        .from(arrearsPayments)
        .where(
          inArray(
            arrearsPayments.arrearsId,
            lines.map((l) => l.id),
          ),
        )
        .orderBy(asc(arrearsPayments.at))
    : [];
  const chases = await ex.select().from(arrearsChases).where(eq(arrearsChases.roomId, roomId)).orderBy(desc(arrearsChases.at));
  return {
    ...h,
    lines: lines.map((l) => ({
      id: l.id,
      feeType: l.feeType,
      period: l.period,
      amountOwedCents: l.amountOwedCents,
      amountPaidCents: l.amountPaidCents,
      status: l.status as 'owed' | 'paid',
      source: l.source,
      payments: payments
        .filter((x) => x.arrearsId === l.id)
        .map((x) => ({ amountCents: x.amountCents, note: x.note, recordedByName: x.recordedByName, at: x.at.toISOString() })),
    })),
    chases: chases.map((c) => ({
      id: c.id,
      method: c.method as ArrearsHouseholdDetail['chases'][number]['method'],
      result: c.result as ArrearsHouseholdDetail['chases'][number]['result'],
      promisedDate: c.promisedDate,
      note: c.note,
      chasedByName: c.chasedByName,
      at: c.at.toISOString(),
    })),
    canChase: can(p.role, 'arrears.chase') && h.outstandingCents > 0 && (p.role === 'cs_supervisor' || h.clerkId === p.id),
    canAssign: can(p.role, 'arrears.assign'),
    canPay: can(p.role, 'arrears.import') && h.outstandingCents > 0,
  };
}

/** The clerks of a community households can be assigned to, with how many each holds now. */
export async function arrearsClerks(deps: Deps, p: Principal, communityId: string | undefined) {
  requirePermission(p, 'arrears.assign');
  const ex = deps.database.db;
  const scope = await communityScope(ex, p, communityId);
  const community = communityId ?? scope?.[0];
  if (!community) return [];
  const people = await ex
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      and(
        eq(users.companyId, p.companyId),
        eq(users.communityId, community),
        eq(users.isActive, true),
        inArray(users.role, ['clerk', 'cs_supervisor']),
      ),
    )
    .orderBy(asc(users.name));
  const held = await ex
    .select({ clerkId: arrearsHouseholds.clerkId, n: sql<number>`count(*)::int` })
    .from(arrearsHouseholds)
    .where(and(eq(arrearsHouseholds.companyId, p.companyId), eq(arrearsHouseholds.communityId, community)))
    .groupBy(arrearsHouseholds.clerkId);
  return people.map((u) => ({ ...u, households: Number(held.find((h) => h.clerkId === u.id)?.n ?? 0) }));
}
