import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { applyGoodsPass } from '../../commands/goods-passes/apply-goods-pass.js';
import { dailyGoodsPassReview, markDayReviewed } from '../../commands/goods-passes/daily-review.js';
import { getGoodsPass, lookUpGoodsPass, queryGoodsPasses } from '../../commands/goods-passes/query-goods-passes.js';
import { loadPolicy, type Principal, requirePermission } from '../../commands/context.js';
import { runTicketAction } from '../../commands/tickets/engine.js';
import { errorBody, idParam } from '../../contract/common.js';
import {
  applyGoodsPassBody,
  dailyReview,
  dailyReviewBody,
  dailyReviewQuery,
  gateLookupQuery,
  type GoodsPassActionPath,
  type GoodsPassDetail,
  goodsPassActionBodies,
  goodsPassDetail,
  goodsPassList,
  goodsPassListQuery,
} from '../../contract/goods-pass.js';
import { conflict } from '../../domain/shared/errors.js';
import { getCommunity, getCompany } from '../../db/repositories/org.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { esc, fmt, printPage, row, sendPrintPage, sheet, signs } from '../print/page.js';

const failures = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

const actionSummaries: Record<GoodsPassActionPath, string> = {
  issue: 'Desk checks identity and arrears and issues the pass (blocked by arrears unless the CS supervisor allowed it)',
  override: 'CS supervisor lets a household with arrears take its goods out, with a reason',
  release: 'Gate: the goods match part 2; release and sign (refused when used or expired)',
  return: 'Gate: send the person back to the desk, with a reason',
  cancel: 'Desk voids a pass, or a resident withdraws an application, with a reason',
};

const relationZh: Record<string, string> = { owner: '业主', tenant: '租户', delegate: '受托人' };
const idTypeZh: Record<string, string> = {
  id_card: '身份证',
  passport: '护照',
  hk_macau_permit: '港澳通行证',
  driving_licence: '驾驶证',
  other: '其他证件',
};

/** 物品放行条 on paper: part 1 stays at the desk, part 2 goes with the resident to the gate. */
function passSheets(d: GoodsPassDetail, company: string, community: string, tz: string, printedAt: Date): string[] {
  const items = d.items
    .map((i, n) => `<tr><td>${n + 1}</td><td>${esc(i.name)}</td><td>${i.quantity}</td><td>${esc(i.note ?? '')}</td></tr>`)
    .join('');
  const body = `
  <table>
    ${row('房号', esc(d.location), '申请人', esc(d.applicantName))}
    ${row('身份', esc(d.relation ? relationZh[d.relation] : ''), '证件（后4位）', `${esc(d.idType ? idTypeZh[d.idType] : '')} ****${esc(d.idLast4 ?? '')}`)}
    ${d.authorisation ? row('业主授权', esc(d.authorisation)) : ''}
    ${row('搬运人', esc(d.carrierName || '—'), '车牌号', esc(d.vehiclePlate || '—'))}
    ${row('预计搬出时间', fmt(d.plannedAt ? new Date(d.plannedAt) : null, tz) || '—', '有效期至', `<b>${fmt(d.validUntil ? new Date(d.validUntil) : null, tz)}</b>`)}
    ${d.overrideReason ? row('客服主管审批（欠费放行）', `${esc(d.overrideByName ?? '')}：${esc(d.overrideReason)}`) : ''}
  </table>
  <table class="list"><tr><th>序号</th><th>物品名称</th><th>数量</th><th>备注</th></tr>${items}</table>
  <table>${row('开单人', esc(d.issuedByName ?? ''), '开单时间', fmt(d.issuedAt ? new Date(d.issuedAt) : null, tz))}</table>
  <p class="note">保安部核对第二联内容与携出物品及开单人签名，无误后收回第二联并在“放行确认”栏签名；不符或过期请到客服前台重新办理。</p>`;
  return ['第一联 客服中心存根', '第二联 业主（门岗收回）'].map((copy, i) =>
    sheet({
      company,
      community,
      title: '物品放行条 Goods release pass',
      meta: [`编号 No. <b>${esc(d.number)}</b>`],
      copy,
      body: body + (i === 0 ? signs('开单人签名', '申请人签名') : signs('开单人签名', '申请人签名', '放行确认（保安）')),
      footer: `打印时间 ${fmt(printedAt, tz)} · 共2联`,
    }),
  );
}

