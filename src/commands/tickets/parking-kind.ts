import { randomUUID } from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { decideParking, type ParkingCard, type ParkingCommand, type ParkingTimerKind } from '../../domain/parking/decide.js';
import { fireParkingTimer } from '../../domain/parking/fire-timer.js';
import {
  type ParkingAction,
  type ParkingSpaceStatus,
  type ParkingStatus,
  parkingActions,
  parkingRules,
} from '../../domain/parking/machine.js';
import { invalid, notFound } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import type { TicketRow } from '../../db/repositories/repair-orders.js';
import { householdVehicles, parkingApplications, parkingPayments, parkingSpaces } from '../../db/schema/index.js';
import { canSeeInScope, type Principal } from '../context.js';
import { moot, type TicketKind } from './kind.js';

export type ParkingRow = typeof parkingApplications.$inferSelect;
type ParkingPatch = Partial<typeof parkingApplications.$inferInsert>;

/** The rules' view of a stored application. */
export function toCard(ticket: Pick<TicketRow, 'status'>, row: ParkingRow): ParkingCard {
  return {
    status: ticket.status as ParkingStatus,
    spaceId: row.spaceId,
    agreementSignedAt: row.agreementSignedAt,
    paidMonths: row.paidMonths,
    cardNumber: row.cardNumber,
    validFrom: row.validFrom,
    validTo: row.validTo,
  };
}

