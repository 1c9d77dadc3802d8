import { Toast } from 'antd-mobile';
import type { FormInstance } from 'antd-mobile/es/components/form';
import { useCallback } from 'react';
import { fieldPath, isApiError, localize } from './api-error';
import { currentLanguage } from './i18n';
import { useErrorText } from './use-api-error';

/**
 * For phone pages: a toast with the server's message, and field messages on the form's items
 * (fields the form does not have are added to the toast).
 */
export function useMobileErrorText() {
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
      Toast.show({ icon: 'fail', content: extra.length ? `${main}：${extra.join('；')}` : main, duration: 2500 });
    },
    [text],
  );
}
