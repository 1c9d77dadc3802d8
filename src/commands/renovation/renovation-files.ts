import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DocumentCode } from '../../domain/renovation/documents.js';
import { patrolRoles } from '../../domain/renovation/machine.js';
import { conflict, forbidden, invalid, notFound } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { updateTicket } from '../../db/repositories/repair-orders.js';
import { renovationDocuments, renovationPatrols, renovationViolations, tickets } from '../../db/schema/index.js';
import { publishLive, ticketChanged } from '../../notify/live.js';
import { checkUpload, cleanFilename, getAttachment, storeAttachment } from '../attachments.js';
import { type Deps, type Principal, requirePermission } from '../context.js';
import { recordEvent } from '../tickets/history.js';
import { canSeeRenovation } from '../tickets/renovation-kind.js';

const editable = ['submitted', 'returned'];
const filers = ['resident', 'clerk', 'cs_supervisor'];

/** Locks a renovation the person may see; 404 otherwise. */
async function lockRenovation(tx: Executor, p: Principal, id: string) {
  const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, id)).for('update');
  if (ticket?.kind !== 'renovation' || !canSeeRenovation(p, ticket)) throw notFound({ zh: '装修申请', en: 'Renovation' });
  return ticket;
}

function checkFiler(p: Principal, status: string): void {
  if (!filers.includes(p.role)) throw forbidden();
  if (!editable.includes(status)) {
    throw conflict('not_editable', { zh: '资料只能在审核前或退回后修改', en: 'Documents change only before review or after a return' });
  }
}

/**
 * Adds a document to the application file (or replaces the current one of its code), with
 * whether it is signed or stamped. The file is checked by its bytes (PDF, JPEG, PNG, WebP).
 */
export async function uploadRenovationDocument(
  deps: Deps,
  p: Principal,
  id: string,
  input: { code: DocumentCode; isSigned: boolean; bytes: Uint8Array; filename: string | undefined },
) {
  requirePermission(p, 'renovation.view');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const ticket = await lockRenovation(tx, p, id);
    checkFiler(p, ticket.status);
    const mime = checkUpload(input.bytes);
    const file = await storeAttachment(tx, {
      companyId: ticket.companyId,
      communityId: ticket.communityId,
      ownerKind: 'renovation',
      ownerId: ticket.id,
      purpose: input.code,
      filename: cleanFilename(input.filename, `${input.code}${mime === 'application/pdf' ? '.pdf' : ''}`),
      bytes: input.bytes,
      mime,
      uploadedById: p.id,
      uploadedBy: p.name,
      now,
    });
    await tx
      .update(renovationDocuments)
      .set({ isCurrent: false })
      .where(and(eq(renovationDocuments.ticketId, ticket.id), eq(renovationDocuments.code, input.code)));
    const documentId = randomUUID();
    await tx.insert(renovationDocuments).values({
      id: documentId,
      companyId: ticket.companyId,
      communityId: ticket.communityId,
      ticketId: ticket.id,
      code: input.code,
      attachmentId: file.id,
      isSigned: input.isSigned,
      isCurrent: true,
      uploadedBy: p.name,
      createdAt: now,
    });
    await recordEvent(
      tx,
      ticket,
      p,
      ticket.status,
      ticket.status,
      { type: 'DocumentUploaded', data: { code: input.code, isSigned: input.isSigned, filename: file.filename } },
      now,
    );
    await updateTicket(tx, ticket.id, { updatedAt: now });
    await publishLive(tx, ticketChanged(ticket, ticket.status));
    return { documentId };
  });
}

/** Marks a document signed (stamped) or not, after checking the paper. */
export async function markDocumentSigned(deps: Deps, p: Principal, id: string, documentId: string, isSigned: boolean) {
  requirePermission(p, 'renovation.view');
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const ticket = await lockRenovation(tx, p, id);
    checkFiler(p, ticket.status);
    const [doc] = await tx.select().from(renovationDocuments).where(eq(renovationDocuments.id, documentId));
    if (!doc || doc.ticketId !== ticket.id) throw notFound({ zh: '资料', en: 'Document' });
    await tx.update(renovationDocuments).set({ isSigned }).where(eq(renovationDocuments.id, documentId));
    await recordEvent(
      tx,
      ticket,
      p,
      ticket.status,
      ticket.status,
      { type: 'DocumentSignedMarked', data: { code: doc.code, isSigned } },
      now,
    );
    await updateTicket(tx, ticket.id, { updatedAt: now });
  });
}

/** A photo of a patrol or a violation (images only), by on-site staff. */
export async function uploadRenovationPhoto(
  deps: Deps,
  p: Principal,
  id: string,
  input: { purpose: 'patrol' | 'violation'; targetId: string; bytes: Uint8Array; filename: string | undefined },
) {
  requirePermission(p, 'renovation.view');
  if (!patrolRoles.includes(p.role) && p.role !== 'cs_manager') throw forbidden();
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const ticket = await lockRenovation(tx, p, id);
    const table = input.purpose === 'patrol' ? renovationPatrols : renovationViolations;
    const [target] = await tx.select({ ticketId: table.ticketId }).from(table).where(eq(table.id, input.targetId));
    if (!target || target.ticketId !== ticket.id) {
      throw invalid('invalid_field', { zh: '找不到对应的记录', en: 'No such record' }, [
        { field: 'targetId', message: { zh: '找不到对应的记录', en: 'No such record' } },
      ]);
    }
    const mime = checkUpload(input.bytes, { allowPdf: false });
    const file = await storeAttachment(tx, {
      companyId: ticket.companyId,
      communityId: ticket.communityId,
      ownerKind: 'renovation',
      ownerId: ticket.id,
      purpose: `${input.purpose}_photo`,
      filename: cleanFilename(input.filename, `${input.purpose}-photo`),
      bytes: input.bytes,
      mime,
      uploadedById: p.id,
      uploadedBy: p.name,
      now,
    });
    await tx.update(table).set({ photoAttachmentId: file.id }).where(eq(table.id, input.targetId));
    await recordEvent(
      tx,
      ticket,
      p,
      ticket.status,
      ticket.status,
      { type: 'PhotoAttached', data: { purpose: input.purpose, targetId: input.targetId } },
      now,
    );
    return { fileId: file.id };
  });
}

/** A file of a renovation the person may see (documents and photos); 404 otherwise. */
export async function renovationFile(deps: Deps, p: Principal, id: string, fileId: string) {
  requirePermission(p, 'renovation.view');
  const ex = deps.database.db;
  const [ticket] = await ex.select().from(tickets).where(eq(tickets.id, id));
  if (ticket?.kind !== 'renovation' || !canSeeRenovation(p, ticket)) throw notFound({ zh: '装修申请', en: 'Renovation' });
  const file = await getAttachment(ex, fileId);
  if (file?.ownerKind !== 'renovation' || file.ownerId !== ticket.id) throw notFound({ zh: '文件', en: 'File' });
  return file;
}
