import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { addMinutes } from '../../domain/shared/clock.js';
import { conflict, DomainError } from '../../domain/shared/errors.js';
import { systemActor } from '../../domain/access/roles.js';
import { zoneOffsetMinutes } from '../../domain/shared/time-of-day.js';
import { type ClosedRepairOrder, drawSamples, type SamplingStaff, samplingFulfilment } from '../../domain/visit/sampling.js';
import type { Executor } from '../../db/client.js';
import {
  closedRepairOrdersBetween,
  insertVisitTask,
  lockCommunity,
  namesOf,
  samplingTasksOf,
  staffOf,
  type VisitRow,
} from '../../db/repositories/visits.js';
import { communities, tickets } from '../../db/schema/index.js';
import type { SamplingView } from '../../contract/visit.js';
import { type Deps, deliverNotices, loadPolicy, type Principal, requirePermission, singleCommunity } from '../context.js';
import { recordEvent, scheduleFor } from '../tickets/history.js';
import { visitTimerName } from '../tickets/visit-tasks.js';

/** The office's share is visited by the community's clerks and CS supervisor [004]. */
const officeRoles = ['clerk', 'cs_supervisor'];

/** A month 'YYYY-MM' in the community's time zone, as [start, end) instants. */
function monthBounds(period: string, timezone: string): { from: Date; to: Date } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const at = (year: number, month: number) => {
    const utc = new Date(Date.UTC(year, month - 1, 1));
    return new Date(utc.getTime() - zoneOffsetMinutes(utc, timezone) * 60_000);
  };
  return { from: at(y, m), to: m === 12 ? at(y + 1, 1) : at(y, m + 1) };
}

/** Last month in the community's time zone. */
function lastMonth(now: Date, timezone: string): string {
  const local = new Date(now.getTime() + zoneOffsetMinutes(now, timezone) * 60_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth(); // 0-based: this is last month's 1-based number
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
}

async function loadPool(ex: Executor, companyId: string, communityId: string, period: string, timezone: string) {
  const { from, to } = monthBounds(period, timezone);
  const orders = await closedRepairOrdersBetween(ex, companyId, communityId, from, to);
  const office = await staffOf(ex, companyId, communityId, officeRoles);
  const [head] = await staffOf(ex, companyId, communityId, ['eng_supervisor']);
  return { orders, office, head };
}

function fulfilmentOf(
  communityId: string,
  period: string,
  orders: ClosedRepairOrder[],
  staff: SamplingStaff,
  tasks: VisitRow[],
  names: Map<string, string>,
  policy: Awaited<ReturnType<typeof loadPolicy>>,
  created: number,
): SamplingView {
  const plan = drawSamples(orders, staff, policy.visit, `${communityId}|${period}`);
  const visited = tasks
    .filter((t) => t.visitedAt !== null && t.duty !== 'desk')
    .map((t) => ({
      orderId: t.ticketId,
      visitorId: t.visitedById ?? t.visitorId ?? '',
      duty: t.duty as 'office' | 'engineering_head' | 'repairer',
    }));
  const officeIds = [...new Set([...staff.officeVisitorIds, ...tasks.filter((t) => t.duty === 'office').map((t) => t.visitorId ?? '')])];
  const rows = samplingFulfilment(plan, orders, { ...staff, officeVisitorIds: officeIds }, visited);
  return {
    communityId,
    period,
    poolSize: orders.length,
    isDrawn: tasks.length > 0,
    created,
    duties: rows.map((r) => ({
      duty: r.duty,
      visitorId: r.visitorId,
      visitorName: r.visitorId ? (names.get(r.visitorId) ?? null) : null,
      poolSize: r.poolSize,
      required: r.required,
      drawn: tasks.filter((t) => t.duty === r.duty && (r.duty === 'office' || t.visitorId === r.visitorId)).length,
      done: r.done,
      isFulfilled: r.isFulfilled,
    })),
  };
}

/**
 * Draws last period's sampling duties for a community (维修回访工作制度 [004]) and opens a visit
 * task for each sample, assigned to its visitor. Drawing a period again changes nothing.
 */
export async function drawSamplingDuties(deps: Deps, p: Principal, communityId: string, requested?: string): Promise<SamplingView> {
  requirePermission(p, 'visit.sample');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    await singleCommunity(tx, p, communityId);
    return drawInTx(tx, p, communityId, requested, now);
  });
}

/**
 * Draws last month's sampling duties of every community that has none yet (the scheduler runs this
 * every hour, so the duties appear on the 1st without anyone pressing a button). A community
 * without an engineering head is skipped until it has one.
 */
