import { z } from 'zod';

/**
 * In-warranty defects (保修期内维修, domain.md). Every number is a default a company or a community can change.
 */
export const warrantyPolicySchema = z.object({
  /** Developer reply within. */
  developerReplyHours: z.number().int().min(1).max(720).default(72),
});

export type WarrantyPolicy = z.infer<typeof warrantyPolicySchema>;
