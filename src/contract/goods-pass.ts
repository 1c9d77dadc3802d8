import { z } from 'zod';
import { applicantRelations, goodsPassActions, goodsPassStatuses, idTypes } from '../domain/goods-passes/machine.js';
import { isoDateTime } from './common.js';
import { eventView, timerView } from './repair.js';

export const goodsPassStatusEnum = z.enum(goodsPassStatuses);
export const goodsPassActionEnum = z.enum(goodsPassActions);
export const applicantRelationEnum = z.enum(applicantRelations);
export const idTypeEnum = z.enum(idTypes);
export const gateVerdictEnum = z.enum(['valid', 'used', 'expired', 'returned', 'not_issued', 'cancelled']);

const text = (max: number) => z.string().trim().min(1).max(max);

export const goodsItem = z.object({
  name: text(50),
  quantity: z.number().int().min(1).max(9999),
  note: z.string().trim().max(100).optional(),
});

/** Who applies, as the desk checks it: only the last 4 to 6 characters of the ID are taken. */
export const identityInput = z.object({
  applicantName: z.string().trim().max(50).optional(),
  relation: applicantRelationEnum.optional(),
  idType: idTypeEnum.optional(),
  idLast4: z.string().trim().max(30).optional(),
  authorisation: z.string().trim().max(200).optional(),
});

export const applyGoodsPassBody = z.object({
  communityId: z.uuid(),
  /** The household whose goods go out. */
  roomId: z.uuid(),
  items: z.array(goodsItem).min(1).max(30),
  identity: identityInput.optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[\d-]{5,20}$/, '电话号码无效 / Invalid phone number')
    .optional(),
  carrierName: z.string().trim().max(50).optional(),
  vehiclePlate: z.string().trim().max(12).optional(),
  /** When the goods are to go out (预计搬出时间). */
  plannedAt: isoDateTime.optional(),
});
export type ApplyGoodsPassBody = z.infer<typeof applyGoodsPassBody>;

/** Request bodies of the pass's actions (POST /api/goods-passes/:id/<action>); expiry is the timer's. */
export const goodsPassActionBodies = {
  issue: z.object({ identity: identityInput.optional() }),
  override: z.object({ reason: text(500) }),
  release: z.object({ note: z.string().trim().max(200).optional() }),
  return: z.object({ reason: text(500) }),
  cancel: z.object({ reason: text(500) }),
} as const;
export type GoodsPassActionPath = keyof typeof goodsPassActionBodies;

export const goodsPassListQuery = z.object({
  communityId: z.uuid().optional(),
  /** active (applied or issued) · all */
  view: z.enum(['active', 'all']).default('active'),
  status: goodsPassStatusEnum.optional(),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const goodsPassSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  communityId: z.uuid(),
  communityName: z.string(),
  status: goodsPassStatusEnum,
  roomId: z.uuid().nullable(),
  location: z.string(),
  applicantName: z.string(),
  items: z.array(goodsItem),
  carrierName: z.string(),
  vehiclePlate: z.string(),
  plannedAt: isoDateTime.nullable(),
  validUntil: isoDateTime.nullable(),
  issuedAt: isoDateTime.nullable(),
  issuedByName: z.string().nullable(),
  releasedAt: isoDateTime.nullable(),
  releasedByName: z.string().nullable(),
  returnedAt: isoDateTime.nullable(),
  returnReason: z.string().nullable(),
  isOverridden: z.boolean(),
  channel: z.string(),
  createdAt: isoDateTime,
});
export type GoodsPassSummary = z.infer<typeof goodsPassSummary>;

export const goodsPassDetail = goodsPassSummary.extend({
  reporterPhone: z.string(),
  relation: applicantRelationEnum.nullable(),
  idType: idTypeEnum.nullable(),
  idLast4: z.string().nullable(),
  authorisation: z.string().nullable(),
  arrearsAtIssueCents: z.number().int(),
  overrideReason: z.string().nullable(),
  overrideByName: z.string().nullable(),
  gateNote: z.string().nullable(),
  createdByName: z.string(),
  /** What the household owes now: shown to the desk only (null for others). */
  householdOwedCents: z.number().int().nullable(),
  /** What the gate would find now. */
  verdict: gateVerdictEnum,
  events: z.array(eventView),
  timers: z.array(timerView),
  allowedActions: z.array(goodsPassActionEnum),
});
export type GoodsPassDetail = z.infer<typeof goodsPassDetail>;

export const goodsPassList = z.object({ items: z.array(goodsPassSummary), total: z.number().int() });

/** The gate looks a pass up by its number, or by whatever text a scanner gave. */
export const gateLookupQuery = z.object({ q: text(200) });

export const dailyReviewQuery = z.object({
  communityId: z.uuid().optional(),
  /** The local day, YYYY-MM-DD; today when left out. */
  day: z.iso.date().optional(),
});
export const dailyReviewBody = z.object({
  communityId: z.uuid(),
  day: z.iso.date(),
  note: z.string().trim().max(500).optional(),
});
export const dailyReview = z.object({
  communityId: z.uuid(),
  day: z.string(),
  counts: z.object({
    issued: z.number().int(),
    released: z.number().int(),
    returned: z.number().int(),
    expired: z.number().int(),
    cancelled: z.number().int(),
    open: z.number().int(),
  }),
  passes: z.array(goodsPassSummary),
  review: z.object({ reviewedByName: z.string(), reviewedAt: isoDateTime, note: z.string() }).nullable(),
  canReview: z.boolean(),
});
export type DailyReview = z.infer<typeof dailyReview>;
