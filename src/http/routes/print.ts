import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getRepairOrder } from '../../commands/query-repair-orders.js';
import { policyOf, requirePermission } from '../../commands/context.js';
import { idParam } from '../../contract/common.js';
import { getCommunity, getCompany } from '../../db/repositories/org.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { esc, fmt, printPage, sendPrintPage, sheet, yuan } from '../print/page.js';

const categoryZh: Record<string, string> = {
  plumbing: '水暖',
  electrical: '电气',
  doors_windows: '门窗',
  appliance: '家电',
  equipment: '设备',
  public_area: '公共设施',
  other: '其他',
};
const ratingZh: Record<string, string> = { qualified: '合格', unqualified: '不合格', poor: '质量不佳' };

/** 维修单 / 派工单 on A4: two copies for free work, three for paid (desk, finance, resident). */
export const printRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/print/repair-orders/:id', { schema: { hide: true, params: idParam } }, async (req, reply) => {
      const p = principalOf(req);
      requirePermission(p, 'repair.print');
      const d = await getRepairOrder(ctx.deps, p, req.params.id);
      const { ticket, repair } = d.row;
      const policy = policyOf(ticket);
      const tz = policy.timezone;
      const ex = ctx.deps.database.db;
      const [company, community] = await Promise.all([getCompany(ex, ticket.companyId), getCommunity(ex, ticket.communityId)]);
      const fee = repair.labourFeeCents + repair.materialFeeCents;
      const isPaid = fee > 0 || (repair.quoteCents ?? 0) > 0;
      const labels = isPaid ? ['第一联 客服中心存根', '第二联 财务部', '第三联 业主'] : ['第一联 客服中心存根', '第二联 业主'];
      const copies = isPaid ? policy.repair.paidCopies : policy.repair.freeCopies;
      const promised = (repair.promisedTimes as { at: string }[]).map((t) => fmt(new Date(t.at), tz)).join(' → ');
      const row = (k: string, v: string, k2?: string, v2?: string) =>
        `<tr><th>${k}</th><td${k2 ? '' : ' colspan="3"'}>${v}</td>${k2 ? `<th>${k2}</th><td>${v2}</td>` : ''}</tr>`;
      const body = `
  <table>
    ${row('报修人', esc(ticket.reporterName), '联系电话', esc(ticket.reporterPhone))}
    ${row('地址 / 位置', esc(ticket.location), '类别', `${esc(categoryZh[repair.category] ?? repair.category)} · ${repair.area === 'in_home' ? '入户' : '公共区域'}`)}
    ${row('报修时间 (T2)', fmt(ticket.createdAt, tz), '紧急程度', ticket.urgency === 'urgent' ? '<b>紧急</b>' : '一般')}
    ${row('预约 / 承诺时间 (T3)', esc(promised || (repair.timing === 'immediate' ? '即时维修' : '')))}
    ${row('报修内容', esc(ticket.content))}
    ${row('维修人员', esc(d.row.assigneeName ?? ''), '到场时间', fmt(repair.arrivedAt, tz))}
    ${row('实际维修项目', esc(repair.actualItems ?? ''))}
    ${row('业主自备材料评定', esc(repair.customerMaterialRating ? ratingZh[repair.customerMaterialRating] : '—'), '完工时间', fmt(repair.completedAt, tz))}
    ${row('人工费', yuan(repair.labourFeeCents), '材料费', yuan(repair.materialFeeCents))}
    ${row('合计', `<b>${yuan(fee)}</b>${isPaid ? '（请到收费处缴费，维修人员不收现金）' : ''}`, '收费状态', repair.feeStatus === 'paid' ? '已缴' : repair.feeStatus === 'owed' ? '待缴' : '无')}
    ${row('维修结果', esc(repair.summary ?? ''))}
  </table>
  <div class="signs"><span style="width:32%">接单人签收：</span><span style="width:32%">维修人员签字：</span><span style="width:32%">业主确认签字：</span></div>`;
      const sheets = Array.from({ length: copies }, (_, i) =>
        sheet({
          company: company?.name ?? '',
          community: community?.name ?? '',
          title: '维修派工单 Work order',
          meta: [`单号 No. <b>${esc(ticket.number)}</b>`],
          copy: labels[i] ?? `第${i + 1}联`,
          body,
          footer: `打印时间 ${fmt(ctx.deps.clock.now(), tz)} · 共${copies}联`,
        }),
      );
      return sendPrintPage(reply, printPage(`${ticket.number} 维修派工单`, sheets));
    });
  };
