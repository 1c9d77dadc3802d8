import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  BookVisitBody,
  followUpIssueBody,
  MonthView,
  OwnerVisitView,
  RecordUnbookedBody,
  RecordVisitBody,
} from '../../contract/owner-visits.js';
import { can } from '../../domain/access/permissions.js';
import { checkAppointment, checkRecord } from '../../domain/owner-visits/booking.js';
import { type MonthVisit, fulfilmentOf } from '../../domain/owner-visits/fulfilment.js';
import { nextStatus, type VisitAction } from '../../domain/owner-visits/machine.js';
import { addMonths, localDate, monthOf } from '../../domain/owner-visits/month.js';
import type { OwnerVisitPolicy } from '../../domain/owner-visits/policy.js';
import { isWithinRepeatWindow } from '../../domain/owner-visits/proposals.js';
import { monthlyQuota } from '../../domain/owner-visits/quota.js';
import type { SignatureOutcome, VisitIssue, VisitMethod, VisitStatus } from '../../domain/owner-visits/visit.js';
import { invalid, notFound } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { getRoom } from '../../db/repositories/org.js';
import { ownerVisitPlans, ownerVisits, residents } from '../../db/schema/index.js';
import { createComplaintInTx } from '../complaints/create-complaint.js';
import { communityScope, type Deps, loadPolicy, type Principal, requirePermission, writableCommunity } from '../context.js';
import { createRepairOrder } from '../create-repair-order.js';
import { communityName, ensurePlan, monthOrCurrent, presentPlan, readableCommunity } from './plans.js';
import { countOccupied, findPlan, getVisit, type OwnerVisitRow, pastVisits, visitsOfMonth } from './store.js';

const visitNotFound = () => notFound({ zh: '业户访问', en: 'Owner visit' });
const roomField = (zh: string, en: string) => invalid('invalid_household', { zh, en }, [{ field: 'roomId', message: { zh, en } }]);

/** Whether this reader may read a confidential record's notes: those allowed, and whoever visited or wrote it. */
const mayReadNotes = (p: Principal, v: OwnerVisitRow) =>
  !v.isConfidential || can(p.role, 'ownerVisit.read_confidential') || v.recordedById === p.id || v.visitorId === p.id;

function actionsFor(p: Principal, v: OwnerVisitRow): OwnerVisitView['actions'] {
  if (p.communityId !== v.communityId) return [];
  const out: OwnerVisitView['actions'] = [];
  if (v.status === 'booked' && can(p.role, 'ownerVisit.book')) out.push('reschedule', 'cancel');
  if (v.status === 'booked' && can(p.role, 'ownerVisit.record')) out.push('record');
  if (v.status === 'done' && can(p.role, 'ownerVisit.record') && v.issues.some((i) => i.followUp === 'none')) out.push('follow_up');
  return out;
}

/** A visit as this reader may see it. */
export function presentVisit(p: Principal, v: OwnerVisitRow): OwnerVisitView {
  const readable = mayReadNotes(p, v);
  return {
    id: v.id,
    communityId: v.communityId,
    month: v.month,
    roomId: v.roomId,
    householdLabel: v.householdLabel,
    status: v.status as VisitStatus,
    bookedFor: v.bookedFor?.toISOString() ?? null,
    bookedByName: v.bookedByName,
    method: v.method as VisitMethod | null,
    visitorName: v.visitorName,
    residentName: v.residentName,
    visitedAt: v.visitedAt?.toISOString() ?? null,
    notes: readable ? v.notes : null,
    opinions: readable ? v.opinions : null,
    issues: readable ? v.issues : [],
    signature: v.signature as SignatureOutcome | null,
    signedBy: v.signedBy,
    isConfidential: v.isConfidential,
    isWithheld: !readable,
    recordedByName: v.recordedByName,
    cancelReason: v.cancelReason,
    actions: actionsFor(p, v),
  };
}

/** A visit this reader may see (another company's or community's is not found). */
async function visibleVisit(ex: Executor, p: Principal, id: string, lock = false): Promise<OwnerVisitRow> {
  requirePermission(p, 'ownerVisit.view');
  const v = await getVisit(ex, id, lock);
  if (!v || v.companyId !== p.companyId) throw visitNotFound();
  const scope = await communityScope(ex, p);
  if (scope && !scope.includes(v.communityId)) throw visitNotFound();
  return v;
}

