import { z } from 'zod';

/**
 * Parking (车位, domain.md). Every number is a default a company or a community can change.
 */
export const parkingPolicySchema = z.object({
  /** Parking card valid for. */
  cardValidityMonths: z.number().int().min(1).max(120).default(12),
  /** The desk is reminded this many days before a card expires, to ask the household to renew. */
  expiryReminderDays: z.number().int().min(1).max(90).default(15),
});

export type ParkingPolicy = z.infer<typeof parkingPolicySchema>;

export const defaultParkingPolicy = (): ParkingPolicy => parkingPolicySchema.parse({});
