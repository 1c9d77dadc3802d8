import { z } from 'zod';
import { repairActions, repairStatuses } from '../domain/repair/machine.js';
import { isoDateTime } from './common.js';

export const repairStatusEnum = z.enum(repairStatuses);
/** The lifecycle actions as `allowedActions` names them ('set_off'); their URL form is kebab-case. */
export const repairActionEnum = z.enum(repairActions);

export const repairCategoryEnum = z.enum(['plumbing', 'electrical', 'doors_windows', 'appliance', 'equipment', 'public_area', 'other']);
export const channelEnum = z.enum(['phone', 'walk_in', 'app', 'wechat', 'email', 'fax', 'mailbox', 'patrol']);

const text = (max: number) => z.string().trim().min(1).max(max);
const cents = z.number().int().min(0).max(100_000_000);

export const createRepairBody = z
  .object({
    communityId: z.uuid(),
    roomId: z.uuid().optional(),
    buildingId: z.uuid().optional(),
    location: z.string().trim().max(200).optional(),
    reporterName: text(50),
    reporterPhone: z
      .string()
      .trim()
      .regex(/^[\d-]{5,20}$/, '电话号码无效 / Invalid phone number'),
    residentId: z.uuid().optional(),
    channel: channelEnum.default('phone'),
    category: repairCategoryEnum,
    area: z.enum(['in_home', 'public']),
    urgency: z.enum(['normal', 'urgent']).default('normal'),
    timing: z.enum(['immediate', 'appointment']),
    appointmentAt: isoDateTime.optional(),
    content: text(2000),
    requestedTechnicianId: z.uuid().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.timing === 'appointment' && !v.appointmentAt) {
      ctx.addIssue({ code: 'custom', path: ['appointmentAt'], message: '请选择预约时间 / Choose the appointment time' });
    }
    if (v.area === 'in_home' && !v.roomId) {
      ctx.addIssue({ code: 'custom', path: ['roomId'], message: '入户维修须选择房号 / Choose the room for in-home work' });
    }
    if (v.area === 'public' && !v.roomId && !v.location) {
      ctx.addIssue({ code: 'custom', path: ['location'], message: '请填写公共区域位置 / Say where in the public area' });
    }
  });
export type CreateRepairBody = z.infer<typeof createRepairBody>;

export const repairListQuery = z.object({
  communityId: z.uuid().optional(),
  status: z.union([repairStatusEnum, z.array(repairStatusEnum)]).optional(),
  view: z.enum(['all', 'active', 'open_pool', 'mine', 'overdue', 'unassigned', 'awaiting_visit']).default('active'),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const timerView = z.object({ kind: z.string(), dueAt: isoDateTime, level: z.number().int(), status: z.string() });

export const repairSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  communityId: z.uuid(),
  communityName: z.string(),
  status: repairStatusEnum,
  category: repairCategoryEnum,
  area: z.enum(['in_home', 'public']),
  urgency: z.enum(['normal', 'urgent']),
  timing: z.enum(['immediate', 'appointment']),
  appointmentAt: isoDateTime.nullable(),
  location: z.string(),
  reporterName: z.string(),
  reporterPhone: z.string(),
  content: z.string(),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  flags: z.array(z.string()),
  feeStatus: z.enum(['none', 'owed', 'paid']),
  reopenCount: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** The next pending timer, for countdowns on the boards. */
  nextTimer: timerView.nullable(),
});
export type RepairSummary = z.infer<typeof repairSummary>;

export const eventView = z.object({
  seq: z.number().int(),
  type: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  data: z.record(z.string(), z.unknown()),
  at: isoDateTime,
});

