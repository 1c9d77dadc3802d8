import { z } from 'zod';

/**
 * Renovation (装修, domain.md). Every number is a default a company or a community can change.
 */
export const renovationPolicySchema = z.object({
  /** Deposit refund within. */
  depositRefundWorkingDays: z.number().int().min(1).max(60).default(7),
});

export type RenovationPolicy = z.infer<typeof renovationPolicySchema>;
