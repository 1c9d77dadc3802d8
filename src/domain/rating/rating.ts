import { conflict, invalid } from '../shared/errors.js';

/**
 * The resident's own satisfaction rating (业主评价) of a ticket that is done: 满意 · 基本满意 ·
 * 不满意, with a comment. It does not replace the follow-up visit (staff still visit every case);
 * an unsatisfied rating tells the customer-service supervisor at once.
 */
export const ratingOutcomes = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type RatingOutcome = (typeof ratingOutcomes)[number];

/** The kinds a resident follows on their phone. */
export const followedKinds = ['repair', 'complaint', 'contact', 'matter'] as const;
export type FollowedKind = (typeof followedKinds)[number];

/** The states in which the work is done enough to rate. */
export const ratableStates: Record<string, readonly string[]> & Record<FollowedKind, readonly string[]> = {
  repair: ['completed', 'confirmed', 'closed'],
  complaint: ['replied', 'closed'],
  contact: ['closed'],
  matter: ['returned', 'closed'],
};

export interface RatingInput {
  outcome: RatingOutcome;
  comment: string;
}

export interface RatingDecision {
  event: { type: 'ResidentRated'; data: { outcome: RatingOutcome; comment: string; isChange: boolean } };
  notices: { roles: ('cs_supervisor' | 'clerk')[]; userIds: string[]; title: { zh: string; en: string } }[];
}

/**
 * Checks a rating of a ticket in `status` and says what follows. A resident may change their
 * rating; an unsatisfied one needs a reason.
 */
export function decideRating(kind: string, status: string, input: RatingInput, hasRatedBefore: boolean): RatingDecision {
  const states = ratableStates[kind];
  if (!states?.includes(status)) {
    throw conflict('not_ratable_yet', { zh: '处理完成后才能评价', en: 'You can rate it once it is done' });
  }
  if (!ratingOutcomes.includes(input.outcome)) {
    const message = { zh: '请选择满意程度', en: 'Choose how satisfied you are' };
    throw invalid('invalid_choice', message, [{ field: 'outcome', message }]);
  }
  const comment = input.comment.trim();
  if (input.outcome === 'unsatisfied' && comment.length === 0) {
    const message = { zh: '请说明不满意的原因', en: 'Tell us what you are unsatisfied with' };
    throw invalid('required', message, [{ field: 'comment', message }]);
  }
  return {
    event: { type: 'ResidentRated', data: { outcome: input.outcome, comment, isChange: hasRatedBefore } },
    notices:
      input.outcome === 'unsatisfied'
        ? [
            {
              roles: ['cs_supervisor', 'clerk'],
              userIds: [],
              title: { zh: '业主评价不满意，请尽快回访处理', en: 'A resident is unsatisfied: visit and follow up' },
            },
          ]
        : [],
  };
}
