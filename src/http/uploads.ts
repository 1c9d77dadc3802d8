import type { FastifyReply, FastifyRequest } from 'fastify';
import { maxAttachmentBytes } from '../commands/attachments.js';
import { invalid } from '../domain/shared/errors.js';

export interface Upload {
  bytes: Uint8Array;
  filename: string | undefined;
  /** The text fields sent with the file (before it, in the form's order). */
  fields: Record<string, string>;
}

/**
 * Reads one file (multipart field "file") and its text fields. A request that is not multipart,
 * or has no file, is a field-level 400; one over the size limit is a 413.
 */
export async function readUpload(req: FastifyRequest, maxBytes = maxAttachmentBytes): Promise<Upload> {
  const missing = { field: 'file', message: { zh: '请选择文件', en: 'Choose a file' } };
  if (!req.isMultipart())
    throw invalid('multipart_required', { zh: '请以表单上传文件', en: 'Upload the file as multipart form data' }, [missing]);
  const file = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!file) throw invalid('required', { zh: '请选择文件', en: 'Choose a file' }, [missing]);
  const bytes = new Uint8Array(await file.toBuffer());
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(file.fields)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v && v.type === 'field' && typeof v.value === 'string') fields[name] = v.value;
  }
  return { bytes, filename: file.filename, fields };
}

/**
 * Sends a stored file as exactly its sniffed type, never as HTML: no sniffing by the browser, a
 * sandboxing policy, PDFs and images inline (so a phone can show them) with the stored name.
 */
export function sendAttachment(reply: FastifyReply, file: { mime: string; filename: string; content: Uint8Array }): FastifyReply {
  return reply
    .header('content-type', file.mime)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('cache-control', 'private, max-age=3600')
    .send(Buffer.from(file.content));
}
