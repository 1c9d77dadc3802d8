import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ContactActionPath,
  ContactDetail,
  ContactSummary,
  contactActionBodies,
  contactListQuery,
  CreateContactBody,
} from '../../../../../src/contract/intake';
import { api, unwrap } from '../../../lib/api-client';

export type { ContactDetail, ContactSummary, ContactActionPath, CreateContactBody };
export type ContactListParams = Partial<z.output<typeof contactListQuery>>;
export type ContactActionBody<A extends ContactActionPath> = z.input<(typeof contactActionBodies)[A]>;

export const contactKeys = {
  list: (p: object) => ['contacts', 'list', p] as const,
  one: (id: string) => ['contacts', 'one', id] as const,
  emergencies: (communityId: string | null) => ['contacts', 'emergencies', communityId] as const,
};

export const useContacts = (p: ContactListParams) =>
  useQuery({
    queryKey: contactKeys.list(p),
    queryFn: async () => {
      const page: { items: ContactSummary[]; total: number } = await unwrap(api.GET('/api/contacts', { params: { query: p } }));
      return page;
    },
    placeholderData: keepPreviousData,
  });

export const useContact = (id: string) =>
  useQuery({
    queryKey: contactKeys.one(id),
    queryFn: async () => {
      const d: ContactDetail = await unwrap(api.GET('/api/contacts/{id}', { params: { path: { id } } }));
      return d;
    },
  });

export const useEmergencies = (communityId: string | null, enabled: boolean) =>
  useQuery({
    queryKey: contactKeys.emergencies(communityId),
    queryFn: async () => {
      const r: { items: ContactSummary[] } = await unwrap(
        api.GET('/api/contacts/emergencies', { params: { query: { communityId: communityId ?? undefined } } }),
      );
      return r.items;
    },
    enabled,
    refetchInterval: 30_000,
  });

const invalidate = (qc: ReturnType<typeof useQueryClient>) => {
  void qc.invalidateQueries({ queryKey: ['contacts'] });
  void qc.invalidateQueries({ queryKey: ['orders'] });
  void qc.invalidateQueries({ queryKey: ['matters'] });
};

export function useLogContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateContactBody) => {
      const d: ContactDetail = await unwrap(api.POST('/api/contacts', { body }));
      return d;
    },
    onSuccess: () => invalidate(qc),
  });
}

type Call = (id: string, body: never) => Promise<{ data?: ContactDetail; error?: unknown; response: Response }>;
const p = (id: string) => ({ path: { id } });
/** One typed call per action, so the API document is checked against every body the UI sends. */
const calls: Record<ContactActionPath, Call> = {
  triage: (id, body) => api.POST('/api/contacts/{id}/triage', { params: p(id), body }),
  reply: (id, body) => api.POST('/api/contacts/{id}/reply', { params: p(id), body }),
  escalate: (id, body) => api.POST('/api/contacts/{id}/escalate', { params: p(id), body }),
  acknowledge: (id, body) => api.POST('/api/contacts/{id}/acknowledge', { params: p(id), body }),
  resolve: (id, body) => api.POST('/api/contacts/{id}/resolve', { params: p(id), body }),
  close: (id, body) => api.POST('/api/contacts/{id}/close', { params: p(id), body }),
  void: (id, body) => api.POST('/api/contacts/{id}/void', { params: p(id), body }),
};

export function useContactAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action, body }: { id: string; action: ContactActionPath; body: Record<string, unknown> }) => {
      const d: ContactDetail = await unwrap(calls[action](id, body as never));
      return d;
    },
    onSuccess: (d) => {
      qc.setQueryData(contactKeys.one(d.id), d);
      // Taken (or otherwise moved on): off the red banner at once, before the lists refetch.
      if (d.status !== 'emergency') {
        qc.setQueriesData<ContactSummary[]>({ queryKey: ['contacts', 'emergencies'] }, (items) => items?.filter((e) => e.id !== d.id));
      }
      invalidate(qc);
    },
  });
}
