/**
 * 业户访问 (owner visits, [003] 五): the CS supervisor's monthly visits to households — not the
 * follow-up visits of tickets. A visit is booked, then done (recorded) or cancelled.
 */

/** How the household was visited ([003] 五.2: 上门 / 管理处办公室 / 户外 / 问卷 / 电话 / 其他). */
export const visitMethods = ['home', 'office', 'outdoor', 'questionnaire', 'phone', 'other'] as const;
export type VisitMethod = (typeof visitMethods)[number];

export const visitStatuses = ['booked', 'done', 'cancelled'] as const;
export type VisitStatus = (typeof visitStatuses)[number];

/** The resident's signature on the record: asked, never forced (拒绝签名的不得强求). */
export const signatureOutcomes = ['signed', 'refused'] as const;
export type SignatureOutcome = (typeof signatureOutcomes)[number];

/** What an opinion or issue the resident raised led to: nothing yet, or a repair order or complaint. */
export const issueFollowUps = ['none', 'repair', 'complaint'] as const;
export type IssueFollowUp = (typeof issueFollowUps)[number];

/** One opinion or issue a resident raised during a visit. */
export interface VisitIssue {
  text: string;
  followUp: IssueFollowUp;
  /** The ticket it became, when it became one. */
  ticketId: string | null;
  ticketNumber: string | null;
}
