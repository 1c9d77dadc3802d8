import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldPath, isApiError, localize } from './api-error';
import { currentLanguage } from './i18n';

/** Turns an error into a message in the current language (the server's text when there is one). */
export function useErrorText(): (e: unknown) => string {
  const { t } = useTranslation();
  return useCallback((e: unknown) => (isApiError(e) ? localize(e.text, currentLanguage()) : t('error.generic')), [t]);
}

/**
 * For antd forms on the desktop: shows the server's message and puts each field message on the
 * matching form item. `fieldMap` renames server fields to form fields ("amountCents" → "amount").
 * Field messages with no matching form item are added to the toast instead.
 */
export function useApiErrorHandler() {
  const { message } = App.useApp();
  const text = useErrorText();
  return useCallback(
    (e: unknown, form?: FormInstance, fieldMap: Record<string, string> = {}) => {
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
      const main = text(e);
      // A field message the main message already says is not repeated.
      const extra = unplaced.filter((m) => !main.includes(m));
      void message.error(extra.length ? `${main}：${extra.join('；')}` : main);
    },
    [message, text],
  );
}
