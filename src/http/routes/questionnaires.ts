import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadPolicy, type Principal } from '../../commands/context.js';
import { answerQuestionnaire, enterPaperAnswer, residentQuestionnaires } from '../../commands/questionnaires/answers.js';
import {
  createQuestionnaire,
  getQuestionnaire,
  issueQuestionnaire,
  listQuestionnaires,
  updateQuestionnaire,
} from '../../commands/questionnaires/manage.js';
import { type QuestionnaireStatistics, questionnaireStatistics, statisticsWorkbook } from '../../commands/questionnaires/statistics.js';
import { errorBody, idParam } from '../../contract/common.js';
import {
  answerBody,
  paperAnswerBody,
  questionnaireDetail,
  questionnaireList,
  questionnaireListQuery,
  residentQuestionnaireList,
  saveQuestionnaireBody,
  statisticsView,
} from '../../contract/questionnaires.js';
import { getCompany } from '../../db/repositories/org.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { esc, fmt, printPage, sendPrintPage, sheet, signs } from '../print/page.js';

const failures = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const done = z.object({ ok: z.literal(true) });

const sendXlsx = (reply: FastifyReply, name: string, bytes: Buffer) =>
  reply
    .header('content-type', xlsxType)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `attachment; filename="questionnaire.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(bytes);

const shown = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`);

/** The 问卷结果统计表 body on A4. */
function statisticsTable(s: QuestionnaireStatistics): string {
  const items = s.items
    .map(
      (i) =>
        `<tr><td>${esc(i.text)}</td><td>${i.satisfied}</td><td>${i.basicallySatisfied}</td><td>${i.unsatisfied}</td><td>${i.abstained}</td><td>${shown(i.rate)}</td><td>${shown(i.finalRate)}</td></tr>`,
    )
    .join('');
  const o = s.overall;
  const paretoRows = s.pareto
    .map(
      (r) =>
        `<tr><td>${esc(r.text)}</td><td>${r.count}</td><td>${r.sharePercent.toFixed(2)}%</td><td>${r.cumulativePercent.toFixed(2)}%</td><td>${r.isMain ? '<b>是</b>' : ''}</td></tr>`,
    )
    .join('');
  const comments = s.comments.map((c) => `<tr><td>${esc(c.roomLabel)}</td><td>${esc(c.comment)}</td></tr>`).join('');
  return `
  <table class="list">
    <tr><th>发放户数</th><td>${s.issued}</td><th>回收户数</th><td>${s.answered}</td><th>回收率</th><td>${shown(s.recoveryPercent)}</td></tr>
    <tr><th>最低回收率</th><td>${s.minRecoveryPercent}%</td><th>扣减</th><td colspan="3">${s.isRecoveryMet ? '回收率达标，不扣减' : `每低1个百分点扣 ${s.penaltyPointsPerPercent} 个百分点，共扣 ${s.penaltyPoints} 个百分点`}</td></tr>
  </table>
  <table class="list"><tr><th>项目</th><th>满意</th><th>基本满意</th><th>不满意</th><th>弃权</th><th>满意率</th><th>扣减后满意率</th></tr>${items}
    <tr><th>合计</th><th>${o.satisfied}</th><th>${o.basicallySatisfied}</th><th>${o.unsatisfied}</th><th>${o.abstained}</th><th>${shown(o.rate)}</th><th>${shown(o.finalRate)}</th></tr></table>
  <p class="note">满意率 =（满意数 + 基本满意数）÷（满意数 + 基本满意数 + 不满意数）× 100%；未选或多选的项目作弃权处理，不参加统计。</p>
  <table class="list"><tr><th>不满意项目（排列图）</th><th>不满意数</th><th>占比</th><th>累积百分率</th><th>主要改进事项</th></tr>${paretoRows || '<tr><td colspan="5">无不满意项目</td></tr>'}</table>
  <p class="note">累积百分率在 ${s.paretoThresholdPercent}% 以内的不满意项目确定为主要改进事项。</p>
  ${comments ? `<table class="list"><tr><th>户号</th><th>业户意见与建议</th></tr>${comments}</table>` : ''}
  ${signs('客户服务主管', '管理处主任审阅')}`;
}

