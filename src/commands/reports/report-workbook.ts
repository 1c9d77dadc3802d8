import ExcelJS from 'exceljs';
import type { ReportDetail } from '../../contract/reports.js';
import { channelLabels, classLabels, departmentLabels, label, methodLabels, percent, statusLabels } from './labels.js';

function headerRow(sheet: ExcelJS.Worksheet, headers: string[]): void {
  const row = sheet.addRow(headers);
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
}

/** Label–value rows, the way the paper form lists its figures. */
function pairs(sheet: ExcelJS.Worksheet, rows: [string, string | number][]): void {
  for (const [k, v] of rows) sheet.addRow([k, v]);
  sheet.getColumn(1).width = 34;
  sheet.getColumn(2).width = 24;
}

/**
 * 部门客户投诉工作月报 (or the owner-visit summary) as an .xlsx: the figures on the first sheet,
 * the month's complaints and the case analysis on the next ones.
 */
export async function reportWorkbook(r: ReportDetail, formatDate: (iso: string | null) => string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const head: [string, string | number][] = [
    ['管理处 Community', r.communityName],
    ['月份 Month', r.period],
    ['状态 Status', label(statusLabels, r.status)],
    ['上报期限 Due', formatDate(r.dueAt)],
    ['逾期 Overdue', r.isOverdue ? '是 Yes' : '否 No'],
    ['上报 Submitted', `${formatDate(r.submittedAt)} ${r.submittedByName ?? ''}`.trim()],
    ['签收 Received', `${formatDate(r.receivedAt)} ${r.receivedByName ?? ''}`.trim()],
  ];
  const f = r.complaintFigures;
  if (f) {
    const sheet = wb.addWorksheet('投诉月报');
    pairs(sheet, [
      ...head,
      ['入住户数 Households', f.households],
      ['受理投诉 Received', f.received],
      ...(Object.entries(f.byClass).map(([k, n]) => [label(classLabels, k), n]) as [string, number][]),
      ['集体投诉户数 Collective households', f.collectiveHouseholds],
      ['按时处理 Answered on time', f.answeredOnTime],
      ['超时处理 Answered late', f.answeredLate],
      ['未处理完 Still open', f.open],
      ['处理及时率 On-time rate', percent(f.onTimeRatePercent)],
      ['平均处理时长(小时) Average handling (h)', f.averageHandlingHours ?? '—'],
      ['回访满意 Satisfied', f.satisfaction.satisfied],
      ['回访基本满意 Basically satisfied', f.satisfaction.basicallySatisfied],
      ['回访不满意 Unsatisfied', f.satisfaction.unsatisfied],
      ['未回访 Not visited', f.satisfaction.notVisited],
      ['满意率 Satisfaction rate', percent(f.satisfaction.ratePercent)],
      ['投诉率 Complaint rate', percent(f.complaintRatePercent)],
      ['目标投诉率 Target rate', `< ${f.targetRatePercent}%`],
      ['达标 Within target', f.isWithinTarget === null ? '—' : f.isWithinTarget ? '是 Yes' : '否 No'],
      ['重复投诉 Repeat complaints', f.repeat],
    ]);
    sheet.addRow([]);
    headerRow(sheet, ['投诉渠道 Channel', '件数 Count']);
    for (const c of f.byChannel) sheet.addRow([label(channelLabels, c.key), c.count]);
    sheet.addRow([]);
    headerRow(sheet, ['责任部门 Department', '件数 Count']);
    for (const d of f.byDepartment) sheet.addRow([label(departmentLabels, d.key), d.count]);

    const list = wb.addWorksheet('投诉明细');
    headerRow(list, [
      '编号 No.',
      '受理时间 Received',
      '类别 Class',
      '渠道 Channel',
      '部门 Department',
      '状态 Status',
      '超时 Late',
      '重复 Repeat',
      '内容 Content',
    ]);
    for (const c of f.complaints) {
      list.addRow([
        c.number,
        formatDate(c.createdAt),
        label(classLabels, c.complaintClass ?? 'unclassified'),
        label(channelLabels, c.channel),
        label(departmentLabels, c.department ?? 'unassigned'),
        c.status,
        c.isLate ? '是' : '',
        c.isRepeat ? '是' : '',
        c.content,
      ]);
    }
    list.columns.forEach((col) => {
      col.width = 16;
    });
    list.getColumn(9).width = 60;

    const cases = wb.addWorksheet('案例分析');
    cases.addRow(['情况说明 Summary', r.analysis.summary]);
    headerRow(cases, ['投诉编号 Complaint', '案例 Case', '原因分析 Cause', '纠正措施 Corrective action', '预防措施 Preventive action']);
    const numbers = new Map(f.complaints.map((c) => [c.id, c.number]));
    for (const c of r.analysis.cases) {
      cases.addRow([c.complaintId ? (numbers.get(c.complaintId) ?? '') : '', c.title, c.cause, c.correctiveAction, c.preventiveAction]);
    }
    cases.columns.forEach((col) => {
      col.width = 30;
    });
  }
  const v = r.ownerVisitFigures;
  if (v) {
    const sheet = wb.addWorksheet('业户访问汇总');
    pairs(sheet, [
      ...head,
      ['入住户数 Occupied households', v.occupiedHouseholds],
      ['访问比例 Quota %', `${v.quotaPercent}%`],
      ['应访户数 Quota', v.quota],
      ['已访户数 Households visited', v.householdsVisited],
      ['访问记录 Visits recorded', v.done],
      ['已签名 Signed', v.signed],
      ['拒绝签名 Refused to sign', v.refused],
      ['已预约 Booked', v.booked],
      ['已取消 Cancelled', v.cancelled],
      ['完成率 Fulfilment', `${v.fulfilmentPercent}%`],
      ['完成 Fulfilled', v.isFulfilled ? '是 Yes' : '否 No'],
      ['反映问题 Issues raised', v.issuesRaised],
      ['转报修 To repair orders', v.issuesToRepair],
      ['转投诉 To complaints', v.issuesToComplaint],
    ]);
    sheet.addRow([]);
    headerRow(sheet, ['访问方式 Method', '次数 Count']);
    for (const [k, n] of Object.entries(v.byMethod)) sheet.addRow([label(methodLabels, k), n]);
    const days = wb.addWorksheet('按日 By day');
    headerRow(days, ['日期 Date', '当日 Done', '累计 Cumulative']);
    for (const d of v.byDay) days.addRow([d.date, d.done, d.cumulative]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
