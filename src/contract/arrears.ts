import { z } from 'zod';
import { chaseMethods, chaseResults, householdStatuses } from '../domain/arrears/chase.js';
import { bilingual, isoDateTime } from './common.js';

export const householdStatusEnum = z.enum(householdStatuses);
export const chaseMethodEnum = z.enum(chaseMethods);
export const chaseResultEnum = z.enum(chaseResults);

export const arrearsListQuery = z.object({
  communityId: z.uuid().optional(),
  buildingId: z.uuid().optional(),
  clerkId: z.uuid().optional(),
  /** unassigned · chasing · paid · chase_due (a chase is due now) · owing (anything still owed, the default) */
  status: z.enum([...householdStatuses, 'chase_due', 'owing']).default('owing'),
  /** Only households owing at least this much (cents). */
  minAmountCents: z.coerce.number().int().min(0).optional(),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ArrearsListQuery = z.infer<typeof arrearsListQuery>;

export const arrearsHousehold = z.object({
  roomId: z.uuid(),
  communityId: z.uuid(),
  buildingId: z.uuid(),
  buildingName: z.string(),
  unit: z.string(),
  number: z.string(),
  location: z.string(),
  ownerName: z.string(),
  owedCents: z.number().int(),
  paidCents: z.number().int(),
  outstandingCents: z.number().int(),
  lineCount: z.number().int(),
  status: householdStatusEnum,
  clerkId: z.uuid().nullable(),
  clerkName: z.string().nullable(),
  assignedAt: isoDateTime.nullable(),
  lastChasedAt: isoDateTime.nullable(),
  nextChaseDueAt: isoDateTime.nullable(),
  isChaseDue: z.boolean(),
});
export type ArrearsHousehold = z.infer<typeof arrearsHousehold>;

export const arrearsList = z.object({
  items: z.array(arrearsHousehold),
  total: z.number().int(),
  totals: z.object({ households: z.number().int(), outstandingCents: z.number().int(), chaseDue: z.number().int() }),
});

export const arrearsLine = z.object({
  id: z.uuid(),
  feeType: z.string(),
  period: z.string(),
  amountOwedCents: z.number().int(),
  amountPaidCents: z.number().int(),
  status: z.enum(['owed', 'paid']),
  source: z.string(),
  payments: z.array(z.object({ amountCents: z.number().int(), note: z.string(), recordedByName: z.string(), at: isoDateTime })),
});

export const arrearsChase = z.object({
  id: z.uuid(),
  method: chaseMethodEnum,
  result: chaseResultEnum,
  promisedDate: z.string().nullable(),
  note: z.string(),
  chasedByName: z.string(),
  at: isoDateTime,
});

export const arrearsHouseholdDetail = arrearsHousehold.extend({
  lines: z.array(arrearsLine),
  chases: z.array(arrearsChase),
  assignedByName: z.string().nullable(),
  canChase: z.boolean(),
  canAssign: z.boolean(),
  canPay: z.boolean(),
});
export type ArrearsHouseholdDetail = z.infer<typeof arrearsHouseholdDetail>;

/** One arrears line recorded by hand. */
export const recordArrearsBody = z.object({
  communityId: z.uuid(),
  roomId: z.uuid(),
  ownerName: z.string().trim().max(50).optional(),
  feeType: z.string().trim().min(1).max(30),
  /** 2026-10 or 2026 */
  period: z.string().trim().min(4).max(20),
  amountCents: z.number().int().min(1).max(9_999_999_999),
});

export const importResult = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), code: z.string(), message: bilingual })),
});
export type ImportResult = z.infer<typeof importResult>;

export const assignBody = z.object({
  communityId: z.uuid(),
  roomIds: z.array(z.uuid()).min(1).max(500),
  /** The clerk to chase them; null takes them back. */
  clerkId: z.uuid().nullable(),
});

export const chaseBody = z.object({
  method: chaseMethodEnum,
  result: chaseResultEnum,
  promisedDate: z.iso.date().optional(),
  note: z.string().trim().max(500).optional(),
});

export const paymentBody = z.object({
  amountCents: z.number().int().min(1).max(9_999_999_999),
  note: z.string().trim().max(200).optional(),
});

export const arrearsClerks = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), households: z.number().int() })),
});

export const arrearsExportQuery = arrearsListQuery.omit({ limit: true, offset: true });
