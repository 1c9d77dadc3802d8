import { z } from 'zod';
import { isoDateTime } from './common.js';

/** Follow-up visit tasks (回访) of every ticket kind, and sampling duties. */

export const visitStatusEnum = z.enum(['pending', 'booked', 'rectifying', 'reprocessing', 'closed', 'cancelled']);
export const visitDutyEnum = z.enum(['desk', 'office', 'engineering_head', 'repairer']);
export const visitMethodEnum = z.enum(['phone', 'home', 'on_site']);
export const visitOutcomeEnum = z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']);
export const chargeCheckEnum = z.enum(['correct', 'incorrect', 'no_charge']);
export const visitActionEnum = z.enum(['assign', 'book', 'record', 'issue_rectification_notice', 'cancel']);

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

/** The list's tabs; `done` is the older name of `closed`. */
export const visitListQuery = z.object({
  communityId: z.uuid().optional(),
  status: z
    .enum(['open', 'pending', 'booked', 'overdue', 'rectifying', 'reprocessing', 'closed', 'cancelled', 'all', 'done'])
    .default('pending'),
  ticketKind: z.string().trim().min(1).max(30).optional(),
  visitorId: z.uuid().optional(),
  duty: visitDutyEnum.optional(),
  /** Only the sampling tasks drawn for this month. */
  samplingPeriod: period.optional(),
  /** Only the tasks assigned to me. */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type VisitListQuery = z.infer<typeof visitListQuery>;

export const visitSummary = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  ticketKind: z.string(),
  ticketNumber: z.string(),
  ticketStatus: z.string(),
  communityId: z.uuid(),
  communityName: z.string(),
  content: z.string(),
  location: z.string(),
  reporterName: z.string(),
  reporterPhone: z.string(),
  /** Who handled the ticket (a repair's technician). */
  assigneeName: z.string().nullable(),
  category: z.string(),
  status: z.string(),
  duty: z.string(),
  round: z.number().int(),
  dueAt: isoDateTime,
  isOverdue: z.boolean(),
  isHomeVisitRequired: z.boolean(),
  flags: z.array(z.string()),
  visitorId: z.uuid().nullable(),
  visitorName: z.string().nullable(),
  technicianId: z.uuid().nullable(),
  technicianName: z.string().nullable(),
  appointmentAt: isoDateTime.nullable(),
  rectificationDueAt: isoDateTime.nullable(),
  samplingPeriod: z.string().nullable(),
  outcome: z.string().nullable(),
  method: z.string().nullable(),
  comment: z.string().nullable(),
  visitedByName: z.string().nullable(),
  visitedAt: isoDateTime.nullable(),
  /** What the signed-in user may do next. */
  allowedActions: z.array(visitActionEnum),
});
export type VisitSummary = z.infer<typeof visitSummary>;

export const visitDetail = visitSummary.extend({
  chargeCheck: z.string().nullable(),
  signature: z.string().nullable(),
  hasRefusedToSign: z.boolean(),
  apology: z.string().nullable(),
  problems: z.string().nullable(),
  rectificationNotice: z.string().nullable(),
  /** The steps of the task, from the ticket's timeline. */
  events: z.array(
    z.object({
      type: z.string(),
      actorName: z.string(),
      at: isoDateTime,
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  /** Who the task may be assigned to (the community's visiting staff); empty unless the user may assign. */
  visitorOptions: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string() })),
});
export type VisitDetail = z.infer<typeof visitDetail>;

const text = (max: number) => z.string().trim().min(1).max(max);

export const visitBodies = {
  assign: z.object({ visitorId: z.uuid(), duty: visitDutyEnum.optional() }),
  book: z.object({ appointmentAt: isoDateTime }),
  record: z.object({
    method: visitMethodEnum,
    outcome: visitOutcomeEnum,
    chargeCheck: chargeCheckEnum,
    comment: text(2000),
    signature: z.string().trim().max(100).optional(),
    hasRefusedToSign: z.boolean().optional(),
    apology: z.string().trim().max(1000).optional(),
    problems: z.string().trim().max(2000).optional(),
  }),
  'rectification-notice': z.object({ technicianId: z.uuid().optional(), text: text(2000) }),
  cancel: z.object({ reason: text(500) }),
} as const;
export type VisitActionPath = keyof typeof visitBodies;

export const samplingDrawBody = z.object({
  communityId: z.uuid(),
  /** The month drawn from; last month by default. */
  period: period.optional(),
});

export const samplingQuery = z.object({ communityId: z.uuid(), period: period.optional() });

export const samplingView = z.object({
  communityId: z.uuid(),
  period: z.string(),
  poolSize: z.number().int(),
  isDrawn: z.boolean(),
  /** Tasks created by this call (0 when the period was already drawn). */
  created: z.number().int(),
  duties: z.array(
    z.object({
      duty: z.enum(['office', 'engineering_head', 'repairer']),
      visitorId: z.uuid().nullable(),
      visitorName: z.string().nullable(),
      poolSize: z.number().int(),
      required: z.number().int(),
      drawn: z.number().int(),
      done: z.number().int(),
      isFulfilled: z.boolean(),
    }),
  ),
});
export type SamplingView = z.infer<typeof samplingView>;
