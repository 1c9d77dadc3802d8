import { fieldPath, isApiError, localize } from './api-error';
import { currentLanguage } from './i18n';

/** What antd's and antd-mobile's forms both offer for showing errors on their items. */
export interface ErrorForm {
  getFieldsError(): { name: (string | number)[] }[];
  setFields(fields: { name: string[]; errors: string[] }[]): void;
}

/**
 * Puts each field message of a server error on the matching form item and returns the one line
 * to show: the server's message, plus field messages no item could take. `fieldMap` renames
 * server fields to form fields ("amountCents" → "amount").
 */
export function placeFieldErrors(e: unknown, main: string, form?: ErrorForm, fieldMap: Record<string, string> = {}): string {
  const lang = currentLanguage();
  const unplaced: string[] = [];
  if (isApiError(e) && e.fields.length) {
    const registered = form ? new Set(form.getFieldsError().map((f) => f.name.join('.'))) : new Set<string>();
    const placed: { name: string[]; errors: string[] }[] = [];
    for (const f of e.fields) {
      const raw = fieldPath(f.field).join('.');
      const name = fieldMap[raw] ?? raw;
      const msg = localize(f.message, lang);
      if (registered.has(name)) placed.push({ name: name.split('.'), errors: [msg] });
      else unplaced.push(msg);
    }
    if (form && placed.length) form.setFields(placed);
  }
  // A field message the main message already says is not repeated.
  const extra = unplaced.filter((m) => !main.includes(m));
  return extra.length ? `${main}：${extra.join('；')}` : main;
}
