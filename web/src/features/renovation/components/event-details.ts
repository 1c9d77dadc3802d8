import { formatDateTime } from '../../../lib/datetime';
import { i18n, label } from '../../../lib/i18n';
import { formatYuan } from '../../../lib/money';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const t = (key: string) => (i18n.t as (k: string) => string)(key);

/** A label for an event's data key: the feature's own, else the shared one, else the key. */
function keyLabel(key: string): string {
  const own = `renovation.eventData.${key}`;
  if (i18n.exists(own)) return t(own);
  return label('eventData', key);
}

/** One value of an event's data in words a clerk reads (null: not shown). */
function show(key: string, value: unknown): string | null {
  if (value == null || value === '') return null;
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') return /Cents$/.test(key) ? formatYuan(value) : String(value);
  if (typeof value === 'string') {
    if (uuid.test(value)) return null;
    if (/At$/.test(key) || key === 'at') return formatDateTime(value);
    if (key === 'code') return label('renovation.documentNames', value);
    if (key === 'result') return label('renovation.patrols.resultNames', value);
    if (key === 'duty') return label('renovation.patrols.dutyNames', value);
    if (key === 'outcome') return label('renovation.inspections.outcomeNames', value);
    if (key === 'status' || key === 'step') return label('renovation.statuses', value);
    if (key === 'flag') return label('renovation.flags', value);
    if (key === 'side') return label('renovation.inspections', value);
    if (key === 'role') return label('role', value);
    if (key === 'purpose') return label('renovation.photoPurposes', value);
    return value;
  }
  if (Array.isArray(value)) {
    if (key === 'fields') return value.map((f) => label('renovation.fields', String(f))).join('、') || null;
    const parts = value.map((v) => {
      if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        const name = typeof o.name === 'string' ? o.name : '';
        if (typeof o.amountCents === 'number') return `${name} ${formatYuan(o.amountCents)}`;
        if (typeof o.cents === 'number') return formatYuan(o.cents);
        if (typeof o.isPassed === 'boolean') return `${name} ${o.isPassed ? '✓' : '✗'}`;
        return name || JSON.stringify(v);
      }
      return String(v);
    });
    return parts.length ? parts.join('、') : null;
  }
  if (typeof value === 'object' && key === 'workItems') {
    const ticked = Object.entries(value as Record<string, unknown>).filter(([, on]) => on === true);
    return ticked.map(([w]) => label('renovation.workItemNames', w)).join('、') || t('common.none');
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => {
        const s = show(k, v);
        return s == null ? null : `${keyLabel(k)} ${s}`;
      })
      .filter(Boolean);
    return inner.length ? inner.join('，') : null;
  }
  return String(value);
}

/** The label/value pairs of one step's data, in the current language, without ids. */
export function renovationEventDetails(data: Record<string, unknown>): { key: string; label: string; value: string }[] {
  const out: { key: string; label: string; value: string }[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (/Id$/.test(key) || key === 'id') continue;
    const v = show(key, value);
    if (v != null) out.push({ key, label: keyLabel(key), value: v });
  }
  return out;
}
