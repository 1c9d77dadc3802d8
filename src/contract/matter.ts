import { z } from 'zod';
import { matterActions, matterDepartments, matterStatuses } from '../domain/matter/machine.js';
import { isoDateTime } from './common.js';
import { eventView, timerView } from './repair.js';

export const matterStatusEnum = z.enum(matterStatuses);
export const matterActionEnum = z.enum(matterActions);
export const matterDepartmentEnum = z.enum(matterDepartments);

const text = (max: number) => z.string().trim().min(1).max(max);

export const createMatterBody = z.object({
  communityId: z.uuid(),
  /** The kind of work, in the desk's words (公共秩序, 环境卫生, 绿化, 设施, 其他…). */
  category: text(50),
  content: text(2000),
  roomId: z.uuid().optional(),
  location: z.string().trim().max(200).optional(),
  reporterName: z.string().trim().max(50).optional(),
  reporterPhone: z
    .string()
    .trim()
    .regex(/^[\d-]{5,20}$/, '电话号码无效 / Invalid phone number')
    .optional(),
  /** A major matter is visited at home. */
  isMajor: z.boolean().optional(),
  /** The specialist supervisor to send it to at once; the community's CS supervisor when left out. */
  supervisorId: z.uuid().optional(),
  /** Keep it at the desk (not sent yet). */
  isDraft: z.boolean().optional(),
});
export type CreateMatterBody = z.infer<typeof createMatterBody>;

/** Request bodies of the matter's actions (POST /api/matters/:id/<action>). */
export const matterActionBodies = {
  send: z.object({ supervisorId: z.uuid() }),
  'hand-over': z.object({ department: matterDepartmentEnum, note: z.string().trim().max(500).optional() }),
  decline: z.object({ reason: text(500) }),
  accept: z.object({}),
  complete: z.object({ result: text(2000) }),
  chase: z.object({ note: text(500) }),
  reopen: z.object({ reason: text(500) }),
  close: z.object({ note: z.string().trim().max(500).optional() }),
  cancel: z.object({ reason: text(500) }),
} as const;
export type MatterActionPath = keyof typeof matterActionBodies;

export const matterListQuery = z.object({
  communityId: z.uuid().optional(),
  /** active · mine (I created, dispatch, or handle it; my department's) · overdue · returned · all */
  view: z.enum(['active', 'mine', 'overdue', 'returned', 'all']).default('active'),
  status: matterStatusEnum.optional(),
  department: matterDepartmentEnum.optional(),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const matterSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  communityId: z.uuid(),
  communityName: z.string(),
  status: matterStatusEnum,
  category: z.string(),
  isMajor: z.boolean(),
  content: z.string(),
  location: z.string(),
  reporterName: z.string(),
  reporterPhone: z.string(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  supervisorId: z.uuid().nullable(),
  supervisorName: z.string().nullable(),
  department: matterDepartmentEnum.nullable(),
  handlerId: z.uuid().nullable(),
  handlerName: z.string().nullable(),
  result: z.string().nullable(),
  completedAt: isoDateTime.nullable(),
  reopenCount: z.number().int(),
  flags: z.array(z.string()),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type MatterSummary = z.infer<typeof matterSummary>;

export const matterDetail = matterSummary.extend({
  roomId: z.uuid().nullable(),
  channel: z.string(),
  createdByName: z.string(),
  events: z.array(eventView),
  timers: z.array(timerView),
  visits: z.array(z.object({ id: z.uuid(), status: z.string(), dueAt: isoDateTime, isHomeVisitRequired: z.boolean() })),
  /** The duty-log entry it came from, if any. */
  fromContact: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  /** What the signed-in user may do next. */
  allowedActions: z.array(matterActionEnum),
});
export type MatterDetail = z.infer<typeof matterDetail>;

export const matterList = z.object({ items: z.array(matterSummary), total: z.number().int() });

/** The specialist supervisors a matter can be sent to. */
export const supervisorList = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string() })) });
