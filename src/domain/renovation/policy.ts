import { z } from 'zod';

const localDates = z
  .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'))
  .max(100)
  .default([]);

/**
 * Renovation (装修, domain.md §6 and [001]). Every number is a default a company or a community can change.
 */
export const renovationPolicySchema = z.object({
  /** Deposit refund within this many working days of the passed inspection [001: 7 工作日]. */
  depositRefundWorkingDays: z.number().int().min(1).max(60).default(7),
  /** The clerk passes the file on the same day: a submission is checked by this local time of day (after it: the next working day's). */
  completenessCheckCutoff: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/)
    .default('18:00'),
  /** Engineering patrols each site every this many days (the CS assistant and security: daily) [001: 定期巡查]. */
  engineeringPatrolIntervalDays: z.number().int().min(1).max(30).default(3),
  /** A rectification notice's deadline, from its issue, unless the issuer sets one. */
  rectificationDeadlineHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(48),
  /** Days off of this company or community besides the national holidays (YYYY-MM-DD). */
  extraHolidays: localDates,
  /** Days worked besides the national working days, e.g. a weekend the office opens (YYYY-MM-DD). */
  extraWorkingDays: localDates,
});

export type RenovationPolicy = z.infer<typeof renovationPolicySchema>;

export const defaultRenovationPolicy = (): RenovationPolicy => renovationPolicySchema.parse({});
