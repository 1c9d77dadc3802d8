import { z } from 'zod';

/**
 * Building patrol (巡楼, domain.md). Every number is a default a company or a community can change.
 */
export const patrolPolicySchema = z.object({
  /** Patrol rounds per week. */
  roundsPerWeek: z.number().int().min(1).max(50).default(7),
});

export type PatrolPolicy = z.infer<typeof patrolPolicySchema>;
