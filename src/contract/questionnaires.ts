import { z } from 'zod';
import { isoDateTime } from './common.js';

/** The marks of an item: 满意 / 基本满意 / 不满意, and 弃权 (blank or more than one mark). */
export const markEnum = z.enum(['satisfied', 'basically_satisfied', 'unsatisfied', 'abstained']);
/** What a form can carry on an item; none or several of them make an abstention. */
export const tickEnum = z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']);
export const phaseEnum = z.enum(['draft', 'open', 'closed']);
export const channelEnum = z.enum(['phone', 'paper']);

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A percentage rounded to 2 decimals; null when there is nothing to divide (shown as "—"). */
const percentOrNull = z.number().nullable();

export const questionnaireItemInput = z.object({
  /** Kept when an existing item is edited; a new one gets an id. */
  id: z.uuid().optional(),
  text: z.string().trim().min(1).max(200),
});

export const saveQuestionnaireBody = z.object({
  communityId: z.uuid(),
  title: z.string().trim().min(1).max(100),
  /** The survey round, 'YYYY-MM' (2026-12): one questionnaire per community and period. */
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
  items: z.array(questionnaireItemInput).min(1).max(50),
});
export type SaveQuestionnaireBody = z.infer<typeof saveQuestionnaireBody>;

export const questionnaireItemView = z.object({ id: z.uuid(), text: z.string() });

export const questionnaireSummary = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  communityName: z.string(),
  title: z.string(),
  period: z.string(),
  phase: phaseEnum,
  itemCount: z.number().int(),
  issuedAt: isoDateTime.nullable(),
  recoveryDeadline: localDate.nullable(),
  statisticsDeadline: localDate.nullable(),
  /** Households issued to and answered (回收). */
  issued: z.number().int(),
  answered: z.number().int(),
  recoveryPercent: percentOrNull,
  isRecoveryMet: z.boolean(),
  /** Working days left to answer, today included; null before issue. */
  workingDaysLeft: z.number().int().nullable(),
});
export const questionnaireList = z.object({ items: z.array(questionnaireSummary) });
export const questionnaireListQuery = z.object({ communityId: z.uuid().optional() });

export const householdView = z.object({
  roomId: z.uuid(),
  roomLabel: z.string(),
  answeredAt: isoDateTime.nullable(),
  channel: channelEnum.nullable(),
  answeredByName: z.string().nullable(),
});

export const questionnaireDetail = questionnaireSummary.extend({
  items: z.array(questionnaireItemView),
  households: z.array(householdView),
  canManage: z.boolean(),
  canEnterPaper: z.boolean(),
});

export const itemAnswer = z.object({
  itemId: z.uuid(),
  /** The marks on the item: exactly one counts; none or several are an abstention. */
  ticks: z.array(tickEnum).max(3),
});

export const answerBody = z.object({
  /** The household answered for: the resident's own (may be left out when they have one), the clerk's choice. */
  roomId: z.uuid().optional(),
  answers: z.array(itemAnswer).max(50),
  comment: z.string().trim().max(1000).optional(),
});
export type AnswerBody = z.infer<typeof answerBody>;

export const paperAnswerBody = answerBody.extend({ roomId: z.uuid() });

const figures = z.object({
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  unsatisfied: z.number().int(),
  abstained: z.number().int(),
  /** Satisfaction before and after the recovery penalty, in percent (2 decimals); null when no mark counts. */
  rate: percentOrNull,
  finalRate: percentOrNull,
});

export const statisticsView = z.object({
  questionnaireId: z.uuid(),
  communityId: z.uuid(),
  communityName: z.string(),
  title: z.string(),
  period: z.string(),
  phase: phaseEnum,
  issuedAt: isoDateTime.nullable(),
  recoveryDeadline: localDate.nullable(),
  statisticsDeadline: localDate.nullable(),
  issued: z.number().int(),
  answered: z.number().int(),
  recoveryPercent: percentOrNull,
  minRecoveryPercent: z.number(),
  isRecoveryMet: z.boolean(),
  penaltyPointsPerPercent: z.number(),
  penaltyPoints: z.number(),
  items: z.array(figures.extend({ id: z.uuid(), text: z.string() })),
  overall: figures,
  paretoThresholdPercent: z.number(),
  /** The dissatisfied items, largest share first; the main improvement items are marked. */
  pareto: z.array(
    z.object({
      itemId: z.uuid(),
      text: z.string(),
      count: z.number().int(),
      sharePercent: z.number(),
      cumulativePercent: z.number(),
      isMain: z.boolean(),
    }),
  ),
  comments: z.array(z.object({ roomLabel: z.string(), comment: z.string() })),
});

export const residentQuestionnaire = z.object({
  id: z.uuid(),
  title: z.string(),
  period: z.string(),
  phase: phaseEnum,
  recoveryDeadline: localDate.nullable(),
  workingDaysLeft: z.number().int().nullable(),
  items: z.array(questionnaireItemView),
  /** The resident's households it was issued to, and whether each has answered. */
  households: z.array(z.object({ roomId: z.uuid(), roomLabel: z.string(), answeredAt: isoDateTime.nullable() })),
});
export const residentQuestionnaireList = z.object({
  items: z.array(residentQuestionnaire),
  /** How many of the resident's households still have an open questionnaire to answer. */
  awaiting: z.number().int(),
});
