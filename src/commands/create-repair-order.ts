import { randomUUID } from 'node:crypto';
import type { CreateRepairBody } from '../contract/repair.js';
import { timersForNewOrder } from '../domain/repair/decide.js';
import { invalid } from '../domain/shared/errors.js';
import { localDateStamp } from '../domain/shared/time-of-day.js';
import { getBuilding, getResident, getRoom, getUser } from '../db/repositories/org.js';
import { insertRepairOrder, nextCounter } from '../db/repositories/repair-orders.js';
import { publishLive, ticketChanged } from '../notify/live.js';
import { type Deps, deliverNotices, loadPolicy, type Principal, requirePermission, writableCommunity } from './context.js';
import { hashCode, newVerificationCode } from './repair-code.js';
import { recordEvent, scheduleFor } from './tickets/history.js';

const field = (name: string, zh: string, en: string) => invalid('invalid_field', { zh, en }, [{ field: name, message: { zh, en } }]);

/**
 * Records a repair (报修): numbers it, snapshots the community's policy, starts its timers,
 * texts the resident the verification code, and tells the technicians, in one transaction.
 */
export async function createRepairOrder(deps: Deps, p: Principal, body: CreateRepairBody): Promise<{ id: string; number: string }> {
  requirePermission(p, 'repair.create');
  const now = deps.clock.now();
  const db = deps.database.db;
  const community = await writableCommunity(db, p, body.communityId);
  const communityId = community.id;
  const policy = await loadPolicy(db, p.companyId, communityId);
  // The number is taken in its own short statement, not held locked through the whole create:
  // every create of a community and day shares that counter row. A create refused after this
  // point leaves a gap in the numbers; each number is still unique.
  const stamp = localDateStamp(now, policy.timezone);
  const seq = await nextCounter(db, `repair:${communityId}:${stamp}`);
  return db.transaction(async (tx) => {
    let roomId: string | null = null;
    let buildingId: string | null = body.buildingId ?? null;
    let location = body.location ?? '';
    if (body.roomId) {
      const room = await getRoom(tx, body.roomId);
      if (!room || room.communityId !== communityId) throw field('roomId', '房号不属于该小区', 'The room is not in this community');
      if (p.role === 'resident' && !p.roomIds.includes(room.id))
        throw field('roomId', '只能为自己的房屋报修', 'You can only report for your own home');
      roomId = room.id;
      buildingId = room.buildingId;
      location = location ? `${room.label} ${location}` : room.label;
    } else if (p.role === 'resident') {
      throw field('roomId', '请选择房屋', 'Choose your home');
    } else if (buildingId) {
      const building = await getBuilding(tx, buildingId);
      if (!building || building.communityId !== communityId)
        throw field('buildingId', '楼栋不属于该小区', 'The building is not in this community');
      location = `${building.name} ${location}`.trim();
    }

    let residentId: string | null = null;
    if (body.residentId) {
      const resident = await getResident(tx, body.residentId);
      if (!resident || resident.communityId !== communityId || (roomId && resident.roomId !== roomId)) {
        throw field('residentId', '住户与房号不符', 'The resident does not live in that room');
      }
      residentId = resident.id;
    } else if (p.role === 'resident') {
      residentId = p.id;
    }

    let assigneeId: string | null = null;
    if (body.requestedTechnicianId) {
      const tech = await getUser(tx, body.requestedTechnicianId);
      if (tech?.role !== 'technician' || tech.communityId !== communityId || !tech.isActive) {
        throw field('requestedTechnicianId', '指定的师傅不在本小区', 'That technician does not work in this community');
      }
      assigneeId = tech.id;
    }

    const appointmentAt = body.timing === 'appointment' && body.appointmentAt ? new Date(body.appointmentAt) : null;
    if (appointmentAt && appointmentAt.getTime() <= now.getTime()) {
      throw field('appointmentAt', '预约时间不能早于现在', 'The appointment cannot be in the past');
    }

    const number = `${community.code}-${stamp}-${String(seq).padStart(4, '0')}`;
    const id = randomUUID();
    const code = newVerificationCode();
    const status = assigneeId ? 'dispatched' : 'open';

    await insertRepairOrder(
      tx,
      {
        id,
        companyId: p.companyId,
        communityId,
        kind: 'repair',
        number,
        status,
        buildingId,
        roomId,
        location,
        reporterName: body.reporterName,
        reporterPhone: body.reporterPhone,
        residentId,
        channel: p.role === 'resident' ? 'app' : body.channel,
        content: body.content,
        urgency: body.urgency,
        assigneeId,
        flags: [],
        createdById: p.id,
        createdByName: p.name,
        policy,
        createdAt: now,
        updatedAt: now,
      },
      {
        ticketId: id,
        category: body.category,
        area: body.area,
        timing: body.timing,
        appointmentAt,
        // T2 is the first contact (created), T3 the promised time, rewritable up to the policy limit.
        promisedTimes: appointmentAt ? [{ at: appointmentAt.toISOString(), setAt: now.toISOString(), by: p.name, reason: null }] : [],
        requestedTechnicianId: assigneeId,
        codeHash: hashCode(id, code),
      },
    );
    const scope = { id, companyId: p.companyId, communityId };
    const created = { number, channel: p.role === 'resident' ? 'app' : body.channel, urgency: body.urgency, category: body.category };
    await recordEvent(tx, scope, p, null, 'open', { type: 'OrderCreated', data: created }, now);
    if (assigneeId) {
      const assigned = { technicianId: assigneeId, requestedByResident: true };
      await recordEvent(tx, scope, p, 'open', 'dispatched', { type: 'OrderAssigned', data: assigned }, now);
    }
    const specs = timersForNewOrder(
      { urgency: body.urgency, timing: body.timing, appointmentAt },
      assigneeId !== null,
      policy.repair,
      policy.timezone,
      now,
    );
    await scheduleFor(tx, scope, specs, now);
    await deps.sms.send(
      tx,
      {
        companyId: p.companyId,
        communityId,
        phone: body.reporterPhone,
        purpose: 'repair_code',
        body: `【${community.name}物业】您的报修单${number}已受理。维修师傅上门时请出示验证码${code}，请勿告知他人。`,
      },
      now,
    );
    const ticket = { id, companyId: p.companyId, communityId, number };
    await deliverNotices(
      tx,
      ticket,
      [
        assigneeId
          ? { roles: [], userIds: [assigneeId], title: { zh: '业主指定您维修，请接单', en: 'A resident asked for you: accept the order' } }
          : {
              roles: ['technician'],
              userIds: [],
              title:
                body.urgency === 'urgent'
                  ? { zh: '紧急报修待抢单', en: 'Urgent repair to grab' }
                  : { zh: '新报修单待抢单', en: 'New repair to grab' },
            },
      ],
      'order_created',
      now,
    );
    await publishLive(tx, ticketChanged({ id, companyId: p.companyId, communityId, assigneeId, roomId, residentId }, status));
    return { id, number };
  });
}
