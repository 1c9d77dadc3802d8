import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../../../src/contract/auth';
import { api, unwrap } from '../../../lib/api-client';
import { switchIdentity } from '../../../lib/forget-session';
import { signedInMe } from './login';

const phoneKey = 'pd_resident_phone';

export async function requestCode(phone: string): Promise<{ sent: true; demoCode?: string }> {
  const res: { sent: true; demoCode?: string } = await unwrap(api.POST('/api/auth/resident/request-code', { body: { phone } }));
  return res;
}

export async function residentLogin(body: { phone: string; code: string }): Promise<Me> {
  await unwrap(api.POST('/api/auth/resident/login', { body }));
  const me = await signedInMe();
  try {
    localStorage.setItem(phoneKey, body.phone);
  } catch {
    // Not remembered: the resident types the phone again when reporting.
  }
  return me;
}

/** The mobile number the resident signed in with on this device (Me carries no phone). */
export function residentPhone(): string {
  try {
    return localStorage.getItem(phoneKey) ?? '';
  } catch {
    return '';
  }
}

export const useRequestCode = () => useMutation({ mutationFn: requestCode });

export function useResidentLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: residentLogin,
    onSuccess: (me) => {
      switchIdentity(qc, me);
    },
  });
}