export async function drawDueSampling(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  let created = 0;
  for (const c of await deps.database.db.select({ id: communities.id, companyId: communities.companyId }).from(communities)) {
    const system = { ...systemActor(c.companyId, c.id), role: 'system' as const };
    try {
      const view = await deps.database.db.transaction((tx) => drawInTx(tx, system, c.id, undefined, now));
      created += view.created;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'no_engineering_head') continue;
      throw error;
    }
  }
  return created;
}

type Drawer = Pick<Principal, 'kind' | 'id' | 'name' | 'companyId'> & { role: Principal['role'] | 'system' };

async function drawInTx(tx: Executor, p: Drawer, communityId: string, requested: string | undefined, now: Date): Promise<SamplingView> {
  {
    await lockCommunity(tx, communityId);
    const policy = await loadPolicy(tx, p.companyId, communityId);
    const period = requested ?? lastMonth(now, policy.timezone);
    const { orders, office, head } = await loadPool(tx, p.companyId, communityId, period, policy.timezone);
    if (!head)
      throw conflict('no_engineering_head', { zh: '本小区没有工程主管，无法抽样', en: 'This community has no engineering supervisor' });
    const staff: SamplingStaff = { officeVisitorIds: office.map((u) => u.id), engineeringHeadId: head.id };
    const existing = await samplingTasksOf(tx, p.companyId, communityId, period);
    const names = await namesOf(tx, [...new Set([...orders.map((o) => o.technicianId ?? ''), head.id].filter(Boolean))]);
    if (existing.length > 0) return fulfilmentOf(communityId, period, orders, staff, existing, names, policy, 0);

    const plan = drawSamples(orders, staff, policy.visit, `${communityId}|${period}`);
    const byId = new Map(orders.map((o) => [o.id, o]));
    // Sampling visits are due by the end of the month after the period, and never in the past.
    const monthAfter = monthBounds(nextPeriod(period), policy.timezone).to;
    const dueAt = monthAfter.getTime() > now.getTime() ? monthAfter : addMinutes(now, 24 * 60);
    const created: VisitRow[] = [];
    for (const draw of plan.draws) {
      const order = byId.get(draw.orderId);
      const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, draw.orderId));
      if (!order || !ticket) continue;
      const id = randomUUID();
      const row = {
        id,
        companyId: p.companyId,
        communityId,
        ticketId: draw.orderId,
        ticketKind: 'repair',
        category: order.category,
        status: 'pending',
        dueAt,
        duty: draw.duty,
        visitorId: draw.visitorId,
        technicianId: order.technicianId,
        samplingPeriod: period,
        createdAt: now,
      };
      await insertVisitTask(tx, row);
      await scheduleFor(tx, ticket, [{ kind: visitTimerName('visit_due'), level: 0, dueAt, visitId: id }], now);
      await recordEvent(
        tx,
        ticket,
        p,
        ticket.status,
        ticket.status,
        {
          type: 'SamplingVisitDrawn',
          data: { visitId: id, duty: draw.duty, visitorId: draw.visitorId, period, dueAt: dueAt.toISOString() },
        },
        now,
      );
      await deliverNotices(
        tx,
        ticket,
        [{ roles: [], userIds: [draw.visitorId], title: { zh: '您有一项抽样回访任务', en: 'A sampling visit is yours' } }],
        'SamplingVisitDrawn',
        now,
      );
      created.push({ ...row, ...emptyVisitFields } as VisitRow);
    }
    return fulfilmentOf(communityId, period, orders, staff, created, names, policy, created.length);
  }
}

const emptyVisitFields = { visitedAt: null, visitedById: null };

function nextPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** How far each sampling duty of a period is done: required vs drawn vs visited, by duty and person. */
export async function samplingStatus(deps: Deps, p: Principal, communityId: string, requested?: string): Promise<SamplingView> {
  requirePermission(p, 'visit.view');
  const ex = deps.database.db;
  await singleCommunity(ex, p, communityId);
  const policy = await loadPolicy(ex, p.companyId, communityId);
  const period = requested ?? lastMonth(deps.clock.now(), policy.timezone);
  const { orders, office, head } = await loadPool(ex, p.companyId, communityId, period, policy.timezone);
  const tasks = await samplingTasksOf(ex, p.companyId, communityId, period);
  const staff: SamplingStaff = { officeVisitorIds: office.map((u) => u.id), engineeringHeadId: head?.id ?? '' };
  const names = await namesOf(ex, [...new Set([...orders.map((o) => o.technicianId ?? ''), head?.id ?? ''].filter(Boolean))]);
  return fulfilmentOf(communityId, period, orders, staff, tasks, names, policy, 0);
}