/** Questionnaires (问卷调查): drafting, issue, the phone and paper answers, the statistics. */
export const questionnaireRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const detail = (p: Principal, id: string) => getQuestionnaire(ctx.deps, p, id);

    app.get(
      '/api/questionnaires',
      {
        schema: {
          tags: ['questionnaires'],
          summary: 'Questionnaires of the communities the user sees, with their recovery',
          querystring: questionnaireListQuery,
          response: { 200: questionnaireList, ...failures },
        },
      },
      async (req) => ({ items: await listQuestionnaires(ctx.deps, principalOf(req), req.query.communityId) }),
    );
    app.post(
      '/api/questionnaires',
      {
        schema: {
          tags: ['questionnaires'],
          summary: 'Draft a questionnaire: title, period and items',
          body: saveQuestionnaireBody,
          response: { 201: questionnaireDetail, ...failures },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        const id = await createQuestionnaire(ctx.deps, p, req.body);
        reply.status(201);
        return detail(p, id);
      },
    );
    app.get(
      '/api/questionnaires/:id',
      {
        schema: {
          tags: ['questionnaires'],
          summary: 'One questionnaire with its items and every household it went to',
          params: idParam,
          response: { 200: questionnaireDetail, ...failures },
        },
      },
      async (req) => detail(principalOf(req), req.params.id),
    );
    app.put(
      '/api/questionnaires/:id',
      {
        schema: {
          tags: ['questionnaires'],
          summary: 'Edit a draft questionnaire',
          params: idParam,
          body: saveQuestionnaireBody,
          response: { 200: questionnaireDetail, ...failures },
        },
      },
      async (req) => {
        const p = principalOf(req);
        await updateQuestionnaire(ctx.deps, p, req.params.id, req.body);
        return detail(p, req.params.id);
      },
    );
    app.post(
      '/api/questionnaires/:id/issue',
      {
        schema: {
          tags: ['questionnaires'],
          summary: 'Issue a draft now to every occupied household; the recovery deadline is set in working days',
          params: idParam,
          response: { 200: questionnaireDetail, ...failures },
        },
      },
      async (req) => {
        const p = principalOf(req);
        await issueQuestionnaire(ctx.deps, p, req.params.id);
        return detail(p, req.params.id);
      },
    );
    app.post(
      '/api/questionnaires/:id/paper-answers',
      {
        schema: {
          tags: ['questionnaires'],
          summary: "Enter a household's paper form: the ticks of each item (none or several = abstention)",
          params: idParam,
          body: paperAnswerBody,
          response: { 200: questionnaireDetail, ...failures },
        },
      },
      async (req) => {
        const p = principalOf(req);
        await enterPaperAnswer(ctx.deps, p, req.params.id, req.body);
        return detail(p, req.params.id);
      },
    );
    app.get(
      '/api/questionnaires/:id/statistics',
      {
        schema: {
          tags: ['questionnaires'],
          summary: 'The 问卷结果统计表: recovery, satisfaction per item after the recovery penalty, Pareto of the dissatisfied items',
          params: idParam,
          response: { 200: statisticsView, ...failures },
        },
      },
      async (req) => questionnaireStatistics(ctx.deps, principalOf(req), req.params.id),
    );
    app.get(
      '/api/questionnaires/:id/statistics.xlsx',
      {
        schema: { tags: ['questionnaires'], summary: 'The 问卷结果统计表 as .xlsx', params: idParam, produces: [xlsxType] },
      },
      async (req, reply) => {
        const s = await questionnaireStatistics(ctx.deps, principalOf(req), req.params.id);
        return sendXlsx(reply, `问卷结果统计表-${s.communityName}-${s.period}.xlsx`, await statisticsWorkbook(s));
      },
    );
    app.get(
      '/api/resident/questionnaires',
      {
        schema: {
          tags: ['questionnaires'],
          summary: "The questionnaires issued to the resident's households, and how many await an answer",
          response: { 200: residentQuestionnaireList, ...failures },
        },
      },
      async (req) => residentQuestionnaires(ctx.deps, principalOf(req)),
    );
    app.post(
      '/api/resident/questionnaires/:id/answers',
      {
        schema: {
          tags: ['questionnaires'],
          summary: 'A resident answers for one of their households, once, while it is open',
          params: idParam,
          body: answerBody,
          response: { 200: done, ...failures },
        },
      },
      async (req) => {
        await answerQuestionnaire(ctx.deps, principalOf(req), req.params.id, req.body);
        return { ok: true as const };
      },
    );

    // 问卷结果统计表 on A4.
    app.get('/print/questionnaires/:id/statistics', { schema: { hide: true, params: idParam } }, async (req, reply) => {
      const p = principalOf(req);
      const s = await questionnaireStatistics(ctx.deps, p, req.params.id);
      const tz = (await loadPolicy(ctx.deps.database.db, p.companyId, s.communityId)).timezone;
      const company = await getCompany(ctx.deps.database.db, p.companyId);
      return sendPrintPage(
        reply,
        printPage(`问卷结果统计表 ${s.period}`, [
          sheet({
            company: company?.name ?? '',
            community: s.communityName,
            title: '问卷结果统计表 Questionnaire results',
            meta: [
              `${esc(s.title)}　期次 <b>${esc(s.period)}</b>`,
              `回收截止 ${esc(s.recoveryDeadline ?? '')}`,
              s.phase === 'open' ? '（回收中）' : '',
            ],
            body: statisticsTable(s),
            footer: `打印时间 ${fmt(ctx.deps.clock.now(), tz)}`,
          }),
        ]),
      );
    });
  };
