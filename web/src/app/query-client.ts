import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api-error';
import { queryKeys } from '../lib/query-keys';

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // A 401 anywhere means the session ended: forget who was signed in, the guards send to login.
    onError: (error, query) => {
      if (isApiError(error) && error.status === 401 && query.queryKey[0] !== 'me') queryClient.setQueryData(queryKeys.me, null);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});
