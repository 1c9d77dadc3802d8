import { forbidden, notFound } from '../../domain/shared/errors.js';
import { visitors } from '../../domain/visit/machine.js';
import { eventsOfVisit, getVisitTask, listVisitTasks, staffOf, type VisitView } from '../../db/repositories/visits.js';
import type { VisitListQuery } from '../../contract/visit.js';
import { communityScope, type Deps, type Principal, requirePermission } from '../context.js';
import { allowedVisitActions, assertCanSeeVisit } from './scope.js';

/** The visit work list: by status tab, ticket kind, visitor, duty; `mine` for the visitor's own. */
export async function queryVisits(deps: Deps, p: Principal, q: VisitListQuery) {
  requirePermission(p, 'visit.view');
  const ex = deps.database.db;
  const view: VisitView = q.status === 'done' ? 'closed' : q.status;
  return listVisitTasks(ex, {
    companyId: p.companyId,
    communityIds: await communityScope(ex, p, q.communityId),
    view,
    ticketKind: q.ticketKind,
    visitorId: q.mine ? p.id : q.visitorId,
    duty: q.duty,
    samplingPeriod: q.samplingPeriod,
    now: deps.clock.now(),
    limit: 300,
  });
}

/** The tasks assigned to me, open ones: any visitor, a repairer on sampling duty included. */
export async function myVisits(deps: Deps, p: Principal) {
  const ex = deps.database.db;
  if (p.role === 'resident') throw forbidden();
  return listVisitTasks(ex, {
    companyId: p.companyId,
    communityIds: null,
    view: 'open',
    visitorId: p.id,
    now: deps.clock.now(),
    limit: 300,
  });
}

/** One task with its ticket's summary, its steps and what the user may do next. */
export async function getVisit(deps: Deps, p: Principal, id: string) {
  const ex = deps.database.db;
  const row = await getVisitTask(ex, id);
  const visit = row?.visit ?? null;
  assertCanSeeVisit(p, visit);
  if (!row) throw notFound({ zh: '回访任务', en: 'Visit task' });
  const events = await eventsOfVisit(ex, row.visit.ticketId, id);
  const allowedActions = allowedVisitActions(p, row.visit);
  const visitorOptions = allowedActions.includes('assign')
    ? await staffOf(ex, row.visit.companyId, row.visit.communityId, [...visitors])
    : [];
  return { ...row, events, allowedActions, visitorOptions };
}
