import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { CreateMatterBody } from '../../contract/matter.js';
import { createMatter as createMatterRule } from '../../domain/matter/decide.js';
import { specialistSupervisors } from '../../domain/matter/machine.js';
import { invalid } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { findResidentsByPhone, getRoom } from '../../db/repositories/org.js';
import { matters, users } from '../../db/schema/index.js';
import { type Deps, loadPolicy, type Principal, requirePermission, writableCommunity } from '../context.js';
import { nextTicketNumber } from '../tickets/create.js';
import { insertTicket } from '../tickets/create.js';
import { resolveMatterNotices, supervisorOf } from '../tickets/matter-kind.js';
import { recordEvent } from '../tickets/history.js';

const field = (name: string, zh: string, en: string) => invalid('invalid_field', { zh, en }, [{ field: name, message: { zh, en } }]);

/** Where a ticket is and who reported it, checked against the community. */
export async function placeOf(
  ex: Executor,
  communityId: string,
  input: { roomId?: string | undefined; location?: string | undefined; phone?: string | undefined },
): Promise<{ roomId: string | null; buildingId: string | null; location: string; residentId: string | null }> {
  if (!input.roomId) return { roomId: null, buildingId: null, location: input.location ?? '', residentId: null };
  const room = await getRoom(ex, input.roomId);
  if (!room || room.communityId !== communityId) throw field('roomId', '房号不属于该小区', 'The room is not in this community');
  const residentId = input.phone ? ((await findResidentsByPhone(ex, input.phone)).find((r) => r.roomId === room.id)?.id ?? null) : null;
  return {
    roomId: room.id,
    buildingId: room.buildingId,
    location: input.location ? `${room.label} ${input.location}` : room.label,
    residentId,
  };
}

/** The community's CS supervisor: where the desk sends a matter when nobody is named. */
async function defaultSupervisor(ex: Executor, communityId: string): Promise<string> {
  const rows = await ex
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(users.communityId, communityId), eq(users.isActive, true), inArray(users.role, [...specialistSupervisors])));
  const pick = rows.find((r) => r.role === 'cs_supervisor') ?? rows.find((r) => r.role === 'director') ?? rows[0];
  if (!pick) throw field('supervisorId', '本小区没有专业主管', 'This community has no specialist supervisor');
  return pick.id;
}

export interface NewMatterInput extends Omit<CreateMatterBody, 'reporterName'> {
  reporterName?: string | undefined;
  channel?: string;
}

/**
 * Creates a matter (报事) in the caller's transaction: numbers it, snapshots the policy, and sends
 * it to the specialist supervisor unless kept as a draft. The creator follows it to the end.
 */
export async function createMatterInTx(
  tx: Executor,
  p: Principal,
  body: NewMatterInput,
  now: Date,
): Promise<{ id: string; number: string }> {
  requirePermission(p, 'matter.create');
  const community = await writableCommunity(tx, p, body.communityId);
  const communityId = community.id;
  const policy = await loadPolicy(tx, p.companyId, communityId);
  const sendTo = body.isDraft
    ? undefined
    : await supervisorOf(tx, communityId, body.supervisorId ?? (await defaultSupervisor(tx, communityId)));
  const made = createMatterRule(
    {
      category: body.category,
      content: body.content,
      ...(body.isMajor !== undefined ? { isMajor: body.isMajor } : {}),
      ...(sendTo ? { sendTo: { supervisorId: sendTo.id, supervisorRole: sendTo.role } } : {}),
    },
    { actor: p, actorDepartment: null, policy: policy.matter, visitPolicy: policy.visit, now },
  );
  const place = await placeOf(tx, communityId, { roomId: body.roomId, location: body.location, phone: body.reporterPhone });
  const number = await nextTicketNumber(tx, community, 'BS', policy.timezone, now);
  const id = randomUUID();
  const [created, ...rest] = made.events;
  await insertTicket(tx, {
    ticket: {
      id,
      companyId: p.companyId,
      communityId,
      kind: 'matter',
      number,
      status: made.matter.status,
      ...place,
      reporterName: body.reporterName ?? '',
      reporterPhone: body.reporterPhone ?? '',
      channel: body.channel ?? 'walk_in',
      content: body.content,
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
      await ex.insert(matters).values({
        ticketId: id,
        category: made.matter.category,
        isMajor: made.matter.isMajor,
        ownerId: made.matter.ownerId,
        supervisorId: made.matter.supervisorId,
      });
    },
    actor: p,
    event: { type: created!.type, data: { ...created!.data, number } },
    schedule: made.schedule,
    notices: await resolveMatterNotices(tx, communityId, made.notices),
    now,
  });
  if (rest.length > 0) {
    for (const e of rest) await recordEvent(tx, { id, companyId: p.companyId, communityId }, p, 'created', made.matter.status, e, now);
  }
  return { id, number };
}

/** The desk records a matter (报事) in its own transaction. */
export async function createMatter(deps: Deps, p: Principal, body: CreateMatterBody): Promise<{ id: string; number: string }> {
  const now = deps.clock.now();
  return deps.database.db.transaction((tx) => createMatterInTx(tx, p, body, now));
}
