import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { MarkCheckpointBody, roundListQuery } from '../../contract/patrol.js';
import { can } from '../../domain/access/permissions.js';
import {
  type Checkpoint,
  checkpointLabel,
  finishRound,
  markCheckpoint,
  type RoundStatus,
  startRound,
  weekOf,
  weeklyFulfilment,
} from '../../domain/patrol/rounds.js';
import { policySchema } from '../../domain/policy/policy.js';
import { notFound } from '../../domain/shared/errors.js';
import { nextLocalTime } from '../../domain/shared/time-of-day.js';
import type { Executor } from '../../db/client.js';
import { listCommunities } from '../../db/repositories/org.js';
import { insertPhoto } from '../../db/repositories/repair-orders.js';
import { communities, patrolFindings, patrolRounds, patrolRoutes, tickets } from '../../db/schema/index.js';
import { checkUpload, cleanFilename, getAttachment, listAttachments, storeAttachment } from '../attachments.js';
import { communityScope, type Deps, loadPolicy, type Principal, requirePermission } from '../context.js';
import { createRepairOrder } from '../create-repair-order.js';

export type RoundRow = typeof patrolRounds.$inferSelect & { communityName: string };
export type FindingRow = typeof patrolFindings.$inferSelect;

const roundNotFound = () => notFound({ zh: '巡楼记录', en: 'Patrol round' });

/** Whether this person may record on a round: the one walking it, or the director. */
export const canRecordRound = (p: Principal, round: Pick<RoundRow, 'patrollerId' | 'status' | 'communityId'>) =>
  can(p.role, 'patrol.record') &&
  round.status === 'in_progress' &&
  round.communityId === p.communityId &&
  (round.patrollerId === p.id || p.role === 'director');

async function visibleRound(ex: Executor, p: Principal, id: string, lock = false) {
  const q = ex.select().from(patrolRounds).where(eq(patrolRounds.id, id));
  const [round] = lock ? await q.for('update') : await q;
  if (!round || round.companyId !== p.companyId) throw roundNotFound();
  const scope = await communityScope(ex, p);
  if (scope && !scope.includes(round.communityId)) throw roundNotFound();
  return round;
}

/** Starts a round of a route, on the phone. */
export async function startPatrolRound(deps: Deps, p: Principal, routeId: string): Promise<string> {
  requirePermission(p, 'patrol.record');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const [route] = await tx.select().from(patrolRoutes).where(eq(patrolRoutes.id, routeId));
    if (!route || route.companyId !== p.companyId || route.communityId !== p.communityId) throw notFound({ zh: '巡楼路线', en: 'Route' });
    const round = startRound({ isActive: route.isActive, checkpoints: route.checkpoints }, p.role, now);
    const id = randomUUID();
    await tx.insert(patrolRounds).values({
      id,
      companyId: p.companyId,
      communityId: route.communityId,
      routeId: route.id,
      routeName: route.name,
      checkpoints: round.checkpoints,
      status: round.status,
      patrollerId: p.id,
      patrollerName: p.name,
      startedAt: now,
    });
    return id;
  });
}

async function findingsOf(ex: Executor, roundId: string): Promise<FindingRow[]> {
  return ex.select().from(patrolFindings).where(eq(patrolFindings.roundId, roundId)).orderBy(asc(patrolFindings.recordedAt));
}

function locationOf(c: Checkpoint): string {
  return checkpointLabel({ ...c, buildingName: c.buildingId ? '' : c.buildingName }) || c.buildingName;
}

/**
 * Records one checkpoint ok or with an issue. An issue raises a public-area repair order at once
 * (channel patrol), in the same transaction, and the finding links to it.
 */