/** The household to visit: occupied, of this community, not visited within the repeat window. */
async function visitableHousehold(
  ex: Executor,
  companyId: string,
  communityId: string,
  roomId: string,
  month: string,
  policy: OwnerVisitPolicy,
) {
  const room = await getRoom(ex, roomId);
  if (!room || room.companyId !== companyId || room.communityId !== communityId) {
    throw roomField('房号不属于该小区', 'The room is not in this community');
  }
  const [resident] = await ex.select({ id: residents.id }).from(residents).where(eq(residents.roomId, roomId)).limit(1);
  if (!resident) throw roomField('该房屋未入住，无需访问', 'Nobody lives there yet');
  const repeat = (await pastVisits(ex, companyId, communityId, [roomId])).find((v) =>
    isWithinRepeatWindow(v.month, month, policy.repeatWindowMonths),
  );
  if (repeat) {
    throw roomField(
      `该户 ${policy.repeatWindowMonths} 个月内已访问（${repeat.month}），不重复访问`,
      `This household was visited in ${repeat.month}: no repeat within ${policy.repeatWindowMonths} months`,
    );
  }
  return room;
}

/** The month's plan, made if missing and locked, so bookings of one community's month take turns. */
async function lockedPlan(tx: Executor, p: Principal, communityId: string, month: string, now: Date) {
  const { plan } = await ensurePlan(tx, { companyId: p.companyId, id: p.id, name: p.name }, communityId, month, now);
  await tx.select({ id: ownerVisitPlans.id }).from(ownerVisitPlans).where(eq(ownerVisitPlans.id, plan.id)).for('update');
  return plan;
}

/** Books a visit with a household (上门访问必须事先预约): never after the latest time, no repeats. */
export async function bookOwnerVisit(deps: Deps, p: Principal, body: BookVisitBody): Promise<OwnerVisitView> {
  requirePermission(p, 'ownerVisit.book');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const community = await writableCommunity(tx, p, body.communityId);
    const policy = await loadPolicy(tx, p.companyId, community.id);
    const bookedFor = new Date(body.bookedFor);
    checkAppointment(bookedFor, now, policy.ownerVisit, policy.timezone);
    const month = monthOf(bookedFor, policy.timezone);
    const plan = await lockedPlan(tx, p, community.id, month, now);
    const room = await visitableHousehold(tx, p.companyId, community.id, body.roomId, month, policy.ownerVisit);
    const [row] = await tx
      .insert(ownerVisits)
      .values({
        id: randomUUID(),
        companyId: p.companyId,
        communityId: community.id,
        planId: plan.id,
        month,
        roomId: room.id,
        buildingId: room.buildingId,
        householdLabel: room.label,
        status: 'booked',
        bookedFor,
        bookedById: p.id,
        bookedByName: p.name,
        residentName: body.residentName?.trim() || null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return presentVisit(p, row!);
  });
}

async function openVisit(tx: Executor, p: Principal, id: string, action: VisitAction) {
  const v = await visibleVisit(tx, p, id, true);
  await writableCommunity(tx, p, v.communityId);
  return { v, status: nextStatus(v.status as VisitStatus, action) };
}

/** Moves a booked visit's appointment (same month: the visit belongs to the month's plan). */
export async function rescheduleOwnerVisit(deps: Deps, p: Principal, id: string, bookedForIso: string): Promise<OwnerVisitView> {
  requirePermission(p, 'ownerVisit.book');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const { v } = await openVisit(tx, p, id, 'reschedule');
    const policy = await loadPolicy(tx, p.companyId, v.communityId);
    const bookedFor = new Date(bookedForIso);
    checkAppointment(bookedFor, now, policy.ownerVisit, policy.timezone);
    if (monthOf(bookedFor, policy.timezone) !== v.month) {
      throw invalid('other_month', { zh: '只能改到本月内', en: 'Move it within its month' }, [
        { field: 'bookedFor', message: { zh: `请选择 ${v.month} 内的时间`, en: `Choose a time in ${v.month}` } },
      ]);
    }
    const [row] = await tx.update(ownerVisits).set({ bookedFor, updatedAt: now }).where(eq(ownerVisits.id, v.id)).returning();
    return presentVisit(p, row!);
  });
}

