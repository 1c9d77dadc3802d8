import type { Bilingual } from '../shared/errors.js';

/**
 * One row of finance's arrears list (欠费明细表) as read from a spreadsheet: where (building, unit,
 * room, or one room code), whose, what fee, which period, how much is owed.
 */
export interface RawArrearsRow {
  building?: unknown;
  unit?: unknown;
  room?: unknown;
  roomCode?: unknown;
  ownerName?: unknown;
  feeType?: unknown;
  period?: unknown;
  amount?: unknown;
}

/** A room as the list names it; the commands find it among the community's rooms. */
export interface RoomAddress {
  building: string;
  unit: string;
  number: string;
}

export interface ParsedArrearsRow {
  row: number;
  address: RoomAddress;
  ownerName: string;
  feeType: string;
  /** 'YYYY-MM' for a month, 'YYYY' for a year. */
  period: string;
  amountCents: number;
}

/** Why a row was not imported: its spreadsheet row number, the column, and the reason in both languages. */
export interface RowError {
  row: number;
  field: keyof RawArrearsRow | 'row';
  code: 'required' | 'bad_room' | 'unknown_room' | 'bad_amount' | 'bad_period' | 'too_long' | 'duplicate_row';
  message: Bilingual;
}

/** The columns of the template, in order: the header's Chinese and English names. */
export const arrearsColumns: { key: keyof RawArrearsRow; zh: string; en: string }[] = [
  { key: 'building', zh: '楼栋', en: 'Building' },
  { key: 'unit', zh: '单元', en: 'Unit' },
  { key: 'room', zh: '房号', en: 'Room' },
  { key: 'roomCode', zh: '房间编码', en: 'Room code' },
  { key: 'ownerName', zh: '业主姓名', en: 'Owner' },
  { key: 'feeType', zh: '费用类型', en: 'Fee type' },
  { key: 'period', zh: '所属期间', en: 'Period' },
  { key: 'amount', zh: '欠费金额（元）', en: 'Amount owed (yuan)' },
];

/** Largest amount one row may carry (¥99,999,999.99): anything above is a typing slip. */
const maxAmountCents = 9_999_999_999;

const text = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && v !== null && 'text' in v) return String((v as { text: unknown }).text ?? '').trim();
  if (typeof v === 'object' && v !== null && 'result' in v) return String((v as { result: unknown }).result ?? '').trim();
  return String(v).trim();
};

/** Money in yuan as typed (1234.5, "1,234.50", "¥1234.50") to whole cents; null when it is not a positive amount of at most 2 decimals. */
export function parseAmountCents(v: unknown): number | null {
  const raw =
    typeof v === 'number'
      ? String(v)
      : text(v)
          .replace(/[¥￥,，\s]/g, '')
          .replace(/元$/, '');
  if (!/^\d+(\.\d{1,2})?$/.test(raw) && !(typeof v === 'number' && Number.isFinite(v))) return null;
  const n = Number(raw);
  if (!Number.isFinite(n)) return null;
  const cents = Math.round(n * 100);
  if (Math.abs(n * 100 - cents) > 1e-6 || cents <= 0 || cents > maxAmountCents) return null;
  return cents;
}

/** A period as written ("2026-10", "2026/10", "2026年10月", "202610", "2026", a date cell) to 'YYYY-MM' or 'YYYY'; null when unreadable. */
export function parsePeriod(v: unknown): string | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) {
    return `${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, '0')}`;
  }
  const s = text(v).replace(/\s/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}` : null;
  }
  m = /^(\d{4})年?$/.exec(s);
  return m ? m[1]! : null;
}

/** A room code ("1栋-1-101", "1/1/101", "A座 2 301") split into building, unit and room. */
export function parseRoomCode(v: unknown): RoomAddress | null {
  const parts = text(v)
    .split(/[-/\s_—]+/)
    .filter(Boolean);
  if (parts.length !== 3) return null;
  const [building, unit, number] = parts as [string, string, string];
  return { building, unit: unit.replace(/单元$/, ''), number: number.replace(/室$/, '') };
}

/**
 * Reads one spreadsheet row: either a clean row or every reason it cannot be imported. The room is
 * only named here; whether it exists is for the caller, who knows the community's rooms.
 */
export function parseArrearsRow(raw: RawArrearsRow, row: number): { ok: ParsedArrearsRow } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const err = (field: RowError['field'], code: RowError['code'], zh: string, en: string) =>
    errors.push({ row, field, code, message: { zh: `第${row}行：${zh}`, en: `Row ${row}: ${en}` } });

  let address: RoomAddress | null = null;
  const building = text(raw.building);
  const unit = text(raw.unit).replace(/单元$/, '');
  const number = text(raw.room).replace(/室$/, '');
  if (building && unit && number) address = { building, unit, number };
  else if (text(raw.roomCode)) {
    address = parseRoomCode(raw.roomCode);
    if (!address) err('roomCode', 'bad_room', '房间编码应为“楼栋-单元-房号”', 'the room code must read building-unit-room');
  } else err('room', 'required', '请填写楼栋、单元、房号或房间编码', 'give building, unit and room, or a room code');

  const ownerName = text(raw.ownerName);
  if (ownerName.length > 50) err('ownerName', 'too_long', '业主姓名过长', 'the owner name is too long');
  const feeType = text(raw.feeType);
  if (!feeType) err('feeType', 'required', '请填写费用类型', 'the fee type is missing');
  else if (feeType.length > 30) err('feeType', 'too_long', '费用类型过长', 'the fee type is too long');
  const period = parsePeriod(raw.period);
  if (!period) err('period', 'bad_period', '所属期间应为“2026-10”或“2026”', 'the period must read 2026-10 or 2026');
  const amountCents = parseAmountCents(raw.amount);
  if (amountCents === null)
    err('amount', 'bad_amount', '欠费金额应为大于0、最多两位小数的数字', 'the amount must be a number above 0 with at most 2 decimals');

  if (errors.length > 0 || !address || !period || amountCents === null) return { errors };
  return { ok: { row, address, ownerName, feeType, period, amountCents } };
}

/** Whether a row carries nothing at all (blank lines between blocks are skipped, not reported). */
export const isBlankRow = (raw: RawArrearsRow): boolean => Object.values(raw).every((v) => text(v) === '');

/**
 * The same room, fee and period twice in one file: the first stands, every later one is reported.
 * `roomKey` says which rows name the same room (after the caller found it).
 */
export function duplicateRows<T extends { row: number; feeType: string; period: string }>(
  rows: T[],
  roomKey: (r: T) => string,
): { unique: T[]; errors: RowError[] } {
  const seen = new Map<string, number>();
  const unique: T[] = [];
  const errors: RowError[] = [];
  for (const r of rows) {
    const key = `${roomKey(r)}|${r.feeType}|${r.period}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        row: r.row,
        field: 'row',
        code: 'duplicate_row',
        message: {
          zh: `第${r.row}行：与第${first}行重复（同一房号、费用类型和期间）`,
          en: `Row ${r.row}: repeats row ${first} (same room, fee type and period)`,
        },
      });
    } else {
      seen.set(key, r.row);
      unique.push(r);
    }
  }
  return { unique, errors };
}

/** The error of a row whose room the community does not have. */
export const unknownRoom = (row: number, a: RoomAddress): RowError => ({
  row,
  field: 'room',
  code: 'unknown_room',
  message: {
    zh: `第${row}行：本小区没有房间 ${a.building}${a.unit}单元${a.number}室`,
    en: `Row ${row}: this community has no room ${a.building} unit ${a.unit} room ${a.number}`,
  },
});
