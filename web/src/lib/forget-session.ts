import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from './query-keys';

/**
 * Switches the cached identity and drops every other cached answer. The 'me' query itself is kept
 * (only its data changes), so components already watching it re-render and refetch what they need.
 */
export function switchIdentity<T>(qc: QueryClient, me: T | null): void {
  qc.setQueryData(queryKeys.me, me);
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
}
