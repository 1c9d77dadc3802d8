import { Toast } from 'antd-mobile';
import type { FormInstance } from 'antd-mobile/es/components/form';
import { useCallback } from 'react';
import { type ErrorForm, placeFieldErrors } from './place-field-errors';
import { useErrorText } from './use-api-error';

/**
 * For phone pages: a toast with the server's message, and field messages on the form's items
 * (see placeFieldErrors).
 */
export function useMobileErrorText() {
  const text = useErrorText();
  return useCallback(
    (e: unknown, form?: FormInstance, fieldMap: Record<string, string> = {}) => {
      Toast.show({ icon: 'fail', content: placeFieldErrors(e, text(e), form as ErrorForm | undefined, fieldMap), duration: 2500 });
    },
    [text],
  );
}
