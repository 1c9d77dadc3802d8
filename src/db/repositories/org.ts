import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { buildings, communities, companies, residents, rooms, tickets, users } from '../schema/index.js';

export async function listCommunities(ex: Executor, companyId: string, onlyId: string | null) {
  return ex
    .select({ id: communities.id, name: communities.name, code: communities.code })
    .from(communities)
    .where(and(eq(communities.companyId, companyId), onlyId ? eq(communities.id, onlyId) : undefined))
    .orderBy(asc(communities.code));
}

export async function getCommunity(ex: Executor, id: string) {
  const [row] = await ex.select().from(communities).where(eq(communities.id, id));
  return row ?? null;
}

export async function getCompany(ex: Executor, id: string) {
  const [row] = await ex.select().from(companies).where(eq(companies.id, id));
  return row ?? null;
}

export async function listBuildings(ex: Executor, companyId: string, communityId: string) {
  return ex
    .select({ id: buildings.id, name: buildings.name, communityId: buildings.communityId })
    .from(buildings)
    .where(and(eq(buildings.companyId, companyId), eq(buildings.communityId, communityId)))
    .orderBy(asc(buildings.sortOrder), asc(buildings.name));
}

export async function getBuilding(ex: Executor, id: string) {
  const [row] = await ex.select().from(buildings).where(eq(buildings.id, id));
  return row ?? null;
}

export interface RoomFilter {
  companyId: string;
  communityId: string;
  q?: string | undefined;
  buildingId?: string | undefined;
  unit?: string | undefined;
  number?: string | undefined;
  roomIds?: string[];
}

/** Rooms with their households, found by address or by a resident's name or phone. */
export async function searchRooms(ex: Executor, f: RoomFilter) {
  const like = f.q ? `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  const roomRows = await ex
    .selectDistinct({
      id: rooms.id,
      communityId: rooms.communityId,
      buildingId: rooms.buildingId,
      buildingName: buildings.name,
      buildingSort: buildings.sortOrder,
      unit: rooms.unit,
      number: rooms.number,
    })
    .from(rooms)
    .innerJoin(buildings, eq(buildings.id, rooms.buildingId))
    .leftJoin(residents, eq(residents.roomId, rooms.id))
    .where(
      and(
        eq(rooms.companyId, f.companyId),
        eq(rooms.communityId, f.communityId),
        f.buildingId ? eq(rooms.buildingId, f.buildingId) : undefined,
        f.unit ? eq(rooms.unit, f.unit) : undefined,
        f.number ? eq(rooms.number, f.number) : undefined,
        f.roomIds ? inArray(rooms.id, f.roomIds) : undefined,
        like
          ? or(ilike(residents.name, like), ilike(residents.phone, like), ilike(rooms.number, like), ilike(buildings.name, like))
          : undefined,
      ),
    )
    .orderBy(asc(buildings.sortOrder), asc(rooms.unit), asc(rooms.number))
    .limit(50);
  if (roomRows.length === 0) return [];
  const people = await ex
    .select({ id: residents.id, roomId: residents.roomId, name: residents.name, phone: residents.phone, relation: residents.relation })
    .from(residents)
    .where(
      inArray(
        residents.roomId,
        roomRows.map((r) => r.id),
      ),
    )
    .orderBy(asc(residents.createdAt));
  return roomRows.map((r) => ({
    id: r.id,
    communityId: r.communityId,
    buildingId: r.buildingId,
    buildingName: r.buildingName,
    unit: r.unit,
    number: r.number,
    label: roomLabel(r.buildingName, r.unit, r.number),
    residents: people.filter((p) => p.roomId === r.id).map(({ roomId: _, ...p }) => p),
  }));
}

export const roomLabel = (building: string, unit: string, number: string) => `${building}${unit}单元${number}室`;

export async function getRoom(ex: Executor, id: string) {
  const [row] = await ex
    .select({
      id: rooms.id,
      companyId: rooms.companyId,
      communityId: rooms.communityId,
      buildingId: rooms.buildingId,
      buildingName: buildings.name,
      unit: rooms.unit,
      number: rooms.number,
    })
    .from(rooms)
    .innerJoin(buildings, eq(buildings.id, rooms.buildingId))
    .where(eq(rooms.id, id));
  return row ? { ...row, label: roomLabel(row.buildingName, row.unit, row.number) } : null;
}

export async function getUser(ex: Executor, id: string) {
  const [row] = await ex.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function findUserByUsername(ex: Executor, username: string) {
  const [row] = await ex.select().from(users).where(eq(users.username, username));
  return row ?? null;
}

export async function getResident(ex: Executor, id: string) {
  const [row] = await ex.select().from(residents).where(eq(residents.id, id));
  return row ?? null;
}

export async function findResidentsByPhone(ex: Executor, phone: string) {
  return ex.select().from(residents).where(eq(residents.phone, phone)).orderBy(asc(residents.createdAt));
}

/** Every room of the household(s) this resident's phone belongs to. */
export async function roomsOfPhone(ex: Executor, phone: string) {
  const rows = await ex
    .select({
      id: rooms.id,
      communityId: rooms.communityId,
      buildingName: buildings.name,
      unit: rooms.unit,
      number: rooms.number,
    })
    .from(residents)
    .innerJoin(rooms, eq(rooms.id, residents.roomId))
    .innerJoin(buildings, eq(buildings.id, rooms.buildingId))
    .where(eq(residents.phone, phone));
  return rows.map((r) => ({ id: r.id, communityId: r.communityId, label: roomLabel(r.buildingName, r.unit, r.number) }));
}

const activeStatuses = sql`${tickets.status} not in ('closed', 'cancelled', 'completed', 'confirmed', 'returned')`;

/** Technicians of a community with the number of orders they hold open now. */
export async function listTechnicians(ex: Executor, companyId: string, communityId: string) {
  const load = ex
    .select({ assigneeId: tickets.assigneeId, n: sql<number>`count(*)::int`.as('n') })
    .from(tickets)
    .where(and(eq(tickets.companyId, companyId), eq(tickets.communityId, communityId), activeStatuses))
    .groupBy(tickets.assigneeId)
    .as('load');
  const rows = await ex
    .select({
      id: users.id,
      name: users.name,
      phone: users.phone,
      skills: users.skills,
      openLoad: sql<number>`coalesce(${load.n}, 0)::int`,
    })
    .from(users)
    .leftJoin(load, eq(load.assigneeId, users.id))
    .where(and(eq(users.companyId, companyId), eq(users.communityId, communityId), eq(users.role, 'technician'), eq(users.isActive, true)))
    .orderBy(asc(users.name));
  return rows.map((r) => ({ ...r, openLoad: Number(r.openLoad) }));
}
