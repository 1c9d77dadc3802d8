import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { invalid, notFound } from '../domain/shared/errors.js';
import { ticketPhotos } from '../db/schema/index.js';
import { getPhoto, getRepairOrderRow, insertPhoto, lockRepairOrder } from '../db/repositories/repair-orders.js';
import { publishLive, ticketChanged } from '../notify/live.js';
import { canSeeTicket, type Deps, type Principal, requirePermission } from './context.js';
import { recordEvent } from './tickets/history.js';

export const maxPhotoBytes = 5 * 1024 * 1024;
export const maxPhotosPerTicket = 12;

/** The image type by its first bytes; the declared type is never trusted. */
export function sniffImage(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length > 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

const photoError = (zh: string, en: string) => invalid('invalid_photo', { zh, en }, [{ field: 'file', message: { zh, en } }]);

/** Attaches a photo to an order the person can see. */
export async function attachPhoto(deps: Deps, p: Principal, ticketId: string, bytes: Uint8Array) {
  requirePermission(p, 'repair.attach_photo');
  if (bytes.length === 0) throw photoError('请选择照片', 'Choose a photo');
  if (bytes.length > maxPhotoBytes) throw photoError('照片不能超过5MB', 'Photos must be 5 MB or smaller');
  const mime = sniffImage(bytes);
  if (!mime) throw photoError('只支持JPEG、PNG或WebP图片', 'Only JPEG, PNG or WebP images');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const loaded = await lockRepairOrder(tx, ticketId);
    if (!loaded || !canSeeTicket(p, loaded.ticket)) throw notFound({ zh: '工单', en: 'Order' });
    const { ticket } = loaded;
    const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(ticketPhotos).where(eq(ticketPhotos.ticketId, ticketId));
    if (Number(count?.n ?? 0) >= maxPhotosPerTicket)
      throw photoError(`每张工单最多${maxPhotosPerTicket}张照片`, `At most ${maxPhotosPerTicket} photos per order`);
    const id = randomUUID();
    await insertPhoto(tx, {
      id,
      companyId: ticket.companyId,
      communityId: ticket.communityId,
      ticketId,
      mime,
      sizeBytes: bytes.length,
      content: bytes,
      uploadedBy: p.name,
      createdAt: now,
    });
    await recordEvent(tx, ticket, p, ticket.status, ticket.status, { type: 'PhotoAdded', data: { photoId: id } }, now);
    await publishLive(tx, ticketChanged(ticket, ticket.status));
    return { id, mime };
  });
}

/** A photo, only for people who can see its order. */
export async function readPhoto(deps: Deps, p: Principal, id: string) {
  requirePermission(p, 'repair.view');
  const ex = deps.database.db;
  const photo = await getPhoto(ex, id);
  if (!photo) throw notFound({ zh: '照片', en: 'Photo' });
  const row = await getRepairOrderRow(ex, photo.ticketId);
  if (!row || !canSeeTicket(p, row.ticket)) throw notFound({ zh: '照片', en: 'Photo' });
  return photo;
}
