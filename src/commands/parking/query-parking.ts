import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createSpaceBody, parkingListQuery, spaceListQuery, updateSpaceBody } from '../../contract/parking.js';
import { type ParkingStatus, parkingActionsFor } from '../../domain/parking/machine.js';
import { addDays, localDateOf } from '../../domain/parking/validity.js';
import { conflict, forbidden, notFound } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { roomLabel } from '../../db/repositories/org.js';
import { listEvents, listTimersOf, type TicketRow } from '../../db/repositories/repair-orders.js';
import { buildings, communities, parkingApplications, parkingPayments, parkingSpaces, rooms, tickets } from '../../db/schema/index.js';
import { listAttachments } from '../attachments.js';
import { communityScope, type Deps, loadPolicy, type Principal, requirePermission, writableCommunity } from '../context.js';
import { canSeeParking, type ParkingRow, spaceInScope } from '../tickets/parking-kind.js';

export interface ParkingListRow {
  ticket: TicketRow;
  application: ParkingRow;
  communityName: string;
  roomLabel: string;
  spaces: Map<string, { number: string; zone: string }>;
}

const escapeLike = (q: string) => `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/** The register details of spaces by id. */
async function spacesById(ex: Executor, ids: (string | null)[]): Promise<Map<string, { number: string; zone: string }>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (wanted.length === 0) return new Map();
  const rows = await ex
    .select({ id: parkingSpaces.id, number: parkingSpaces.number, zone: parkingSpaces.zone })
    .from(parkingSpaces)
    .where(inArray(parkingSpaces.id, wanted));
  return new Map(rows.map((r) => [r.id, { number: r.number, zone: r.zone }]));
}

const baseSelect = (ex: Executor) =>
  ex
    .select({
      ticket: tickets,
      application: parkingApplications,
      communityName: communities.name,
      buildingName: buildings.name,
      unit: rooms.unit,
      roomNumber: rooms.number,
    })
    .from(tickets)
    .innerJoin(parkingApplications, eq(parkingApplications.ticketId, tickets.id))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .innerJoin(rooms, eq(rooms.id, parkingApplications.roomId))
    .innerJoin(buildings, eq(buildings.id, rooms.buildingId));

/** Parking applications and cards the person may see: residents their households' only. */
export async function queryParking(
  deps: Deps,
  p: Principal,
  q: z.infer<typeof parkingListQuery>,
): Promise<{ items: ParkingListRow[]; total: number }> {
  requirePermission(p, 'parking.view');
  if (p.role === 'department_staff' && p.department !== 'security') return { items: [], total: 0 };
  const ex = deps.database.db;
  const communityIds = await communityScope(ex, p, q.communityId);
  if (p.role === 'resident' && p.roomIds.length === 0) return { items: [], total: 0 };
  const where: (SQL | undefined)[] = [
    eq(tickets.companyId, p.companyId),
    eq(tickets.kind, 'parking'),
    communityIds ? inArray(tickets.communityId, communityIds) : undefined,
    p.role === 'resident' ? inArray(parkingApplications.roomId, p.roomIds) : undefined,
    q.status ? eq(tickets.status, q.status) : undefined,
    q.view === 'open' ? inArray(tickets.status, ['submitted', 'assigned', 'signed', 'paid']) : undefined,
    q.view === 'cards' ? inArray(tickets.status, ['active', 'expired']) : undefined,
    q.q
      ? or(
          sql`${tickets.number} ilike ${escapeLike(q.q)}`,
          sql`${parkingApplications.plateNumber} ilike ${escapeLike(q.q)}`,
          sql`${parkingApplications.cardNumber} ilike ${escapeLike(q.q)}`,
          sql`${tickets.location} ilike ${escapeLike(q.q)}`,
        )
      : undefined,
  ];
  const cond = and(...where);
  const rows = await baseSelect(ex).where(cond).orderBy(desc(tickets.createdAt), desc(tickets.number)).limit(q.limit).offset(q.offset);
  const [total] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .innerJoin(parkingApplications, eq(parkingApplications.ticketId, tickets.id))
    .where(cond);
  const spaces = await spacesById(
    ex,
    rows.flatMap((r) => [r.application.spaceId, r.application.wantedSpaceId]),
  );
  return {
    items: rows.map((r) => ({ ...r, roomLabel: roomLabel(r.buildingName, r.unit, r.roomNumber), spaces })),
    total: Number(total?.n ?? 0),
  };
}

/** One application with its payments, documents, history and timers. */
export async function getParking(deps: Deps, p: Principal, id: string) {
  requirePermission(p, 'parking.view');
  const ex = deps.database.db;
  const [found] = await baseSelect(ex).where(eq(tickets.id, id));
  if (!found || found.ticket.companyId !== p.companyId || !canSeeParking(p, found.ticket))
    throw notFound({ zh: '车位申请', en: 'Parking application' });
  const [events, timers, payments, documents, spaces] = await Promise.all([
    listEvents(ex, id),
    listTimersOf(ex, id),
    ex.select().from(parkingPayments).where(eq(parkingPayments.ticketId, id)).orderBy(asc(parkingPayments.paidAt)),
    listAttachments(ex, 'parking_application', id),
    spacesById(ex, [found.application.spaceId, found.application.wantedSpaceId]),
  ]);
  const row: ParkingListRow = { ...found, roomLabel: roomLabel(found.buildingName, found.unit, found.roomNumber), spaces };
  return {
    row,
    events,
    timers,
    payments,
    documents,
    allowedActions: parkingActionsFor(found.ticket.status as ParkingStatus, p.role).filter((a) => a !== 'expire'),
  };
}

/** Who may keep the spaces register: the desk (客服员, 客服主管). */
const registerKeepers = ['clerk', 'cs_supervisor'];

/** The spaces of a community with who holds each and their card (车位台账). */
export async function listSpaces(deps: Deps, p: Principal, q: z.infer<typeof spaceListQuery>) {
  requirePermission(p, 'parking.view');
  if (p.role === 'resident') throw forbidden();
  const ex = deps.database.db;
  const communityIds = await communityScope(ex, p, q.communityId);
  const scope = communityIds ? inArray(parkingSpaces.communityId, communityIds) : undefined;
  let expiringBy: string | null = null;
  if (q.isExpiringSoon === 'true') {
    const communityId = q.communityId ?? p.communityId;
    const policy = communityId ? await loadPolicy(ex, p.companyId, communityId) : null;
    const tz = policy?.timezone ?? 'Asia/Shanghai';
    expiringBy = addDays(localDateOf(deps.clock.now(), tz), policy?.parking.expiryReminderDays ?? 15);
  }
  const rows = await ex
    .select({
      space: parkingSpaces,
      ticket: tickets,
      application: parkingApplications,
      buildingName: buildings.name,
      unit: rooms.unit,
      roomNumber: rooms.number,
    })
    .from(parkingSpaces)
    .leftJoin(tickets, eq(tickets.id, parkingSpaces.holderTicketId))
    .leftJoin(parkingApplications, eq(parkingApplications.ticketId, parkingSpaces.holderTicketId))
    .leftJoin(rooms, eq(rooms.id, parkingApplications.roomId))
    .leftJoin(buildings, eq(buildings.id, rooms.buildingId))
    .where(
      and(
        eq(parkingSpaces.companyId, p.companyId),
        scope,
        q.status ? eq(parkingSpaces.status, q.status) : undefined,
        q.zone ? eq(parkingSpaces.zone, q.zone) : undefined,
        expiringBy ? sql`${parkingApplications.validTo} <= ${expiringBy}` : undefined,
        q.q
          ? or(
              sql`${parkingSpaces.number} ilike ${escapeLike(q.q)}`,
              sql`${parkingApplications.plateNumber} ilike ${escapeLike(q.q)}`,
              sql`${parkingApplications.cardNumber} ilike ${escapeLike(q.q)}`,
            )
          : undefined,
      ),
    )
    .orderBy(asc(parkingSpaces.zone), asc(parkingSpaces.number))
    .limit(1000);
  const zones = await ex
    .selectDistinct({ zone: parkingSpaces.zone })
    .from(parkingSpaces)
    .where(and(eq(parkingSpaces.companyId, p.companyId), scope))
    .orderBy(asc(parkingSpaces.zone));
  return { rows, zones: zones.map((z) => z.zone) };
}

/** Adds a space to the register. */
export async function createSpace(deps: Deps, p: Principal, body: z.infer<typeof createSpaceBody>): Promise<string> {
  if (!registerKeepers.includes(p.role)) throw forbidden();
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const community = await writableCommunity(tx, p, body.communityId);
    const [taken] = await tx
      .select({ id: parkingSpaces.id })
      .from(parkingSpaces)
      .where(
        and(eq(parkingSpaces.companyId, p.companyId), eq(parkingSpaces.communityId, community.id), eq(parkingSpaces.number, body.number)),
      );
    if (taken) {
      throw conflict('space_number_taken', { zh: `车位号${body.number}已存在`, en: `Space ${body.number} already exists` });
    }
    const id = randomUUID();
    await tx.insert(parkingSpaces).values({
      id,
      companyId: p.companyId,
      communityId: community.id,
      number: body.number,
      zone: body.zone,
      kind: body.kind,
      status: 'free',
      note: body.note ?? '',
      createdAt: now,
      updatedAt: now,
    });
    return id;
  });
}

/** Changes a space's register details; its status only while no application holds it. */
export async function updateSpace(deps: Deps, p: Principal, id: string, body: z.infer<typeof updateSpaceBody>): Promise<void> {
  requirePermission(p, 'parking.view');
  if (!registerKeepers.includes(p.role)) throw forbidden();
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const space = await spaceInScope(tx, p, id);
    await tx.select({ id: parkingSpaces.id }).from(parkingSpaces).where(eq(parkingSpaces.id, id)).for('update');
    if (body.status && space.holderTicketId) {
      throw conflict('space_held', {
        zh: '该车位正被申请占用，请通过申请办理',
        en: 'An application holds this space: change it through the application',
      });
    }
    await tx
      .update(parkingSpaces)
      .set({
        ...(body.zone !== undefined ? { zone: body.zone } : {}),
        ...(body.kind !== undefined ? { kind: body.kind } : {}),
        ...(body.status !== undefined ? { status: body.status } : {}),
        ...(body.note !== undefined ? { note: body.note } : {}),
        updatedAt: now,
      })
      .where(eq(parkingSpaces.id, id));
  });
}

/** One space for the caller, with its holder. */
export async function getSpace(deps: Deps, p: Principal, id: string) {
  const space = await spaceInScope(deps.database.db, p, id);
  const { rows } = await listSpaces(deps, p, { communityId: space.communityId });
  const found = rows.find((r) => r.space.id === id);
  if (!found) throw notFound({ zh: '车位', en: 'Parking space' });
  return found;
}
