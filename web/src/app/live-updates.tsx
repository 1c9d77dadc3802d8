import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useMe } from '../features/auth/api/get-me';
import { liveFamilies } from '../lib/query-keys';

/**
 * Listens to the server's event stream while someone is signed in; any message makes boards,
 * lists, orders and notifications stale so that open screens refetch at once.
 */
export function LiveUpdates() {
  const { data: me } = useMe();
  const qc = useQueryClient();
  const userId = me?.id;
  useEffect(() => {
    if (!userId || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/live', { withCredentials: true });
    let pending: ReturnType<typeof setTimeout> | null = null;
    source.onmessage = () => {
      // Bursts (an action plus its notifications) refetch once.
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        for (const key of liveFamilies) void qc.invalidateQueries({ queryKey: [...key] });
      }, 150);
    };
    return () => {
      if (pending) clearTimeout(pending);
      source.close();
    };
  }, [userId, qc]);
  return null;
}
