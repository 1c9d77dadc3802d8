import { z } from 'zod';
import { complaintPolicySchema } from '../complaint/policy.js';
import { warrantyPolicySchema } from '../warranty/policy.js';
import { patrolPolicySchema } from '../patrol/policy.js';
import { arrearsPolicySchema } from '../arrears/policy.js';
import { parkingPolicySchema } from '../parking/policy.js';
import { hotWorkPolicySchema } from '../hot-work/policy.js';
import { goodsPassPolicySchema } from '../goods-passes/policy.js';
import { renovationPolicySchema } from '../renovation/policy.js';
import { intakePolicySchema } from '../intake/policy.js';
import { matterPolicySchema } from '../matter/policy.js';
import { visitPolicySchema } from '../visit/policy.js';
import { ownerVisitPolicySchema } from '../owner-visits/policy.js';
import { questionnairePolicySchema } from '../questionnaires/policy.js';
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
  // Functions, so no two callers share (and can mutate) one default object.
  repair: repairPolicySchema.default(() => repairPolicySchema.parse({})),
  complaint: complaintPolicySchema.default(() => complaintPolicySchema.parse({})),
  intake: intakePolicySchema.default(() => intakePolicySchema.parse({})),
  matter: matterPolicySchema.default(() => matterPolicySchema.parse({})),
  visit: visitPolicySchema.default(() => visitPolicySchema.parse({})),
  renovation: renovationPolicySchema.default(() => renovationPolicySchema.parse({})),
  goodsPass: goodsPassPolicySchema.default(() => goodsPassPolicySchema.parse({})),
  hotWork: hotWorkPolicySchema.default(() => hotWorkPolicySchema.parse({})),
  parking: parkingPolicySchema.default(() => parkingPolicySchema.parse({})),
  arrears: arrearsPolicySchema.default(() => arrearsPolicySchema.parse({})),
  patrol: patrolPolicySchema.default(() => patrolPolicySchema.parse({})),
  warranty: warrantyPolicySchema.default(() => warrantyPolicySchema.parse({})),
  ownerVisit: ownerVisitPolicySchema.default(() => ownerVisitPolicySchema.parse({})),
  questionnaire: questionnairePolicySchema.default(() => questionnairePolicySchema.parse({})),
  timezone: timeZone.default('Asia/Shanghai'),
});

export type Policy = z.infer<typeof policySchema>;
export type RepairPolicy = z.infer<typeof repairPolicySchema>;

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;
/** A partial override as a company or community stores it: only the values it names. */
export type PolicyOverride = DeepPartial<Policy>;

/**
 * The same schema with every default removed and every field optional, down through nested
 * objects. (`.partial()` would keep the defaults, and Zod 4 fills them in, so a validated override
 * that names one field would carry every other field at its default and undo the company's settings.)
 */
function withoutDefaults(schema: z.ZodType): z.ZodType {
  const inner = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
  if (inner instanceof z.ZodObject) {
    return z
      .strictObject(Object.fromEntries(Object.entries(inner.shape).map(([key, field]) => [key, withoutDefaults(field as z.ZodType)])))
      .optional();
  }
  return inner.optional();
}

export const policyOverrideSchema = (withoutDefaults(policySchema) as z.ZodOptional<z.ZodType<PolicyOverride>>).unwrap();

export const defaultPolicy = (): Policy => policySchema.parse({});

/** Defaults, then the company's override, then the community's: the last word wins, field by field. */
export function effectivePolicy(...overrides: (PolicyOverride | null | undefined)[]): Policy {
  let merged: Record<string, unknown> = {};
  for (const o of overrides) if (o) merged = mergeDeep(merged, o as Record<string, unknown>);
  return policySchema.parse(merged);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function mergeDeep(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    out[key] = isPlainObject(value) && isPlainObject(out[key]) ? mergeDeep(out[key] as Record<string, unknown>, value) : value;
  }
  return out;
}
