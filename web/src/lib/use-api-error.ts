import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, localize } from './api-error';
import { currentLanguage } from './i18n';
import { type ErrorForm, placeFieldErrors } from './place-field-errors';

/** Turns an error into a message in the current language (the server's text when there is one). */
export function useErrorText(): (e: unknown) => string {
  const { t } = useTranslation();
  return useCallback((e: unknown) => (isApiError(e) ? localize(e.text, currentLanguage()) : t('error.generic')), [t]);
}

/**
 * For antd forms on the desktop: shows the server's message and puts each field message on the
 * matching form item (see placeFieldErrors).
 */
export function useApiErrorHandler() {
  const { message } = App.useApp();
  const text = useErrorText();
  return useCallback(
    (e: unknown, form?: FormInstance, fieldMap: Record<string, string> = {}) => {
      void message.error(placeFieldErrors(e, text(e), form as ErrorForm | undefined, fieldMap));
    },
    [message, text],
  );
}
