/**
 * The dashboards' queries (domain.md §9). Every function takes the same arguments and checks the
 * `dashboard.view` permission and the community scope itself (another community → 403, a
 * community of another company → 404):
 *
 *   dashboardOf(deps, principal, period)          → every figure at once (DashboardView)
 *   dashboardPanelOf(deps, principal, panel, period) → one chart's data (for the Excel export)
 *   dailyCounts(deps, principal, period)          → repair orders and complaints per local day
 *   repairsByCategory(deps, principal, period)    → repair orders by category
 *   repairsByBuilding(deps, principal, period)    → repair orders by building
 *   technicianWorkload(deps, principal, period)   → each technician: open now, completed, ratings
 *   stepDurations(deps, principal, period)        → average minutes to dispatch, accept, arrive, complete
 *   timerPunctuality(deps, principal, period)     → on-time rate of each timer kind
 *   serviceRates(deps, principal, period)         → visit, satisfaction, complaint and reopen rates
 *   communityComparison(deps, principal, period)  → the same rates for each community in scope
 *
 * `period` is `{ communityId?, from, to }`: instants, `to` excluded. The figures are about the
 * tickets reported in the period (a cohort): an order reported on the 30th and finished on the 2nd
 * counts in the month it was reported. Timers and visits count by when they fell due.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { DashboardPanel, DashboardView } from '../../contract/dashboard.js';
import { localDateOf } from '../../domain/calendar/work-calendar.js';
import { effectivePolicy, type Policy, type PolicyOverride } from '../../domain/policy/policy.js';
import { invalid } from '../../domain/shared/errors.js';
import {
  addSatisfaction,
  averageMinutes,
  complaintRate,
  dailySeries,
  onTimeRate,
  reopenRate,
  type SatisfactionCounts,
  satisfactionRate,
  visitRate,
} from '../../domain/stats/dashboard.js';
import { type Executor, rawRows } from '../../db/client.js';
import { latestOverride } from '../../db/repositories/policy.js';
import { communityScope, type Deps, loadPolicies, loadPolicy, type Principal, requirePermission } from '../context.js';

/** Which tickets a dashboard covers: a community (or every one in scope) and a period [from, to). */
export interface DashboardPeriod {
  communityId?: string;
  from: Date;
  to: Date;
}

/** The period and scope resolved once for a person: what every query below filters by. */
interface Scope {
  companyId: string;
  /** null: every community of the company. */
  communityIds: string[] | null;
  from: Date;
  to: Date;
  now: Date;
  policy: Policy;
}

/** The longest period a dashboard reads (a year and a bit), so one request cannot scan everything. */
const maxPeriodDays = 400;
/** Repair states in which the order still sits with its technician. */
const heldStatuses = ['closed', 'cancelled', 'completed', 'confirmed', 'returned'];

async function resolveScope(deps: Deps, p: Principal, period: DashboardPeriod): Promise<Scope> {
  requirePermission(p, 'dashboard.view');
  const ex = deps.database.db;
  const days = (period.to.getTime() - period.from.getTime()) / 86_400_000;
  if (!(days > 0) || days > maxPeriodDays) {
    const message = { zh: `统计期间须在 1 至 ${maxPeriodDays} 天之间`, en: `The period must be 1 to ${maxPeriodDays} days long` };
    throw invalid('invalid_period', message, [{ field: 'to', message }]);
  }
  const communityIds = await communityScope(ex, p, period.communityId);
  const policy = await scopePolicy(ex, p.companyId, communityIds);
  return { companyId: p.companyId, communityIds, from: period.from, to: period.to, now: deps.clock.now(), policy };
}

/** One community's policy, or the company's own (defaults ⊕ the company override) for several. */
async function scopePolicy(ex: Executor, companyId: string, communityIds: string[] | null): Promise<Policy> {
  if (communityIds?.length === 1) return loadPolicy(ex, companyId, communityIds[0]!);
  const company = await latestOverride(ex, companyId, null);
  return effectivePolicy(company?.override as PolicyOverride | undefined, undefined);
}

