import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { newContext, type RunningServer, shot, signIn, startJourney, stopJourney } from './harness.js';

/**
 * The satisfaction and reporting pages with the demo data: the CS supervisor's owner-visit plan,
 * the questionnaire's statistics with its Pareto chart, the monthly reports; a resident answers
 * the questionnaire waiting on their phone.
 */
let server: RunningServer;
let browser: Browser;

before(async () => {
  ({ server, browser } = await startJourney());
});

after(() => stopJourney(server, browser));

/** Nothing on the page says it failed to load. */
async function assertNoLoadError(page: Page): Promise<void> {
  assert.equal(await page.locator('.ant-result-error, .ant-result-500').count(), 0, 'a load error is shown');
}

test('the CS supervisor follows the owner visits, the questionnaire and the monthly reports', async () => {
  const context = await newContext(browser, server.baseUrl, 'desktop');
  const page = await context.newPage();
  await signIn(page, 'yg.cssup');

  await page.goto('/owner-visits');
  await page.getByTestId('owner-visits-page').waitFor();
  await page.getByTestId('owner-visit-plan').waitFor();
  await page.getByTestId('owner-visit-fulfilment').waitFor();
  await page.getByTestId('owner-visit-list').waitFor();
  assert.ok((await page.getByTestId('owner-visit-proposals').innerText()).length > 0);
  await assertNoLoadError(page);
  await shot(page, 'insight-1-owner-visits');

  await page.goto('/questionnaires');
  await page.getByTestId('questionnaire-table').waitFor();
  await page.getByTestId('questionnaire-stats-link').first().click();
  await page.waitForURL('**/questionnaires/*/statistics');
  await page.getByTestId('stats-items').waitFor();
  await page.getByTestId('stats-pareto').waitFor();
  await page.getByTestId('questionnaire-pareto-chart').locator('canvas').first().waitFor();
  assert.match(await page.getByTestId('stats-recovery').innerText(), /%/);
  await assertNoLoadError(page);
  await shot(page, 'insight-2-questionnaire-statistics');

  await page.goto('/reports');
  await page.getByTestId('reports-table').waitFor();
  await page.getByTestId('report-link').first().click();
  await page.getByTestId('report-detail-page').waitFor();
  await page.getByTestId('report-status').waitFor();
  await assertNoLoadError(page);
  await shot(page, 'insight-3-monthly-report');
  await context.close();
});

test('a resident finds the questionnaire on the phone and answers it once', async () => {
  const context = await newContext(browser, server.baseUrl, 'phone');
  const page = await context.newPage();
  // The demo's first households are left unanswered, so their residents find it waiting.
  await page.goto('/m/login');
  await page.getByTestId('resident-phone').locator('input').fill('13800000001');
  await page.getByTestId('request-code').click();
  const code = (await page.getByTestId('demo-code').innerText()).match(/\d{6}/)?.[0];
  assert.ok(code, 'the demo code is shown');
  await page.getByTestId('resident-code').locator('input').fill(code);
  await page.getByTestId('resident-login-submit').click();
  await page.getByTestId('resident-home-page').waitFor();
  await page.getByTestId('my-questionnaires-link').click();
  await page.getByTestId('m-questionnaires-page').waitFor();
  await page.getByTestId('m-questionnaire-card').first().waitFor();
  await assertNoLoadError(page);
  await shot(page, 'insight-4-resident-questionnaire');
  await context.close();
});
