import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { ApplyParkingBody } from '../../contract/parking.js';
import { applyForParking } from '../../domain/parking/decide.js';
import { forbidden, invalid } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { getRoom } from '../../db/repositories/org.js';
import { parkingApplications, parkingSpaces, residents } from '../../db/schema/index.js';
import { type Deps, loadPolicy, type Principal, requirePermission, writableCommunity } from '../context.js';
import { insertTicket, nextTicketNumber } from '../tickets/create.js';

const field = (name: string, zh: string, en: string) => invalid('invalid_field', { zh, en }, [{ field: name, message: { zh, en } }]);

/**
 * A household applies for a parking space (车位申请; CW-numbered): a resident on the phone for
 * their own room, or the desk for any room of the community. Documents follow as attachments.
 */
export async function applyParkingInTx(
  tx: Executor,
  p: Principal,
  body: ApplyParkingBody,
  now: Date,
): Promise<{ id: string; number: string }> {
  requirePermission(p, 'parking.apply');
  const community = await writableCommunity(tx, p, body.communityId);
  const policy = await loadPolicy(tx, p.companyId, community.id);
  if (p.role === 'resident' && !p.roomIds.includes(body.roomId))
    throw forbidden('not_your_room', { zh: '只能为本户申请', en: 'Apply for your own household only' });
  const room = await getRoom(tx, body.roomId);
  if (!room || room.communityId !== community.id) throw field('roomId', '房号不属于该小区', 'The room is not in this community');
  const made = applyForParking(body, { actor: p });
  if (body.wantedSpaceId) {
    const [space] = await tx
      .select({ communityId: parkingSpaces.communityId })
      .from(parkingSpaces)
      .where(eq(parkingSpaces.id, body.wantedSpaceId));
    if (space?.communityId !== community.id) throw field('wantedSpaceId', '车位不属于本小区', 'That space is not in this community');
  }
  const household = await tx
    .select({ id: residents.id, name: residents.name, phone: residents.phone })
    .from(residents)
    .where(and(eq(residents.roomId, room.id)))
    .orderBy(asc(residents.createdAt));
  const applicant =
    p.role === 'resident'
      ? (household.find((r) => p.residentIds.includes(r.id)) ?? { id: null, name: p.name, phone: p.phone })
      : (household.find((r) => r.phone === body.applicantPhone) ?? {
          id: null,
          name: body.applicantName ?? household[0]?.name ?? '',
          phone: body.applicantPhone ?? household[0]?.phone ?? '',
        });
  const number = await nextTicketNumber(tx, community, 'CW', policy.timezone, now);
  const id = randomUUID();
  await insertTicket(tx, {
    ticket: {
      id,
      companyId: p.companyId,
      communityId: community.id,
      kind: 'parking',
      number,
      status: 'submitted',
      roomId: room.id,
      buildingId: room.buildingId,
      location: room.label,
      residentId: applicant.id,
      reporterName: body.applicantName ?? applicant.name,
      reporterPhone: body.applicantPhone ?? applicant.phone,
      channel: p.role === 'resident' ? 'app' : 'walk_in',
      content: `${made.plateNumber} ${body.vehicleModel}`,
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
      await ex.insert(parkingApplications).values({
        ticketId: id,
        companyId: p.companyId,
        communityId: community.id,
        roomId: room.id,
        plateNumber: made.plateNumber,
        vehicleModel: body.vehicleModel,
        driverName: body.driverName,
        wantedSpaceId: body.wantedSpaceId ?? null,
      });
    },
    actor: p,
    event: { type: made.event.type, data: { ...made.event.data, number } },
    schedule: [],
    notices: made.notices,
    now,
  });
  return { id, number };
}

/** A parking application in its own transaction. */
export async function applyParking(deps: Deps, p: Principal, body: ApplyParkingBody): Promise<{ id: string; number: string }> {
  const now = deps.clock.now();
  return deps.database.db.transaction((tx) => applyParkingInTx(tx, p, body, now));
}
