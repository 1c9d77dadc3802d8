import { z } from 'zod';
import { warrantyClasses } from '../domain/warranty/classes.js';
import { liaisonActions, liaisonStatuses, liaisonWorks } from '../domain/warranty/machine.js';
import { isoDateTime } from './common.js';
import { eventView, timerView } from './repair.js';

export const warrantyClassEnum = z.enum(warrantyClasses);
export const liaisonStatusEnum = z.enum(liaisonStatuses);
export const liaisonActionEnum = z.enum(liaisonActions);
export const liaisonWorksEnum = z.enum(liaisonWorks);
export const liaisonItemSourceEnum = z.enum(['repair', 'complaint', 'inspection']);

const text = (max: number) => z.string().trim().min(1).max(max);

/** Whether a repair order is still the developer's to repair, and the liaison forms it is on. */
export const warrantyStatusView = z.object({
  warrantyClass: warrantyClassEnum.nullable(),
  handoverDate: z.string().nullable(),
  lastDay: z.string().nullable(),
  /** null: cannot be judged (no handover date, or a category the policy does not map). */
  isInWarranty: z.boolean().nullable(),
  liaisonForms: z.array(z.object({ id: z.uuid(), number: z.string(), status: liaisonStatusEnum })),
  /** Whether the signed-in person may compile a liaison form from it. */
  canRaiseLiaison: z.boolean(),
});
export type WarrantyStatusView = z.infer<typeof warrantyStatusView>;

/** A repair order in warranty that no liaison form lists yet. */
export const warrantyCandidate = z.object({
  id: z.uuid(),
  number: z.string(),
  category: z.string(),
  status: z.string(),
  location: z.string(),
  content: z.string(),
  createdAt: isoDateTime,
  warrantyClass: warrantyClassEnum,
  lastDay: z.string(),
});
export const warrantyCandidateList = z.object({ items: z.array(warrantyCandidate) });

export const liaisonItemInput = z
  .object({
    source: liaisonItemSourceEnum,
    /** The repair order or complaint it comes from (required unless entered from an inspection). */
    sourceTicketId: z.uuid().optional(),
    roomId: z.uuid().optional(),
    buildingId: z.uuid().optional(),
    location: z.string().trim().max(200).optional(),
    /** What is wrong; a repair order's or complaint's content when left out. */
    defect: z.string().trim().max(1000).optional(),
    /** The class by the policy's mapping of the order's category when left out. */
    warrantyClass: warrantyClassEnum.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.source !== 'inspection' && !v.sourceTicketId) {
      ctx.addIssue({ code: 'custom', path: ['sourceTicketId'], message: '请选择来源工单 / Choose the record it comes from' });
    }
    if (v.source === 'inspection') {
      if (!v.defect) ctx.addIssue({ code: 'custom', path: ['defect'], message: '请描述问题 / Describe the defect' });
      if (!v.warrantyClass)
        ctx.addIssue({ code: 'custom', path: ['warrantyClass'], message: '请选择保修类别 / Choose the warranty class' });
      if (!v.roomId && !v.location) ctx.addIssue({ code: 'custom', path: ['location'], message: '请填写部位 / Say where' });
    }
  });

export const createLiaisonBody = z.object({
  communityId: z.uuid(),
  works: liaisonWorksEnum,
  /** The developer's department it is addressed to. */
  toDepartment: text(50),
  subject: text(200),
  items: z.array(liaisonItemInput).min(1).max(50),
});
export type CreateLiaisonBody = z.infer<typeof createLiaisonBody>;

/** Request bodies of the liaison form's actions (POST /api/liaison-forms/:id/<action>). */
export const liaisonActionBodies = {
  receive: z.object({ receiverName: text(50) }),
  reply: z.object({ plan: text(2000), repairBy: isoDateTime }),
  'report-repaired': z.object({ note: text(2000) }),
  'record-visit': z.object({ signature: z.enum(['signed', 'refused']), comment: z.string().trim().max(500).optional() }),
  chase: z.object({ note: text(500) }),
  cancel: z.object({ reason: text(500) }),
} as const;
export type LiaisonActionPath = keyof typeof liaisonActionBodies;

export const liaisonListQuery = z.object({
  communityId: z.uuid().optional(),
  /** active (open) · overdue (flagged) · all */
  view: z.enum(['active', 'overdue', 'all']).default('active'),
  status: liaisonStatusEnum.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const liaisonSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  communityId: z.uuid(),
  communityName: z.string(),
  status: liaisonStatusEnum,
  works: liaisonWorksEnum,
  toDepartment: z.string(),
  subject: z.string(),
  itemCount: z.number().int(),
  receiverName: z.string().nullable(),
  repairBy: isoDateTime.nullable(),
  flags: z.array(z.string()),
  createdByName: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type LiaisonSummary = z.infer<typeof liaisonSummary>;

export const liaisonItemView = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  source: liaisonItemSourceEnum,
  sourceTicketId: z.uuid().nullable(),
  sourceNumber: z.string().nullable(),
  roomId: z.uuid().nullable(),
  location: z.string(),
  defect: z.string(),
  warrantyClass: warrantyClassEnum,
  photos: z.array(z.object({ id: z.uuid(), url: z.string() })),
});

export const liaisonDetail = liaisonSummary.extend({
  items: z.array(liaisonItemView),
  receivedAt: isoDateTime.nullable(),
  replyPlan: z.string().nullable(),
  repliedAt: isoDateTime.nullable(),
  repairedNote: z.string().nullable(),
  repairedAt: isoDateTime.nullable(),
  residentSignature: z.enum(['signed', 'refused']).nullable(),
  visitComment: z.string().nullable(),
  visitedAt: isoDateTime.nullable(),
  visitedByName: z.string().nullable(),
  events: z.array(eventView),
  timers: z.array(timerView),
  allowedActions: z.array(liaisonActionEnum),
  /** Whether the signed-in person may add photos to the items. */
  canAddPhotos: z.boolean(),
});
export type LiaisonDetail = z.infer<typeof liaisonDetail>;

export const liaisonList = z.object({ items: z.array(liaisonSummary), total: z.number().int() });
