import type { FastifyReply } from 'fastify';

/**
 * One look for every printed form (维修单, 装修许可证, 物品放行条, 工作联系单…): A4, the company and
 * community on top, bordered tables, signature lines, a print button that does not print.
 * Every value passed in must already be escaped with `esc`.
 */

/** Escapes text for HTML; every value a user typed goes through it. */
export const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Money in cents as ¥12.50. */
export const yuan = (cents: number): string => `¥${(cents / 100).toFixed(2)}`;

/** A moment as a short local date and time in the community's time zone ('' when absent). */
export const fmt = (d: Date | null | undefined, timeZone: string): string =>
  d ? new Intl.DateTimeFormat('zh-CN', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(d) : '';

/** A moment as a local date only. */
export const fmtDate = (d: Date | null | undefined, timeZone: string): string =>
  d ? new Intl.DateTimeFormat('zh-CN', { timeZone, dateStyle: 'medium' }).format(d) : '';

/** A table row: one label and value across the width, or two label-value pairs. Values are HTML. */
export const row = (k: string, v: string, k2?: string, v2?: string): string =>
  `<tr><th>${esc(k)}</th><td${k2 ? '' : ' colspan="3"'}>${v}</td>${k2 ? `<th>${esc(k2)}</th><td>${v2 ?? ''}</td>` : ''}</tr>`;

/** Signature lines under a form. */
export const signs = (...labels: string[]): string =>
  `<div class="signs">${labels.map((l) => `<span style="width:${Math.floor(96 / labels.length)}%">${esc(l)}：</span>`).join('')}</div>`;

export interface SheetOptions {
  /** Company and community names, shown as the heading. */
  company: string;
  community: string;
  /** The form's name, Chinese first ('装修许可证 Renovation permit'). */
  title: string;
  /** Number or other identifiers on the right ('编号 No. ZX-…'); already escaped. */
  meta?: string[];
  /** Which copy this is ('第二联 业主'), when the form has several. */
  copy?: string;
  /** The body: tables, paragraphs, signature lines; already escaped. */
  body: string;
  /** The footer line (printed at …). */
  footer?: string;
}

/** One printed sheet of a form. */
export const sheet = (o: SheetOptions): string => `
<section class="sheet">
  <header><h1>${esc(o.company)} · ${esc(o.community)}</h1><h2>${esc(o.title)}</h2>
  <div class="meta"><span>${(o.meta ?? []).join('　')}</span><span>${esc(o.copy ?? '')}</span></div></header>
  ${o.body}
  ${o.footer ? `<footer>${o.footer}</footer>` : ''}
</section>`;

/** The whole printable page around one or more sheets. */
export const printPage = (
  title: string,
  sheets: string[],
): string => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #111; margin: 0; }
.sheet { width: 186mm; min-height: 130mm; margin: 0 auto 8mm; padding: 4mm 0; page-break-after: always; border-bottom: 1px dashed #999; }
.sheet:last-of-type { page-break-after: auto; border-bottom: none; }
header h1 { font-size: 15pt; text-align: center; margin: 0; }
header h2 { font-size: 13pt; text-align: center; margin: 2mm 0; letter-spacing: 2pt; }
.meta { display: flex; justify-content: space-between; font-size: 10pt; margin-bottom: 2mm; }
table { width: 100%; border-collapse: collapse; font-size: 10pt; margin-bottom: 2mm; }
th, td { border: 1px solid #333; padding: 1.6mm 2mm; vertical-align: top; text-align: left; }
th { width: 28mm; background: #f3f3f3; font-weight: 600; white-space: nowrap; }
table.list th { width: auto; }
p.note { font-size: 9.5pt; line-height: 1.6; margin: 2mm 0; }
.signs { display: flex; justify-content: space-between; margin-top: 6mm; font-size: 10pt; }
.signs span { border-bottom: 1px solid #333; padding-bottom: 8mm; }
footer { font-size: 8pt; color: #666; margin-top: 3mm; text-align: right; }
.toolbar { text-align: center; margin: 4mm; }
@media print { .toolbar { display: none; } }
</style></head><body>
<div class="toolbar"><button onclick="window.print()">打印 Print</button></div>
${sheets.join('\n')}
</body></html>`;

/** Sends a printable page: HTML we built, with a policy that lets nothing else run or load. */
export function sendPrintPage(reply: FastifyReply, html: string): FastifyReply {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'self' data:")
    .send(html);
}
