/**
 * Questionnaire satisfaction (问卷调查 数据处理及分析, seed [003] §6), as pure arithmetic.
 *
 * 满意率 = (满意 + 基本满意) / (满意 + 基本满意 + 不满意) × 100%. An item left blank or marked twice
 * is an abstention (弃权) and takes no part in the rate. When fewer households answered than the
 * minimum recovery (回收率 ≥ 60%), every percentage point below it takes points off the rate.
 */

/** One household's answer to one item. */
export type Mark = 'satisfied' | 'basically_satisfied' | 'unsatisfied' | 'abstained';

/** The marks a paper form can carry on an item (弃权 is what the clerk concludes, not a box). */
export type Tick = Exclude<Mark, 'abstained'>;

export const marks: readonly Mark[] = ['satisfied', 'basically_satisfied', 'unsatisfied', 'abstained'];
export const ticks: readonly Tick[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];

/** How one item was answered across the households. */
export interface ItemTally {
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  abstained: number;
}

export const emptyTally = (): ItemTally => ({ satisfied: 0, basicallySatisfied: 0, unsatisfied: 0, abstained: 0 });

/** The rules the figures depend on (the questionnaire section of the policy). */
export interface SatisfactionRules {
  /** Recovery below this percentage is penalised (问卷回收量不低于发放数量的60%). */
  minRecoveryPercent: number;
  /** Points off the rate for each percentage point of recovery below the minimum (每低1个百分点降低5个百分点). */
  penaltyPointsPerPercent: number;
}

/**
 * The mark a paper form's ticks on one item stand for: exactly one tick is that mark; none or
 * more than one is an abstention (未作选择或做出两个或以上的选择则作弃权处理).
 */
export function markOfTicks(marked: readonly Tick[]): Mark {
  const distinct = new Set(marked);
  return marked.length === 1 && distinct.size === 1 ? marked[0]! : 'abstained';
}

/** Adds one household's mark to a tally (a new tally; the old one is left as it was). */
export function tallyMark(t: ItemTally, mark: Mark): ItemTally {
  switch (mark) {
    case 'satisfied':
      return { ...t, satisfied: t.satisfied + 1 };
    case 'basically_satisfied':
      return { ...t, basicallySatisfied: t.basicallySatisfied + 1 };
    case 'unsatisfied':
      return { ...t, unsatisfied: t.unsatisfied + 1 };
    case 'abstained':
      return { ...t, abstained: t.abstained + 1 };
  }
}

/** The sum of several tallies (the questionnaire as a whole). */
export const sumTallies = (all: readonly ItemTally[]): ItemTally =>
  all.reduce(
    (a, t) => ({
      satisfied: a.satisfied + t.satisfied,
      basicallySatisfied: a.basicallySatisfied + t.basicallySatisfied,
      unsatisfied: a.unsatisfied + t.unsatisfied,
      abstained: a.abstained + t.abstained,
    }),
    emptyTally(),
  );

/**
 * 满意率 in percent, abstentions excluded; undefined when nobody gave a mark that counts (no
 * answers, or only abstentions): there is no rate to show, which the pages show as "—".
 */
export function satisfactionRate(t: ItemTally): number | undefined {
  const counted = t.satisfied + t.basicallySatisfied + t.unsatisfied;
  if (counted === 0) return undefined;
  return ((t.satisfied + t.basicallySatisfied) / counted) * 100;
}

/** 回收率 in percent: answered households over issued households; undefined when none were issued. */
export function recoveryRate(answered: number, issued: number): number | undefined {
  if (issued <= 0) return undefined;
  return (answered / issued) * 100;
}

/**
 * Points taken off every rate for a low recovery. Fractions of a point count in proportion, with no
 * rounding: 59.5% recovery is 0.5 point below 60%, so 0.5 × 5 = 2.5 points off; exactly the minimum
 * is no penalty. (The seed says "每低1个百分点…降低5个百分点" and does not round; rounding 59.5% up to
 * 60% would let a short recovery pass unpunished, rounding down would punish 0.1 point like a whole one.)
 */
export function recoveryPenalty(recoveryPercent: number | undefined, rules: SatisfactionRules): number {
  if (recoveryPercent === undefined || recoveryPercent >= rules.minRecoveryPercent) return 0;
  return (rules.minRecoveryPercent - recoveryPercent) * rules.penaltyPointsPerPercent;
}

/** A rate after the recovery penalty, never below 0; undefined stays undefined. */
export function penalisedRate(rate: number | undefined, penalty: number): number | undefined {
  if (rate === undefined) return undefined;
  return Math.max(0, rate - penalty);
}

/** One item's figures as the 问卷结果统计表 shows them. */
export interface ItemFigures {
  tally: ItemTally;
  /** Before the recovery penalty. */
  rate: number | undefined;
  /** After it (what is reported). */
  finalRate: number | undefined;
}

export interface QuestionnaireFigures {
  issued: number;
  answered: number;
  recoveryPercent: number | undefined;
  /** Whether the recovery reached the minimum. */
  isRecoveryMet: boolean;
  penaltyPoints: number;
  items: ItemFigures[];
  /** Every item's marks pooled: the questionnaire's overall satisfaction. */
  overall: ItemFigures;
}

/**
 * The whole statistics of a questionnaire: each answered household's marks, one per item in the
 * order of `itemCount` (a missing mark is an abstention).
 */
export function questionnaireFigures(
  itemCount: number,
  answers: readonly (readonly Mark[])[],
  issued: number,
  rules: SatisfactionRules,
): QuestionnaireFigures {
  const tallies = Array.from({ length: itemCount }, (_, i) => answers.reduce((t, a) => tallyMark(t, a[i] ?? 'abstained'), emptyTally()));
  const recoveryPercent = recoveryRate(answers.length, issued);
  const penaltyPoints = recoveryPenalty(recoveryPercent, rules);
  const figures = (tally: ItemTally): ItemFigures => {
    const rate = satisfactionRate(tally);
    return { tally, rate, finalRate: penalisedRate(rate, penaltyPoints) };
  };
  return {
    issued,
    answered: answers.length,
    recoveryPercent,
    isRecoveryMet: recoveryPercent !== undefined && recoveryPercent >= rules.minRecoveryPercent,
    penaltyPoints,
    items: tallies.map(figures),
    overall: figures(sumTallies(tallies)),
  };
}
