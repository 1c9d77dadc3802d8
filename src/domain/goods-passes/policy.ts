import { z } from 'zod';

/**
 * Goods release (物品放行, domain.md). Every number is a default a company or a community can change.
 */
export const goodsPassPolicySchema = z.object({
  /** Pass valid for. */
  validHours: z.number().int().min(1).max(720).default(24),
});

export type GoodsPassPolicy = z.infer<typeof goodsPassPolicySchema>;