export async function markPatrolCheckpoint(deps: Deps, p: Principal, roundId: string, body: MarkCheckpointBody): Promise<void> {
  requirePermission(p, 'patrol.record');
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const round = await visibleRound(tx, p, roundId, true);
    if (!canRecordRound(p, round) && round.status === 'in_progress') throw roundNotFound();
    const marked = (await findingsOf(tx, roundId)).map((f) => f.checkpointId);
    const checkpoint = markCheckpoint(
      { status: round.status as RoundStatus, checkpoints: round.checkpoints, marked, startedAt: round.startedAt },
      body.checkpointId,
      body.result,
      body.note,
      p.role,
    );
    let repairTicketId: string | null = null;
    if (body.result === 'issue' && body.raiseOrder && body.category) {
      const order = await createRepairOrder({ ...deps, database: { ...deps.database, db: tx as never } }, p, {
        communityId: round.communityId,
        ...(checkpoint.buildingId ? { buildingId: checkpoint.buildingId } : {}),
        location: locationOf(checkpoint),
        reporterName: p.name,
        reporterPhone: p.phone,
        channel: 'patrol',
        category: body.category,
        area: 'public',
        urgency: body.urgency,
        timing: 'immediate',
        content: body.note ?? '',
      });
      repairTicketId = order.id;
    }
    await tx.insert(patrolFindings).values({
      id: randomUUID(),
      companyId: round.companyId,
      communityId: round.communityId,
      roundId,
      checkpointId: checkpoint.id,
      checkpointLabel: checkpointLabel(checkpoint),
      result: body.result,
      note: body.note?.trim() || null,
      category: body.result === 'issue' ? (body.category ?? null) : null,
      repairTicketId,
      recordedById: p.id,
      recordedByName: p.name,
      recordedAt: now,
    });
  });
}

/** Finishes a round: every checkpoint recorded; its duration and summary go on the daily report. */
export async function finishPatrolRound(deps: Deps, p: Principal, roundId: string, summary: string): Promise<void> {
  requirePermission(p, 'patrol.record');
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const round = await visibleRound(tx, p, roundId, true);
    if (!canRecordRound(p, round) && round.status === 'in_progress') throw roundNotFound();
    const marked = (await findingsOf(tx, roundId)).map((f) => f.checkpointId);
    const { durationMinutes } = finishRound(
      { status: round.status as RoundStatus, checkpoints: round.checkpoints, marked, startedAt: round.startedAt },
      p.role,
      now,
    );
    await tx
      .update(patrolRounds)
      .set({ status: 'finished', finishedAt: now, durationMinutes, summary: summary.trim() || null })
      .where(eq(patrolRounds.id, roundId));
  });
}

/** A photo of a finding; when the finding raised an order, the technician sees it on the order too. */
export async function addFindingPhoto(
  deps: Deps,
  p: Principal,
  roundId: string,
  findingId: string,
  upload: { bytes: Uint8Array; filename: string | undefined },
) {
  requirePermission(p, 'patrol.record');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const round = await visibleRound(tx, p, roundId);
    if (round.communityId !== p.communityId || (round.patrollerId !== p.id && p.role !== 'director')) throw roundNotFound();
    const [finding] = await tx
      .select()
      .from(patrolFindings)
      .where(and(eq(patrolFindings.id, findingId), eq(patrolFindings.roundId, roundId)));
    if (!finding) throw notFound({ zh: '巡查记录', en: 'Finding' });
    const mime = checkUpload(upload.bytes, { allowPdf: false });
    const stored = await storeAttachment(tx, {
      companyId: round.companyId,
      communityId: round.communityId,
      ownerKind: 'patrol_finding',
      ownerId: finding.id,
      purpose: 'photo',
      filename: cleanFilename(upload.filename, 'photo'),
      bytes: upload.bytes,
      mime,
      uploadedById: p.id,
      uploadedBy: p.name,
      now,
    });
    if (finding.repairTicketId && mime !== 'application/pdf') {
      await insertPhoto(tx, {
        id: randomUUID(),
        companyId: round.companyId,
        communityId: round.communityId,
        ticketId: finding.repairTicketId,
        mime,
        sizeBytes: upload.bytes.length,
        content: upload.bytes,
        uploadedBy: p.name,
        createdAt: now,
      });
    }
    return stored;
  });
}

