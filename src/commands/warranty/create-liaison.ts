import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { CreateLiaisonBody } from '../../contract/warranty.js';
import { invalid } from '../../domain/shared/errors.js';
import type { WarrantyClass } from '../../domain/warranty/classes.js';
import { sendLiaison } from '../../domain/warranty/decide.js';
import { isInWarranty, warrantyClassOf } from '../../domain/warranty/period.js';
import type { Executor } from '../../db/client.js';
import { getBuilding, getRoom } from '../../db/repositories/org.js';
import { liaisonForms, liaisonItems, repairOrders, tickets } from '../../db/schema/index.js';
import { type Deps, loadPolicy, type Principal, requirePermission, writableCommunity } from '../context.js';
import { insertTicket, nextTicketNumber } from '../tickets/create.js';
import { handoverDateOf, liaisonFormsListing } from './warranty-status.js';

const itemError = (i: number, name: string, zh: string, en: string) =>
  invalid('invalid_item', { zh, en }, [{ field: `items.${i}.${name}`, message: { zh, en } }]);

interface ItemRow {
  source: 'repair' | 'complaint' | 'inspection';
  sourceTicketId: string | null;
  buildingId: string | null;
  roomId: string | null;
  location: string;
  defect: string;
  warrantyClass: WarrantyClass;
  reportedAt: Date;
}

/** Reads one listed defect: from a repair order or complaint of the community, or as entered from an inspection. */
async function itemOf(
  ex: Executor,
  communityId: string,
  input: CreateLiaisonBody['items'][number],
  i: number,
  policy: Awaited<ReturnType<typeof loadPolicy>>,
  now: Date,
): Promise<ItemRow> {
  if (input.source === 'inspection') {
    let buildingId = input.buildingId ?? null;
    let location = input.location ?? '';
    if (input.roomId) {
      const room = await getRoom(ex, input.roomId);
      if (!room || room.communityId !== communityId) throw itemError(i, 'roomId', '房号不属于该小区', 'The room is not in this community');
      buildingId = room.buildingId;
      location = location ? `${room.label} ${location}` : room.label;
    } else if (buildingId) {
      const b = await getBuilding(ex, buildingId);
      if (!b || b.communityId !== communityId)
        throw itemError(i, 'buildingId', '楼栋不属于该小区', 'The building is not in this community');
      location = `${b.name} ${location}`.trim();
    }
    return {
      source: 'inspection',
      sourceTicketId: null,
      buildingId,
      roomId: input.roomId ?? null,
      location,
      defect: input.defect ?? '',
      warrantyClass: input.warrantyClass!,
      reportedAt: now,
    };
  }
  const [found] = await ex
    .select({ ticket: tickets, category: repairOrders.category })
    .from(tickets)
    .leftJoin(repairOrders, eq(repairOrders.ticketId, tickets.id))
    .where(eq(tickets.id, input.sourceTicketId!));
  if (!found || found.ticket.communityId !== communityId || found.ticket.kind !== input.source) {
    throw itemError(i, 'sourceTicketId', '找不到本小区的该工单', 'No such record in this community');
  }
  const cls = input.warrantyClass ?? (found.category ? warrantyClassOf(found.category, policy.warranty) : null);
  if (!cls) throw itemError(i, 'warrantyClass', '请选择保修类别', 'Choose the warranty class');
  return {
    source: input.source,
    sourceTicketId: found.ticket.id,
    buildingId: found.ticket.buildingId,
    roomId: found.ticket.roomId,
    location: input.location || found.ticket.location,
    defect: input.defect || found.ticket.content,
    warrantyClass: cls,
    reportedAt: found.ticket.createdAt,
  };
}

/**
 * The office compiles a liaison form (工作联系单) to the developer's department from in-warranty
 * repair orders, complaint records or an inspection, and sends it: numbered LX, the reply clock
 * of the policy started, the developer's liaison told. One transaction.
 */
export async function createLiaison(deps: Deps, p: Principal, body: CreateLiaisonBody): Promise<{ id: string; number: string }> {
  requirePermission(p, 'warranty.create');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const community = await writableCommunity(tx, p, body.communityId);
    const policy = await loadPolicy(tx, p.companyId, community.id);
    const sent = sendLiaison(body.items.length, { actor: p, policy: policy.warranty, now });
    const items: ItemRow[] = [];
    for (const [i, input] of body.items.entries()) {
      const item = await itemOf(tx, community.id, input, i, policy, now);
      if (item.sourceTicketId && items.some((x) => x.sourceTicketId === item.sourceTicketId)) {
        throw itemError(i, 'sourceTicketId', '同一工单重复列入', 'The same record is listed twice');
      }
      if (item.sourceTicketId && (await liaisonFormsListing(tx, [item.sourceTicketId])).length > 0) {
        throw itemError(i, 'sourceTicketId', '该工单已在其他联系单中', 'That record is already on another liaison form');
      }
      const handover = await handoverDateOf(tx, item.buildingId);
      if (handover && !isInWarranty(handover, item.warrantyClass, item.reportedAt, policy.warranty, policy.timezone)) {
        throw itemError(i, 'warrantyClass', '该问题已过保修期', 'This defect is past its warranty');
      }
      items.push(item);
    }
    const number = await nextTicketNumber(tx, community, 'LX', policy.timezone, now);
    const id = randomUUID();
    const first = items[0]!;
    await insertTicket(tx, {
      ticket: {
        id,
        companyId: p.companyId,
        communityId: community.id,
        kind: 'liaison',
        number,
        status: sent.status,
        buildingId: first.buildingId,
        // The rooms stay on the items: a liaison form is the office's and the developer's, never a resident's.
        roomId: null,
        location: items
          .map((x) => x.location)
          .join('；')
          .slice(0, 500),
        reporterName: p.name,
        reporterPhone: '',
        channel: 'walk_in',
        content: body.subject,
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
        await ex.insert(liaisonForms).values({
          ticketId: id,
          companyId: p.companyId,
          communityId: community.id,
          works: body.works,
          toDepartment: body.toDepartment,
          subject: body.subject,
        });
        await ex.insert(liaisonItems).values(
          items.map((x, seq) => ({
            id: randomUUID(),
            companyId: p.companyId,
            communityId: community.id,
            ticketId: id,
            seq: seq + 1,
            source: x.source,
            sourceTicketId: x.sourceTicketId,
            buildingId: x.buildingId,
            roomId: x.roomId,
            location: x.location,
            defect: x.defect,
            warrantyClass: x.warrantyClass,
          })),
        );
      },
      actor: p,
      event: { type: 'LiaisonSent', data: { number, items: items.length, toDepartment: body.toDepartment, works: body.works } },
      schedule: sent.schedule,
      notices: sent.notices.map((n) => ({ roles: n.roles, userIds: [], title: n.title })),
      now,
    });
    return { id, number };
  });
}
