import type { CreateComplaintBody } from '../../contract/complaint.js';
import type { ComplaintChannel, Household } from '../../domain/complaint/decide.js';
import { forbidden, invalid } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { getBuilding, getResident, getRoom } from '../../db/repositories/org.js';
import { type Deps, loadPolicy, type Principal, requirePermission, singleCommunity } from '../context.js';
import { recordComplaintInTx } from './record-complaint.js';

const field = (name: string, zh: string, en: string) => invalid('invalid_field', { zh, en }, [{ field: name, message: { zh, en } }]);

/** What a create may carry besides the desk's form: set by the caller, never by the request body. */
export interface CreateOptions {
  /** The company complaint centre forwards the case (转交管理处): the centre's permission, not the desk's. */
  isForwardedByCentre?: boolean;
}

/**
 * Records a complaint (投诉) in the caller's transaction: at the desk for the households picked from
 * the directory, or by a resident from the phone for their own home (channel 'app'). The duty-log
 * triage calls this too, to turn a contact into a complaint. Returns the new complaint's id and number.
 */
export async function createComplaintInTx(
  tx: Executor,
  _deps: Pick<Deps, 'clock'>,
  p: Principal,
  body: CreateComplaintBody,
  now: Date,
  options: CreateOptions = {},
): Promise<{ id: string; number: string }> {
  if (options.isForwardedByCentre) requirePermission(p, 'complaint.forward');
  else requirePermission(p, 'complaint.create');
  const communityId = await singleCommunity(tx, p, body.communityId);
  const policy = await loadPolicy(tx, p.companyId, communityId);
  const isResident = p.role === 'resident';

  // The households: the desk picks rooms from the directory; a resident complains for their own home.
  let roomIds = [...new Set(body.householdIds)];
  if (isResident) {
    const own = p.roomIds;
    if (roomIds.some((r) => !own.includes(r)))
      throw field('householdIds', '只能为自己的房屋投诉', 'You can only complain for your own home');
    if (roomIds.length === 0) roomIds = own.slice(0, 1);
  }
  const rooms = [];
  for (const roomId of roomIds) {
    const room = await getRoom(tx, roomId);
    if (!room || room.companyId !== p.companyId || room.communityId !== communityId) {
      throw field('householdIds', '房号不属于该小区', 'A room is not in this community');
    }
    rooms.push(room);
  }

  // The complainant: the resident themself, or the person the desk names (matched to the directory).
  let residentId: string | null = null;
  let name = body.complainantName;
  let phone = body.complainantPhone ?? '';
  if (isResident) {
    residentId = p.id;
    name = p.name;
    phone = p.phone;
  } else if (body.residentId) {
    const resident = await getResident(tx, body.residentId);
    if (!resident || resident.communityId !== communityId || !roomIds.includes(resident.roomId)) {
      throw field('residentId', '投诉人不是所选住户', 'The complainant does not live in a chosen household');
    }
    residentId = resident.id;
    name = name || resident.name;
    phone = phone || resident.phone;
  }
  const residentRoom = residentId ? (await getResident(tx, residentId))?.roomId : null;
  const households: Household[] = rooms.map((r) => ({
    householdId: r.id,
    label: r.label,
    residentId: r.id === residentRoom ? residentId : null,
  }));

  // Where: a building, a facility, or the households' one building.
  let placeKey: string | null = null;
  let placeLabel: string | null = null;
  if (body.buildingId) {
    const building = await getBuilding(tx, body.buildingId);
    if (!building || building.communityId !== communityId)
      throw field('buildingId', '楼栋不属于该小区', 'The building is not in this community');
    placeKey = `building:${building.id}`;
    placeLabel = building.name;
    if (body.facility) {
      placeKey = `facility:${building.id}:${body.facility}`;
      placeLabel = `${building.name}${body.facility}`;
    }
  } else if (body.facility) {
    placeKey = `facility:${body.facility}`;
    placeLabel = body.facility;
  } else if (rooms.length > 0 && new Set(rooms.map((r) => r.buildingId)).size === 1) {
    placeKey = `building:${rooms[0]!.buildingId}`;
    placeLabel = rooms[0]!.buildingName;
  }

  if (body.onSpot && isResident) throw forbidden();
  const channel: ComplaintChannel = isResident ? 'app' : (body.channel as ComplaintChannel);
  return recordComplaintInTx(tx, {
    actor: p,
    communityId,
    intake: {
      complainant: { name, phone: phone || null, residentId },
      households,
      placeKey,
      channel,
      form: isResident ? 'oral' : body.form,
      content: body.content,
      isForwarded: options.isForwardedByCentre === true || (body.isForwarded && !isResident),
      onSpot: body.onSpot ? { handledAt: new Date(body.onSpot.handledAt), handledById: p.id, result: body.onSpot.result } : null,
    },
    policy,
    placeLabel,
    complainantPhone: phone,
    now,
  });
}

/** Records a complaint in its own transaction. */
export async function createComplaint(deps: Deps, p: Principal, body: CreateComplaintBody, options: CreateOptions = {}) {
  const now = deps.clock.now();
  return deps.database.db.transaction((tx) => createComplaintInTx(tx, deps, p, body, now, options));
}