/** A finding's photo, for whoever sees the round. */
export async function findingPhoto(deps: Deps, p: Principal, roundId: string, photoId: string) {
  requirePermission(p, 'patrol.view');
  const ex = deps.database.db;
  await visibleRound(ex, p, roundId);
  const file = await getAttachment(ex, photoId);
  if (file?.ownerKind !== 'patrol_finding') throw notFound({ zh: '照片', en: 'Photo' });
  const [finding] = await ex
    .select({ id: patrolFindings.id })
    .from(patrolFindings)
    .where(and(eq(patrolFindings.id, file.ownerId), eq(patrolFindings.roundId, roundId)));
  if (!finding) throw notFound({ zh: '照片', en: 'Photo' });
  return file;
}

type ListQuery = z.infer<typeof roundListQuery>;

/** The local midnight starting a YYYY-MM-DD day in the time zone. */
export const localDayStart = (date: string, timeZone: string): Date =>
  nextLocalTime(new Date(Date.parse(`${date}T00:00:00Z`) - 14 * 3_600_000), '00:00', timeZone);

const counts = {
  issueCount: sql<number>`(select count(*)::int from ${patrolFindings} where ${patrolFindings.roundId} = ${patrolRounds.id} and ${patrolFindings.result} = 'issue')`,
  markedCount: sql<number>`(select count(*)::int from ${patrolFindings} where ${patrolFindings.roundId} = ${patrolRounds.id})`,
  orderCount: sql<number>`(select count(*)::int from ${patrolFindings} where ${patrolFindings.roundId} = ${patrolRounds.id} and ${patrolFindings.repairTicketId} is not null)`,
};

export interface RoundListRow {
  round: RoundRow;
  issueCount: number;
  markedCount: number;
  orderCount: number;
}

/** Rounds with filters: route, state, a range of local days, only those with issues. */
export async function queryPatrolRounds(deps: Deps, p: Principal, q: ListQuery): Promise<{ items: RoundListRow[]; total: number }> {
  requirePermission(p, 'patrol.view');
  const ex = deps.database.db;
  const scope = await communityScope(ex, p, q.communityId);
  // Days are the community's local days; a company-wide list reads them in its first community's zone.
  const zoneCommunity = q.communityId ?? scope?.[0] ?? (await listCommunities(ex, p.companyId, null))[0]?.id;
  const timeZone =
    q.from || q.to ? (zoneCommunity ? await loadPolicy(ex, p.companyId, zoneCommunity) : policySchema.parse({})).timezone : 'UTC';
  const where: (SQL | undefined)[] = [
    eq(patrolRounds.companyId, p.companyId),
    scope ? inArray(patrolRounds.communityId, scope) : undefined,
    q.routeId ? eq(patrolRounds.routeId, q.routeId) : undefined,
    q.status ? eq(patrolRounds.status, q.status) : undefined,
    q.from ? gte(patrolRounds.startedAt, localDayStart(q.from, timeZone)) : undefined,
    q.to ? lt(patrolRounds.startedAt, new Date(localDayStart(q.to, timeZone).getTime() + 86_400_000)) : undefined,
    q.hasIssues ? sql`${counts.issueCount} > 0` : undefined,
  ];
  const cond = and(...where);
  const rows = await ex
    .select({ round: patrolRounds, communityName: communities.name, ...counts })
    .from(patrolRounds)
    .innerJoin(communities, eq(communities.id, patrolRounds.communityId))
    .where(cond)
    .orderBy(desc(patrolRounds.startedAt))
    .limit(q.limit)
    .offset(q.offset);
  const [total] = await ex.select({ n: sql<number>`count(*)::int` }).from(patrolRounds).where(cond);
  return {
    items: rows.map((r) => ({
      round: { ...r.round, communityName: r.communityName },
      issueCount: Number(r.issueCount),
      markedCount: Number(r.markedCount),
      orderCount: Number(r.orderCount),
    })),
    total: Number(total?.n ?? 0),
  };
}

/** One round with its findings, the orders they raised (and their status) and photos. */
export async function getPatrolRound(deps: Deps, p: Principal, id: string) {
  requirePermission(p, 'patrol.view');
  const ex = deps.database.db;
  const round = await visibleRound(ex, p, id);
  return roundWithFindings(ex, p, round);
}

