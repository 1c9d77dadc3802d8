import { and, eq } from 'drizzle-orm';
import { checkUpload, cleanFilename, getAttachment, storeAttachment } from '../attachments.js';
import { forbidden, invalid, notFound } from '../../domain/shared/errors.js';
import { hotWorkInspections } from '../../db/schema/index.js';
import type { Deps, Principal } from '../context.js';
import { getHotWork } from './query-hot-work.js';

/**
 * Security attaches a photo to one of its inspections of a permit (动火巡查照片). Only the
 * inspector who recorded it, and only while the permit is still theirs to see.
 */
export async function attachInspectionPhoto(
  deps: Deps,
  p: Principal,
  permitId: string,
  upload: { bytes: Uint8Array; filename: string | undefined; fields: Record<string, string> },
) {
  const permit = await getHotWork(deps, p, permitId);
  const inspectionId = upload.fields.inspectionId ?? '';
  const inspection = permit.inspections.find((i) => i.id === inspectionId);
  if (!inspection) {
    throw invalid('invalid_field', { zh: '请选择巡查记录', en: 'Choose the inspection' }, [
      { field: 'inspectionId', message: { zh: '巡查记录不存在', en: 'No such inspection of this permit' } },
    ]);
  }
  if (inspection.inspectorId !== p.id)
    throw forbidden('not_your_inspection', { zh: '只能为自己的巡查记录上传照片', en: 'Add photos to your own inspections only' });
  const mime = checkUpload(upload.bytes, { allowPdf: false });
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: hotWorkInspections.id })
      .from(hotWorkInspections)
      .where(and(eq(hotWorkInspections.id, inspection.id)))
      .for('update');
    if (!locked) throw notFound({ zh: '巡查记录', en: 'Inspection' });
    return storeAttachment(tx, {
      companyId: permit.row.ticket.companyId,
      communityId: permit.row.ticket.communityId,
      ownerKind: 'hot_work_inspection',
      ownerId: inspection.id,
      purpose: 'photo',
      filename: cleanFilename(upload.filename, 'photo'),
      bytes: upload.bytes,
      mime,
      uploadedById: p.id,
      uploadedBy: p.name,
      now,
    });
  });
}

/** One inspection photo of a permit the person may see. */
export async function inspectionPhoto(deps: Deps, p: Principal, permitId: string, fileId: string) {
  const permit = await getHotWork(deps, p, permitId);
  const file = await getAttachment(deps.database.db, fileId);
  if (file?.ownerKind !== 'hot_work_inspection' || !permit.inspections.some((i) => i.id === file.ownerId)) {
    throw notFound({ zh: '照片', en: 'Photo' });
  }
  return file;
}