/** 物品放行: applications, passes, the gate and the daily check. */
export const goodsPassesRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/goods-passes',
      {
        schema: {
          tags: ['goods-passes'],
          summary: 'Apply for a goods pass (desk for a walk-in, or a resident ahead of time)',
          body: applyGoodsPassBody,
          response: { 201: goodsPassDetail, ...failures },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        const { id } = await applyGoodsPass(ctx.deps, p, req.body);
        reply.status(201);
        return getGoodsPass(ctx.deps, p, id);
      },
    );
    app.get(
      '/api/goods-passes',
      {
        schema: {
          tags: ['goods-passes'],
          summary: 'Goods passes the user may see (residents: their households)',
          querystring: goodsPassListQuery,
          response: { 200: goodsPassList, ...failures },
        },
      },
      async (req) => queryGoodsPasses(ctx.deps, principalOf(req), req.query),
    );
    app.get(
      '/api/goods-passes/lookup',
      {
        schema: {
          tags: ['goods-passes'],
          summary: 'Gate: look a pass up by number or scanned text',
          querystring: gateLookupQuery,
          response: { 200: goodsPassDetail, ...failures },
        },
      },
      async (req) => lookUpGoodsPass(ctx.deps, principalOf(req), req.query.q),
    );
    app.get(
      '/api/goods-passes/daily-review',
      {
        schema: {
          tags: ['goods-passes'],
          summary: "One day's passes, counted, for the security manager's daily check",
          querystring: dailyReviewQuery,
          response: { 200: dailyReview, ...failures },
        },
      },
      async (req) => dailyGoodsPassReview(ctx.deps, principalOf(req), req.query),
    );
    app.post(
      '/api/goods-passes/daily-review',
      {
        schema: {
          tags: ['goods-passes'],
          summary: 'Mark a day’s passes as checked (once per day)',
          body: dailyReviewBody,
          response: { 200: dailyReview, ...failures },
        },
      },
      async (req) => markDayReviewed(ctx.deps, principalOf(req), req.body),
    );
    app.get(
      '/api/goods-passes/:id',
      {
        schema: {
          tags: ['goods-passes'],
          summary: 'One goods pass with its timeline',
          params: idParam,
          response: { 200: goodsPassDetail, ...failures },
        },
      },
      async (req) => getGoodsPass(ctx.deps, principalOf(req), req.params.id),
    );
    for (const path of Object.keys(goodsPassActionBodies) as GoodsPassActionPath[]) {
      app.post(
        `/api/goods-passes/:id/${path}`,
        {
          schema: {
            tags: ['goods-passes'],
            summary: actionSummaries[path],
            params: idParam,
            body: goodsPassActionBodies[path],
            response: { 200: goodsPassDetail, ...failures },
          },
        },
        async (req) => {
          const p: Principal = principalOf(req);
          requirePermission(p, 'goods_pass.view');
          await runTicketAction(ctx.deps, p, req.params.id, 'goods_pass', path, req.body);
          return getGoodsPass(ctx.deps, p, req.params.id);
        },
      );
    }
    app.get('/print/goods-passes/:id', { schema: { hide: true, params: idParam } }, async (req, reply) => {
      const p = principalOf(req);
      requirePermission(p, 'goods_pass.issue');
      const d = await getGoodsPass(ctx.deps, p, req.params.id);
      if (d.status === 'applied' || d.status === 'cancelled' || !d.issuedAt) {
        throw conflict('pass_not_issued', { zh: '放行条尚未开具，不能打印', en: 'The pass is not issued: nothing to print' });
      }
      const ex = ctx.deps.database.db;
      const [company, community] = await Promise.all([getCompany(ex, p.companyId), getCommunity(ex, d.communityId)]);
      const tz = (await loadPolicy(ex, p.companyId, d.communityId)).timezone;
      const sheets = passSheets(d, company?.name ?? '', community?.name ?? '', tz, ctx.deps.clock.now());
      return sendPrintPage(reply, printPage(`${d.number} 物品放行条`, sheets));
    });
  };
