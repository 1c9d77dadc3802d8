import { z } from 'zod';
import { isoDateTime } from './common.js';
import { repairCategoryEnum } from './repair.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const floor = z.number().int().min(-10).max(200).nullable();

export const checkpointInput = z.object({
  /** Kept when an existing checkpoint is edited; a new one gets an id. */
  id: z.uuid().optional(),
  buildingId: z.uuid().nullable().default(null),
  floorFrom: floor.default(null),
  floorTo: floor.default(null),
  /** A public facility at the stop (消防通道, 地下车库, 东门道闸…); may stand alone. */
  facility: z.string().trim().max(100).default(''),
});

export const checkpointView = z.object({
  id: z.string(),
  buildingId: z.uuid().nullable(),
  buildingName: z.string(),
  floorFrom: z.number().int().nullable(),
  floorTo: z.number().int().nullable(),
  facility: z.string(),
  label: z.string(),
});

export const saveRouteBody = z.object({
  communityId: z.uuid(),
  name: text(100),
  checkpoints: z.array(checkpointInput).min(1).max(100),
  isActive: z.boolean().default(true),
});
export type SaveRouteBody = z.infer<typeof saveRouteBody>;

export const routeView = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  communityName: z.string(),
  name: z.string(),
  checkpoints: z.array(checkpointView),
  isActive: z.boolean(),
  updatedAt: isoDateTime,
});
export const routeList = z.object({ items: z.array(routeView) });

export const startRoundBody = z.object({ routeId: z.uuid() });

export const markCheckpointBody = z
  .object({
    checkpointId: z.string().min(1).max(64),
    result: z.enum(['ok', 'issue']),
    note: z.string().trim().max(1000).optional(),
    /** An issue raises a public-area repair order at once unless told not to. */
    raiseOrder: z.boolean().default(true),
    category: repairCategoryEnum.optional(),
    urgency: z.enum(['normal', 'urgent']).default('normal'),
  })
  .superRefine((v, ctx) => {
    if (v.result === 'issue' && v.raiseOrder && !v.category) {
      ctx.addIssue({ code: 'custom', path: ['category'], message: '请选择报修类别 / Choose the repair category' });
    }
  });
export type MarkCheckpointBody = z.infer<typeof markCheckpointBody>;

export const finishRoundBody = z.object({ summary: z.string().trim().max(2000).default('') });

export const roundListQuery = z.object({
  communityId: z.uuid().optional(),
  routeId: z.uuid().optional(),
  status: z.enum(['in_progress', 'finished']).optional(),
  /** Local dates (YYYY-MM-DD), inclusive. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Only rounds with an issue. */
  hasIssues: z.coerce.boolean().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const findingView = z.object({
  id: z.uuid(),
  checkpointId: z.string(),
  checkpointLabel: z.string(),
  result: z.enum(['ok', 'issue']),
  note: z.string().nullable(),
  category: z.string().nullable(),
  recordedByName: z.string(),
  recordedAt: isoDateTime,
  repairOrder: z.object({ id: z.uuid(), number: z.string(), status: z.string() }).nullable(),
  photos: z.array(z.object({ id: z.uuid(), url: z.string() })),
});

export const roundSummary = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  communityName: z.string(),
  routeId: z.uuid(),
  routeName: z.string(),
  status: z.enum(['in_progress', 'finished']),
  patrollerId: z.uuid(),
  patrollerName: z.string(),
  startedAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
  durationMinutes: z.number().int().nullable(),
  summary: z.string().nullable(),
  checkpointCount: z.number().int(),
  markedCount: z.number().int(),
  issueCount: z.number().int(),
  orderCount: z.number().int(),
});
export const roundList = z.object({ items: z.array(roundSummary), total: z.number().int() });

export const roundDetail = roundSummary.extend({
  checkpoints: z.array(checkpointView),
  findings: z.array(findingView),
  /** Whether the signed-in person may record this round (the one walking it, or the director). */
  canRecord: z.boolean(),
});
export type RoundDetail = z.infer<typeof roundDetail>;

export const fulfilmentQuery = z.object({ communityId: z.uuid().optional() });
export const fulfilmentView = z.object({
  communityId: z.uuid(),
  weekStart: isoDateTime,
  done: z.number().int(),
  target: z.number().int(),
  expectedSoFar: z.number().int(),
  isBehind: z.boolean(),
});

export const dailyReportQuery = z.object({ communityId: z.uuid().optional(), date: z.iso.date() });
export const dailyReport = z.object({
  communityId: z.uuid(),
  communityName: z.string(),
  date: z.string(),
  rounds: z.array(roundDetail),
  issueCount: z.number().int(),
  orderCount: z.number().int(),
});