async function roundWithFindings(ex: Executor, p: Principal, round: typeof patrolRounds.$inferSelect) {
  const [community] = await ex.select({ name: communities.name }).from(communities).where(eq(communities.id, round.communityId));
  const findings = await findingsOf(ex, round.id);
  const orderIds = findings.map((f) => f.repairTicketId).filter((x): x is string => !!x);
  const orders = orderIds.length
    ? await ex.select({ id: tickets.id, number: tickets.number, status: tickets.status }).from(tickets).where(inArray(tickets.id, orderIds))
    : [];
  const withPhotos = await Promise.all(
    findings.map(async (f) => ({
      finding: f,
      order: orders.find((o) => o.id === f.repairTicketId) ?? null,
      photoIds: (await listAttachments(ex, 'patrol_finding', f.id)).map((a) => a.id),
    })),
  );
  const issues = findings.filter((f) => f.result === 'issue');
  return {
    row: {
      round: { ...round, communityName: community?.name ?? '' },
      issueCount: issues.length,
      markedCount: findings.length,
      orderCount: orderIds.length,
    },
    findings: withPhotos,
    canRecord: canRecordRound(p, round),
  };
}

export type RoundDetailData = Awaited<ReturnType<typeof getPatrolRound>>;

/** The patrol part of the daily report (巡楼 in 日报表): a day's rounds with findings and the orders raised. */
export async function dailyPatrolReport(deps: Deps, p: Principal, communityId: string | undefined, date: string) {
  requirePermission(p, 'patrol.view');
  const ex = deps.database.db;
  const scope = await communityScope(ex, p, communityId);
  const community = communityId ?? scope?.[0];
  if (!community) throw notFound({ zh: '小区', en: 'Community' });
  const [c] = await ex.select({ id: communities.id, name: communities.name }).from(communities).where(eq(communities.id, community));
  if (!c) throw notFound({ zh: '小区', en: 'Community' });
  const policy = await loadPolicy(ex, p.companyId, community);
  const start = localDayStart(date, policy.timezone);
  const rounds = await ex
    .select()
    .from(patrolRounds)
    .where(
      and(
        eq(patrolRounds.companyId, p.companyId),
        eq(patrolRounds.communityId, community),
        gte(patrolRounds.startedAt, start),
        lt(patrolRounds.startedAt, new Date(start.getTime() + 86_400_000)),
      ),
    )
    .orderBy(asc(patrolRounds.startedAt));
  const details = await Promise.all(rounds.map((r) => roundWithFindings(ex, p, r)));
  return {
    communityId: c.id,
    communityName: c.name,
    date,
    rounds: details,
    issueCount: details.reduce((n, d) => n + d.row.issueCount, 0),
    orderCount: details.reduce((n, d) => n + d.row.orderCount, 0),
  };
}

/** Rounds finished this week against the policy's rounds per week, with a flag when behind. */
export async function patrolFulfilment(deps: Deps, p: Principal, communityId: string | undefined) {
  requirePermission(p, 'patrol.view');
  const ex = deps.database.db;
  const scope = await communityScope(ex, p, communityId);
  const community = communityId ?? scope?.[0];
  if (!community) throw notFound({ zh: '小区', en: 'Community' });
  const policy = await loadPolicy(ex, p.companyId, community);
  const now = deps.clock.now();
  const week = weekOf(now, policy.timezone);
  const [done] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(patrolRounds)
    .where(
      and(
        eq(patrolRounds.companyId, p.companyId),
        eq(patrolRounds.communityId, community),
        eq(patrolRounds.status, 'finished'),
        gte(patrolRounds.startedAt, week.start),
        lt(patrolRounds.startedAt, week.end),
      ),
    );
  return {
    communityId: community,
    weekStart: week.start.toISOString(),
    ...weeklyFulfilment(Number(done?.n ?? 0), week.daysElapsed, policy.patrol),
  };
}
