import { z } from 'zod';

/**
 * Arrears (欠费催缴, domain.md). Every number is a default a company or a community can change.
 */
export const arrearsPolicySchema = z.object({
  /** Chase interval. */
  chaseIntervalDays: z.number().int().min(1).max(90).default(7),
});

export type ArrearsPolicy = z.infer<typeof arrearsPolicySchema>;
