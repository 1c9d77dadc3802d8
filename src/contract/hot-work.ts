import { z } from 'zod';
import { hotWorkActions, hotWorkStatuses, hotWorkTypes } from '../domain/hot-work/machine.js';
import { bilingual, isoDateTime } from './common.js';
import { eventView, timerView } from './repair.js';

export const hotWorkStatusEnum = z.enum(hotWorkStatuses);
export const hotWorkActionEnum = z.enum(hotWorkActions);
export const hotWorkTypeEnum = z.enum(hotWorkTypes);

const text = (max: number) => z.string().trim().min(1).max(max);
const phone = z
  .string()
  .trim()
  .regex(/^[\d-]{5,20}$/, '电话号码无效 / Invalid phone number');

/** 临时动火作业申请表, as the desk enters it. */
export const applyHotWorkBody = z.object({
  communityId: z.uuid(),
  applicantCompany: text(100),
  personInCharge: text(50),
  personInChargePhone: phone,
  operatorName: text(50),
  operatorCertificateNo: text(50),
  /** A room (on behalf of a household's renovation), or a public place, or both. */
  roomId: z.uuid().optional(),
  location: z.string().trim().max(200).default(''),
  workType: hotWorkTypeEnum,
  reason: text(500),
  windowStartAt: isoDateTime,
  windowEndAt: isoDateTime,
  extinguisherCount: z.number().int().min(0).max(100),
  fireWatcherName: text(50),
  hasClearedCombustibles: z.boolean(),
  /** The rejected application this one applies again for. */
  reappliedFromId: z.uuid().optional(),
});
export type ApplyHotWorkBody = z.infer<typeof applyHotWorkBody>;

const note = z.string().trim().max(500).optional();

/** Request bodies of a permit's actions (POST /api/hot-work/:id/<action>). */
export const hotWorkActionBodies = {
  'approve-cs': z.object({ note }),
  'approve-engineering': z.object({ note }),
  reject: z.object({ reason: text(500) }),
  inspect: z.object({
    findings: z.enum(['ok', 'problem']),
    note,
    /** A problem found while work is under way: work must stop. */
    stopWork: z.boolean().optional(),
    /** A stopped site found in order: work may resume. */
    resumeWork: z.boolean().optional(),
  }),
  close: z.object({ isSiteSafe: z.boolean(), hasNoEmbers: z.boolean(), note }),
  cancel: z.object({ reason: text(500) }),
} as const;
export type HotWorkActionPath = keyof typeof hotWorkActionBodies;

export const hotWorkListQuery = z.object({
  communityId: z.uuid().optional(),
  /** open (not closed, rejected or cancelled) · review (awaiting approval) · today (window overlaps today) · all */
  view: z.enum(['open', 'review', 'today', 'all']).default('open'),
  status: hotWorkStatusEnum.optional(),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const hotWorkSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  communityId: z.uuid(),
  communityName: z.string(),
  status: hotWorkStatusEnum,
  applicantCompany: z.string(),
  personInCharge: z.string(),
  personInChargePhone: z.string(),
  operatorName: z.string(),
  location: z.string(),
  workType: hotWorkTypeEnum,
  windowStartAt: isoDateTime,
  windowEndAt: isoDateTime,
  lastInspectedAt: isoDateTime.nullable(),
  inspectionCount: z.number().int(),
  createdAt: isoDateTime,
});
export type HotWorkSummary = z.infer<typeof hotWorkSummary>;

export const hotWorkInspectionView = z.object({
  id: z.uuid(),
  at: isoDateTime,
  inspectorName: z.string(),
  findings: z.enum(['ok', 'problem']),
  note: z.string().nullable(),
  outcome: z.enum(['none', 'suspended', 'resumed']),
  photos: z.array(z.object({ id: z.uuid(), filename: z.string(), mime: z.string() })),
});

export const hotWorkDetail = hotWorkSummary.extend({
  roomId: z.uuid().nullable(),
  operatorCertificateNo: z.string(),
  reason: z.string(),
  extinguisherCount: z.number().int(),
  fireWatcherName: z.string(),
  hasClearedCombustibles: z.boolean(),
  csApprovedByName: z.string().nullable(),
  csApprovedAt: isoDateTime.nullable(),
  engineeringApprovedByName: z.string().nullable(),
  engineeringApprovedAt: isoDateTime.nullable(),
  issuedAt: isoDateTime.nullable(),
  safetyNotes: z.array(bilingual),
  rejectionReason: z.string().nullable(),
  closedByName: z.string().nullable(),
  closeNote: z.string().nullable(),
  reappliedFromId: z.uuid().nullable(),
  createdByName: z.string(),
  inspections: z.array(hotWorkInspectionView),
  events: z.array(eventView),
  timers: z.array(timerView),
  /** What the signed-in user may do next. */
  allowedActions: z.array(hotWorkActionEnum),
});
export type HotWorkDetail = z.infer<typeof hotWorkDetail>;

export const hotWorkList = z.object({ items: z.array(hotWorkSummary), total: z.number().int() });

export const inspectionPhotoParams = z.object({ id: z.uuid(), fileId: z.uuid() });
export const inspectionPhotoView = z.object({ id: z.uuid(), filename: z.string(), mime: z.string() });
