import ExcelJS from 'exceljs';
import type { DashboardPanel, DashboardView } from '../../contract/dashboard.js';
import type { Deps, Principal } from '../context.js';
import { type DashboardPeriod, dashboardPanelOf } from './query-dashboard.js';

export type ExportLanguage = 'zh-CN' | 'en';
type Text = { zh: string; en: string };
type Cell = string | number | null;

/** The sheet of each chart: its name and columns, in the reader's language. */
const sheets: Record<DashboardPanel, { title: Text; columns: Text[] }> = {
  daily: {
    title: { zh: '每日报修与投诉', en: 'Orders and complaints per day' },
    columns: [
      { zh: '日期', en: 'Date' },
      { zh: '报修单', en: 'Repair orders' },
      { zh: '投诉', en: 'Complaints' },
    ],
  },
  categories: {
    title: { zh: '报修类别', en: 'Orders by category' },
    columns: [
      { zh: '类别', en: 'Category' },
      { zh: '报修单', en: 'Repair orders' },
    ],
  },
  buildings: {
    title: { zh: '报修楼栋', en: 'Orders by building' },
    columns: [
      { zh: '楼栋', en: 'Building' },
      { zh: '报修单', en: 'Repair orders' },
    ],
  },
  technicians: {
    title: { zh: '维修员工作量与评价', en: 'Technician workload and ratings' },
    columns: [
      { zh: '维修员', en: 'Technician' },
      { zh: '在手工单', en: 'Open now' },
      { zh: '已完工', en: 'Completed' },
      { zh: '平均完工时长(分钟)', en: 'Average minutes to complete' },
      { zh: '满意', en: 'Satisfied' },
      { zh: '基本满意', en: 'Basically satisfied' },
      { zh: '不满意', en: 'Unsatisfied' },
      { zh: '满意率(%)', en: 'Satisfaction rate (%)' },
    ],
  },
  durations: {
    title: { zh: '平均处理时长', en: 'Average times' },
    columns: [
      { zh: '环节', en: 'Step' },
      { zh: '平均时长(分钟)', en: 'Average minutes' },
      { zh: '单数', en: 'Orders' },
    ],
  },
  timers: {
    title: { zh: '时限及时率', en: 'On-time rate of each deadline' },
    columns: [
      { zh: '时限', en: 'Deadline' },
      { zh: '及时', en: 'On time' },
      { zh: '超时', en: 'Late' },
      { zh: '及时率(%)', en: 'On-time rate (%)' },
    ],
  },
  rates: {
    title: { zh: '服务指标', en: 'Service rates' },
    columns: [
      { zh: '指标', en: 'Measure' },
      { zh: '数值', en: 'Value' },
    ],
  },
  satisfaction: {
    title: { zh: '回访满意度', en: 'Visit satisfaction' },
    columns: [
      { zh: '评价', en: 'Outcome' },
      { zh: '数量', en: 'Count' },
    ],
  },
  communities: {
    title: { zh: '各小区对比', en: 'Communities compared' },
    columns: [
      { zh: '小区', en: 'Community' },
      { zh: '报修单', en: 'Repair orders' },
      { zh: '投诉', en: 'Complaints' },
      { zh: '户数', en: 'Households' },
      { zh: '投诉率(%)', en: 'Complaint rate (%)' },
      { zh: '投诉率目标(%)', en: 'Complaint rate target (%)' },
      { zh: '应回访', en: 'Visits due' },
      { zh: '已回访', en: 'Visits done' },
      { zh: '回访率(%)', en: 'Visit rate (%)' },
      { zh: '满意率(%)', en: 'Satisfaction rate (%)' },
      { zh: '返修', en: 'Reopened' },
      { zh: '返修率(%)', en: 'Reopen rate (%)' },
      { zh: '平均完工时长(分钟)', en: 'Average minutes to complete' },
    ],
  },
};

const categoryNames: Record<string, Text> = {
  plumbing: { zh: '水', en: 'Plumbing' },
  electrical: { zh: '电', en: 'Electrical' },
  doors_windows: { zh: '门窗', en: 'Doors and windows' },
  appliance: { zh: '家电', en: 'Appliances' },
  equipment: { zh: '设备', en: 'Equipment' },
  public_area: { zh: '公共区域', en: 'Public areas' },
  other: { zh: '其他', en: 'Other' },
};

const stepNames: Record<string, Text> = {
  dispatch: { zh: '派工(抢单)', en: 'Dispatch (grab)' },
  accept: { zh: '接单', en: 'Accept' },
  arrive: { zh: '到场', en: 'Arrive' },
  complete: { zh: '完工', en: 'Complete' },
};

const timerNames: Record<string, Text> = {
  grab_timeout: { zh: '抢单时限', en: 'Grab' },
  accept_timeout: { zh: '接单时限', en: 'Accept' },
  arrival_timeout: { zh: '到场时限', en: 'Arrival' },
  progress_timeout: { zh: '进度催办', en: 'Progress chase' },
  same_day_timeout: { zh: '当日完成', en: 'Same-day completion' },
  quote_timeout: { zh: '报价时限', en: 'Quote' },
  visit_due: { zh: '回访时限', en: 'Follow-up visit' },
};