export const repairDetail = repairSummary.extend({
  roomId: z.uuid().nullable(),
  residentId: z.uuid().nullable(),
  channel: z.string(),
  createdByName: z.string(),
  requestedTechnicianId: z.uuid().nullable(),
  promisedTimes: z.array(z.object({ at: z.string(), setAt: z.string(), by: z.string(), reason: z.string().nullable() })),
  codeAttempts: z.number().int(),
  codeMaxAttempts: z.number().int(),
  verifiedAt: isoDateTime.nullable(),
  verifiedBy: z.string().nullable(),
  actualItems: z.string().nullable(),
  summary: z.string().nullable(),
  labourFeeCents: z.number().int(),
  materialFeeCents: z.number().int(),
  customerMaterialRating: z.string().nullable(),
  holdReason: z.string().nullable(),
  holdNote: z.string().nullable(),
  quoteDescription: z.string().nullable(),
  quoteCents: z.number().int().nullable(),
  satisfaction: z.string().nullable(),
  photos: z.array(z.object({ id: z.uuid(), url: z.string(), mime: z.string() })),
  events: z.array(eventView),
  timers: z.array(timerView),
  visits: z.array(
    z.object({
      id: z.uuid(),
      status: z.string(),
      dueAt: isoDateTime,
      outcome: z.string().nullable(),
      method: z.string().nullable(),
      comment: z.string().nullable(),
      visitedByName: z.string().nullable(),
      visitedAt: isoDateTime.nullable(),
    }),
  ),
  /** What the signed-in user may do next. */
  allowedActions: z.array(repairActionEnum),
});
export type RepairDetail = z.infer<typeof repairDetail>;

/** Request bodies of the lifecycle actions, one per action (POST /api/repair-orders/:id/<action>). */
export const actionBodies = {
  grab: z.object({}),
  assign: z.object({ technicianId: z.uuid(), note: z.string().trim().max(500).optional() }),
  accept: z.object({}),
  decline: z.object({ reason: text(500) }),
  'set-off': z.object({
    etaMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .optional(),
  }),
  arrive: z.object({}),
  'verify-code': z.object({
    code: z
      .string()
      .trim()
      .regex(/^\d{4,8}$/, '验证码为数字 / The code is digits'),
  }),
  'confirm-by-phone': z.object({ reason: text(500) }),
  reschedule: z.object({ appointmentAt: isoDateTime, reason: text(500) }),
  'record-work': z.object({
    actualItems: z.string().trim().max(2000).optional(),
    labourFeeCents: cents.optional(),
    materialFeeCents: cents.optional(),
    customerMaterialRating: z.enum(['qualified', 'unqualified', 'poor']).nullable().optional(),
    note: z.string().trim().max(2000).optional(),
  }),
  hold: z.object({ reason: z.enum(['parts', 'long_job', 'leftover', 'not_home', 'other']), note: text(500) }),
  resume: z.object({ note: z.string().trim().max(500).optional() }),
  'request-quote': z.object({ description: text(1000) }),
  quote: z.object({ isFeasible: z.boolean(), quoteCents: cents.optional(), note: text(1000) }),
  'accept-quote': z.object({}),
  'refuse-quote': z.object({ reason: text(500) }),
  complete: z.object({ summary: text(2000) }),
  confirm: z.object({ signature: z.string().trim().max(100).optional() }),
  'reject-completion': z.object({ reason: text(500) }),
  'record-payment': z.object({ amountCents: cents, receiptNo: z.string().trim().max(50).optional() }),
  visit: z.object({
    outcome: z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']),
    method: z.enum(['phone', 'home', 'on_site']),
    comment: text(2000),
  }),
  cancel: z.object({ reason: text(500) }),
  'close-returned': z.object({ reason: text(500) }),
} as const;
export type ActionPath = keyof typeof actionBodies;

export const boardQuery = z.object({ communityId: z.uuid().optional() });

export const frontDeskBoard = z.object({
  orders: z.array(repairSummary),
  counts: z.record(z.string(), z.number().int()),
  overdue: z.number().int(),
  emergencies: z.number().int(),
});

export const dispatchBoard = z.object({
  unassigned: z.array(repairSummary),
  overdue: z.array(repairSummary),
  awaitingQuote: z.array(repairSummary),
  technicians: z.array(z.object({ id: z.uuid(), name: z.string(), openLoad: z.number().int(), orders: z.array(repairSummary) })),
});
