import { and, eq } from 'drizzle-orm';
import { forbidden, notFound } from '../../domain/shared/errors.js';
import { getPhoto } from '../../db/repositories/repair-orders.js';
import { liaisonItems, tickets } from '../../db/schema/index.js';
import { checkUpload, cleanFilename, getAttachment, storeAttachment } from '../attachments.js';
import { type Deps, type Principal, requirePermission } from '../context.js';
import { canSeeLiaison } from '../tickets/liaison-kind.js';

async function visibleForm(deps: Deps, p: Principal, id: string) {
  requirePermission(p, 'warranty.view');
  const [ticket] = await deps.database.db.select().from(tickets).where(eq(tickets.id, id));
  if (ticket?.kind !== 'liaison' || !canSeeLiaison(p, ticket)) throw notFound({ zh: '工作联系单', en: 'Liaison form' });
  return ticket;
}

/** The office adds a photo of a listed defect (an inspection's, or a fresh one). */
export async function addLiaisonPhoto(
  deps: Deps,
  p: Principal,
  id: string,
  itemId: string,
  upload: { bytes: Uint8Array; filename: string | undefined },
) {
  requirePermission(p, 'warranty.create');
  const ticket = await visibleForm(deps, p, id);
  if (['closed', 'cancelled'].includes(ticket.status))
    throw forbidden('form_closed', { zh: '联系单已结束', en: 'The liaison form is finished' });
  const [item] = await deps.database.db
    .select({ id: liaisonItems.id })
    .from(liaisonItems)
    .where(and(eq(liaisonItems.id, itemId), eq(liaisonItems.ticketId, id)));
  if (!item) throw notFound({ zh: '维修项目', en: 'Item' });
  const mime = checkUpload(upload.bytes);
  return storeAttachment(deps.database.db, {
    companyId: ticket.companyId,
    communityId: ticket.communityId,
    ownerKind: 'liaison_item',
    ownerId: item.id,
    purpose: 'photo',
    filename: cleanFilename(upload.filename, 'photo'),
    bytes: upload.bytes,
    mime,
    uploadedById: p.id,
    uploadedBy: p.name,
    now: deps.clock.now(),
  });
}

/**
 * A photo shown on a liaison form: one of a listed repair order's photos, or one added to an item.
 * Whoever sees the form sees its photos (the developer's liaison included), nothing else.
 */
export async function liaisonPhoto(deps: Deps, p: Principal, id: string, photoId: string) {
  await visibleForm(deps, p, id);
  const ex = deps.database.db;
  const items = await ex.select().from(liaisonItems).where(eq(liaisonItems.ticketId, id));
  const photo = await getPhoto(ex, photoId);
  if (photo && items.some((i) => i.source === 'repair' && i.sourceTicketId === photo.ticketId)) {
    return { mime: photo.mime, filename: `photo-${photo.id}`, content: photo.content };
  }
  const file = await getAttachment(ex, photoId);
  if (file && file.ownerKind === 'liaison_item' && items.some((i) => i.id === file.ownerId)) return file;
  throw notFound({ zh: '照片', en: 'Photo' });
}
