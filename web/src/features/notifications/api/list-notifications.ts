import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiResponse, api, unwrap } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type NotificationList = ApiResponse<'/api/notifications', 'get'>;
export type Notification = NotificationList['items'][number];

export const listNotifications = (): Promise<NotificationList> => unwrap(api.GET('/api/notifications'));

export const useNotifications = (enabled = true) =>
  useQuery({ queryKey: queryKeys.notifications, queryFn: listNotifications, enabled, refetchInterval: 120_000 });

export function useMarkNotificationRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}
