import { z } from 'zod';
import { channels, emergencyKinds, intakeCategories } from '../domain/intake/decide.js';
import { intakeActions, intakeStatuses } from '../domain/intake/machine.js';
import { isoDateTime } from './common.js';
import { eventView, repairCategoryEnum, timerView } from './repair.js';

export const intakeChannelEnum = z.enum(channels);
export const intakeCategoryEnum = z.enum(intakeCategories);
export const emergencyKindEnum = z.enum(emergencyKinds);
export const intakeStatusEnum = z.enum(intakeStatuses);
export const intakeActionEnum = z.enum(intakeActions);
export const replyMethodEnum = z.enum(['in_person', 'phone', 'written', 'message']);

const text = (max: number) => z.string().trim().min(1).max(max);
const phone = z
  .string()
  .trim()
  .regex(/^[\d-]{5,20}$/, '电话号码无效 / Invalid phone number');

/** The repair order a triage into repair or paid service opens (the caller, room and content come from the entry). */
export const triageRepairBody = z.object({
  category: repairCategoryEnum,
  area: z.enum(['in_home', 'public']),
  urgency: z.enum(['normal', 'urgent']).default('normal'),
  timing: z.enum(['immediate', 'appointment']).default('immediate'),
  appointmentAt: isoDateTime.optional(),
});

/** The matter a triage into 报事 opens; sent at once to the specialist supervisor named, or the CS supervisor. */
export const triageMatterBody = z.object({
  category: text(50),
  isMajor: z.boolean().optional(),
  supervisorId: z.uuid().optional(),
});

const triageFields = {
  category: intakeCategoryEnum,
  emergencyKind: emergencyKindEnum.optional(),
  /** A consultation answered there and then (oral only). */
  isAnsweredOnSpot: z.boolean().optional(),
  answer: z.string().trim().max(2000).optional(),
  repair: triageRepairBody.optional(),
  matter: triageMatterBody.optional(),
  /** The complaint's own fields, as the complaints API takes them (its communityId, complainant and content come from the entry). */
  complaint: z.record(z.string(), z.unknown()).optional(),
};

type TriageShape = {
  category: string;
  emergencyKind?: string | undefined;
  repair?: unknown;
  matter?: unknown;
  isAnsweredOnSpot?: boolean | undefined;
  answer?: string | undefined;
};
const refineTriage = (v: TriageShape, ctx: z.RefinementCtx, prefix: (string | number)[] = []) => {
  if (v.category === 'emergency' && !v.emergencyKind) {
    ctx.addIssue({ code: 'custom', path: [...prefix, 'emergencyKind'], message: '请选择紧急求援类型 / Choose the kind of emergency' });
  }
  if ((v.category === 'repair' || v.category === 'paid_service') && !v.repair) {
    ctx.addIssue({ code: 'custom', path: [...prefix, 'repair'], message: '请填写维修信息 / Fill in the repair' });
  }
  if (v.category === 'matter' && !v.matter) {
    ctx.addIssue({ code: 'custom', path: [...prefix, 'matter'], message: '请填写报事类别 / Fill in the matter' });
  }
  if (v.isAnsweredOnSpot && !v.answer) {
    ctx.addIssue({ code: 'custom', path: [...prefix, 'answer'], message: '请填写答复内容 / Write the answer' });
  }
};

export const triageBody = z.object(triageFields).superRefine((v, ctx) => refineTriage(v, ctx));
export type TriageBody = z.infer<typeof triageBody>;

export const createContactBody = z
  .object({
    communityId: z.uuid(),
    channel: intakeChannelEnum,
    callerName: text(50),
    callerPhone: phone.optional(),
    roomId: z.uuid().optional(),
    location: z.string().trim().max(200).optional(),
    content: text(2000),
    /** A letter handed over at the counter is written too; defaults from the channel. */
    isWritten: z.boolean().optional(),
    /** Triage at once, while the caller is still on the line. */
    triage: z.object(triageFields).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.triage) refineTriage(v.triage, ctx, ['triage']);
  });
