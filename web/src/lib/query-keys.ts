/** React Query keys, grouped so that a live update can invalidate whole families at once. */
export const queryKeys = {
  me: ['me'] as const,
  communities: ['communities'] as const,
  buildings: (communityId: string) => ['directory', 'buildings', communityId] as const,
  rooms: (params: object) => ['directory', 'rooms', params] as const,
  technicians: (communityId: string) => ['technicians', communityId] as const,
  orders: (params: object) => ['orders', params] as const,
  order: (id: string) => ['order', id] as const,
  frontDesk: (communityId: string | null) => ['boards', 'front-desk', communityId] as const,
  dispatch: (communityId: string | null) => ['boards', 'dispatch', communityId] as const,
  notifications: ['notifications'] as const,
  visits: (params: object) => ['visits', params] as const,
  policy: (communityId: string | null) => ['policy', communityId] as const,
  outbox: ['outbox'] as const,
};

/** What a server-sent event makes stale. */
export const liveFamilies = [
  ['boards'],
  ['orders'],
  ['order'],
  ['notifications'],
  ['visits'],
  ['technicians'],
  ['contacts'],
  ['matters'],
] as const;