/** Cancels a booked visit (the household declined, or is away); its household may be booked again. */
export async function cancelOwnerVisit(deps: Deps, p: Principal, id: string, reason: string): Promise<OwnerVisitView> {
  requirePermission(p, 'ownerVisit.book');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const { status, v } = await openVisit(tx, p, id, 'cancel');
    const [row] = await tx
      .update(ownerVisits)
      .set({ status, cancelReason: reason.trim(), updatedAt: now })
      .where(eq(ownerVisits.id, v.id))
      .returning();
    return presentVisit(p, row!);
  });
}

function recordFields(p: Principal, body: RecordVisitBody, now: Date) {
  const visitedAt = new Date(body.visitedAt);
  checkRecord({ method: body.method, visitedAt, signature: body.signature, signedBy: body.signedBy ?? null }, now);
  const issues: VisitIssue[] = body.issues.map((i) => ({ text: i.text.trim(), followUp: 'none', ticketId: null, ticketNumber: null }));
  return {
    status: 'done',
    method: body.method,
    visitedAt,
    visitorId: p.id,
    visitorName: body.visitorName?.trim() || p.name,
    notes: body.notes?.trim() || null,
    opinions: body.opinions?.trim() || null,
    issues,
    signature: body.signature,
    signedBy: body.signature === 'signed' ? (body.signedBy?.trim() ?? null) : null,
    isConfidential: body.isConfidential,
    recordedById: p.id,
    recordedByName: p.name,
    updatedAt: now,
  } as const;
}

/** Writes the 业户访问记录 of a booked visit: method, who, notes, opinions, issues, signature or refusal. */
export async function recordOwnerVisit(deps: Deps, p: Principal, id: string, body: RecordVisitBody): Promise<OwnerVisitView> {
  requirePermission(p, 'ownerVisit.record');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const { v } = await openVisit(tx, p, id, 'record');
    const fields = recordFields(p, body, now);
    const [row] = await tx
      .update(ownerVisits)
      .set({ ...fields, residentName: body.residentName?.trim() || v.residentName })
      .where(eq(ownerVisits.id, v.id))
      .returning();
    return presentVisit(p, row!);
  });
}

/** Records a visit made without a booking (a call, a chat in the garden): the household and its record at once. */
export async function recordUnbookedOwnerVisit(deps: Deps, p: Principal, body: RecordUnbookedBody): Promise<OwnerVisitView> {
  requirePermission(p, 'ownerVisit.record');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const community = await writableCommunity(tx, p, body.communityId);
    const policy = await loadPolicy(tx, p.companyId, community.id);
    const fields = recordFields(p, body, now);
    const month = monthOf(fields.visitedAt, policy.timezone);
    const plan = await lockedPlan(tx, p, community.id, month, now);
    const room = await visitableHousehold(tx, p.companyId, community.id, body.roomId, month, policy.ownerVisit);
    const [row] = await tx
      .insert(ownerVisits)
      .values({
        id: randomUUID(),
        companyId: p.companyId,
        communityId: community.id,
        planId: plan.id,
        month,
        roomId: room.id,
        buildingId: room.buildingId,
        householdLabel: room.label,
        residentName: body.residentName?.trim() || null,
        createdAt: now,
        ...fields,
      })
      .returning();
    return presentVisit(p, row!);
  });
}

/**
 * Turns an issue a resident raised into a repair order for the household or a complaint, in one
 * step; the record keeps the ticket's number.
 */