export type CreateContactBody = z.infer<typeof createContactBody>;

/** Request bodies of the entry's actions (POST /api/contacts/:id/<action>). */
export const contactActionBodies = {
  triage: triageBody,
  reply: z.object({
    answer: text(2000),
    method: replyMethodEnum,
    /** Whether the resident accepts the answer; not satisfied → the department head answers. */
    isSatisfied: z.boolean(),
    cause: z.string().trim().max(500).optional(),
    responsible: z.string().trim().max(100).optional(),
  }),
  escalate: z.object({ reason: text(500) }),
  acknowledge: z.object({ note: z.string().trim().max(500).optional() }),
  resolve: z.object({ result: text(2000), hasCalledAmbulance: z.boolean().optional(), hasCalledPolice: z.boolean().optional() }),
  close: z.object({ result: text(500) }),
  void: z.object({ reason: text(500) }),
} as const;
export type ContactActionPath = keyof typeof contactActionBodies;

export const contactListQuery = z.object({
  communityId: z.uuid().optional(),
  /** today: logged today (local day) · mine: open entries I answer for (首问) · open · emergencies · overdue · all */
  view: z.enum(['today', 'mine', 'open', 'emergencies', 'overdue', 'all']).default('today'),
  category: intakeCategoryEnum.optional(),
  status: intakeStatusEnum.optional(),
  channel: intakeChannelEnum.optional(),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const linkedTicketView = z.object({
  kind: z.enum(['repair', 'matter', 'complaint']),
  id: z.uuid(),
  number: z.string().nullable(),
  status: z.string().nullable(),
});

export const contactSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  communityId: z.uuid(),
  communityName: z.string(),
  status: intakeStatusEnum,
  channel: intakeChannelEnum,
  isWritten: z.boolean(),
  category: intakeCategoryEnum.nullable(),
  emergencyKind: emergencyKindEnum.nullable(),
  callerName: z.string(),
  callerPhone: z.string(),
  roomId: z.uuid().nullable(),
  location: z.string(),
  content: z.string(),
  firstOwnerId: z.string(),
  firstOwnerName: z.string().nullable(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  isEscalated: z.boolean(),
  responderId: z.string().nullable(),
  responderName: z.string().nullable(),
  replyDueAt: isoDateTime.nullable(),
  answer: z.string().nullable(),
  flags: z.array(z.string()),
  linkedTicket: linkedTicketView.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  closedAt: isoDateTime.nullable(),
});
export type ContactSummary = z.infer<typeof contactSummary>;

export const contactDetail = contactSummary.extend({
  departmentHeadId: z.string(),
  departmentHeadName: z.string().nullable(),
  escalationReason: z.string().nullable(),
  replyMethod: z.string().nullable(),
  createdByName: z.string(),
  events: z.array(eventView),
  timers: z.array(timerView),
  /** What the signed-in user may do next. */
  allowedActions: z.array(intakeActionEnum),
});
export type ContactDetail = z.infer<typeof contactDetail>;

export const contactList = z.object({ items: z.array(contactSummary), total: z.number().int() });

export const emergencyQuery = z.object({ communityId: z.uuid().optional() });
export const emergencyList = z.object({ items: z.array(contactSummary) });

/**
 * A resident's own contact as their phone shows it: what they asked, where it stands, the answer.
 * Matched by their rooms or their phone number.
 */
export const residentContact = z.object({
  id: z.uuid(),
  number: z.string(),
  communityName: z.string(),
  channel: intakeChannelEnum,
  category: intakeCategoryEnum.nullable(),
  status: intakeStatusEnum,
  content: z.string(),
  createdAt: isoDateTime,
  replyDueAt: isoDateTime.nullable(),
  answer: z.string().nullable(),
  answeredAt: isoDateTime.nullable(),
  linkedTicket: linkedTicketView.nullable(),
});
export type ResidentContact = z.infer<typeof residentContact>;
export const residentContactList = z.object({ items: z.array(residentContact) });