/** `<column> in (…the communities of the scope…)`, or true for every community of the company. */
function communityIn(s: Scope, column: string): SQL {
  if (!s.communityIds) return sql`true`;
  if (s.communityIds.length === 0) return sql`false`;
  const ids = sql.join(
    s.communityIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return sql`${sql.raw(column)} in (${ids})`;
}

/** `<alias>.company_id = … and <alias>.community_id in (…)`: the scope of a table alias. */
const inScope = (s: Scope, alias: string): SQL =>
  sql`${sql.raw(alias)}.company_id = ${s.companyId}::uuid and ${communityIn(s, `${alias}.community_id`)}`;

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const reportedIn = (s: Scope, alias: string) =>
  sql`${sql.raw(alias)}.created_at >= ${at(s.from)} and ${sql.raw(alias)}.created_at < ${at(s.to)}`;
const num = (v: unknown) => Number(v ?? 0);
const localPeriod = (s: Scope) => ({
  from: localDateOf(s.from, s.policy.timezone),
  to: localDateOf(new Date(s.to.getTime() - 1), s.policy.timezone),
});

// ── the queries, each over a resolved scope ──

async function dailyOf(ex: Executor, s: Scope) {
  const rows = await rawRows<{ date: string; kind: string; n: number }>(
    ex,
    sql`select to_char(t.created_at at time zone ${s.policy.timezone}, 'YYYY-MM-DD') as date, t.kind, count(*)::int as n
        from tickets t
        where ${inScope(s, 't')} and t.kind in ('repair', 'complaint') and ${reportedIn(s, 't')} and t.status <> 'cancelled'
        group by 1, 2`,
  );
  const byDate = new Map<string, { date: string; orders: number; complaints: number }>();
  for (const r of rows) {
    const day = byDate.get(r.date) ?? { date: r.date, orders: 0, complaints: 0 };
    if (r.kind === 'repair') day.orders += num(r.n);
    else day.complaints += num(r.n);
    byDate.set(r.date, day);
  }
  return dailySeries(localPeriod(s), [...byDate.values()]);
}

async function categoriesOf(ex: Executor, s: Scope) {
  const rows = await rawRows<{ key: string; n: number }>(
    ex,
    sql`select r.category as key, count(*)::int as n
        from tickets t join repair_orders r on r.ticket_id = t.id
        where ${inScope(s, 't')} and t.kind = 'repair' and ${reportedIn(s, 't')} and t.status <> 'cancelled'
        group by r.category order by n desc, key`,
  );
  return rows.map((r) => ({ key: r.key, name: r.key, count: num(r.n) }));
}

async function buildingsOf(ex: Executor, s: Scope) {
  const rows = await rawRows<{ key: string | null; name: string | null; n: number }>(
    ex,
    sql`select t.building_id as key, min(b.name) as name, count(*)::int as n
        from tickets t left join buildings b on b.id = t.building_id
        where ${inScope(s, 't')} and t.kind = 'repair' and ${reportedIn(s, 't')} and t.status <> 'cancelled'
        group by t.building_id order by n desc, name`,
  );
  // Orders of the public areas have no building: one row keyed '' (the UI names it).
  return rows.map((r) => ({ key: r.key ?? '', name: r.name ?? '', count: num(r.n) }));
}

async function techniciansOf(ex: Executor, s: Scope) {
  const period = await rawRows<{
    id: string;
    name: string | null;
    completed: number;
    complete_ms: number | null;
    satisfied: number;
    basically: number;
    unsatisfied: number;
  }>(
    ex,
    sql`with o as (
          select t.id, t.assignee_id, t.created_at, r.completed_at
          from tickets t join repair_orders r on r.ticket_id = t.id
          where ${inScope(s, 't')} and t.kind = 'repair' and ${reportedIn(s, 't')} and t.assignee_id is not null
        ), rating as (
          select distinct on (tr.ticket_id) tr.ticket_id, tr.outcome
          from ticket_ratings tr join o on o.id = tr.ticket_id
          order by tr.ticket_id, tr.created_at desc
        )
        select o.assignee_id as id, min(u.name) as name,
          count(o.completed_at)::int as completed,
          sum(extract(epoch from (o.completed_at - o.created_at)) * 1000)::float8 as complete_ms,
          count(*) filter (where rating.outcome = 'satisfied')::int as satisfied,
          count(*) filter (where rating.outcome = 'basically_satisfied')::int as basically,
          count(*) filter (where rating.outcome = 'unsatisfied')::int as unsatisfied
        from o left join rating on rating.ticket_id = o.id left join users u on u.id = o.assignee_id
        group by o.assignee_id`,
  );
  const held = sql.join(
    heldStatuses.map((st) => sql`${st}`),
    sql`, `,
  );
  const open = await rawRows<{ id: string; name: string | null; n: number }>(
    ex,
    sql`select t.assignee_id as id, min(u.name) as name, count(*)::int as n
        from tickets t left join users u on u.id = t.assignee_id
        where ${inScope(s, 't')} and t.kind = 'repair' and t.status not in (${held}) and t.assignee_id is not null
        group by t.assignee_id`,
  );
  const people = await rawRows<{ id: string; name: string }>(
    ex,
    sql`select u.id, u.name from users u where ${inScope(s, 'u')} and u.role = 'technician' and u.is_active`,
  );
  const rows = new Map<string, ReturnType<typeof emptyTechnician>>();
  const row = (id: string, name: string | null) => {
    const r = rows.get(id) ?? emptyTechnician(id, name ?? '');
    rows.set(id, r);
    return r;
  };
  for (const u of people) row(u.id, u.name);
  for (const o of open) row(o.id, o.name).open = num(o.n);
  for (const t of period) {
    const r = row(t.id, t.name);
    r.completed = num(t.completed);
    r.averageCompleteMinutes = averageMinutes(num(t.complete_ms), num(t.completed));
    r.ratings = { satisfied: num(t.satisfied), basicallySatisfied: num(t.basically), unsatisfied: num(t.unsatisfied) };
    r.satisfactionRate = satisfactionRate(r.ratings);
  }
  return [...rows.values()].sort((a, b) => b.open + b.completed - (a.open + a.completed) || a.name.localeCompare(b.name));
}

function emptyTechnician(technicianId: string, name: string) {
  return {
    technicianId,
    name,
    open: 0,
    completed: 0,
    averageCompleteMinutes: null as number | null,
    ratings: { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 },
    satisfactionRate: null as number | null,
  };
}

async function durationsOf(ex: Executor, s: Scope) {
  // Dispatch: the first time the order got a technician, by grabbing it or being assigned.
  const [r] = await rawRows<Record<string, number | null>>(
    ex,
    sql`select
          count(d.at)::int as dispatch_n, sum(extract(epoch from (d.at - t.created_at)) * 1000)::float8 as dispatch_ms,
          count(r.accepted_at)::int as accept_n, sum(extract(epoch from (r.accepted_at - t.created_at)) * 1000)::float8 as accept_ms,
          count(r.arrived_at)::int as arrive_n, sum(extract(epoch from (r.arrived_at - t.created_at)) * 1000)::float8 as arrive_ms,
          count(r.completed_at)::int as complete_n, sum(extract(epoch from (r.completed_at - t.created_at)) * 1000)::float8 as complete_ms
        from tickets t
        join repair_orders r on r.ticket_id = t.id
        left join lateral (
          select min(e.at) as at from ticket_events e
          where e.ticket_id = t.id and e.type in ('OrderGrabbed', 'OrderAssigned')
        ) d on true
        where ${inScope(s, 't')} and t.kind = 'repair' and ${reportedIn(s, 't')}`,
  );
  const steps = ['dispatch', 'accept', 'arrive', 'complete'] as const;
  return steps.map((step) => ({
    step,
    count: num(r?.[`${step}_n`]),
    averageMinutes: averageMinutes(num(r?.[`${step}_ms`]), num(r?.[`${step}_n`])),
  }));
}

async function timersOf(ex: Executor, s: Scope) {
  // A timer that fired (or is due and not yet claimed) was missed; one the awaited step cancelled,
  // or that found the step already taken when it fired ('moot'), was met. Escalation repeats
  // (level > 0) are the same deadline again and do not count twice.
  const until = new Date(Math.min(s.now.getTime(), s.to.getTime()));
  const rows = await rawRows<{ kind: string; on_time: number; late: number }>(
    ex,
    sql`select m.kind,
          count(*) filter (where m.status in ('cancelled', 'moot'))::int as on_time,
          count(*) filter (where m.status in ('fired', 'pending'))::int as late
        from timers m
        where ${inScope(s, 'm')} and m.due_at >= ${at(s.from)} and m.due_at < ${at(until)} and m.level = 0
        group by m.kind order by m.kind`,
  );
  return rows.map((r) => ({
    // A visit task's timers are named 'visit.<kind>'; the chart names them as the others.
    kind: r.kind.replace(/^visit\./, ''),
    onTime: num(r.on_time),
    late: num(r.late),
    onTimeRate: onTimeRate(num(r.on_time), num(r.late)),
  }));
}

interface CommunityFigures {
  communityId: string;
  name: string;
  orders: number;
  complaints: number;
  households: number;
  visitsDue: number;
  visitsDone: number;
  satisfaction: SatisfactionCounts;
  reopened: number;
  completed: number;
  completeMs: number;
}

/** The counts behind the rates, per community of the scope (every one, even without tickets). */
async function figuresByCommunity(ex: Executor, s: Scope): Promise<CommunityFigures[]> {
  const communities = await rawRows<{ id: string; name: string; households: number }>(
    ex,
    sql`select c.id, c.name, (select count(*)::int from rooms h where h.company_id = c.company_id and h.community_id = c.id) as households
        from communities c
        where c.company_id = ${s.companyId}::uuid and ${communityIn(s, 'c.id')}
        order by c.code`,
  );
  const tickets = await rawRows<{
    community_id: string;
    orders: number;
    complaints: number;
    reopened: number;
    completed: number;
    complete_ms: number | null;
  }>(
    ex,
    sql`select t.community_id,
          count(*) filter (where t.kind = 'repair')::int as orders,
          count(*) filter (where t.kind = 'complaint')::int as complaints,
          count(*) filter (where r.reopen_count > 0)::int as reopened,
          count(r.completed_at)::int as completed,
          sum(extract(epoch from (r.completed_at - t.created_at)) * 1000)::float8 as complete_ms
        from tickets t left join repair_orders r on r.ticket_id = t.id and t.kind = 'repair'
        where ${inScope(s, 't')} and t.kind in ('repair', 'complaint') and ${reportedIn(s, 't')} and t.status <> 'cancelled'
        group by t.community_id`,
  );
  // The 100% follow-up visit (the desk's duty) of every ticket falling due in the period.
  const visits = await rawRows<{
    community_id: string;
    due: number;
    done: number;
    satisfied: number;
    basically: number;
    unsatisfied: number;
  }>(
    ex,
    sql`select v.community_id,
          count(*)::int as due,
          count(v.visited_at)::int as done,
          count(*) filter (where v.outcome = 'satisfied')::int as satisfied,
          count(*) filter (where v.outcome = 'basically_satisfied')::int as basically,
          count(*) filter (where v.outcome = 'unsatisfied')::int as unsatisfied
        from visits v
        where ${inScope(s, 'v')} and v.due_at >= ${at(s.from)} and v.due_at < ${at(s.to)} and v.duty = 'desk' and v.status <> 'cancelled'
        group by v.community_id`,
  );
  const ticketsBy = new Map(tickets.map((t) => [t.community_id, t]));
  const visitsBy = new Map(visits.map((v) => [v.community_id, v]));
  return communities.map((c) => {
    const t = ticketsBy.get(c.id);
    const v = visitsBy.get(c.id);
    return {
      communityId: c.id,
      name: c.name,
      orders: num(t?.orders),
      complaints: num(t?.complaints),
      households: num(c.households),
      visitsDue: num(v?.due),
      visitsDone: num(v?.done),
      satisfaction: { satisfied: num(v?.satisfied), basicallySatisfied: num(v?.basically), unsatisfied: num(v?.unsatisfied) },
      reopened: num(t?.reopened),
      completed: num(t?.completed),
      completeMs: num(t?.complete_ms),
    };
  });
}

function ratesOf(f: Omit<CommunityFigures, 'communityId' | 'name'>, target: number) {
  return {
    orders: f.orders,
    complaints: f.complaints,
    households: f.households,
    visitsDue: f.visitsDue,
    visitsDone: f.visitsDone,
    visitRate: visitRate(f.visitsDone, f.visitsDue),
    satisfactionRate: satisfactionRate(f.satisfaction),
    complaintRate: complaintRate(f.complaints, f.households),
    complaintRateTarget: target,
    reopened: f.reopened,
    reopenRate: reopenRate(f.reopened, f.orders),
  };
}

function totalOf(rows: CommunityFigures[]): Omit<CommunityFigures, 'communityId' | 'name'> {
  const zero = {
    orders: 0,
    complaints: 0,
    households: 0,
    visitsDue: 0,
    visitsDone: 0,
    satisfaction: { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 },
    reopened: 0,
    completed: 0,
    completeMs: 0,
  };
  return rows.reduce(
    (sum, r) => ({
      orders: sum.orders + r.orders,
      complaints: sum.complaints + r.complaints,
      households: sum.households + r.households,
      visitsDue: sum.visitsDue + r.visitsDue,
      visitsDone: sum.visitsDone + r.visitsDone,
      satisfaction: addSatisfaction(sum.satisfaction, r.satisfaction),
      reopened: sum.reopened + r.reopened,
      completed: sum.completed + r.completed,
      completeMs: sum.completeMs + r.completeMs,
    }),
    zero,
  );
}

async function comparisonOf(ex: Executor, s: Scope, figures: CommunityFigures[]) {
  const rows = [];
  const policyOf = await loadPolicies(ex, s.companyId);
  for (const f of figures) {
    // Each community is measured against its own target (a community may override the policy).
    const target = policyOf(f.communityId).complaint.targetComplaintRatePercent;
    rows.push({
      communityId: f.communityId,
      name: f.name,
      ...ratesOf(f, target),
      averageCompleteMinutes: averageMinutes(f.completeMs, f.completed),
    });
  }
  return rows;
}

// ── the public functions ──

/** Every figure of the dashboard for a community (or every community in scope) and a period. */
export async function dashboardOf(deps: Deps, p: Principal, period: DashboardPeriod): Promise<DashboardView> {
  const s = await resolveScope(deps, p, period);
  const ex = deps.database.db;
  const figures = await figuresByCommunity(ex, s);
  const total = totalOf(figures);
  const local = localPeriod(s);
  return {
    communityId: period.communityId ?? null,
    from: local.from,
    to: local.to,
    timezone: s.policy.timezone,
    daily: await dailyOf(ex, s),
    categories: await categoriesOf(ex, s),
    buildings: await buildingsOf(ex, s),
    technicians: await techniciansOf(ex, s),
    durations: await durationsOf(ex, s),
    timers: await timersOf(ex, s),
    rates: ratesOf(total, s.policy.complaint.targetComplaintRatePercent),
    satisfaction: total.satisfaction,
    communities: await comparisonOf(ex, s, figures),
  };
}

/** One chart's data, as the dashboard shows it. */
export async function dashboardPanelOf<P extends DashboardPanel>(
  deps: Deps,
  p: Principal,
  panel: P,
  period: DashboardPeriod,
): Promise<DashboardView[P]> {
  const s = await resolveScope(deps, p, period);
  return (await panelOf(deps.database.db, s, panel)) as DashboardView[P];
}

async function panelOf(ex: Executor, s: Scope, panel: DashboardPanel) {
  switch (panel) {
    case 'daily':
      return dailyOf(ex, s);
    case 'categories':
      return categoriesOf(ex, s);
    case 'buildings':
      return buildingsOf(ex, s);
    case 'technicians':
      return techniciansOf(ex, s);
    case 'durations':
      return durationsOf(ex, s);
    case 'timers':
      return timersOf(ex, s);
    case 'rates':
      return ratesOf(totalOf(await figuresByCommunity(ex, s)), s.policy.complaint.targetComplaintRatePercent);
    case 'satisfaction':
      return totalOf(await figuresByCommunity(ex, s)).satisfaction;
    case 'communities':
      return comparisonOf(ex, s, await figuresByCommunity(ex, s));
  }
}

/** Repair orders and complaints reported on each local day of the period. */
export const dailyCounts = (deps: Deps, p: Principal, period: DashboardPeriod) => dashboardPanelOf(deps, p, 'daily', period);
/** Repair orders of the period by category, most first. */
export const repairsByCategory = (deps: Deps, p: Principal, period: DashboardPeriod) => dashboardPanelOf(deps, p, 'categories', period);
/** Repair orders of the period by building, most first. */
export const repairsByBuilding = (deps: Deps, p: Principal, period: DashboardPeriod) => dashboardPanelOf(deps, p, 'buildings', period);
/** Each technician: orders held open now, orders of the period completed, residents' ratings. */
export const technicianWorkload = (deps: Deps, p: Principal, period: DashboardPeriod) => dashboardPanelOf(deps, p, 'technicians', period);
/** Average minutes from report to dispatch, acceptance, arrival and completion. */
export const stepDurations = (deps: Deps, p: Principal, period: DashboardPeriod) => dashboardPanelOf(deps, p, 'durations', period);
/** On-time rate of each timer kind that fell due in the period. */
export const timerPunctuality = (deps: Deps, p: Principal, period: DashboardPeriod) => dashboardPanelOf(deps, p, 'timers', period);
/** Visit, satisfaction, complaint (per household) and reopen rates of the period. */
export const serviceRates = (deps: Deps, p: Principal, period: DashboardPeriod) => dashboardPanelOf(deps, p, 'rates', period);
/** The rates of each community in scope, side by side. */
export const communityComparison = (deps: Deps, p: Principal, period: DashboardPeriod) => dashboardPanelOf(deps, p, 'communities', period);
