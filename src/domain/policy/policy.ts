import { z } from 'zod';
import { isKnownTimeZone } from '../shared/time-of-day.js';

const minutes = (def: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(def);
const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM')
  .default('24:00');

/**
 * Every number of the procedures is a default that a company, then a community, can change.
 * Defaults come from domain.md; the seed each comes from is noted.
 */
export const repairPolicySchema = z.object({
  /** Nobody grabbed in this time → chase the engineering supervisor [002]. */
  grabMinutes: minutes(5),
  /** An assigned order not accepted (delivered) in this time [000]. */
  acceptMinutes: minutes(15),
  /** Urgent orders: on site within this time or apologise with an ETA [002]. */
  urgentArrivalMinutes: minutes(20),
  /** Immediate (non-appointment) orders: on site within this time [003]. */
  immediateArrivalMinutes: minutes(15),
  /** No progress nor feedback this long after creation → chase the team lead [002]. */
  progressChaseMinutes: minutes(120),
  /** Local time by which an order must be completed the same day; later → escalate [002]. */
  sameDayCutoff: timeOfDay,
  /** Escalation climbs one level each interval while the order stays unfinished [002]. */
  escalationIntervalMinutes: minutes(240),
  escalationChain: z
    .array(z.enum(['eng_supervisor', 'cs_supervisor', 'director', 'cs_manager', 'company_manager']))
    .min(1)
    .max(6)
    .default(['eng_supervisor', 'director', 'company_manager']),
  /** The supervisor judges out-of-scope feasibility and fee within this time [002]. */
  quoteMinutes: minutes(5),
  /** Follow-up visit due this long after the resident confirms [003]. */
  visitWithinHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  /** Wrong verification codes allowed before the desk must confirm by phone. */
  codeMaxAttempts: z.number().int().min(1).max(20).default(5),
  /** The promised time T3 may be rewritten this many times [002]. */
  maxPromiseChanges: z.number().int().min(0).max(10).default(3),
  /** Printed copies: paid work three (desk, finance, resident), free two [002]. */
  paidCopies: z.number().int().min(1).max(5).default(3),
  freeCopies: z.number().int().min(1).max(5).default(2),
});

/** An IANA time zone name the runtime knows ('Asia/Shanghai'); anything else would break every deadline. */
const timeZone = z.string().refine(isKnownTimeZone, 'Unknown time zone');

export const policySchema = z.object({
  // A function, so no two callers share (and can mutate) one default object.
  repair: repairPolicySchema.default(() => repairPolicySchema.parse({})),
  timezone: timeZone.default('Asia/Shanghai'),
});

export type Policy = z.infer<typeof policySchema>;
export type RepairPolicy = z.infer<typeof repairPolicySchema>;

type RepairShape = typeof repairPolicySchema.shape;
/**
 * The repair fields without their defaults, each optional. (`repairPolicySchema.partial()` would
 * keep the defaults, and Zod 4 fills them in, so a validated override that names one field would
 * carry every other field at its default and undo the company's settings.)
 */
const repairOverrideShape = Object.fromEntries(
  Object.entries(repairPolicySchema.shape).map(([key, field]) => [key, field.unwrap().optional()]),
) as { [K in keyof RepairShape]: z.ZodOptional<ReturnType<RepairShape[K]['unwrap']>> };

/** A partial override as a company or community stores it. */
export const policyOverrideSchema = z.object({
  repair: z.object(repairOverrideShape).optional(),
  timezone: timeZone.optional(),
});
export type PolicyOverride = z.infer<typeof policyOverrideSchema>;

export const defaultPolicy = (): Policy => policySchema.parse({});

/** Defaults, then the company's override, then the community's: the last word wins. */
export function effectivePolicy(...overrides: (PolicyOverride | null | undefined)[]): Policy {
  const merged: { repair: Record<string, unknown>; timezone?: string } = { repair: {} };
  for (const o of overrides) {
    if (!o) continue;
    Object.assign(merged.repair, stripUndefined(o.repair ?? {}));
    if (o.timezone) merged.timezone = o.timezone;
  }
  return policySchema.parse(merged);
}

function stripUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
