import type { ReportDetail } from '../../contract/reports.js';
import { channelLabels, classLabels, departmentLabels, label, methodLabels, percent, statusLabels } from '../../commands/reports/labels.js';
import { esc, fmtDate, row, sheet, signs } from '../print/page.js';

const d = (iso: string | null, tz: string) => (iso ? fmtDate(new Date(iso), tz) : '');

/** A two-column list of label and count. */
const tallyTable = (title: string, rows: { key: string; count: number }[], map: Record<string, string>) =>
  `<table class="list"><tr><th>${esc(title)}</th><th>件数 Count</th></tr>${
    rows.length === 0
      ? '<tr><td colspan="2">—</td></tr>'
      : rows.map((r) => `<tr><td>${esc(label(map, r.key))}</td><td>${r.count}</td></tr>`).join('')
  }</table>`;

/** 部门客户投诉工作月报 as the paper form has it: figures, the month's cases analysed, signatures. */
export function complaintReportSheet(r: ReportDetail, company: string, tz: string, now: Date): string {
  const f = r.complaintFigures!;
  const n = (x: number) => String(x);
  const numbers = new Map(f.complaints.map((c) => [c.id, c.number]));
  const body = `
<table>
  ${row('管理处', esc(r.communityName), '月份', esc(r.period))}
  ${row('入住户数', n(f.households), '受理投诉', n(f.received))}
  ${row('有效投诉', n(f.byClass.valid), '协助投诉', n(f.byClass.assisted))}
  ${row('无效投诉', n(f.byClass.invalid), '集体投诉', `${f.byClass.collective}（${f.collectiveHouseholds}户）`)}
  ${row('未分类', n(f.byClass.unclassified), '重复投诉', n(f.repeat))}
  ${row('按时处理', n(f.answeredOnTime), '超时处理', n(f.answeredLate))}
  ${row('未处理完', n(f.open), '处理及时率', esc(percent(f.onTimeRatePercent)))}
  ${row('平均处理时长', f.averageHandlingHours === null ? '—' : `${f.averageHandlingHours} 小时`, '回访满意率', esc(percent(f.satisfaction.ratePercent)))}
  ${row('回访结果', `满意 ${f.satisfaction.satisfied}　基本满意 ${f.satisfaction.basicallySatisfied}　不满意 ${f.satisfaction.unsatisfied}　未回访 ${f.satisfaction.notVisited}`)}
  ${row('投诉率', esc(percent(f.complaintRatePercent)), '目标', `&lt; ${f.targetRatePercent}%${f.isWithinTarget === false ? '（未达标）' : f.isWithinTarget ? '（达标）' : ''}`)}
</table>
<div style="display:flex;gap:3mm">${tallyTable('投诉渠道', f.byChannel, channelLabels)}${tallyTable('责任部门', f.byDepartment, departmentLabels)}</div>
<table class="list"><tr><th>编号</th><th>受理日期</th><th>类别</th><th>内容</th><th>状态</th></tr>${
    f.complaints.length === 0
      ? '<tr><td colspan="5">本月无投诉</td></tr>'
      : f.complaints
          .map(
            (c) =>
              `<tr><td>${esc(c.number)}</td><td>${esc(d(c.createdAt, tz))}</td><td>${esc(label(classLabels, c.complaintClass ?? 'unclassified').split(' ')[0])}</td><td>${esc(c.content)}</td><td>${c.isLate ? '超时' : ''}${c.isRepeat ? ' 重复' : ''}</td></tr>`,
          )
          .join('')
  }</table>
<table>${row('情况说明', esc(r.analysis.summary))}</table>
<table class="list"><tr><th>投诉案例</th><th>原因分析</th><th>纠正措施</th><th>预防措施</th></tr>${
    r.analysis.cases.length === 0
      ? '<tr><td colspan="4">—</td></tr>'
      : r.analysis.cases
          .map(
            (c) =>
              `<tr><td>${esc(c.complaintId ? `${numbers.get(c.complaintId) ?? ''} ` : '')}${esc(c.title)}</td><td>${esc(c.cause)}</td><td>${esc(c.correctiveAction)}</td><td>${esc(c.preventiveAction)}</td></tr>`,
          )
          .join('')
  }</table>
${signs('填表人（客户服务主管）', '审阅（管理处主任）', '签收（公司客户投诉处理中心）')}`;
  return sheet({
    company,
    community: r.communityName,
    title: '部门客户投诉工作月报',
    meta: [
      `月份 ${esc(r.period)}`,
      `上报期限 ${esc(d(r.dueAt, tz))}`,
      `状态 ${esc(label(statusLabels, r.status).split(' ')[0])}${r.isOverdue ? '（逾期）' : ''}`,
    ],
    body,
    footer: `打印于 ${esc(d(now.toISOString(), tz))}`,
  });
}

/** The owner-visit summary (业户访问月度汇总). */
export function ownerVisitSheet(r: ReportDetail, company: string, tz: string, now: Date): string {
  const v = r.ownerVisitFigures!;
  const body = `
<table>
  ${row('管理处', esc(r.communityName), '月份', esc(r.period))}
  ${row('入住户数', String(v.occupiedHouseholds), '访问比例', `${v.quotaPercent}%`)}
  ${row('应访户数', String(v.quota), '已访户数', String(v.householdsVisited))}
  ${row('访问记录', String(v.done), '完成率', `${v.fulfilmentPercent}%${v.isFulfilled ? '（完成）' : '（未完成）'}`)}
  ${row('已签名', String(v.signed), '拒绝签名', String(v.refused))}
  ${row('已预约未访', String(v.booked), '已取消', String(v.cancelled))}
  ${row('反映问题', String(v.issuesRaised), '转报修 / 转投诉', `${v.issuesToRepair} / ${v.issuesToComplaint}`)}
</table>
${tallyTable(
  '访问方式',
  Object.entries(v.byMethod).map(([key, count]) => ({ key, count })),
  methodLabels,
)}
${signs('填表人（客户服务主管）', '审阅（管理处主任）', '签收（公司客户投诉处理中心）')}`;
  return sheet({
    company,
    community: r.communityName,
    title: '业户访问月度汇总',
    meta: [`月份 ${esc(r.period)}`, `上报期限 ${esc(d(r.dueAt, tz))}`],
    body,
    footer: `打印于 ${esc(d(now.toISOString(), tz))}`,
  });
}
