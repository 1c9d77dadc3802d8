import { and, desc, eq, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import { can } from '../../domain/access/permissions.js';
import { forbidden, notFound } from '../../domain/shared/errors.js';
import type { WarrantyClass } from '../../domain/warranty/classes.js';
import type { LiaisonStatus } from '../../domain/warranty/machine.js';
import { warrantyStatusOf } from '../../domain/warranty/period.js';
import type { Executor } from '../../db/client.js';
import { buildings, liaisonItems, repairOrders, tickets } from '../../db/schema/index.js';
import { canSeeTicket, communityScope, type Deps, type Principal, policyOf, requirePermission } from '../context.js';

/** The handover date of a building, or null when unknown. */
export async function handoverDateOf(ex: Executor, buildingId: string | null): Promise<string | null> {
  if (!buildingId) return null;
  const [b] = await ex.select({ handoverDate: buildings.handoverDate }).from(buildings).where(eq(buildings.id, buildingId));
  return b?.handoverDate ?? null;
}

/** The liaison forms (not cancelled) that list a ticket. */
export async function liaisonFormsListing(ex: Executor, sourceTicketIds: string[]) {
  if (sourceTicketIds.length === 0) return [];
  return ex
    .select({ sourceTicketId: liaisonItems.sourceTicketId, id: tickets.id, number: tickets.number, status: tickets.status })
    .from(liaisonItems)
    .innerJoin(tickets, eq(tickets.id, liaisonItems.ticketId))
    .where(and(inArray(liaisonItems.sourceTicketId, sourceTicketIds), sql`${tickets.status} <> 'cancelled'`));
}

/**
 * Whether a repair order is in warranty (by its building's handover date and the policy it was
 * created under), and which liaison forms list it. For staff who see repair orders.
 */
export async function repairWarrantyStatus(deps: Deps, p: Principal, orderId: string) {
  if (!can(p.role, 'repair.view') || p.role === 'resident') throw forbidden();
  const ex = deps.database.db;
  const [found] = await ex
    .select({ ticket: tickets, category: repairOrders.category })
    .from(tickets)
    .innerJoin(repairOrders, eq(repairOrders.ticketId, tickets.id))
    .where(eq(tickets.id, orderId));
  if (!found || !canSeeTicket(p, found.ticket)) throw notFound({ zh: '工单', en: 'Order' });
  const policy = policyOf(found.ticket);
  const status = warrantyStatusOf(
    found.category,
    await handoverDateOf(ex, found.ticket.buildingId),
    found.ticket.createdAt,
    policy.warranty,
    policy.timezone,
  );
  const forms = (await liaisonFormsListing(ex, [orderId])).map(({ id, number, status: s }) => ({ id, number, status: s as LiaisonStatus }));
  return { ...status, liaisonForms: forms, canRaiseLiaison: can(p.role, 'warranty.create') && status.isInWarranty === true };
}

/**
 * Repair orders of a community still in warranty and on no liaison form yet: what the office
 * compiles a form from. The newest few hundred orders are looked at.
 */
export async function warrantyCandidates(deps: Deps, p: Principal, communityId: string | undefined) {
  requirePermission(p, 'warranty.create');
  const ex = deps.database.db;
  const scope = await communityScope(ex, p, communityId);
  const listed = ex
    .select({ id: liaisonItems.sourceTicketId })
    .from(liaisonItems)
    .innerJoin(tickets, eq(tickets.id, liaisonItems.ticketId))
    .where(and(isNotNull(liaisonItems.sourceTicketId), sql`${tickets.status} <> 'cancelled'`));
  const rows = await ex
    .select({ ticket: tickets, category: repairOrders.category, handoverDate: buildings.handoverDate })
    .from(tickets)
    .innerJoin(repairOrders, eq(repairOrders.ticketId, tickets.id))
    .innerJoin(buildings, eq(buildings.id, tickets.buildingId))
    .where(
      and(
        eq(tickets.companyId, p.companyId),
        eq(tickets.kind, 'repair'),
        scope ? inArray(tickets.communityId, scope) : undefined,
        sql`${tickets.status} <> 'cancelled'`,
        notInArray(tickets.id, listed),
      ),
    )
    .orderBy(desc(tickets.createdAt))
    .limit(300);
  const items = [];
  for (const r of rows) {
    // The policy the order was created under decides.
    const policy = policyOf(r.ticket);
    const s = warrantyStatusOf(r.category, r.handoverDate, r.ticket.createdAt, policy.warranty, policy.timezone);
    if (s.isInWarranty !== true) continue;
    items.push({
      id: r.ticket.id,
      number: r.ticket.number,
      category: r.category,
      status: r.ticket.status,
      location: r.ticket.location,
      content: r.ticket.content,
      createdAt: r.ticket.createdAt.toISOString(),
      warrantyClass: s.warrantyClass as WarrantyClass,
      lastDay: s.lastDay!,
    });
  }
  return { items };
}
