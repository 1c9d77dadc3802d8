import { randomUUID } from 'node:crypto';
import type { CreateRenovationBody } from '../../contract/renovation.js';
import { submitRenovation } from '../../domain/renovation/decide.js';
import { forbidden, invalid } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { getRoom } from '../../db/repositories/org.js';
import { renovations } from '../../db/schema/index.js';
import { type Deps, loadPolicy, type Principal, requirePermission, writableCommunity } from '../context.js';
import { placeOf } from '../matters/create-matter.js';
import { insertTicket, nextTicketNumber } from '../tickets/create.js';
import { calendarOf } from '../tickets/renovation-kind.js';

const field = (name: string, zh: string, en: string) => invalid('invalid_field', { zh, en }, [{ field: name, message: { zh, en } }]);

/**
 * A renovation application (装修申请表) in the caller's transaction: a resident for a room of their
 * own household, the desk for any room of the community. With the clerk at once, who checks the
 * file by the day's cutoff.
 */
export async function createRenovationInTx(
  tx: Executor,
  p: Principal,
  body: CreateRenovationBody,
  now: Date,
): Promise<{ id: string; number: string }> {
  requirePermission(p, 'renovation.apply');
  const community = await writableCommunity(tx, p, body.communityId);
  const room = await getRoom(tx, body.roomId);
  if (!room || room.communityId !== community.id) throw field('roomId', '房号不属于该小区', 'The room is not in this community');
  if (p.role === 'resident' && !p.roomIds.includes(room.id))
    throw forbidden('not_your_room', { zh: '只能为自己的房屋申请装修', en: 'You can apply only for your own home' });
  const policy = await loadPolicy(tx, p.companyId, community.id);
  const { communityId: _c, roomId: _r, ...application } = body;
  const made = submitRenovation(
    { application },
    { actor: p, actorDepartment: p.department, policy: policy.renovation, calendar: calendarOf(policy), timeZone: policy.timezone, now },
  );
  const place = await placeOf(tx, community.id, { roomId: room.id, phone: p.role === 'resident' ? p.phone : body.applicantPhone });
  const number = await nextTicketNumber(tx, community, 'ZX', policy.timezone, now);
  const id = randomUUID();
  await insertTicket(tx, {
    ticket: {
      id,
      companyId: p.companyId,
      communityId: community.id,
      kind: 'renovation',
      number,
      status: made.renovation.status,
      ...place,
      residentId: p.role === 'resident' ? (place.residentId ?? p.residentIds[0] ?? null) : place.residentId,
      reporterName: body.applicantName,
      reporterPhone: body.applicantPhone,
      channel: p.role === 'resident' ? 'app' : 'walk_in',
      content: body.description,
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
      await ex.insert(renovations).values({ ticketId: id, companyId: p.companyId, communityId: community.id, ...application });
    },
    actor: p,
    event: { type: made.event.type, data: { ...made.event.data, number } },
    schedule: made.schedule,
    notices: made.notices,
    now,
  });
  return { id, number };
}

/** Applies for a renovation in its own transaction. */
export async function createRenovation(deps: Deps, p: Principal, body: CreateRenovationBody): Promise<{ id: string; number: string }> {
  const now = deps.clock.now();
  return deps.database.db.transaction((tx) => createRenovationInTx(tx, p, body, now));
}
