import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadPolicy } from '../../commands/context.js';
import { makeOwnerVisitPlan, proposeOwnerVisits } from '../../commands/owner-visits/plans.js';
import {
  bookOwnerVisit,
  cancelOwnerVisit,
  followUpOwnerVisitIssue,
  getOwnerVisit,
  ownerVisitMonth,
  recordOwnerVisit,
  recordUnbookedOwnerVisit,
  rescheduleOwnerVisit,
} from '../../commands/owner-visits/visits.js';
import { errorBody, idParam } from '../../contract/common.js';
import {
  bookVisitBody,
  cancelBody,
  followUpIssueBody,
  makePlanBody,
  monthQuery,
  monthView,
  type OwnerVisitView,
  ownerVisitView,
  planView,
  proposalList,
  proposalQuery,
  recordUnbookedBody,
  recordVisitBody,
  rescheduleBody,
} from '../../contract/owner-visits.js';
import type { VisitMethod } from '../../domain/owner-visits/visit.js';
import { getCompany } from '../../db/repositories/org.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { esc, fmt, printPage, row, sendPrintPage, sheet, signs } from '../print/page.js';

const failures = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const tags = ['owner-visits'];

/** 上门访问 / 管理处办公室访问 / 户外访问 / 问卷 / 电话访问 / 其他 */
const methodZh: Record<VisitMethod, string> = {
  home: '上门访问',
  office: '办公室访问',
  outdoor: '户外访问',
  questionnaire: '问卷',
  phone: '电话访问',
  other: '其他',
};
const signatureZh = (v: OwnerVisitView) =>
  v.signature === 'signed' ? `已签名：${esc(v.signedBy ?? '')}` : v.signature === 'refused' ? '业户拒绝签名' : '—';
const withheld = '（涉及业户隐私，限访问人与主管查阅）';

