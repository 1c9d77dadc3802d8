import type { z } from 'zod';
import type { repairListQuery } from '../contract/repair.js';
import { actionsFor, type RepairAction, type RepairStatus } from '../domain/repair/machine.js';
import { repairRules } from '../domain/repair/machine.js';
import { forbidden, notFound } from '../domain/shared/errors.js';
import { listTechnicians } from '../db/repositories/org.js';
import {
  countByStatus,
  getRepairOrderRow,
  type ListFilter,
  listEvents,
  listPhotosOf,
  listRepairOrders,
  listTimersOf,
  listVisitsOf,
  type RepairListRow,
} from '../db/repositories/repair-orders.js';
import { canSeeTicket, communityScope, type Deps, isOwner, type Principal, requirePermission } from './context.js';

type ListQuery = z.infer<typeof repairListQuery>;
const closedStatuses = ['closed', 'cancelled'];

/** Orders the person may see, narrowed by the list's view. */
export async function queryRepairOrders(deps: Deps, p: Principal, q: ListQuery) {
  requirePermission(p, 'repair.view');
  const ex = deps.database.db;
  const communityIds = await communityScope(ex, p, q.communityId);
  const f: ListFilter = { companyId: p.companyId, communityIds, limit: q.limit, offset: q.offset, q: q.q };
  if (q.status) f.statuses = Array.isArray(q.status) ? q.status : [q.status];
  if (p.role === 'resident') {
    f.residentRoomIds = p.roomIds;
    f.residentId = p.id;
  }
  if (p.role === 'technician') f.poolOrAssignee = p.id;
  switch (q.view) {
    case 'active':
      f.excludeStatuses = closedStatuses;
      break;
    case 'open_pool':
      f.statuses = ['open'];
      break;
    case 'mine':
      f.excludeStatuses = closedStatuses;
      if (p.role === 'technician') f.assigneeId = p.id;
      else if (p.role !== 'resident') f.createdById = p.id; // 首问责任制: the first contact owns it
      break;
    case 'overdue':
      f.excludeStatuses = closedStatuses;
      f.hasFlags = true;
      break;
    case 'unassigned':
      f.statuses = ['open'];
      break;
    case 'awaiting_visit':
      f.statuses = ['confirmed'];
      break;
    case 'all':
      break;
  }
  return listRepairOrders(ex, f);
}

/** What this person may do next on this order. */
export function allowedActions(p: Principal, row: RepairListRow): RepairAction[] {
  const status = row.ticket.status as RepairStatus;
  return actionsFor(status, p.role).filter((a) => {
    const rule = repairRules[a];
    if (rule.assigneeOnly && row.ticket.assigneeId !== p.id) return false;
    if (rule.ownerOnly && p.role === 'resident' && !isOwner(p, row.ticket)) return false;
    if (
      a === 'verify_code' &&
      row.repair.codeAttempts >= (row.ticket.policy as { repair: { codeMaxAttempts: number } }).repair.codeMaxAttempts
    )
      return false;
    if (a === 'record_payment' && row.repair.feeStatus !== 'owed') return false;
    return true;
  });
}

export async function getRepairOrder(deps: Deps, p: Principal, id: string) {
  requirePermission(p, 'repair.view');
  const ex = deps.database.db;
  const row = await getRepairOrderRow(ex, id);
  if (!row || !canSeeTicket(p, row.ticket)) throw notFound({ zh: '工单', en: 'Order' });
  const [events, timers, photos, visits] = await Promise.all([
    listEvents(ex, id),
    listTimersOf(ex, id),
    listPhotosOf(ex, id),
    listVisitsOf(ex, id),
  ]);
  return { row, events, timers, photos, visits, allowedActions: allowedActions(p, row) };
}

export async function frontDeskBoard(deps: Deps, p: Principal, communityId?: string) {
  requirePermission(p, 'board.front_desk');
  const ex = deps.database.db;
  const communityIds = await communityScope(ex, p, communityId);
  const { items } = await listRepairOrders(ex, {
    companyId: p.companyId,
    communityIds,
    excludeStatuses: closedStatuses,
    limit: 500,
    offset: 0,
  });
  const counts = await countByStatus(ex, p.companyId, communityIds);
  return {
    items,
    counts,
    overdue: items.filter((i) => i.ticket.flags.length > 0).length,
    emergencies: items.filter((i) => i.ticket.urgency === 'urgent').length,
  };
}

export async function dispatchBoard(deps: Deps, p: Principal, communityId?: string) {
  requirePermission(p, 'board.dispatch');
  const ex = deps.database.db;
  const scope = await communityScope(ex, p, communityId);
  if (scope === null || scope.length !== 1) {
    throw forbidden('community_required', { zh: '请先选择小区', en: 'Choose a community first' });
  }
  const community = scope[0]!;
  const { items } = await listRepairOrders(ex, {
    companyId: p.companyId,
    communityIds: [community],
    excludeStatuses: closedStatuses,
    limit: 500,
    offset: 0,
  });
  const technicians = await listTechnicians(ex, p.companyId, community);
  const working = ['dispatched', 'accepted', 'on_the_way', 'arrived', 'in_progress', 'on_hold', 'awaiting_quote', 'awaiting_approval'];
  return {
    unassigned: items.filter((i) => i.ticket.status === 'open'),
    overdue: items.filter((i) => i.ticket.flags.length > 0),
    awaitingQuote: items.filter((i) => i.ticket.status === 'awaiting_quote'),
    technicians: technicians.map((t) => ({
      ...t,
      orders: items.filter((i) => i.ticket.assigneeId === t.id && working.includes(i.ticket.status)),
    })),
  };
}
