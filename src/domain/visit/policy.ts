import { z } from 'zod';

const hours = (def: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(def);
const timeOfDay = (def: string) =>
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM')
    .default(def);
const percent = (def: number) => z.number().int().min(0).max(100).default(def);

/**
 * Follow-up visits (回访, domain.md §5). Every number is a default a company or community changes.
 */
export const visitPolicySchema = z.object({
  /** Visit window by ticket kind, from completion: a repair within 24 h of the resident's confirmation [003], the rest within a week [004]. */
  withinHoursByKind: z
    .object({ repair: hours(24), complaint: hours(7 * 24), matter: hours(7 * 24) })
    .default(() => ({ repair: 24, complaint: 7 * 24, matter: 7 * 24 })),
  /** Any other kind of ticket: within a week [004]. */
  defaultWithinHours: hours(7 * 24),
  /** Safety facilities: visited within 2 days [004]; overrides the kind's window. */
  safetyFacilityHours: hours(2 * 24),
  /** Leaks: visited within 3 days [004] (long enough to see whether it leaks again); overrides the kind's window. */
  leakHours: hours(3 * 24),
  /** Category codes that count as safety facilities or leaks, besides the flags the caller sets. */
  safetyCategories: z.array(z.string().min(1)).max(50).default(['safety_facility', 'fire_safety', 'elevator', 'gas', 'access_control']),
  leakCategories: z.array(z.string().min(1)).max(50).default(['leak', 'seepage', 'waterproofing']),
  /** Home visits are booked no earlier than this local time… */
  homeVisitEarliest: timeOfDay('08:00'),
  /** …and never at or after this one [003]. */
  homeVisitLatest: timeOfDay('22:00'),
  /** Problems found on a visit → written rectification notice to the technician within this time [004]. */
  rectificationNoticeHours: hours(24),
  /** Sampling duties on last period's repair orders [004]: the office, the engineering head, the repairer (own orders). */
  samplingPercent: z
    .object({ office: percent(5), engineeringHead: percent(10), repairer: percent(20) })
    .default(() => ({ office: 5, engineeringHead: 10, repairer: 20 })),
});

export type VisitPolicy = z.infer<typeof visitPolicySchema>;

export const defaultVisitPolicy = (): VisitPolicy => visitPolicySchema.parse({});
