import { z } from 'zod';

/**
 * Hot work (临时动火, domain.md). Every number is a default a company or a community can change.
 */
export const hotWorkPolicySchema = z.object({
  /** Longest hot-work window. */
  maxWindowHours: z.number().int().min(1).max(720).default(12),
  /** While work is under way, security is reminded to inspect when nobody has for this long. */
  inspectionIntervalMinutes: z.number().int().min(5).max(1440).default(60),
  /** Fire extinguishers the site must have ready before a permit is applied for. */
  minExtinguishers: z.number().int().min(0).max(50).default(2),
});

export type HotWorkPolicy = z.infer<typeof hotWorkPolicySchema>;

export const defaultHotWorkPolicy = (): HotWorkPolicy => hotWorkPolicySchema.parse({});
