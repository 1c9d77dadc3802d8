import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { statisticsView } from '../../contract/questionnaires.js';
import { isAllowed } from '../../domain/questionnaires/lifecycle.js';
import { pareto } from '../../domain/stats/pareto.js';
import { type ItemFigures, type Mark, questionnaireFigures } from '../../domain/stats/satisfaction.js';
import { conflict } from '../../domain/shared/errors.js';
import { type Deps, type Principal, requirePermission } from '../context.js';
import { communityNames, householdsOf, pct, timing, visibleQuestionnaire } from './store.js';

export type QuestionnaireStatistics = z.infer<typeof statisticsView>;

const figuresView = (f: ItemFigures) => ({ ...f.tally, rate: pct(f.rate), finalRate: pct(f.finalRate) });

/**
 * The 问卷结果统计表 of a questionnaire: recovery, each item's satisfaction before and after the
 * recovery penalty, the whole questionnaire's, and the Pareto of the dissatisfied items, under the
 * rules in force when it was issued. Figures grow while it is open and are final once closed.
 */
export async function questionnaireStatistics(deps: Deps, p: Principal, id: string): Promise<QuestionnaireStatistics> {
  requirePermission(p, 'questionnaire.view');
  const ex = deps.database.db;
  const q = await visibleQuestionnaire(ex, p, id);
  const { phase } = await timing(ex, q, deps.clock.now());
  if (!isAllowed('view_statistics', phase) || !q.policy)
    throw conflict('questionnaire_not_issued', { zh: '问卷尚未发放，没有统计', en: 'The questionnaire has not been issued yet' });
  const rules = q.policy;
  const households = await householdsOf(ex, q.id);
  const answered = households.filter((h) => h.answeredAt && h.marks);
  const f = questionnaireFigures(
    q.items.length,
    answered.map((h) => h.marks as Mark[]),
    households.length,
    rules,
  );
  const rows = pareto(
    q.items.map((item, i) => ({ key: item, count: f.items[i]!.tally.unsatisfied })),
    rules.paretoThresholdPercent,
  );
  return {
    questionnaireId: q.id,
    communityId: q.communityId,
    communityName: (await communityNames(ex, p.companyId)).get(q.communityId) ?? '',
    title: q.title,
    period: q.period,
    phase,
    issuedAt: q.issuedAt?.toISOString() ?? null,
    recoveryDeadline: q.recoveryDeadline,
    statisticsDeadline: q.statisticsDeadline,
    issued: f.issued,
    answered: f.answered,
    recoveryPercent: pct(f.recoveryPercent),
    minRecoveryPercent: rules.minRecoveryPercent,
    isRecoveryMet: f.isRecoveryMet,
    penaltyPointsPerPercent: rules.penaltyPointsPerPercent,
    penaltyPoints: pct(f.penaltyPoints) ?? 0,
    items: q.items.map((item, i) => ({ id: item.id, text: item.text, ...figuresView(f.items[i]!) })),
    overall: figuresView(f.overall),
    paretoThresholdPercent: rules.paretoThresholdPercent,
    pareto: rows.map((r) => ({
      itemId: r.key.id,
      text: r.key.text,
      count: r.count,
      sharePercent: pct(r.sharePercent) ?? 0,
      cumulativePercent: pct(r.cumulativePercent) ?? 0,
      isMain: r.isMain,
    })),
    comments: answered.filter((h) => h.comment).map((h) => ({ roomLabel: h.roomLabel, comment: h.comment! })),
  };
}

const shown = (v: number | null) => (v === null ? '—' : v);

/** The 问卷结果统计表 as an .xlsx: the item table, the Pareto and the residents' comments. */
export async function statisticsWorkbook(s: QuestionnaireStatistics): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('问卷结果统计表');
  sheet.addRow([`${s.communityName} ${s.title}（${s.period}）问卷结果统计表`]).font = { bold: true, size: 14 };
  sheet.addRow(['发放户数', s.issued, '回收户数', s.answered, '回收率 %', shown(s.recoveryPercent)]);
  sheet.addRow([
    '最低回收率 %',
    s.minRecoveryPercent,
    '每低1个百分点扣',
    s.penaltyPointsPerPercent,
    '满意率扣减（百分点）',
    s.penaltyPoints,
  ]);
  sheet.addRow([]);
  const header = sheet.addRow(['项目', '满意', '基本满意', '不满意', '弃权', '满意率 %', '扣减后满意率 %']);
  header.font = { bold: true };
  for (const i of s.items) {
    sheet.addRow([i.text, i.satisfied, i.basicallySatisfied, i.unsatisfied, i.abstained, shown(i.rate), shown(i.finalRate)]);
  }
  const o = s.overall;
  sheet.addRow(['合计', o.satisfied, o.basicallySatisfied, o.unsatisfied, o.abstained, shown(o.rate), shown(o.finalRate)]).font = {
    bold: true,
  };
  sheet.addRow([]);
  sheet.addRow([`不满意项目排列图（累积 ≤ ${s.paretoThresholdPercent}% 为主要改进事项）`]).font = { bold: true };
  sheet.addRow(['项目', '不满意数', '占比 %', '累积 %', '主要改进事项']).font = { bold: true };
  for (const r of s.pareto) sheet.addRow([r.text, r.count, r.sharePercent, r.cumulativePercent, r.isMain ? '是' : '']);
  if (s.comments.length > 0) {
    sheet.addRow([]);
    sheet.addRow(['业户意见与建议']).font = { bold: true };
    for (const c of s.comments) sheet.addRow([c.roomLabel, c.comment]);
  }
  sheet.getColumn(1).width = 28;
  for (const col of [2, 3, 4, 5, 6, 7]) sheet.getColumn(col).width = 14;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
