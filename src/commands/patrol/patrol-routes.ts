import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SaveRouteBody } from '../../contract/patrol.js';
import { type Checkpoint, checkRoute, routeEditors } from '../../domain/patrol/rounds.js';
import { forbidden, invalid, notFound } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { buildings, communities, patrolRoutes } from '../../db/schema/index.js';
import { communityScope, type Deps, type Principal, requirePermission, writableCommunity } from '../context.js';

export type RouteRow = typeof patrolRoutes.$inferSelect & { communityName: string };

/** The checkpoints as entered, with building names looked up (and checked to be of the community). */
async function checkpointsOf(ex: Executor, communityId: string, input: SaveRouteBody['checkpoints']): Promise<Checkpoint[]> {
  const ids = [...new Set(input.map((c) => c.buildingId).filter((b): b is string => !!b))];
  const found = ids.length
    ? await ex
        .select({ id: buildings.id, name: buildings.name, communityId: buildings.communityId })
        .from(buildings)
        .where(inArray(buildings.id, ids))
    : [];
  return input.map((c, i) => {
    const b = c.buildingId ? found.find((f) => f.id === c.buildingId) : null;
    if (c.buildingId && (!b || b.communityId !== communityId)) {
      const message = { zh: '楼栋不属于该小区', en: 'The building is not in this community' };
      throw invalid('invalid_field', message, [{ field: `checkpoints.${i}.buildingId`, message }]);
    }
    return {
      id: c.id ?? randomUUID(),
      buildingId: c.buildingId,
      buildingName: b?.name ?? '',
      floorFrom: c.floorFrom,
      floorTo: c.floorTo,
      facility: c.facility,
    };
  });
}

/** The patrol routes of the communities the person sees. */
export async function listPatrolRoutes(deps: Deps, p: Principal, communityId: string | undefined): Promise<RouteRow[]> {
  requirePermission(p, 'patrol.view');
  const ex = deps.database.db;
  const scope = await communityScope(ex, p, communityId);
  const rows = await ex
    .select({ route: patrolRoutes, communityName: communities.name })
    .from(patrolRoutes)
    .innerJoin(communities, eq(communities.id, patrolRoutes.communityId))
    .where(and(eq(patrolRoutes.companyId, p.companyId), scope ? inArray(patrolRoutes.communityId, scope) : undefined))
    .orderBy(asc(patrolRoutes.name));
  return rows.map((r) => ({ ...r.route, communityName: r.communityName }));
}

/** Creates a route (CS supervisor or director). */
export async function createPatrolRoute(deps: Deps, p: Principal, body: SaveRouteBody): Promise<string> {
  requirePermission(p, 'patrol.manage_routes');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const community = await writableCommunity(tx, p, body.communityId);
    const checkpoints = await checkpointsOf(tx, community.id, body.checkpoints);
    checkRoute({ name: body.name, checkpoints }, p.role);
    const id = randomUUID();
    await tx.insert(patrolRoutes).values({
      id,
      companyId: p.companyId,
      communityId: community.id,
      name: body.name,
      checkpoints,
      isActive: body.isActive,
      createdAt: now,
      updatedAt: now,
    });
    return id;
  });
}

/** Edits a route: rounds already walked keep the checkpoints they were walked with. */
export async function updatePatrolRoute(deps: Deps, p: Principal, id: string, body: SaveRouteBody): Promise<void> {
  requirePermission(p, 'patrol.manage_routes');
  if (!routeEditors.includes(p.role)) throw forbidden();
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const [route] = await tx.select().from(patrolRoutes).where(eq(patrolRoutes.id, id)).for('update');
    if (!route || route.companyId !== p.companyId || route.communityId !== p.communityId) throw notFound({ zh: '巡楼路线', en: 'Route' });
    if (body.communityId !== route.communityId) {
      const message = { zh: '路线不能换小区', en: 'A route cannot move to another community' };
      throw invalid('invalid_field', message, [{ field: 'communityId', message }]);
    }
    const checkpoints = await checkpointsOf(tx, route.communityId, body.checkpoints);
    checkRoute({ name: body.name, checkpoints }, p.role);
    await tx
      .update(patrolRoutes)
      .set({ name: body.name, checkpoints, isActive: body.isActive, updatedAt: now })
      .where(eq(patrolRoutes.id, id));
  });
}
