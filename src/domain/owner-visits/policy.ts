import { z } from 'zod';

const households = (def: number) => z.number().int().min(1).max(100_000).default(def);
const percent = (def: number) => z.number().int().min(0).max(100).default(def);
const timeOfDay = (def: string) =>
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')
    .default(def);

/**
 * Owner visits (业户访问 [003] 五, domain.md §5). Every number is a default a company or a
 * community can change. The monthly quota is a share of the occupied households, by bands of the
 * community's size: up to 300 households 4%, up to 500 5%, up to 800 6%, above that 7%. Bands are
 * read in order and the first whose bound is not exceeded applies (a policy not checked for order
 * must never stop the whole policy from loading).
 */
export const ownerVisitPolicySchema = z.object({
  /** The first band covers communities of up to this many occupied households… */
  firstBandUpTo: households(300),
  /** …which visit at least this share of them each month. */
  firstBandPercent: percent(4),
  secondBandUpTo: households(500),
  secondBandPercent: percent(5),
  thirdBandUpTo: households(800),
  thirdBandPercent: percent(6),
  /** Communities larger than the third band. */
  aboveBandsPercent: percent(7),
  /** Visits are booked no earlier than this local time… */
  earliestVisitTime: timeOfDay('08:00'),
  /** …and never later than this one (原则上22:00后不予访问). */
  latestVisitTime: timeOfDay('22:00'),
  /** No repeats: a household visited within this many months is not visited again. */
  repeatWindowMonths: z.number().int().min(1).max(120).default(12),
  /** The month's summary goes to the director by this day of the next month (每月5日前). */
  summaryDay: z.number().int().min(1).max(28).default(5),
});

export type OwnerVisitPolicy = z.infer<typeof ownerVisitPolicySchema>;
