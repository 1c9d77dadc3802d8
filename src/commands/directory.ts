import { listBuildings, listCommunities, listTechnicians, searchRooms } from '../db/repositories/org.js';
import { forbidden } from '../domain/shared/errors.js';
import { isCompanyLevel } from '../domain/access/roles.js';
import { communityScope, type Deps, type Principal, requirePermission, singleCommunity } from './context.js';

export async function communitiesOf(deps: Deps, p: Principal) {
  if (p.role === 'resident') {
    const all = await listCommunities(deps.database.db, p.companyId, null);
    return all.filter((c) => c.id === p.communityId);
  }
  return listCommunities(deps.database.db, p.companyId, isCompanyLevel(p.role) ? null : p.communityId);
}

export async function buildingsOf(deps: Deps, p: Principal, communityId: string) {
  requirePermission(p, 'directory.rooms');
  const ex = deps.database.db;
  return listBuildings(ex, p.companyId, await singleCommunity(ex, p, communityId));
}

export async function findRooms(
  deps: Deps,
  p: Principal,
  f: {
    communityId: string;
    q?: string | undefined;
    buildingId?: string | undefined;
    unit?: string | undefined;
    number?: string | undefined;
  },
) {
  requirePermission(p, 'directory.rooms');
  const ex = deps.database.db;
  const scope = await communityScope(ex, p, f.communityId);
  if (scope && !scope.includes(f.communityId)) throw forbidden();
  return searchRooms(ex, { companyId: p.companyId, ...f });
}

export async function techniciansOf(deps: Deps, p: Principal, communityId: string) {
  requirePermission(p, 'directory.technicians');
  const ex = deps.database.db;
  const list = await listTechnicians(ex, p.companyId, await singleCommunity(ex, p, communityId));
  // Residents may name a technician, but see neither phones nor workload.
  return p.role === 'resident' ? list.map((t) => ({ ...t, phone: '', openLoad: 0 })) : list;
}
