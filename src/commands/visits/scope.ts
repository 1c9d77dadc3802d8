import { can } from '../../domain/access/permissions.js';
import { isCompanyLevel } from '../../domain/access/roles.js';
import { forbidden, notFound } from '../../domain/shared/errors.js';
import { visitActionsFor, visitOverseers, visitRules } from '../../domain/visit/machine.js';
import type { VisitStatus } from '../../domain/visit/machine.js';
import type { VisitRow } from '../../db/repositories/visits.js';
import type { Principal } from '../context.js';

/**
 * Whether this person may see a visit task: the visit desk of its community (company-level roles
 * every community), and whoever the task is assigned to (a repairer on sampling duty).
 */
export function canSeeVisit(p: Principal, row: Pick<VisitRow, 'companyId' | 'communityId' | 'visitorId'>): boolean {
  if (p.role === 'resident' || row.companyId !== p.companyId) return false;
  if (row.visitorId === p.id) return true;
  if (!can(p.role, 'visit.view')) return false;
  return isCompanyLevel(p.role) || row.communityId === p.communityId;
}

/**
 * Refuses a role that has no visit desk at all (403), and hides a task outside the person's scope
 * (404): a technician sees only the samples assigned to them.
 */
export function assertCanSeeVisit(p: Principal, row: Pick<VisitRow, 'companyId' | 'communityId' | 'visitorId'> | null): asserts row {
  if (row && canSeeVisit(p, row)) return;
  if (!can(p.role, 'visit.view') && p.role !== 'technician') throw forbidden();
  throw notFound({ zh: '回访任务', en: 'Visit task' });
}

/** The actions this person may take on the task now (as the rules will judge them). */
export function allowedVisitActions(p: Principal, row: Pick<VisitRow, 'status' | 'visitorId' | 'rectificationDueAt'>) {
  const isOverseer = (visitOverseers as readonly string[]).includes(p.role);
  const isTheirs = row.visitorId === null ? p.role !== 'technician' : row.visitorId === p.id;
  return visitActionsFor(row.status as VisitStatus, p.role)
    .filter((a) => a !== 'rework_done')
    .filter((a) => visitRules[a].by === 'anyone' || isOverseer || isTheirs)
    .filter((a) => a !== 'issue_rectification_notice' || row.rectificationDueAt !== null) as (
    | 'assign'
    | 'book'
    | 'record'
    | 'issue_rectification_notice'
    | 'cancel'
  )[];
}
