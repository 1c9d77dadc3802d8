import { checkUpload, cleanFilename, getAttachment, storeAttachment } from '../attachments.js';
import { parkingDocumentPurposes } from '../../contract/parking.js';
import { conflict, forbidden, invalid, notFound } from '../../domain/shared/errors.js';
import type { Deps, Principal } from '../context.js';
import { getParking } from './query-parking.js';

/**
 * A document of a parking application (行驶证, 身份证…): the household or the desk uploads it
 * while the application is still being handled.
 */
export async function attachParkingDocument(
  deps: Deps,
  p: Principal,
  id: string,
  upload: { bytes: Uint8Array; filename: string | undefined; fields: Record<string, string> },
) {
  if (!['clerk', 'cs_supervisor', 'resident'].includes(p.role)) throw forbidden();
  const d = await getParking(deps, p, id);
  const purpose = upload.fields.purpose ?? '';
  if (!(parkingDocumentPurposes as readonly string[]).includes(purpose)) {
    throw invalid('invalid_field', { zh: '请选择证件类型', en: 'Choose the kind of document' }, [
      { field: 'purpose', message: { zh: '请选择证件类型', en: 'Choose the kind of document' } },
    ]);
  }
  if (!['submitted', 'assigned', 'signed'].includes(d.row.ticket.status)) {
    throw conflict('invalid_transition', { zh: '申请已办结，不能再上传证件', en: 'The application is past its documents stage' });
  }
  const mime = checkUpload(upload.bytes);
  const now = deps.clock.now();
  return deps.database.db.transaction((tx) =>
    storeAttachment(tx, {
      companyId: d.row.ticket.companyId,
      communityId: d.row.ticket.communityId,
      ownerKind: 'parking_application',
      ownerId: id,
      purpose,
      filename: cleanFilename(upload.filename, purpose),
      bytes: upload.bytes,
      mime,
      uploadedById: p.id,
      uploadedBy: p.name,
      now,
    }),
  );
}

/** One document of an application the person may see. */
export async function parkingDocument(deps: Deps, p: Principal, id: string, fileId: string) {
  await getParking(deps, p, id);
  const file = await getAttachment(deps.database.db, fileId);
  if (file?.ownerKind !== 'parking_application' || file.ownerId !== id) throw notFound({ zh: '证件', en: 'Document' });
  return file;
}
