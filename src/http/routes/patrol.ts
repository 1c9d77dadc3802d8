import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadPolicy, type Principal } from '../../commands/context.js';
import { createPatrolRoute, listPatrolRoutes, type RouteRow, updatePatrolRoute } from '../../commands/patrol/patrol-routes.js';
import {
  addFindingPhoto,
  dailyPatrolReport,
  findingPhoto,
  finishPatrolRound,
  getPatrolRound,
  markPatrolCheckpoint,
  patrolFulfilment,
  queryPatrolRounds,
  type RoundDetailData,
  type RoundListRow,
  startPatrolRound,
} from '../../commands/patrol/rounds.js';
import { errorBody, idParam } from '../../contract/common.js';
import {
  dailyReport,
  dailyReportQuery,
  finishRoundBody,
  fulfilmentQuery,
  fulfilmentView,
  markCheckpointBody,
  roundDetail,
  roundList,
  roundListQuery,
  type roundSummary,
  routeList,
  routeView,
  saveRouteBody,
  startRoundBody,
} from '../../contract/patrol.js';
import { checkpointLabel } from '../../domain/patrol/rounds.js';
import { getCompany } from '../../db/repositories/org.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { iso } from '../presenters/ticket.js';
import { esc, fmt, printPage, row, sendPrintPage, sheet, signs } from '../print/page.js';
import { readUpload, sendAttachment } from '../uploads.js';

const failures = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 422: errorBody };

const presentRoute = (r: RouteRow): z.infer<typeof routeView> => ({
  id: r.id,
  communityId: r.communityId,
  communityName: r.communityName,
  name: r.name,
  checkpoints: r.checkpoints.map((c) => ({ ...c, label: checkpointLabel(c) })),
  isActive: r.isActive,
  updatedAt: iso(r.updatedAt)!,
});

const presentRound = (r: RoundListRow): z.infer<typeof roundSummary> => ({
  id: r.round.id,
  communityId: r.round.communityId,
  communityName: r.round.communityName,
  routeId: r.round.routeId,
  routeName: r.round.routeName,
  status: r.round.status as 'in_progress' | 'finished',
  patrollerId: r.round.patrollerId,
  patrollerName: r.round.patrollerName,
  startedAt: iso(r.round.startedAt)!,
  finishedAt: iso(r.round.finishedAt),
  durationMinutes: r.round.durationMinutes,
  summary: r.round.summary,
  checkpointCount: r.round.checkpoints.length,
  markedCount: r.markedCount,
  issueCount: r.issueCount,
  orderCount: r.orderCount,
});

const presentRoundDetail = (d: RoundDetailData): z.infer<typeof roundDetail> => ({
  ...presentRound(d.row),
  checkpoints: d.row.round.checkpoints.map((c) => ({ ...c, label: checkpointLabel(c) })),
  findings: d.findings.map(({ finding: f, order, photoIds }) => ({
    id: f.id,
    checkpointId: f.checkpointId,
    checkpointLabel: f.checkpointLabel,
    result: f.result as 'ok' | 'issue',
    note: f.note,
    category: f.category,
    recordedByName: f.recordedByName,
    recordedAt: iso(f.recordedAt)!,
    repairOrder: order,
    photos: photoIds.map((id) => ({ id, url: `/api/patrol/rounds/${d.row.round.id}/photos/${id}` })),
  })),
  canRecord: d.canRecord,
});

const categoryZh: Record<string, string> = {
  plumbing: '水暖',
  electrical: '电气',
  doors_windows: '门窗',
  appliance: '家电',
  equipment: '设备',
  public_area: '公共设施',
  other: '其他',
};