const rateNames: { key: keyof DashboardView['rates']; name: Text }[] = [
  { key: 'orders', name: { zh: '报修单', en: 'Repair orders' } },
  { key: 'complaints', name: { zh: '投诉', en: 'Complaints' } },
  { key: 'households', name: { zh: '户数', en: 'Households' } },
  { key: 'complaintRate', name: { zh: '投诉率(%)', en: 'Complaint rate (%)' } },
  { key: 'complaintRateTarget', name: { zh: '投诉率目标(%)', en: 'Complaint rate target (%)' } },
  { key: 'visitsDue', name: { zh: '应回访', en: 'Visits due' } },
  { key: 'visitsDone', name: { zh: '已回访', en: 'Visits done' } },
  { key: 'visitRate', name: { zh: '回访率(%)', en: 'Visit rate (%)' } },
  { key: 'satisfactionRate', name: { zh: '满意率(%)', en: 'Satisfaction rate (%)' } },
  { key: 'reopened', name: { zh: '返修', en: 'Reopened orders' } },
  { key: 'reopenRate', name: { zh: '返修率(%)', en: 'Reopen rate (%)' } },
];

const outcomeNames: { key: keyof DashboardView['satisfaction']; name: Text }[] = [
  { key: 'satisfied', name: { zh: '满意', en: 'Satisfied' } },
  { key: 'basicallySatisfied', name: { zh: '基本满意', en: 'Basically satisfied' } },
  { key: 'unsatisfied', name: { zh: '不满意', en: 'Unsatisfied' } },
];

/** The rows of a chart's sheet: exactly the figures the chart draws. */
export function panelRows(panel: DashboardPanel, data: DashboardView[DashboardPanel], lang: ExportLanguage): Cell[][] {
  const say = (t: Text | undefined, fallback: string) => (t ? (lang === 'en' ? t.en : t.zh) : fallback);
  const noBuilding = { zh: '公共区域', en: 'Public areas' };
  switch (panel) {
    case 'daily':
      return (data as DashboardView['daily']).map((d) => [d.date, d.orders, d.complaints]);
    case 'categories':
      return (data as DashboardView['categories']).map((c) => [say(categoryNames[c.key], c.name), c.count]);
    case 'buildings':
      return (data as DashboardView['buildings']).map((b) => [b.key ? b.name : say(noBuilding, ''), b.count]);
    case 'technicians':
      return (data as DashboardView['technicians']).map((t) => [
        t.name,
        t.open,
        t.completed,
        t.averageCompleteMinutes,
        t.ratings.satisfied,
        t.ratings.basicallySatisfied,
        t.ratings.unsatisfied,
        t.satisfactionRate,
      ]);
    case 'durations':
      return (data as DashboardView['durations']).map((d) => [say(stepNames[d.step], d.step), d.averageMinutes, d.count]);
    case 'timers':
      return (data as DashboardView['timers']).map((t) => [say(timerNames[t.kind], t.kind), t.onTime, t.late, t.onTimeRate]);
    case 'rates': {
      const rates = data as DashboardView['rates'];
      return rateNames.map((r) => [say(r.name, r.key), rates[r.key]]);
    }
    case 'satisfaction': {
      const counts = data as DashboardView['satisfaction'];
      return outcomeNames.map((o) => [say(o.name, o.key), counts[o.key]]);
    }
    case 'communities':
      return (data as DashboardView['communities']).map((c) => [
        c.name,
        c.orders,
        c.complaints,
        c.households,
        c.complaintRate,
        c.complaintRateTarget,
        c.visitsDue,
        c.visitsDone,
        c.visitRate,
        c.satisfactionRate,
        c.reopened,
        c.reopenRate,
        c.averageCompleteMinutes,
      ]);
  }
}

/** The sheet's name (also the file's) of a chart in the reader's language. */
export const panelTitle = (panel: DashboardPanel, lang: ExportLanguage): string =>
  lang === 'en' ? sheets[panel].title.en : sheets[panel].title.zh;

/**
 * One chart's data as an .xlsx of one sheet: read through the same scoped query as the chart, so
 * a download never shows more than the dashboard may.
 */
export async function exportDashboardPanel(
  deps: Deps,
  p: Principal,
  panel: DashboardPanel,
  period: DashboardPeriod,
  lang: ExportLanguage,
): Promise<Buffer> {
  const data = await dashboardPanelOf(deps, p, panel, period);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(panelTitle(panel, lang));
  const header = sheet.addRow(sheets[panel].columns.map((c) => (lang === 'en' ? c.en : c.zh)));
  header.font = { bold: true };
  for (const row of panelRows(panel, data, lang)) sheet.addRow(row);
  sheet.columns.forEach((col, i) => {
    col.width = i === 0 ? 22 : 16;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
