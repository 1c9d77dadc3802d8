import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ArrearsHousehold, ArrearsHouseholdDetail, arrearsListQuery, ImportResult } from '../../../../../src/contract/arrears';
import { ApiError } from '../../../lib/api-error';
import { api, unwrap } from '../../../lib/api-client';

export type { ArrearsHousehold, ArrearsHouseholdDetail, ImportResult };
export type ArrearsListParams = Partial<z.output<typeof arrearsListQuery>>;
type ArrearsPage = { items: ArrearsHousehold[]; total: number; totals: { households: number; outstandingCents: number; chaseDue: number } };

export const useArrears = (p: ArrearsListParams) =>
  useQuery({
    queryKey: ['arrears', 'list', p],
    queryFn: async () => {
      const page: ArrearsPage = await unwrap(api.GET('/api/arrears', { params: { query: p } }));
      return page;
    },
    placeholderData: keepPreviousData,
  });

export const useArrearsHousehold = (roomId: string) =>
  useQuery({
    queryKey: ['arrears', 'one', roomId],
    queryFn: async () => {
      const d: ArrearsHouseholdDetail = await unwrap(api.GET('/api/arrears/households/{id}', { params: { path: { id: roomId } } }));
      return d;
    },
  });

export const useArrearsClerks = (communityId: string | null, enabled: boolean) =>
  useQuery({
    queryKey: ['arrears', 'clerks', communityId],
    queryFn: async () => {
      const r: { items: { id: string; name: string; households: number }[] } = await unwrap(
        api.GET('/api/arrears/clerks', { params: { query: { communityId: communityId ?? undefined } } }),
      );
      return r.items;
    },
    enabled,
  });

function useArrearsMutation<B, R>(fn: (b: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: ['arrears'] }) });
}

export const useAssign = () =>
  useArrearsMutation(async (body: { communityId: string; roomIds: string[]; clerkId: string | null }) =>
    unwrap(api.POST('/api/arrears/assign', { body })),
  );

export const useRecordArrears = () =>
  useArrearsMutation(
    async (body: { communityId: string; roomId: string; ownerName?: string; feeType: string; period: string; amountCents: number }) => {
      const d: ArrearsHouseholdDetail = await unwrap(api.POST('/api/arrears', { body }));
      return d;
    },
  );

export const useRecordChase = () =>
  useArrearsMutation(
    async ({ roomId, body }: { roomId: string; body: { method: string; result: string; promisedDate?: string; note?: string } }) => {
      const d: ArrearsHouseholdDetail = await unwrap(
        api.POST('/api/arrears/households/{id}/chases', { params: { path: { id: roomId } }, body: body as never }),
      );
      return d;
    },
  );

export const useRecordPayment = () =>
  useArrearsMutation(async ({ lineId, body }: { lineId: string; body: { amountCents: number; note?: string } }) => {
    const d: ArrearsHouseholdDetail = await unwrap(
      api.POST('/api/arrears/lines/{id}/payments', { params: { path: { id: lineId } }, body }),
    );
    return d;
  });

/** Uploads finance's .xlsx list (multipart: the community, then the file). */
export const useImportArrears = () =>
  useArrearsMutation(async ({ communityId, file }: { communityId: string; file: File }): Promise<ImportResult> => {
    const form = new FormData();
    form.append('communityId', communityId);
    form.append('file', file);
    let response: Response;
    try {
      response = await fetch('/api/arrears/import', { method: 'POST', body: form, credentials: 'include' });
    } catch {
      throw ApiError.from(0, null);
    }
    const json = await response.json().catch(() => null);
    if (!response.ok) throw ApiError.from(response.status, json);
    return json as ImportResult;
  });

/** The export's address with the list's filters, for a plain download link. */
export function exportUrl(p: ArrearsListParams): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== null && k !== 'limit' && k !== 'offset') q.set(k, String(v));
  return `/api/arrears/export?${q.toString()}`;
}