/** Owner visits (业户访问): the month's plan and quota, proposals, bookings, records, fulfilment, printed records. */
export const ownerVisitRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/owner-visits',
      {
        schema: {
          tags,
          summary: "A community's month: plan and quota, fulfilment by day and method, every visit",
          querystring: monthQuery,
          response: { 200: monthView, ...failures },
        },
      },
      async (req) => ownerVisitMonth(ctx.deps, principalOf(req), req.query),
    );
    app.post(
      '/api/owner-visits/plans',
      {
        schema: {
          tags,
          summary: "Make the month's plan now (idempotent; the periodic duty makes it on the 1st)",
          body: makePlanBody,
          response: { 200: planView, ...failures },
        },
      },
      async (req) => makeOwnerVisitPlan(ctx.deps, principalOf(req), req.body.communityId, req.body.month),
    );
    app.get(
      '/api/owner-visits/proposals',
      {
        schema: {
          tags,
          summary: 'Households to visit: occupied, not visited within the window, spread over buildings',
          querystring: proposalQuery,
          response: { 200: proposalList, ...failures },
        },
      },
      async (req) => proposeOwnerVisits(ctx.deps, principalOf(req), req.query),
    );
    app.post(
      '/api/owner-visits/bookings',
      {
        schema: { tags, summary: 'Book a visit with a household', body: bookVisitBody, response: { 201: ownerVisitView, ...failures } },
      },
      async (req, reply) => {
        reply.status(201);
        return bookOwnerVisit(ctx.deps, principalOf(req), req.body);
      },
    );
    app.post(
      '/api/owner-visits/records',
      {
        schema: {
          tags,
          summary: 'Record a visit made without a booking (a call, a chat outside)',
          body: recordUnbookedBody,
          response: { 201: ownerVisitView, ...failures },
        },
      },
      async (req, reply) => {
        reply.status(201);
        return recordUnbookedOwnerVisit(ctx.deps, principalOf(req), req.body);
      },
    );
    app.get(
      '/api/owner-visits/:id',
      { schema: { tags, summary: 'One visit', params: idParam, response: { 200: ownerVisitView, ...failures } } },
      async (req) => (await getOwnerVisit(ctx.deps, principalOf(req), req.params.id)).view,
    );
    app.post(
      '/api/owner-visits/:id/reschedule',
      {
        schema: {
          tags,
          summary: "Move a booked visit's appointment",
          params: idParam,
          body: rescheduleBody,
          response: { 200: ownerVisitView, ...failures },
        },
      },
      async (req) => rescheduleOwnerVisit(ctx.deps, principalOf(req), req.params.id, req.body.bookedFor),
    );
    app.post(
      '/api/owner-visits/:id/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel a booked visit',
          params: idParam,
          body: cancelBody,
          response: { 200: ownerVisitView, ...failures },
        },
      },
      async (req) => cancelOwnerVisit(ctx.deps, principalOf(req), req.params.id, req.body.reason),
    );
    app.post(
      '/api/owner-visits/:id/record',
      {
        schema: {
          tags,
          summary: "Write a booked visit's record (业户访问记录): method, notes, issues, signature or refusal",
          params: idParam,
          body: recordVisitBody,
          response: { 200: ownerVisitView, ...failures },
        },
      },
      async (req) => recordOwnerVisit(ctx.deps, principalOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/owner-visits/:id/issues/:index/follow-up',
      {
        schema: {
          tags,
          summary: 'Turn an issue the household raised into a repair order or a complaint',
          params: idParam.extend({ index: z.coerce.number().int().min(0).max(19) }),
          body: followUpIssueBody,
          response: { 200: ownerVisitView, ...failures },
        },
      },
      async (req) => followUpOwnerVisitIssue(ctx.deps, principalOf(req), req.params.id, req.params.index, req.body),
    );

    // 业户访问记录 on A4: one visit.
    app.get('/print/owner-visits/:id', { schema: { hide: true, params: idParam } }, async (req, reply) => {
      const p = principalOf(req);
      const { view: v, row: r } = await getOwnerVisit(ctx.deps, p, req.params.id);
      const db = ctx.deps.database.db;
      const tz = (await loadPolicy(db, p.companyId, r.communityId)).timezone;
      const company = await getCompany(db, p.companyId);
      const month = await ownerVisitMonth(ctx.deps, p, { communityId: r.communityId, month: r.month });
      const issues = v.isWithheld
        ? esc(withheld)
        : v.issues.map((i) => `${esc(i.text)}${i.ticketNumber ? `（已转 ${esc(i.ticketNumber)}）` : ''}`).join('<br>');
      const body = `
  <table>
    ${row('业户 / 房号', esc(v.householdLabel), '被访人', esc(v.residentName ?? ''))}
    ${row('访问方式', v.method ? esc(methodZh[v.method]) : '', '访问时间', fmt(r.visitedAt ?? r.bookedFor, tz))}
    ${row('访问人', esc(v.visitorName ?? ''), '预约时间', fmt(r.bookedFor, tz))}
    ${row('访问情况', v.isWithheld ? esc(withheld) : esc(v.notes ?? ''))}
    ${row('业户意见及建议', v.isWithheld ? esc(withheld) : esc(v.opinions ?? ''))}
    ${row('提出的问题', issues)}
    ${row('业户签名', signatureZh(v), '状态', v.status === 'done' ? '已访问' : v.status === 'booked' ? '已预约' : `已取消：${esc(v.cancelReason ?? '')}`)}
    ${row('客服主管意见', '')}
  </table>
  <p class="note">访问人对有关业户个人隐私的见闻负保密责任；业户拒绝签名的不得强求。</p>
  ${signs('访问人', '业户', '客服主管')}`;
      return sendPrintPage(
        reply,
        printPage(`业户访问记录 ${v.householdLabel}`, [
          sheet({
            company: company?.name ?? '',
            community: month.plan.communityName,
            title: '业户访问记录 Owner visit record',
            meta: [`月份 <b>${esc(v.month)}</b>`],
            body,
            footer: `打印时间 ${fmt(ctx.deps.clock.now(), tz)}`,
          }),
        ]),
      );
    });

    // The month's list and summary (上月访问业户总结) on A4.
    app.get('/print/owner-visits', { schema: { hide: true, querystring: monthQuery } }, async (req, reply) => {
      const p = principalOf(req);
      const m = await ownerVisitMonth(ctx.deps, p, req.query);
      const db = ctx.deps.database.db;
      const tz = (await loadPolicy(db, p.companyId, m.plan.communityId)).timezone;
      const company = await getCompany(db, p.companyId);
      const f = m.fulfilment;
      const lines = m.visits
        .filter((v) => v.status !== 'cancelled')
        .map(
          (v) =>
            `<tr><td>${esc(v.householdLabel)}</td><td>${v.method ? esc(methodZh[v.method]) : '已预约'}</td><td>${fmt(v.visitedAt ? new Date(v.visitedAt) : v.bookedFor ? new Date(v.bookedFor) : null, tz)}</td><td>${esc(v.visitorName ?? '')}</td><td>${v.isWithheld ? esc('（保密）') : esc(v.opinions ?? '')}</td><td>${signatureZh(v)}</td></tr>`,
        )
        .join('');
      const byMethod = Object.entries(f.byMethod)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${methodZh[k as VisitMethod]} ${n}`)
        .join('，');
      const body = `
  <table>
    ${row('已入住户数', String(m.plan.occupiedHouseholds), '访问比例', `${m.plan.quotaPercent}%`)}
    ${row('本月应访问', `${f.quota} 户`, '已访问', `${f.householdsVisited} 户（${f.fulfilmentPercent}%）`)}
    ${row('访问方式', esc(byMethod || '—'), '拒绝签名', `${f.refused} 户`)}
    ${row('提出问题', `${f.issuesRaised} 条（转报修 ${f.issuesToRepair}，转投诉 ${f.issuesToComplaint}）`, '总结提交期限', esc(f.summaryDueOn))}
  </table>
  <table class="list"><tr><th>业户</th><th>方式</th><th>时间</th><th>访问人</th><th>意见及建议</th><th>签名</th></tr>${lines}</table>
  ${signs('客服主管', '管理处主任')}`;
      return sendPrintPage(
        reply,
        printPage(`${m.plan.month} 业户访问`, [
          sheet({
            company: company?.name ?? '',
            community: m.plan.communityName,
            title: '业户访问汇总 Owner visits of the month',
            meta: [`月份 <b>${esc(m.plan.month)}</b>`],
            body,
            footer: `打印时间 ${fmt(ctx.deps.clock.now(), tz)}`,
          }),
        ]),
      );
    });
  };
