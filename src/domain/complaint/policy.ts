import { z } from 'zod';

const minutes = (def: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(def);
const hours = (def: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(def);

/**
 * The rungs of the complaint escalation ladder (逐级上报: handler → superior → deputy GM → GM
 * [003]). Deputy GM and GM are both the `company_manager` role; the rung says which of them.
 */
export const escalationRungs = ['cs_supervisor', 'director', 'cs_manager', 'complaint_centre', 'deputy_gm', 'gm'] as const;
export type EscalationRung = (typeof escalationRungs)[number];

/**
 * Every number of the complaint procedure (domain.md §4) is a default a company, then a
 * community, can change. The seed each comes from is noted; "propdesk default" marks a number
 * the seeds leave open ("及时", "同时") and we had to pick.
 */
export const complaintPolicySchema = z.object({
  /** Propdesk default: the seeds give no number; a complaint waits no longer than the other first responses. */
  classifyMinutes: minutes(120),
  /** Valid (and collective) complaints: contact the complainant and agree a reply time within 2 h [003]. */
  contactMinutes: minutes(120),
  /** Assisted complaints: the written referral to the solving department goes out "at once" (及时) [003]; propdesk default 2 h. */
  referralMinutes: minutes(120),
  /** Invalid complaints: patient explanation, reply within 2 h [003]. */
  invalidReplyMinutes: minutes(120),
  /** Staff who fix a complaint on the spot report it to the office within 1 h [003]. */
  onSpotReportMinutes: minutes(60),
  /** A complaint handled on the spot is replied to within 2 h of the handling [003]. */
  onSpotReplyMinutes: minutes(120),
  /** Forwarded by the company complaint centre: result back within 12 h of completion [003]. */
  forwardedReportHours: hours(12),
  /** Assisted complaints: progress updates to the complainant (及时通报 [003]); propdesk default daily. */
  progressUpdateHours: hours(24),
  /** Collective complaint: five or more households [003]. */
  collectiveMinHouseholds: z.number().int().min(2).max(1000).default(5),
  /** "The same event at the same time" (同时 [003]): propdesk default, complaints within 24 h of the first. */
  collectiveWindowHours: hours(24),
  /**
   * Propdesk default: two complaints describe the same event when their Chinese character-bigram
   * Jaccard similarity reaches this (Chinese has no spaces, so words are not split). On sample
   * texts, complaints of one event scored 0.1–0.4 and of different events below 0.07.
   */
  collectiveSimilarity: z.number().min(0.05).max(1).default(0.15),
  /** Beyond the handler → superior → deputy GM → GM [003]; index 0 is the handler. */
  escalationChain: z.array(z.enum(escalationRungs)).min(1).max(6).default(['cs_supervisor', 'director', 'deputy_gm', 'gm']),
  /** Propdesk default: an overdue complaint climbs one rung each interval, as repairs do. */
  escalationIntervalMinutes: minutes(240),
  /** Every complaint is visited (100% [000]); within a week (domain.md §5 [004]). */
  visitWithinHours: hours(168),
  /** Monthly complaint report to the company centre by the 5th of the next month [003]. */
  monthlyReportDay: z.number().int().min(1).max(28).default(5),
  /** Target complaint rate: below 1% of households [004]. */
  targetComplaintRatePercent: z.number().min(0).max(100).default(1),
});

export type ComplaintPolicy = z.infer<typeof complaintPolicySchema>;

/** A fresh copy of the defaults (no two callers share one array). */
export const defaultComplaintPolicy = (): ComplaintPolicy => complaintPolicySchema.parse({});
