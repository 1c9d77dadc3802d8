import { z } from 'zod';

/**
 * Hot work (临时动火, domain.md). Every number is a default a company or a community can change.
 */
export const hotWorkPolicySchema = z.object({
  /** Longest hot-work window. */
  maxWindowHours: z.number().int().min(1).max(720).default(12),
});

export type HotWorkPolicy = z.infer<typeof hotWorkPolicySchema>;
