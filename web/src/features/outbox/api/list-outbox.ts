import { useQuery } from '@tanstack/react-query';
import { type ApiResponse, api, unwrap } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type OutboxMessage = ApiResponse<'/api/outbox', 'get'>[number];

export const listOutbox = (): Promise<OutboxMessage[]> => unwrap(api.GET('/api/outbox'));

export const useOutbox = () => useQuery({ queryKey: queryKeys.outbox, queryFn: listOutbox, refetchInterval: 15_000 });
