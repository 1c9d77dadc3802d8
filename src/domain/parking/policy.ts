import { z } from 'zod';

/**
 * Parking (车位, domain.md). Every number is a default a company or a community can change.
 */
export const parkingPolicySchema = z.object({
  /** Parking card valid for. */
  cardValidityMonths: z.number().int().min(1).max(120).default(12),
});

export type ParkingPolicy = z.infer<typeof parkingPolicySchema>;
