import { z } from 'zod';

const percent = (def: number) => z.number().int().min(0).max(100).default(def);
const workingDays = (def: number) => z.number().int().min(1).max(120).default(def);

/**
 * Questionnaires (问卷调查, seed [003], domain.md §5). Every number is a default a company or a
 * community changes.
 */
export const questionnairePolicySchema = z.object({
  /** Months the questionnaire goes out to every occupied household (每年6月、12月). */
  issueMonths: z
    .array(z.coerce.number().int().min(1).max(12))
    .min(1)
    .max(12)
    .default(() => [6, 12]),
  /** Day of an issue month from which the scheduler issues it, if nobody did earlier. */
  issueDay: z.number().int().min(1).max(28).default(1),
  /** Questionnaires are recovered within this many working days of issue (15个工作日内回收). */
  recoveryWorkingDays: workingDays(15),
  /** Recovery below this share of the issued questionnaires is penalised (不低于发放量的60%). */
  minRecoveryPercent: percent(60),
  /** Points off the satisfaction rate for each percentage point of recovery below the minimum. */
  penaltyPointsPerPercent: z.number().min(0).max(100).default(5),
  /** Dissatisfied items within this cumulative share are the main improvement items (80%). */
  paretoThresholdPercent: percent(80),
  /** The statistics are done within this many working days of issue (30个工作日内). */
  statisticsWorkingDays: workingDays(30),
  /** The items of a questionnaire the scheduler issues when the community has none of its own yet. */
  standardItems: z
    .array(z.string().trim().min(1).max(100))
    .min(1)
    .max(50)
    .default(() => ['客户服务', '维修服务', '安全管理', '清洁卫生', '绿化养护', '公共设施维护', '收费服务', '社区文化活动']),
});

export type QuestionnairePolicy = z.infer<typeof questionnairePolicySchema>;

export const defaultQuestionnairePolicy = (): QuestionnairePolicy => questionnairePolicySchema.parse({});
