import ExcelJS from 'exceljs';
import type { ArrearsHousehold } from '../../contract/arrears.js';
import { arrearsColumns, type RawArrearsRow } from '../../domain/arrears/import-row.js';
import { invalid } from '../../domain/shared/errors.js';

/** Most rows one import may carry; a bigger list is split by building. */
export const maxImportRows = 5000;

const yuan = (cents: number) => Math.round(cents) / 100;

function headerRow(sheet: ExcelJS.Worksheet, headers: string[]): void {
  const row = sheet.addRow(headers);
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
  sheet.columns.forEach((col) => {
    col.width = 16;
  });
}

/** 欠费导入模板: the columns finance fills in, with one example row. */
export async function arrearsTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('欠费明细');
  headerRow(
    sheet,
    arrearsColumns.map((c) => `${c.zh} ${c.en}`),
  );
  sheet.addRow(['1栋', '1', '101', '', '张伟', '物业费', '2026-10', 356.5]);
  sheet.addRow(['', '', '', '2栋-2-602', '李娜', '水费', '2026-10', 88]);
  const notes = wb.addWorksheet('说明');
  for (const line of [
    '每行一户一项费用一个期间。填写“楼栋、单元、房号”，或只填“房间编码”（楼栋-单元-房号）。',
    '所属期间写作 2026-10（按月）或 2026（按年）；欠费金额以元为单位，最多两位小数。',
    '同一房号、费用类型和期间再次导入时更新金额，不会重复。',
    'One row per household, fee and period. Give building, unit and room, or a room code (building-unit-room).',
    'Period as 2026-10 (month) or 2026 (year); amount in yuan with at most 2 decimals.',
    'Importing the same room, fee type and period again updates the amount instead of adding a row.',
  ]) {
    notes.addRow([line]);
  }
  notes.getColumn(1).width = 110;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Which column holds what: by the header's words (Chinese or English), else the template's order. */
function columnMap(header: ExcelJS.Row): Map<keyof RawArrearsRow, number> {
  const map = new Map<keyof RawArrearsRow, number>();
  header.eachCell((cell, col) => {
    const text = String(cell.text ?? '').toLowerCase();
    // Longer names first, so "房间编码" is not taken for "房号".
    const found = [...arrearsColumns]
      .sort((a, b) => b.zh.length - a.zh.length)
      .find((c) => text.includes(c.zh.replace(/（.*）/, '')) || text.includes(c.en.toLowerCase()));
    if (found && !map.has(found.key)) map.set(found.key, col);
  });
  if (map.size < 4) {
    for (const [i, c] of arrearsColumns.entries()) map.set(c.key, i + 1);
  }
  return map;
}

/** Reads the first sheet of an .xlsx into rows numbered as the spreadsheet numbers them. */
export async function readArrearsWorkbook(bytes: Uint8Array): Promise<{ row: number; raw: RawArrearsRow }[]> {
  const bad = invalid(
    'bad_file',
    { zh: '无法读取文件，请使用 .xlsx 格式（可下载模板）', en: 'The file could not be read: use .xlsx (download the template)' },
    [{ field: 'file', message: { zh: '请上传 .xlsx 文件', en: 'Upload an .xlsx file' } }],
  );
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw bad;
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw bad;
  const cols = columnMap(sheet.getRow(1));
  const out: { row: number; raw: RawArrearsRow }[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const raw: RawArrearsRow = {};
    for (const [key, col] of cols) {
      const v = r.getCell(col).value;
      raw[key] = v instanceof Date || typeof v === 'number' ? v : v === null || v === undefined ? '' : r.getCell(col).text;
    }
    out.push({ row: n, raw });
  });
  if (out.length > maxImportRows) {
    throw invalid('too_many_rows', { zh: `一次最多导入${maxImportRows}行`, en: `At most ${maxImportRows} rows per import` }, [
      { field: 'file', message: { zh: `一次最多导入${maxImportRows}行`, en: `At most ${maxImportRows} rows per import` } },
    ]);
  }
  return out;
}

const statusZh: Record<string, string> = { unassigned: '未分派', chasing: '催缴中', paid: '已缴清' };

/** 欠费清单导出: the households as listed (with the filters applied) and their lines in the import layout. */
export async function arrearsWorkbook(
  households: ArrearsHousehold[],
  lines: {
    location: { building: string; unit: string; number: string };
    ownerName: string;
    feeType: string;
    period: string;
    outstandingCents: number;
  }[],
  formatDate: (iso: string | null) => string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('欠费户');
  headerRow(sheet, [
    '楼栋 Building',
    '单元 Unit',
    '房号 Room',
    '业主 Owner',
    '欠费合计 Owed',
    '已缴 Paid',
    '未缴 Outstanding',
    '状态 Status',
    '负责客服 Clerk',
    '最近催缴 Last chase',
    '下次催缴 Next chase',
  ]);
  for (const h of households) {
    sheet.addRow([
      h.buildingName,
      h.unit,
      h.number,
      h.ownerName,
      yuan(h.owedCents),
      yuan(h.paidCents),
      yuan(h.outstandingCents),
      `${statusZh[h.status] ?? h.status} ${h.status}`,
      h.clerkName ?? '',
      formatDate(h.lastChasedAt),
      formatDate(h.nextChaseDueAt),
    ]);
  }
  const total = sheet.addRow(['合计 Total', '', '', '', '', '', yuan(households.reduce((s, h) => s + h.outstandingCents, 0))]);
  total.font = { bold: true };
  for (const col of [5, 6, 7]) sheet.getColumn(col).numFmt = '#,##0.00';
  const detail = wb.addWorksheet('欠费明细');
  headerRow(
    detail,
    arrearsColumns.map((c) => `${c.zh} ${c.en}`),
  );
  for (const l of lines) {
    detail.addRow([
      l.location.building,
      l.location.unit,
      l.location.number,
      '',
      l.ownerName,
      l.feeType,
      l.period,
      yuan(l.outstandingCents),
    ]);
  }
  detail.getColumn(8).numFmt = '#,##0.00';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
