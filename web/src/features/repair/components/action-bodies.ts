import type { Dayjs } from 'dayjs';
import { toServerTime } from '../../../lib/datetime';
import { yuanToFen } from '../../../lib/money';
import type { RepairAction, RepairDetail } from '../api/types';

/** Form values of an action form; money in yuan, times as picker values. */
export type ActionValues = Record<string, unknown>;

/** Actions that only need a yes: no fields. */
export const confirmOnlyActions: RepairAction[] = ['grab', 'accept', 'arrive', 'accept_quote'];

/** Actions shown as red (they stop, refuse or undo work). */
export const dangerActions: RepairAction[] = ['decline', 'cancel', 'reject_completion', 'refuse_quote', 'close_returned'];

/** Server body fields that the forms show under another name (money in yuan). */
export const actionFieldMap: Record<string, string> = {
  labourFeeCents: 'labourFee',
  materialFeeCents: 'materialFee',
  quoteCents: 'price',
  amountCents: 'amount',
};

const text = (v: unknown): string | undefined => {
  const s = typeof v === 'string' ? v.trim() : v == null ? '' : String(v);
  return s === '' ? undefined : s;
};

const time = (v: unknown): string | undefined => (v ? toServerTime(v as Dayjs | Date) : undefined);

/** What a form starts with: the payment is the fees recorded, the ETA empty, and so on. */
export function initialValues(action: RepairAction, order: RepairDetail): ActionValues {
  switch (action) {
    case 'record_payment':
      return { amount: (order.labourFeeCents + order.materialFeeCents) / 100 || (order.quoteCents ?? 0) / 100 };
    case 'record_work':
      return {
        actualItems: order.actualItems ?? '',
        labourFee: order.labourFeeCents ? order.labourFeeCents / 100 : undefined,
        materialFee: order.materialFeeCents ? order.materialFeeCents / 100 : undefined,
        customerMaterialRating: order.customerMaterialRating ?? 'none',
      };
    case 'quote':
      return { isFeasible: true };
    case 'visit':
      return { outcome: 'satisfied', method: 'phone' };
    case 'hold':
      return { reason: 'parts' };
    case 'assign':
      return { technicianId: order.requestedTechnicianId ?? undefined };
    default:
      return {};
  }
}

/** The request body of an action, as src/contract/repair.ts actionBodies defines it. */
export function toBody(action: RepairAction, v: ActionValues): Record<string, unknown> {
  switch (action) {
    case 'assign':
      return { technicianId: v.technicianId, note: text(v.note) };
    case 'decline':
    case 'confirm_by_phone':
    case 'refuse_quote':
    case 'reject_completion':
    case 'cancel':
    case 'close_returned':
      return { reason: text(v.reason) ?? '' };
    case 'set_off':
      return { etaMinutes: v.etaMinutes == null || v.etaMinutes === '' ? undefined : Number(v.etaMinutes) };
    case 'verify_code':
      return { code: text(v.code) ?? '' };
    case 'reschedule':
      return { appointmentAt: time(v.appointmentAt), reason: text(v.reason) ?? '' };
    case 'record_work':
      return {
        actualItems: text(v.actualItems),
        labourFeeCents: yuanToFen(v.labourFee as number | undefined),
        materialFeeCents: yuanToFen(v.materialFee as number | undefined),
        customerMaterialRating: v.customerMaterialRating === 'none' || !v.customerMaterialRating ? null : v.customerMaterialRating,
        note: text(v.note),
      };
    case 'hold':
      return { reason: v.reason, note: text(v.note) ?? '' };
    case 'resume':
      return { note: text(v.note) };
    case 'request_quote':
      return { description: text(v.description) ?? '' };
    case 'quote':
      return {
        isFeasible: !!v.isFeasible,
        quoteCents: v.isFeasible ? yuanToFen(v.price as number | undefined) : undefined,
        note: text(v.note) ?? '',
      };
    case 'complete':
      return { summary: text(v.summary) ?? '' };
    case 'confirm':
      return { signature: text(v.signature) };
    case 'record_payment':
      return { amountCents: yuanToFen(v.amount as number | undefined) ?? 0, receiptNo: text(v.receiptNo) };
    case 'visit':
      return { outcome: v.outcome, method: v.method, comment: text(v.comment) ?? '' };
    default:
      return {};
  }
}