/** Building patrol (巡楼): routes, rounds walked on the phone, findings that raise repair orders, the daily report. */
export const patrolRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const detail = async (p: Principal, id: string) => presentRoundDetail(await getPatrolRound(ctx.deps, p, id));
    const routeById = async (p: Principal, id: string) => {
      const rows = await listPatrolRoutes(ctx.deps, p, undefined);
      return presentRoute(rows.find((r) => r.id === id)!);
    };

    app.get(
      '/api/patrol/routes',
      {
        schema: {
          tags: ['patrol'],
          summary: 'Patrol routes of the communities the user sees',
          querystring: z.object({ communityId: z.uuid().optional() }),
          response: { 200: routeList, ...failures },
        },
      },
      async (req) => ({ items: (await listPatrolRoutes(ctx.deps, principalOf(req), req.query.communityId)).map(presentRoute) }),
    );
    app.post(
      '/api/patrol/routes',
      {
        schema: { tags: ['patrol'], summary: 'Create a patrol route', body: saveRouteBody, response: { 201: routeView, ...failures } },
      },
      async (req, reply) => {
        const p = principalOf(req);
        const id = await createPatrolRoute(ctx.deps, p, req.body);
        reply.status(201);
        return routeById(p, id);
      },
    );
    app.put(
      '/api/patrol/routes/:id',
      {
        schema: {
          tags: ['patrol'],
          summary: 'Edit a patrol route (walked rounds keep their checkpoints)',
          params: idParam,
          body: saveRouteBody,
          response: { 200: routeView, ...failures },
        },
      },
      async (req) => {
        const p = principalOf(req);
        await updatePatrolRoute(ctx.deps, p, req.params.id, req.body);
        return routeById(p, req.params.id);
      },
    );
    app.get(
      '/api/patrol/rounds',
      {
        schema: {
          tags: ['patrol'],
          summary: 'Patrol rounds, by route, state, days and issues',
          querystring: roundListQuery,
          response: { 200: roundList, ...failures },
        },
      },
      async (req) => {
        const { items, total } = await queryPatrolRounds(ctx.deps, principalOf(req), req.query);
        return { items: items.map(presentRound), total };
      },
    );
    app.post(
      '/api/patrol/rounds',
      {
        schema: {
          tags: ['patrol'],
          summary: 'Start a round of a route',
          body: startRoundBody,
          response: { 201: roundDetail, ...failures },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        const id = await startPatrolRound(ctx.deps, p, req.body.routeId);
        reply.status(201);
        return detail(p, id);
      },
    );
    app.get(
      '/api/patrol/rounds/:id',
      {
        schema: {
          tags: ['patrol'],
          summary: 'One round with its findings and the repair orders they raised',
          params: idParam,
          response: { 200: roundDetail, ...failures },
        },
      },
      async (req) => detail(principalOf(req), req.params.id),
    );
    app.post(
      '/api/patrol/rounds/:id/checkpoints',
      {
        schema: {
          tags: ['patrol'],
          summary: 'Record a checkpoint ok or with an issue; an issue raises a public-area repair order at once',
          params: idParam,
          body: markCheckpointBody,
          response: { 200: roundDetail, ...failures },
        },
      },
      async (req) => {
        const p = principalOf(req);
        await markPatrolCheckpoint(ctx.deps, p, req.params.id, req.body);
        return detail(p, req.params.id);
      },
    );
    app.post(
      '/api/patrol/rounds/:id/finish',
      {
        schema: {
          tags: ['patrol'],
          summary: 'Finish a round: its duration and summary go on the daily report',
          params: idParam,
          body: finishRoundBody,
          response: { 200: roundDetail, ...failures },
        },
      },
      async (req) => {
        const p = principalOf(req);
        await finishPatrolRound(ctx.deps, p, req.params.id, req.body.summary);
        return detail(p, req.params.id);
      },
    );
    app.post(
      '/api/patrol/rounds/:id/findings/:findingId/photos',
      {
        schema: {
          tags: ['patrol'],
          summary: 'Add a photo to a finding (multipart field "file"); also shown on the order it raised',
          params: z.object({ id: z.uuid(), findingId: z.uuid() }),
          consumes: ['multipart/form-data'],
          response: { 201: z.object({ id: z.uuid(), url: z.string() }), ...failures },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        const stored = await addFindingPhoto(ctx.deps, p, req.params.id, req.params.findingId, await readUpload(req));
        reply.status(201);
        return { id: stored.id, url: `/api/patrol/rounds/${req.params.id}/photos/${stored.id}` };
      },
    );
    app.get(
      '/api/patrol/rounds/:id/photos/:photoId',
      {
        schema: { tags: ['patrol'], summary: 'A photo of a finding', params: z.object({ id: z.uuid(), photoId: z.uuid() }) },
      },
      async (req, reply) => sendAttachment(reply, await findingPhoto(ctx.deps, principalOf(req), req.params.id, req.params.photoId)),
    );
    app.get(
      '/api/patrol/fulfilment',
      {
        schema: {
          tags: ['patrol'],
          summary: "Rounds this week against the policy's rounds per week",
          querystring: fulfilmentQuery,
          response: { 200: fulfilmentView, ...failures },
        },
      },
      async (req) => patrolFulfilment(ctx.deps, principalOf(req), req.query.communityId),
    );
    app.get(
      '/api/patrol/daily-report',
      {
        schema: {
          tags: ['patrol'],
          summary: 'The patrol part of the daily report: the rounds of a day with findings and orders raised',
          querystring: dailyReportQuery,
          response: { 200: dailyReport, ...failures },
        },
      },
      async (req) => {
        const r = await dailyPatrolReport(ctx.deps, principalOf(req), req.query.communityId, req.query.date);
        return { ...r, rounds: r.rounds.map(presentRoundDetail) };
      },
    );

    // 日报表 (巡楼部分) on A4.
    app.get('/print/patrol/daily-report', { schema: { hide: true, querystring: dailyReportQuery } }, async (req, reply) => {
      const p = principalOf(req);
      const r = await dailyPatrolReport(ctx.deps, p, req.query.communityId, req.query.date);
      const tz = (await loadPolicy(ctx.deps.database.db, p.companyId, r.communityId)).timezone;
      const company = await getCompany(ctx.deps.database.db, p.companyId);
      const rounds = r.rounds
        .map(({ row: { round }, findings }) => {
          const lines = findings
            .map(
              ({ finding: f, order }) =>
                `<tr><td>${esc(f.checkpointLabel)}</td><td>${f.result === 'ok' ? '正常' : '<b>有问题</b>'}</td><td>${esc(f.note ?? '')}</td><td>${f.category ? esc(categoryZh[f.category] ?? f.category) : ''}</td><td>${order ? esc(order.number) : ''}</td></tr>`,
            )
            .join('');
          return `
  <table>
    ${row('巡楼路线', esc(round.routeName), '巡楼人', esc(round.patrollerName))}
    ${row('开始', fmt(round.startedAt, tz), '结束 / 用时', round.finishedAt ? `${fmt(round.finishedAt, tz)}（${round.durationMinutes ?? 0} 分钟）` : '进行中')}
    ${row('巡查小结', esc(round.summary ?? ''))}
  </table>
  <table class="list"><tr><th>巡查点</th><th>情况</th><th>问题描述</th><th>类别</th><th>报修单号</th></tr>${lines}</table>`;
        })
        .join('');
      const body = `${rounds || '<p class="note">当日无巡楼记录。</p>'}
  <p class="note">共 ${r.rounds.length} 次巡楼，发现问题 ${r.issueCount} 处，填报修单 ${r.orderCount} 张。</p>
  ${signs('客服主管', '管理处主任')}`;
      return sendPrintPage(
        reply,
        printPage(`${r.date} 巡楼日报`, [
          sheet({
            company: company?.name ?? '',
            community: r.communityName,
            title: '日报表 · 巡楼 Daily patrol report',
            meta: [`日期 <b>${esc(r.date)}</b>`],
            body,
            footer: `打印时间 ${fmt(ctx.deps.clock.now(), tz)}`,
          }),
        ]),
      );
    });
  };
