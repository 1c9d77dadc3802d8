import { z } from 'zod';
import { departments } from '../domain/access/roles.js';
import { complaintChannels, complaintClasses, replyMethods } from '../domain/complaint/decide.js';
import { complaintActions, complaintStatuses } from '../domain/complaint/machine.js';
import { isoDateTime } from './common.js';
import { eventView, timerView } from './repair.js';

export const complaintStatusEnum = z.enum(complaintStatuses);
export const complaintClassEnum = z.enum(complaintClasses);
export const complaintActionEnum = z.enum(complaintActions);
/** Channels the desk records; 'follow_up_visit' is only ever set by an unsatisfied visit. */
export const complaintChannelEnum = z.enum(complaintChannels.filter((c) => c !== 'follow_up_visit') as ['phone', ...string[]]);
export const departmentEnum = z.enum(departments);

/** Checked by the rules (a 422 with the field named), so the schema only bounds the length. */
const ruledText = (max: number) => z.string().trim().max(max);

/**
 * A complaint as the desk records it (用户投诉记录): the complainant, the households (rooms) that
 * complain, how it came in, what it is about and where, and whether it was already fixed on the spot.
 */
export const createComplaintBody = z.object({
  communityId: z.uuid(),
  complainantName: ruledText(50).default(''),
  complainantPhone: z
    .string()
    .trim()
    .regex(/^[\d-]{0,20}$/, '电话号码无效 / Invalid phone number')
    .optional(),
  residentId: z.uuid().optional(),
  /** The rooms of every complaining household; the complainant's first. */
  householdIds: z.array(z.uuid()).max(500).default([]),
  channel: complaintChannelEnum.default('phone'),
  form: z.enum(['written', 'oral']).default('oral'),
  content: ruledText(4000).default(''),
  /** Where: a building of the community, or a facility by name (东门, 2号电梯…). */
  buildingId: z.uuid().optional(),
  facility: z.string().trim().max(50).optional(),
  onSpot: z.object({ handledAt: isoDateTime, result: ruledText(2000) }).optional(),
  isForwarded: z.boolean().default(false),
});
export type CreateComplaintBody = z.infer<typeof createComplaintBody>;

export const complaintListQuery = z.object({
  communityId: z.uuid().optional(),
  status: z.union([complaintStatusEnum, z.array(complaintStatusEnum)]).optional(),
  complaintClass: complaintClassEnum.optional(),
  view: z.enum(['active', 'all', 'overdue', 'closed']).default('active'),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ComplaintListQuery = z.infer<typeof complaintListQuery>;

export const householdView = z.object({ householdId: z.uuid(), label: z.string(), residentId: z.uuid().nullable() });

export const complaintSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  communityId: z.uuid(),
  communityName: z.string(),
  status: complaintStatusEnum,
  complaintClass: complaintClassEnum.nullable(),
  isSerious: z.boolean(),
  isForwarded: z.boolean(),
  channel: z.string(),
  form: z.enum(['written', 'oral']),
  complainantName: z.string(),
  complainantPhone: z.string(),
  location: z.string(),
  content: z.string(),
  householdCount: z.number().int(),
  escalationLevel: z.number().int(),
  flags: z.array(z.string()),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  nextTimer: timerView.nullable(),
});
export type ComplaintSummary = z.infer<typeof complaintSummary>;

const caseLink = z.object({ id: z.uuid(), number: z.string(), status: z.string() });

export const complaintDetail = complaintSummary.extend({
  residentId: z.uuid().nullable(),
  households: z.array(householdView),
  placeKey: z.string().nullable(),
  createdByName: z.string(),
  isDeveloperCaused: z.boolean(),
  onSpot: z.object({ handledAt: isoDateTime, handledById: z.string(), result: z.string() }).nullable(),
  isOnSpotReportLate: z.boolean(),
  classifiedAt: isoDateTime.nullable(),
  agreedReplyAt: isoDateTime.nullable(),
  referral: z.object({ party: z.string(), department: z.string(), recipient: z.string(), at: isoDateTime }).nullable(),
  solvingDepartment: z.string().nullable(),
  resultSummary: z.string().nullable(),
  signedOffAt: isoDateTime.nullable(),
  incidentReportFiledAt: isoDateTime.nullable(),
  reply: z.object({ method: z.string(), hasWrittenCopy: z.boolean(), at: isoDateTime }).nullable(),
  replySummary: z.string().nullable(),
  centreReportedAt: isoDateTime.nullable(),
  visitOutcome: z.string().nullable(),
  escalationRung: z.string(),
  linkedFrom: caseLink.nullable(),
  successors: z.array(caseLink),
  mergedFrom: z.array(caseLink),
  mergedInto: caseLink.nullable(),
  events: z.array(eventView),
  timers: z.array(timerView),
  visits: z.array(z.object({ id: z.uuid(), status: z.string(), dueAt: isoDateTime, outcome: z.string().nullable() })),
  allowedActions: z.array(complaintActionEnum),
});
export type ComplaintDetail = z.infer<typeof complaintDetail>;

export const collectiveQuery = z.object({ communityId: z.uuid().optional() });

export const collectiveProposalView = z.object({
  placeKey: z.string(),
  placeLabel: z.string(),
  householdCount: z.number().int(),
  firstAt: isoDateTime,
  lastAt: isoDateTime,
  complaints: z.array(z.object({ id: z.uuid(), number: z.string(), complainantName: z.string(), content: z.string() })),
});

export const mergeCollectiveBody = z.object({ complaintIds: z.array(z.uuid()).min(2).max(200) });

/** Request bodies of the lifecycle actions, one per action (POST /api/complaints/:id/<action>). */
export const complaintActionBodies = {
  classify: z.object({
    complaintClass: complaintClassEnum,
    reason: ruledText(1000),
    isSerious: z.boolean().optional(),
    isDeveloperCaused: z.boolean().optional(),
  }),
  contact: z.object({ agreedReplyAt: isoDateTime, note: z.string().trim().max(1000).optional() }),
  refer: z.object({
    party: z.enum(['developer', 'external', 'department']),
    department: departmentEnum,
    recipient: ruledText(100),
    note: ruledText(2000),
  }),
  'update-progress': z.object({ note: ruledText(2000) }),
  escalate: z.object({ reason: ruledText(1000) }),
  'file-incident-report': z.object({ summary: ruledText(4000) }),
  'record-result': z.object({ solvingDepartment: departmentEnum, summary: ruledText(4000) }),
  'return-result': z.object({ reason: ruledText(1000) }),
  'sign-off': z.object({ note: z.string().trim().max(1000).optional() }),
  reply: z.object({
    method: z.enum(replyMethods),
    hasWrittenCopy: z.boolean().default(false),
    summary: ruledText(4000),
    residentSignature: z.string().trim().max(100).optional(),
  }),
  'report-to-centre': z.object({ summary: ruledText(4000) }),
  visit: z.object({
    outcome: z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']),
    method: z.enum(['phone', 'home_visit']),
    comment: z.string().trim().max(2000).default(''),
  }),
  merge: z.object({ intoComplaintId: z.uuid() }),
  withdraw: z.object({ reason: ruledText(1000) }),
} as const;
export type ComplaintActionPath = keyof typeof complaintActionBodies;
export type ComplaintActionBody<K extends ComplaintActionPath> = z.infer<(typeof complaintActionBodies)[K]>;
