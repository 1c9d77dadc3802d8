import { randomUUID } from 'node:crypto';
import type { ApplyGoodsPassBody } from '../../contract/goods-pass.js';
import { applyForGoodsPass } from '../../domain/goods-passes/decide.js';
import { invalid, notFound } from '../../domain/shared/errors.js';
import { getResident, getRoom } from '../../db/repositories/org.js';
import { goodsPasses } from '../../db/schema/index.js';
import { type Deps, loadPolicy, type Principal, requirePermission, writableCommunity } from '../context.js';
import { insertTicket, nextTicketNumber } from '../tickets/create.js';

/**
 * 申办物品放行: an application for a goods pass, by the desk for a walk-in (identity usually
 * checked at once) or by a resident ahead of time on the phone. It waits at the desk to be issued.
 */
export async function applyGoodsPass(deps: Deps, p: Principal, body: ApplyGoodsPassBody): Promise<{ id: string; number: string }> {
  requirePermission(p, 'goods_pass.apply');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const community = await writableCommunity(tx, p, body.communityId);
    const room = await getRoom(tx, body.roomId);
    if (!room || room.communityId !== community.id || room.companyId !== p.companyId) {
      throw invalid('invalid_field', { zh: '房号不属于该小区', en: 'The room is not in this community' }, [
        { field: 'roomId', message: { zh: '房号不属于该小区', en: 'The room is not in this community' } },
      ]);
    }
    const isResident = p.role === 'resident';
    if (isResident && !p.roomIds.includes(room.id)) throw notFound({ zh: '房号', en: 'Room' });
    const made = applyForGoodsPass({ items: body.items, identity: body.identity }, p);
    const residentId = isResident
      ? ((await Promise.all(p.residentIds.map((id) => getResident(tx, id)))).find((r) => r?.roomId === room.id)?.id ?? null)
      : null;
    const policy = await loadPolicy(tx, p.companyId, community.id);
    const number = await nextTicketNumber(tx, community, 'FX', policy.timezone, now);
    const id = randomUUID();
    const applicantName = body.identity?.applicantName?.trim() || (isResident ? p.name : '');
    const summary = made.pass.items.map((i) => `${i.name}×${i.quantity}`).join('、');
    await insertTicket(tx, {
      ticket: {
        id,
        companyId: p.companyId,
        communityId: community.id,
        kind: 'goods_pass',
        number,
        status: made.pass.status,
        buildingId: room.buildingId,
        roomId: room.id,
        location: room.label,
        reporterName: applicantName,
        reporterPhone: body.phone ?? (isResident ? p.phone : ''),
        residentId,
        channel: isResident ? 'app' : 'walk_in',
        content: summary,
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
        const identity = made.pass.identity;
        await ex.insert(goodsPasses).values({
          ticketId: id,
          companyId: p.companyId,
          communityId: community.id,
          items: made.pass.items,
          applicantName: applicantName || null,
          applicantRelation: identity.relation ?? null,
          idType: identity.idType ?? null,
          idLast4: identity.idLast4?.trim().toUpperCase() || null,
          authorisation: identity.authorisation?.trim() || null,
          carrierName: body.carrierName ?? '',
          vehiclePlate: (body.vehiclePlate ?? '').toUpperCase(),
          plannedAt: body.plannedAt ? new Date(body.plannedAt) : null,
        });
      },
      actor: p,
      event: { type: made.event.type, data: { ...made.event.data, number } },
      schedule: [],
      // A resident's application ahead of time waits for the desk.
      notices: isResident
        ? [{ roles: ['clerk'], userIds: [], title: { zh: '业主预约了物品放行', en: 'A resident applied for a goods pass' } }]
        : [],
      now,
    });
    return { id, number };
  });
}
