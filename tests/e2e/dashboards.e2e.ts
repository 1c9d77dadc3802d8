import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { newContext, type RunningServer, shot, signIn, startJourney, stopJourney } from './harness.js';

/**
 * The dashboards with the demo data: the community director opens the community dashboard, the
 * general manager the company's; the charts draw on canvas and a chart's figures download as .xlsx.
 */
let server: RunningServer;
let browser: Browser;

before(async () => {
  ({ server, browser } = await startJourney());
});

after(() => stopJourney(server, browser));

/** Whether a chart drew something: its canvas exists and has painted pixels. */
async function assertChartDrawn(page: Page, testId: string): Promise<void> {
  const chart = page.getByTestId(testId);
  await chart.locator('canvas').first().waitFor();
  const points = Number(await chart.getAttribute('data-points'));
  assert.ok(points > 0, `${testId} has no data`);
  await page.waitForFunction((id) => {
    const canvas = document.querySelector(`[data-testid="${id}"] canvas`) as HTMLCanvasElement | null;
    if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
    const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    if (!pixels) return false;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) return true;
    return false;
  }, testId);
}

test('the community director sees the community dashboard drawn and downloads a chart as Excel', async () => {
  const context = await newContext(browser, server.baseUrl, 'desktop');
  const page = await context.newPage();
  await signIn(page, 'yg.director');
  await page.getByTestId('nav-dashboards').click();
  await page.waitForURL('**/dashboards');
  await page.getByTestId('dashboard-preset').getByText('近30天').click();
  await page.getByTestId('dashboard-period').waitFor();
  await assertChartDrawn(page, 'dashboard-chart-daily');
  await assertChartDrawn(page, 'dashboard-chart-categories');
  await assertChartDrawn(page, 'dashboard-chart-durations');
  await assertChartDrawn(page, 'dashboard-chart-technicians');
  assert.equal(await page.getByTestId('nav-dashboards-company').count(), 0);
  await shot(page, 'dashboards-community');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-download-categories').click()]);
  const dir = mkdtempSync(path.join(tmpdir(), 'propdesk-dashboard-'));
  try {
    const file = path.join(dir, 'categories.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    assert.deepEqual(
      book.worksheets.map((s) => s.name),
      ['报修类别'],
    );
    const sheet = book.worksheets[0]!;
    assert.equal(sheet.getRow(1).getCell(1).value, '类别');
    assert.ok(sheet.rowCount > 1, 'the sheet has the chart’s rows');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await context.close();
});

test('the general manager compares every community on the company dashboard', async () => {
  const context = await newContext(browser, server.baseUrl, 'desktop');
  const page = await context.newPage();
  await signIn(page, 'gm');
  await page.getByTestId('nav-dashboards-company').click();
  await page.waitForURL('**/dashboards/company');
  await page.getByTestId('dashboard-preset').getByText('近30天').click();
  await page.getByTestId('dashboard-period').waitFor();
  await assertChartDrawn(page, 'dashboard-chart-communities');
  await assertChartDrawn(page, 'dashboard-chart-daily');
  const rows = page.getByTestId('dashboard-communities-table').locator('tbody tr.ant-table-row');
  assert.equal(await rows.count(), 2);
  await shot(page, 'dashboards-company');
  await context.close();
});
