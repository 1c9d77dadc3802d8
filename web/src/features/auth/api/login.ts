import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../../../src/contract/auth';
import { api, unwrap } from '../../../lib/api-client';
import { switchIdentity } from '../../../lib/forget-session';
import { getMe } from './get-me';

export interface StaffCredentials {
  username: string;
  password: string;
}

export async function login(body: StaffCredentials): Promise<Me> {
  await unwrap(api.POST('/api/auth/login', { body }));
  return signedInMe();
}

/** Sign-in answers only {ok}; who signed in comes from /api/me. */
export async function signedInMe(): Promise<Me> {
  const me = await getMe();
  if (!me) throw new Error('signed in, yet /api/me says nobody is');
  return me;
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      switchIdentity(qc, me);
    },
  });
}
