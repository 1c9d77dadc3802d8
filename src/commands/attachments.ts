import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { attachments } from '../db/schema/index.js';
import { invalid } from '../domain/shared/errors.js';
import { sniffImage } from './attach-photo.js';

export const maxAttachmentBytes = 10 * 1024 * 1024;

export type AttachmentMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

/** The file's type by its first bytes (JPEG, PNG, WebP or PDF); anything else is null. */
export function sniffUpload(bytes: Uint8Array): AttachmentMime | null {
  const image = sniffImage(bytes);
  if (image) return image;
  // %PDF-
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d) return 'application/pdf';
  return null;
}

const uploadError = (zh: string, en: string, field = 'file') => invalid('invalid_file', { zh, en }, [{ field, message: { zh, en } }]);

/**
 * Checks an upload and returns its sniffed type: not empty, not over the size, and a JPEG, PNG,
 * WebP or (when allowed) PDF by its bytes. Throws a field-level 400 otherwise.
 */
export function checkUpload(bytes: Uint8Array, options: { maxBytes?: number; allowPdf?: boolean } = {}): AttachmentMime {
  const maxBytes = options.maxBytes ?? maxAttachmentBytes;
  const allowPdf = options.allowPdf ?? true;
  if (bytes.length === 0) throw uploadError('请选择文件', 'Choose a file');
  if (bytes.length > maxBytes) {
    const mb = Math.round(maxBytes / 1024 / 1024);
    throw uploadError(`文件不能超过${mb}MB`, `Files must be ${mb} MB or smaller`);
  }
  const mime = sniffUpload(bytes);
  if (!mime || (mime === 'application/pdf' && !allowPdf)) {
    throw allowPdf
      ? uploadError('只支持PDF、JPEG、PNG或WebP文件', 'Only PDF, JPEG, PNG or WebP files')
      : uploadError('只支持JPEG、PNG或WebP图片', 'Only JPEG, PNG or WebP images');
  }
  return mime;
}

/** A display name safe to store: no path, no control characters, at most 120 characters. */
export function cleanFilename(name: string | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !'"<>'.includes(c))
    .join('')
    .trim()
    .slice(0, 120);
  return cleaned || fallback;
}

export interface NewAttachment {
  companyId: string;
  communityId: string;
  ownerKind: string;
  ownerId: string;
  purpose: string;
  filename: string;
  bytes: Uint8Array;
  mime: AttachmentMime;
  uploadedById: string;
  uploadedBy: string;
  now: Date;
}

/** Stores a checked upload (call `checkUpload` first) inside the caller's transaction. */
export async function storeAttachment(ex: Executor, a: NewAttachment) {
  const id = randomUUID();
  await ex.insert(attachments).values({
    id,
    companyId: a.companyId,
    communityId: a.communityId,
    ownerKind: a.ownerKind,
    ownerId: a.ownerId,
    purpose: a.purpose,
    filename: a.filename,
    mime: a.mime,
    sizeBytes: a.bytes.length,
    content: a.bytes,
    uploadedById: a.uploadedById,
    uploadedBy: a.uploadedBy,
    createdAt: a.now,
  });
  return { id, mime: a.mime, sizeBytes: a.bytes.length, filename: a.filename, purpose: a.purpose, createdAt: a.now };
}

/** The files of one owner, oldest first, without their bytes. */
export function listAttachments(ex: Executor, ownerKind: string, ownerId: string) {
  return ex
    .select({
      id: attachments.id,
      purpose: attachments.purpose,
      filename: attachments.filename,
      mime: attachments.mime,
      sizeBytes: attachments.sizeBytes,
      uploadedBy: attachments.uploadedBy,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(and(eq(attachments.ownerKind, ownerKind), eq(attachments.ownerId, ownerId)))
    .orderBy(asc(attachments.createdAt));
}

/** One file with its bytes; the caller checks the person may see its owner. */
export async function getAttachment(ex: Executor, id: string) {
  const [row] = await ex.select().from(attachments).where(eq(attachments.id, id));
  return row ?? null;
}
