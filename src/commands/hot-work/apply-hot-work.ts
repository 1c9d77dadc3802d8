import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ApplyHotWorkBody } from '../../contract/hot-work.js';
import { applyForHotWork } from '../../domain/hot-work/decide.js';
import { invalid } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { hotWorkPermits, tickets } from '../../db/schema/index.js';
import { type Deps, loadPolicy, type Principal, requirePermission, writableCommunity } from '../context.js';
import { placeOf } from '../matters/create-matter.js';
import { insertTicket, nextTicketNumber } from '../tickets/create.js';
import { resolveHotWorkNotices } from '../tickets/hot-work-kind.js';

/**
 * The desk enters a contractor's 临时动火作业申请表 (DH-numbered) in the caller's transaction and
 * sends it for CS approval. The rules check the form; nothing is written when they refuse.
 */
export async function applyHotWorkInTx(
  tx: Executor,
  p: Principal,
  body: ApplyHotWorkBody,
  now: Date,
): Promise<{ id: string; number: string }> {
  requirePermission(p, 'hot_work.apply');
  const community = await writableCommunity(tx, p, body.communityId);
  const policy = await loadPolicy(tx, p.companyId, community.id);
  const place = await placeOf(tx, community.id, { roomId: body.roomId, location: body.location });
  if (!place.location.trim()) {
    throw invalid('invalid_field', { zh: '请填写动火地点', en: 'Location is required' }, [
      { field: 'location', message: { zh: '请填写动火地点或选择房号', en: 'Enter the location or choose a room' } },
    ]);
  }
  if (body.reappliedFromId) {
    const [previous] = await tx
      .select({ companyId: tickets.companyId, kind: tickets.kind })
      .from(tickets)
      .where(eq(tickets.id, body.reappliedFromId));
    if (previous?.companyId !== p.companyId || previous.kind !== 'hot_work') {
      throw invalid('invalid_field', { zh: '原申请不存在', en: 'The earlier application was not found' }, [
        { field: 'reappliedFromId', message: { zh: '原申请不存在', en: 'The earlier application was not found' } },
      ]);
    }
  }
  const windowStartAt = new Date(body.windowStartAt);
  const windowEndAt = new Date(body.windowEndAt);
  const made = applyForHotWork(
    {
      applicantCompany: body.applicantCompany,
      personInCharge: body.personInCharge,
      personInChargePhone: body.personInChargePhone,
      operatorName: body.operatorName,
      operatorCertificateNo: body.operatorCertificateNo,
      location: place.location,
      workType: body.workType,
      reason: body.reason,
      windowStartAt,
      windowEndAt,
      extinguisherCount: body.extinguisherCount,
      fireWatcherName: body.fireWatcherName,
      hasClearedCombustibles: body.hasClearedCombustibles,
    },
    { actor: p, actorDepartment: p.department, policy: policy.hotWork, now },
  );
  const number = await nextTicketNumber(tx, community, 'DH', policy.timezone, now);
  const id = randomUUID();
  await insertTicket(tx, {
    ticket: {
      id,
      companyId: p.companyId,
      communityId: community.id,
      kind: 'hot_work',
      number,
      status: made.permit.status,
      ...place,
      reporterName: body.personInCharge,
      reporterPhone: body.personInChargePhone,
      channel: 'walk_in',
      content: body.reason,
      urgency: 'normal',
      assigneeId: null,
      flags: [],
      createdById: p.id,
      createdByName: p.name,
      policy,
      createdAt: now,
      updatedAt: now,
    },
    insertKindRow: async (ex) => {
      await ex.insert(hotWorkPermits).values({
        ticketId: id,
        companyId: p.companyId,
        communityId: community.id,
        applicantCompany: body.applicantCompany,
        personInCharge: body.personInCharge,
        personInChargePhone: body.personInChargePhone,
        operatorName: body.operatorName,
        operatorCertificateNo: body.operatorCertificateNo,
        workType: body.workType,
        reason: body.reason,
        windowStartAt,
        windowEndAt,
        extinguisherCount: body.extinguisherCount,
        fireWatcherName: body.fireWatcherName,
        hasClearedCombustibles: body.hasClearedCombustibles,
        reappliedFromId: body.reappliedFromId ?? null,
      });
    },
    actor: p,
    event: { type: made.event.type, data: { ...made.event.data, number, reappliedFromId: body.reappliedFromId ?? null } },
    schedule: [],
    notices: await resolveHotWorkNotices(tx, community.id, made.notices),
    now,
  });
  return { id, number };
}

/** The desk enters a hot-work application in its own transaction. */
export async function applyHotWork(deps: Deps, p: Principal, body: ApplyHotWorkBody): Promise<{ id: string; number: string }> {
  const now = deps.clock.now();
  return deps.database.db.transaction((tx) => applyHotWorkInTx(tx, p, body, now));
}
