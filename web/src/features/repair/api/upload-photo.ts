import { useMutation, useQueryClient } from '@tanstack/react-query';
import { uploadOrderPhoto } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'];
export const maxPhotoBytes = 5 * 1024 * 1024;

/** Why a file may not be uploaded, as an i18n key, or null when it may. */
export function photoProblem(file: { type: string; size: number }): 'order.photoWrongType' | 'order.photoTooLarge' | null {
  if (!photoTypes.includes(file.type)) return 'order.photoWrongType';
  if (file.size > maxPhotoBytes) return 'order.photoTooLarge';
  return null;
}

export function useUploadPhoto(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File | Blob) => uploadOrderPhoto(orderId, file),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.order(orderId) }),
  });
}
