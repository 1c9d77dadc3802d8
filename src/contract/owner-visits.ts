import { z } from 'zod';
import { issueFollowUps, signatureOutcomes, visitMethods, visitStatuses } from '../domain/owner-visits/visit.js';
import { isoDateTime } from './common.js';
import { repairCategoryEnum } from './repair.js';

/** Owner visits (业户访问): request and response schemas. */

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const note = (max: number) => z.string().trim().max(max);

export const visitMethodEnum = z.enum(visitMethods);
export const visitStatusEnum = z.enum(visitStatuses);
export const signatureEnum = z.enum(signatureOutcomes);

export const monthQuery = z.object({ communityId: z.uuid().optional(), month: month.optional() });
export type MonthQuery = z.infer<typeof monthQuery>;

export const makePlanBody = z.object({ communityId: z.uuid(), month: month.optional() });

export const planView = z.object({
  id: z.uuid().nullable(),
  communityId: z.uuid(),
  communityName: z.string(),
  month,
  isPlanned: z.boolean(),
  occupiedHouseholds: z.number().int(),
  quotaPercent: z.number().int(),
  quota: z.number().int(),
  createdByName: z.string().nullable(),
  createdAt: isoDateTime.nullable(),
});

export const proposalView = z.object({
  roomId: z.uuid(),
  buildingId: z.uuid(),
  buildingName: z.string(),
  label: z.string(),
  residentNames: z.array(z.string()),
});
export const proposalList = z.object({
  month,
  /** Households visited within this many months are left out. */
  repeatWindowMonths: z.number().int(),
  items: z.array(proposalView),
});
export const proposalQuery = monthQuery.extend({ count: z.coerce.number().int().min(1).max(200).optional() });

export const bookVisitBody = z.object({
  communityId: z.uuid(),
  roomId: z.uuid(),
  bookedFor: isoDateTime,
  residentName: note(50).optional(),
});
export type BookVisitBody = z.infer<typeof bookVisitBody>;

export const rescheduleBody = z.object({ bookedFor: isoDateTime });
export const cancelBody = z.object({ reason: note(500).min(1) });

export const issueInput = z.object({ text: note(1000).min(1) });

export const recordVisitBody = z.object({
  method: visitMethodEnum,
  visitedAt: isoDateTime,
  /** Who visited; the recorder when left out. */
  visitorName: note(50).optional(),
  residentName: note(50).optional(),
  notes: note(4000).optional(),
  opinions: note(4000).optional(),
  issues: z.array(issueInput).max(20).default([]),
  /** Signed, or refused to sign (never forced); none for a call or a questionnaire. */
  signature: signatureEnum.nullable().default(null),
  signedBy: note(50).optional(),
  isConfidential: z.boolean().default(false),
});
export type RecordVisitBody = z.infer<typeof recordVisitBody>;

/** A visit recorded without a booking (a call, a chat outside): the household and the record at once. */
export const recordUnbookedBody = recordVisitBody.extend({ communityId: z.uuid(), roomId: z.uuid() });
export type RecordUnbookedBody = z.infer<typeof recordUnbookedBody>;

export const followUpIssueBody = z.object({
  as: z.enum(['repair', 'complaint']),
  /** Repair orders: the category of the work. */
  category: repairCategoryEnum.optional(),
});

export const issueView = z.object({
  text: z.string(),
  followUp: z.enum(issueFollowUps),
  ticketId: z.uuid().nullable(),
  ticketNumber: z.string().nullable(),
});

export const ownerVisitView = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  month,
  roomId: z.uuid(),
  householdLabel: z.string(),
  status: visitStatusEnum,
  bookedFor: isoDateTime.nullable(),
  bookedByName: z.string().nullable(),
  method: visitMethodEnum.nullable(),
  visitorName: z.string().nullable(),
  residentName: z.string().nullable(),
  visitedAt: isoDateTime.nullable(),
  /** Null when the record is confidential and the reader may not see it. */
  notes: z.string().nullable(),
  opinions: z.string().nullable(),
  issues: z.array(issueView),
  signature: signatureEnum.nullable(),
  signedBy: z.string().nullable(),
  isConfidential: z.boolean(),
  /** The notes are withheld from this reader. */
  isWithheld: z.boolean(),
  recordedByName: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** What this reader may do now. */
  actions: z.array(z.enum(['reschedule', 'record', 'cancel', 'follow_up'])),
});
export type OwnerVisitView = z.infer<typeof ownerVisitView>;

export const fulfilmentView = z.object({
  quota: z.number().int(),
  done: z.number().int(),
  householdsVisited: z.number().int(),
  booked: z.number().int(),
  cancelled: z.number().int(),
  signed: z.number().int(),
  refused: z.number().int(),
  byMethod: z.record(visitMethodEnum, z.number().int()),
  issuesRaised: z.number().int(),
  issuesToRepair: z.number().int(),
  issuesToComplaint: z.number().int(),
  fulfilmentPercent: z.number(),
  isFulfilled: z.boolean(),
  byDay: z.array(z.object({ date: z.string(), done: z.number().int(), cumulative: z.number().int() })),
  summaryDueOn: z.string(),
});

export const monthView = z.object({
  plan: planView,
  fulfilment: fulfilmentView,
  visits: z.array(ownerVisitView),
  /** What this reader may do with the month. */
  canBook: z.boolean(),
  canRecord: z.boolean(),
});
export type MonthView = z.infer<typeof monthView>;