/** Whether this person may see this application: parking staff of its community (security of the departments), or its household. */
export function canSeeParking(p: Principal, ticket: TicketRow): boolean {
  if ((p.role as string) === 'system') return ticket.companyId === p.companyId;
  if (!canSeeInScope(p, ticket, 'parking.view')) return false;
  return p.role !== 'department_staff' || p.department === 'security';
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const int = (v: unknown): number => (typeof v === 'number' ? v : Number.NaN);

/** A space of the application's community, locked for the step. */
async function lockSpace(ex: Executor, ticket: TicketRow, spaceId: string) {
  const [space] = await ex.select().from(parkingSpaces).where(eq(parkingSpaces.id, spaceId)).for('update');
  if (!space || space.companyId !== ticket.companyId || space.communityId !== ticket.communityId) {
    throw invalid('invalid_field', { zh: '车位不属于本小区', en: 'That space is not in this community' }, [
      { field: 'spaceId', message: { zh: '请选择本小区的车位', en: 'Choose a space of this community' } },
    ]);
  }
  return space;
}

/** Reads a request body into the rules' command (the space is looked up for `assign`). */
async function commandOf(tx: Executor, ticket: TicketRow, action: ParkingAction, b: Record<string, unknown>): Promise<ParkingCommand> {
  switch (action) {
    case 'assign': {
      const space = await lockSpace(tx, ticket, text(b.spaceId));
      return { action, space: { id: space.id, status: space.status as ParkingSpaceStatus } };
    }
    case 'reject':
    case 'cancel':
      return { action, reason: text(b.reason) };
    case 'sign_agreement':
    case 'expire':
      return { action };
    case 'pay':
    case 'renew':
      return { action, amountCents: int(b.amountCents), months: int(b.months), receiptNo: text(b.receiptNo) };
    case 'issue_card':
      return {
        action,
        cardNumber: text(b.cardNumber),
        validFrom: typeof b.validFrom === 'string' && b.validFrom ? b.validFrom : undefined,
      };
  }
}

/** 车位: a parking application and its card as the ticket engine drives it. */
export const parkingKind: TicketKind<ParkingRow, ParkingPatch> = {
  kind: 'parking',
  viewPermission: 'parking.view',
  load: async (ex, id) => (await ex.select().from(parkingApplications).where(eq(parkingApplications.ticketId, id)))[0] ?? null,
  save: async (ex, id, patch) => {
    await ex.update(parkingApplications).set(patch).where(eq(parkingApplications.ticketId, id));
  },
  canSee: (p, ticket) => canSeeParking(p, ticket),
  whoMay: (action) => ((parkingActions as readonly string[]).includes(action) ? parkingRules[action as ParkingAction].who : null),
  async decide({ tx, p, ticket, row, action, body, policy, now }) {
    const command = await commandOf(tx, ticket, action as ParkingAction, (body ?? {}) as Record<string, unknown>);
    const d = decideParking(toCard(ticket, row), command, { actor: p, policy: policy.parking, timezone: policy.timezone, now });
    if (command.action === 'issue_card') {
      const [taken] = await tx
        .select({ id: parkingApplications.ticketId })
        .from(parkingApplications)
        .where(
          and(
            eq(parkingApplications.companyId, ticket.companyId),
            eq(parkingApplications.communityId, ticket.communityId),
            eq(parkingApplications.cardNumber, d.patch.cardNumber ?? ''),
            ne(parkingApplications.ticketId, ticket.id),
          ),
        );
      if (taken) {
        throw invalid('card_number_taken', { zh: '该停车卡号已被使用', en: 'That card number is in use' }, [
          { field: 'cardNumber', message: { zh: '该停车卡号已被使用', en: 'That card number is in use' } },
        ]);
      }
    }
    const patch: ParkingPatch = {};
    if (d.patch.spaceId !== undefined) patch.spaceId = d.patch.spaceId;
    if (d.patch.agreementSignedAt !== undefined) patch.agreementSignedAt = d.patch.agreementSignedAt;
    if (d.patch.paidMonths !== undefined) patch.paidMonths = d.patch.paidMonths;
    if (d.patch.cardNumber !== undefined) patch.cardNumber = d.patch.cardNumber;
    if (d.patch.validFrom !== undefined) patch.validFrom = d.patch.validFrom;
    if (d.patch.validTo !== undefined) patch.validTo = d.patch.validTo;
    if (command.action === 'reject') patch.rejectionReason = command.reason;
    if (command.action === 'cancel') patch.cancelReason = command.reason;
    const { space, vehicle, payment } = d.effects;
    return {
      to: d.to,
      ticket: d.to === 'rejected' ? { closedAt: now } : {},
      row: patch,
      event: d.event,
      cancel: d.cancel,
      schedule: d.schedule,
      notices: d.notices,
      after: async (ex: Executor) => {
        if (space) {
          if (command.action !== 'assign') await lockSpace(ex, ticket, space.id);
          await ex
            .update(parkingSpaces)
            .set({ status: space.status, holderTicketId: space.isHeld ? ticket.id : null, updatedAt: now })
            .where(eq(parkingSpaces.id, space.id));
        }
        if (vehicle === 'record' && ticket.roomId) {
          await ex.insert(householdVehicles).values({
            id: randomUUID(),
            companyId: ticket.companyId,
            communityId: ticket.communityId,
            roomId: ticket.roomId,
            plateNumber: row.plateNumber,
            vehicleModel: row.vehicleModel,
            driverName: row.driverName,
            ticketId: ticket.id,
            spaceId: row.spaceId,
            recordedAt: now,
          });
        }
        if (vehicle === 'remove') {
          await ex
            .update(householdVehicles)
            .set({ removedAt: now })
            .where(and(eq(householdVehicles.ticketId, ticket.id), isNull(householdVehicles.removedAt)));
        }
        if (payment) {
          await ex.insert(parkingPayments).values({
            id: randomUUID(),
            companyId: ticket.companyId,
            communityId: ticket.communityId,
            ticketId: ticket.id,
            ...payment,
            paidAt: now,
            recordedById: p.id,
            recordedByName: p.name,
          });
        }
      },
    };
  },
  async fireTimer({ ticket, row, timer }) {
    const r = fireParkingTimer(toCard(ticket, row), { kind: timer.kind as ParkingTimerKind });
    if (r.kind === 'moot') return moot;
    if (r.kind === 'remind') return { isRelevant: true, event: r.event, cancel: [], schedule: [], notices: r.notices };
    // The step itself (the window opens or ends, the card expires) is the kind's own action, run by the system.
    return { isRelevant: true, event: null, cancel: [], schedule: [], notices: [], systemAction: r.action };
  },
};

/** A space of the caller's scope, or 404. */
export async function spaceInScope(ex: Executor, p: Principal, id: string) {
  const [space] = await ex.select().from(parkingSpaces).where(eq(parkingSpaces.id, id));
  if (!space || space.companyId !== p.companyId || (p.communityId && space.communityId !== p.communityId))
    throw notFound({ zh: '车位', en: 'Parking space' });
  return space;
}
