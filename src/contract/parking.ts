import { z } from 'zod';
import { parkingActions, parkingSpaceKinds, parkingSpaceStatuses, parkingStatuses } from '../domain/parking/machine.js';
import { isoDateTime } from './common.js';
import { eventView, timerView } from './repair.js';

export const parkingStatusEnum = z.enum(parkingStatuses);
export const parkingActionEnum = z.enum(parkingActions);
export const parkingSpaceKindEnum = z.enum(parkingSpaceKinds);
export const parkingSpaceStatusEnum = z.enum(parkingSpaceStatuses);

const text = (max: number) => z.string().trim().min(1).max(max);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD / Dates are YYYY-MM-DD');

export const createSpaceBody = z.object({
  communityId: z.uuid(),
  number: text(20),
  zone: text(50),
  kind: parkingSpaceKindEnum,
  note: z.string().trim().max(200).optional(),
});

/** A space's register details; its status changes by hand only while nobody holds it. */
export const updateSpaceBody = z.object({
  zone: text(50).optional(),
  kind: parkingSpaceKindEnum.optional(),
  status: z.enum(['free', 'reserved']).optional(),
  note: z.string().trim().max(200).optional(),
});

export const spaceListQuery = z.object({
  communityId: z.uuid().optional(),
  status: parkingSpaceStatusEnum.optional(),
  zone: z.string().trim().max(50).optional(),
  /** Only spaces whose card expires within the policy's reminder period (or has expired). */
  isExpiringSoon: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(50).optional(),
});

export const spaceView = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  number: z.string(),
  zone: z.string(),
  kind: parkingSpaceKindEnum,
  status: parkingSpaceStatusEnum,
  note: z.string(),
  /** The application holding it and its card, while one does. */
  holder: z
    .object({
      applicationId: z.uuid(),
      number: z.string(),
      status: parkingStatusEnum,
      roomLabel: z.string(),
      holderName: z.string(),
      plateNumber: z.string(),
      cardNumber: z.string().nullable(),
      validFrom: z.string().nullable(),
      validTo: z.string().nullable(),
    })
    .nullable(),
});
export const spaceList = z.object({ items: z.array(spaceView), zones: z.array(z.string()) });

/** 车位申请: a household's application, on the phone or at the desk. */
export const applyParkingBody = z.object({
  communityId: z.uuid(),
  /** Residents: one of their rooms; the desk: any room of the community. */
  roomId: z.uuid(),
  applicantName: z.string().trim().max(50).optional(),
  applicantPhone: z
    .string()
    .trim()
    .regex(/^[\d-]{5,20}$/, '电话号码无效 / Invalid phone number')
    .optional(),
  plateNumber: text(12),
  vehicleModel: text(50),
  driverName: text(50),
  /** The space asked for; left out = any. */
  wantedSpaceId: z.uuid().optional(),
});
export type ApplyParkingBody = z.infer<typeof applyParkingBody>;

const payment = z.object({
  amountCents: z.number().int().min(1).max(100_000_000),
  months: z.number().int().min(1).max(120),
  receiptNo: text(50),
});

/** Request bodies of an application's actions (POST /api/parking/applications/:id/<action>). */
export const parkingActionBodies = {
  assign: z.object({ spaceId: z.uuid() }),
  reject: z.object({ reason: text(500) }),
  'sign-agreement': z.object({}),
  pay: payment,
  'issue-card': z.object({ cardNumber: text(30), validFrom: localDate.optional() }),
  renew: payment,
  cancel: z.object({ reason: text(500) }),
} as const;
export type ParkingActionPath = keyof typeof parkingActionBodies;

export const parkingListQuery = z.object({
  communityId: z.uuid().optional(),
  /** open (being handled) · cards (active or expired) · all */
  view: z.enum(['open', 'cards', 'all']).default('open'),
  status: parkingStatusEnum.optional(),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const parkingSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  communityId: z.uuid(),
  communityName: z.string(),
  status: parkingStatusEnum,
  roomId: z.uuid(),
  roomLabel: z.string(),
  applicantName: z.string(),
  applicantPhone: z.string(),
  plateNumber: z.string(),
  vehicleModel: z.string(),
  driverName: z.string(),
  wantedSpaceNumber: z.string().nullable(),
  spaceId: z.uuid().nullable(),
  spaceNumber: z.string().nullable(),
  cardNumber: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  createdAt: isoDateTime,
});
export type ParkingSummary = z.infer<typeof parkingSummary>;

export const parkingDocumentPurposes = ['driving_licence', 'id_card', 'other'] as const;
export const parkingDocumentView = z.object({
  id: z.uuid(),
  purpose: z.string(),
  filename: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
  createdAt: isoDateTime,
});

export const parkingDetail = parkingSummary.extend({
  wantedSpaceId: z.uuid().nullable(),
  spaceZone: z.string().nullable(),
  agreementSignedAt: isoDateTime.nullable(),
  paidMonths: z.number().int().nullable(),
  rejectionReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdByName: z.string(),
  payments: z.array(
    z.object({
      amountCents: z.number().int(),
      months: z.number().int(),
      receiptNo: z.string(),
      paidAt: isoDateTime,
      recordedByName: z.string(),
    }),
  ),
  documents: z.array(parkingDocumentView),
  events: z.array(eventView),
  timers: z.array(timerView),
  allowedActions: z.array(parkingActionEnum),
});
export type ParkingDetail = z.infer<typeof parkingDetail>;

export const parkingList = z.object({ items: z.array(parkingSummary), total: z.number().int() });

export const documentParams = z.object({ id: z.uuid(), fileId: z.uuid() });
