import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateRows, isBlankRow, parseAmountCents, parseArrearsRow, parsePeriod, parseRoomCode } from './import-row.js';

const good = { building: '1栋', unit: '1', room: '101', ownerName: '张伟', feeType: '物业费', period: '2026-10', amount: 356.5 };

describe("reading a row of finance's arrears list", () => {
  it('reads building, unit and room, the fee, the period and the amount in cents', () => {
    expect(parseArrearsRow(good, 2)).toEqual({
      ok: {
        row: 2,
        address: { building: '1栋', unit: '1', number: '101' },
        ownerName: '张伟',
        feeType: '物业费',
        period: '2026-10',
        amountCents: 35650,
      },
    });
  });
  it('takes a room code instead of the three columns', () => {
    const r = parseArrearsRow({ ...good, building: '', unit: '', room: '', roomCode: '2栋-2-602室' }, 3);
    expect('ok' in r && r.ok.address).toEqual({ building: '2栋', unit: '2', number: '602' });
  });
  it('reports every problem of a row with its row number, in Chinese and English', () => {
    const r = parseArrearsRow({ building: '1栋', feeType: '', period: '十月', amount: 'abc' }, 7);
    expect('errors' in r && r.errors.map((e) => [e.field, e.code])).toEqual([
      ['room', 'required'],
      ['feeType', 'required'],
      ['period', 'bad_period'],
      ['amount', 'bad_amount'],
    ]);
    expect('errors' in r && r.errors[0]?.message.zh.startsWith('第7行')).toBe(true);
    expect('errors' in r && r.errors[0]?.message.en.startsWith('Row 7')).toBe(true);
  });
  it('refuses a room code that is not building-unit-room', () => {
    const r = parseArrearsRow({ ...good, building: '', roomCode: '1栋101' }, 4);
    expect('errors' in r && r.errors[0]?.code).toBe('bad_room');
  });
  it('skips blank lines', () => {
    expect(isBlankRow({ building: ' ', amount: null })).toBe(true);
    expect(isBlankRow(good)).toBe(false);
  });
});

describe('amounts and periods as people type them', () => {
  it('reads yuan with separators and a currency sign, refuses zero, negatives, fractions of a fen', () => {
    expect(parseAmountCents('¥1,234.50')).toBe(123450);
    expect(parseAmountCents('88元')).toBe(8800);
    // A computed spreadsheet cell carries float noise: read to the nearest fen.
    expect(parseAmountCents(0.1 + 0.2)).toBe(30);
    expect(parseAmountCents(1.234)).toBeNull();
    expect(parseAmountCents(0)).toBeNull();
    expect(parseAmountCents('-5')).toBeNull();
    expect(parseAmountCents('1.234')).toBeNull();
    expect(parseAmountCents(1e12)).toBeNull();
  });
  it('reads any whole-cent amount back exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9_999_999_999 }), (cents) => parseAmountCents((cents / 100).toFixed(2)) === cents));
  });
  it('reads months and years in the usual spellings', () => {
    expect(['2026-10', '2026/10', '2026.10', '2026年10月', '202610', '2026-1'].map(parsePeriod)).toEqual([
      '2026-10',
      '2026-10',
      '2026-10',
      '2026-10',
      '2026-10',
      '2026-01',
    ]);
    expect(parsePeriod('2026年')).toBe('2026');
    expect(parsePeriod(new Date(Date.UTC(2026, 9, 1)))).toBe('2026-10');
    expect(parsePeriod('2026-13')).toBeNull();
  });
  it('splits room codes on dashes, slashes or spaces', () => {
    expect(parseRoomCode('A座 2 301')).toEqual({ building: 'A座', unit: '2', number: '301' });
    expect(parseRoomCode('1/1单元/101')).toEqual({ building: '1', unit: '1', number: '101' });
    expect(parseRoomCode('101')).toBeNull();
  });
});

describe('duplicate rows in one file', () => {
  it('keeps the first and reports each later row naming the same room, fee and period', () => {
    const rows = [
      { row: 2, room: 'r1', feeType: '物业费', period: '2026-10' },
      { row: 3, room: 'r1', feeType: '水费', period: '2026-10' },
      { row: 4, room: 'r1', feeType: '物业费', period: '2026-10' },
    ];
    const { unique, errors } = duplicateRows(rows, (r) => r.room);
    expect(unique.map((r) => r.row)).toEqual([2, 3]);
    expect(errors.map((e) => [e.row, e.code])).toEqual([[4, 'duplicate_row']]);
    expect(errors[0]?.message.zh).toContain('与第2行重复');
  });
});