export async function followUpOwnerVisitIssue(
  deps: Deps,
  p: Principal,
  id: string,
  index: number,
  body: z.infer<typeof followUpIssueBody>,
): Promise<OwnerVisitView> {
  requirePermission(p, 'ownerVisit.record');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const v = await visibleVisit(tx, p, id, true);
    await writableCommunity(tx, p, v.communityId);
    const issue = v.issues[index];
    if (v.status !== 'done' || !issue) throw notFound({ zh: '访问中提出的问题', en: 'Issue' });
    if (issue.followUp !== 'none') {
      throw invalid('already_followed_up', { zh: '该问题已转单', en: 'This issue already became a ticket' }, [
        { field: 'as', message: { zh: `已转为 ${issue.ticketNumber}`, en: `Already ${issue.ticketNumber}` } },
      ]);
    }
    const [resident] = await tx
      .select({ id: residents.id, name: residents.name, phone: residents.phone })
      .from(residents)
      .where(and(eq(residents.roomId, v.roomId), eq(residents.companyId, v.companyId)))
      .limit(1);
    const name = v.residentName ?? resident?.name ?? v.householdLabel;
    const ticket =
      body.as === 'repair'
        ? await createRepairOrder({ ...deps, database: { ...deps.database, db: tx as never } }, p, {
            communityId: v.communityId,
            roomId: v.roomId,
            reporterName: name,
            reporterPhone: resident?.phone ?? '00000',
            ...(resident ? { residentId: resident.id } : {}),
            channel: 'walk_in',
            category: body.category ?? 'other',
            area: 'in_home',
            urgency: 'normal',
            timing: 'immediate',
            content: issue.text,
          })
        : await createComplaintInTx(
            tx,
            deps,
            p,
            {
              communityId: v.communityId,
              complainantName: name,
              ...(resident ? { complainantPhone: resident.phone, residentId: resident.id } : {}),
              householdIds: [v.roomId],
              channel: 'on_site',
              form: 'oral',
              content: issue.text,
              isForwarded: false,
            },
            now,
          );
    const issues = v.issues.map((i, n) =>
      n === index ? { ...i, followUp: body.as, ticketId: ticket.id, ticketNumber: ticket.number } : i,
    );
    const [row] = await tx.update(ownerVisits).set({ issues, updatedAt: now }).where(eq(ownerVisits.id, v.id)).returning();
    return presentVisit(p, row!);
  });
}

/** One visit, for its record page and the printed 业户访问记录. */
export async function getOwnerVisit(deps: Deps, p: Principal, id: string): Promise<{ view: OwnerVisitView; row: OwnerVisitRow }> {
  const row = await visibleVisit(deps.database.db, p, id);
  return { view: presentVisit(p, row), row };
}

/** A community's month: the plan (or the quota it would have), fulfilment by day and method, and every visit. */
export async function ownerVisitMonth(
  deps: Deps,
  p: Principal,
  q: { communityId?: string | undefined; month?: string | undefined },
): Promise<MonthView> {
  requirePermission(p, 'ownerVisit.view');
  const ex = deps.database.db;
  const communityId = await readableCommunity(ex, p, q.communityId);
  const { month, policy } = await monthOrCurrent(ex, p.companyId, communityId, deps.clock.now(), q.month);
  const plan = await findPlan(ex, p.companyId, communityId, month);
  const fallback = plan
    ? { occupiedHouseholds: 0, percent: 0, quota: 0 }
    : monthlyQuota(await countOccupied(ex, p.companyId, communityId), policy.ownerVisit);
  const planView = presentPlan(plan, communityId, await communityName(ex, communityId), month, fallback);
  const rows = await visitsOfMonth(ex, p.companyId, communityId, month);
  const visits: MonthVisit[] = rows.map((v) => ({
    roomId: v.roomId,
    status: v.status as VisitStatus,
    method: v.method as VisitMethod | null,
    visitedOn: v.visitedAt ? localDate(v.visitedAt, policy.timezone) : null,
    signature: v.signature as SignatureOutcome | null,
    issues: v.issues,
  }));
  const isOwn = p.communityId === communityId;
  return {
    plan: planView,
    fulfilment: {
      ...fulfilmentOf(planView.quota, visits),
      summaryDueOn: `${addMonths(month, 1)}-${String(policy.ownerVisit.summaryDay).padStart(2, '0')}`,
    },
    visits: rows.map((v) => presentVisit(p, v)),
    canBook: isOwn && can(p.role, 'ownerVisit.book'),
    canRecord: isOwn && can(p.role, 'ownerVisit.record'),
  };
}
