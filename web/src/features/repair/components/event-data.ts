import { formatDateTime } from '../../../lib/datetime';
import { i18n, label } from '../../../lib/i18n';
import { formatYuan } from '../../../lib/money';

// Ids, and the visit task's own state change (the event type already says what happened).
const hidden = new Set(['technicianId', 'previousAssigneeId', 'residentId', 'ticketId', 'visitId', 'visitFrom', 'visitTo', 'visitorId']);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Turns one value of an event's data into words a clerk reads. */
function show(type: string, key: string, value: unknown): string | null {
  if (value == null || value === '') return null;
  if (typeof value === 'boolean') return i18n.t(value ? 'common.yes' : 'common.no');
  if (/Cents$/.test(key) && typeof value === 'number') return formatYuan(value);
  if ((key === 'appointmentAt' || key === 'previous' || key.endsWith('At')) && typeof value === 'string') return formatDateTime(value);
  if (typeof value === 'string') {
    if (uuid.test(value)) return null;
    if (key === 'outcome') return label('visitOutcome', value);
    if (key === 'method') {
      if (type === 'VisitRecorded') return label('visitMethod', value);
      // How the visit was verified: the resident's code, or the desk's phone call (not a "phone visit").
      if (value === 'code') return i18n.t('action.verify_code');
      if (value === 'phone') return i18n.t('action.confirm_by_phone');
      return value;
    }
    if (key === 'customerMaterialRating') return label('materialRating', value);
    if (key === 'chargeCheck') return label('chargeCheck', value);
    if (key === 'duty') return label('visitDuty', value);
    if (key === 'rule') return label('visitRule', value);
    if (key === 'ticketKind') return label('ticketKind', value);
    if (key === 'reason' && type === 'OrderPutOnHold') return label('holdReason', value);
    if (key === 'timer') return label('timer', value);
    if (key === 'channel' || key === 'urgency' || key === 'category' || key === 'area' || key === 'timing') return label(key, value);
    if (key === 'flag') return label('flag', value);
    if (key === 'role') return label('role', value);
    return value;
  }
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** The label/value pairs of an event's data, in the current language, without ids. */
export function eventDetails(type: string, data: Record<string, unknown>): { key: string; label: string; value: string }[] {
  const out: { key: string; label: string; value: string }[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (hidden.has(key)) continue;
    const v = show(type, key, value);
    if (v == null) continue;
    out.push({ key, label: label('eventData', key), value: v });
  }
  return out;
}
