import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { switchIdentity } from '../../../lib/forget-session';

export async function logout(): Promise<void> {
  await unwrap(api.POST('/api/auth/logout')).catch(() => undefined);
}

/** Signs out and forgets every cached answer of the previous person. */
export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      switchIdentity(qc, null);
    },
  });
}
