import { z } from 'zod';

const minutes = (def: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(def);

/**
 * The duty desk's numbers (domain.md §2). Defaults come from the seeds where they give one; the
 * rest are ours, marked so, for a company or community to change.
 */
export const intakePolicySchema = z.object({
  /** An oral consultation not answered on the spot is answered within this time [003]. */
  consultationReplyMinutes: minutes(120),
  /** A written consultation (letter, e-mail, fax, mailbox) gets a written reply within this time (ours: [003] says "as soon as possible"). */
  writtenReplyMinutes: minutes(24 * 60),
  /** A suggestion is answered within this time (ours). */
  suggestionReplyMinutes: minutes(24 * 60),
  /** A request for help (一般求助) is answered within this time (ours, as for a consultation). */
  helpReplyMinutes: minutes(120),
  /** Once the department head owns an entry (over time or unsatisfied), they answer within this time (ours). */
  escalatedReplyMinutes: minutes(120),
  /** An emergency nobody has taken in this time is escalated (ours: the seeds say "at once"). */
  emergencyAckMinutes: minutes(5),
  /** While nobody takes the emergency, the alarm climbs one level each interval. */
  emergencyEscalationIntervalMinutes: minutes(5),
  emergencyEscalationChain: z
    .array(z.enum(['cs_supervisor', 'director', 'cs_manager', 'company_manager']))
    .min(1)
    .max(6)
    .default(['director', 'company_manager']),
});

export type IntakePolicy = z.infer<typeof intakePolicySchema>;

export const defaultIntakePolicy = (): IntakePolicy => intakePolicySchema.parse({});
