import { z } from 'zod';

const minutes = (def: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(def);

/** Who an escalation level tells: the specialist supervisor it was sent to, the handling department's head, or a role. */
export const matterEscalationTargets = [
  'supervisor',
  'department_head',
  'cs_supervisor',
  'director',
  'cs_manager',
  'company_manager',
] as const;
export type MatterEscalationTarget = (typeof matterEscalationTargets)[number];

/**
 * Matters (报事, domain.md §3 and [002]). The seed gives the route but no times: every default
 * here is ours, for a company or community to set.
 */
export const matterPolicySchema = z.object({
  /** The specialist supervisor hands the matter to a department within this time of receiving it. */
  handOverMinutes: minutes(30),
  /** The department finishes (returns it to the desk) within this time of the hand-over. */
  completionMinutes: minutes(24 * 60),
  /** While still late, escalation climbs one level each interval. */
  escalationIntervalMinutes: minutes(240),
  handOverEscalationChain: z.array(z.enum(matterEscalationTargets)).min(1).max(6).default(['supervisor', 'director']),
  completionEscalationChain: z
    .array(z.enum(matterEscalationTargets))
    .min(1)
    .max(6)
    .default(['department_head', 'director', 'company_manager']),
});

export type MatterPolicy = z.infer<typeof matterPolicySchema>;

export const defaultMatterPolicy = (): MatterPolicy => matterPolicySchema.parse({});
