import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { newContext, type RunningServer, shot, signIn, startJourney, stopJourney } from './harness.js';

/**
 * The admin's policy editor covers every section: a community's complaint contact limit is
 * changed on its own tab, the repair setting saved before stays, a nested visit window and a home
 * visit hour are set, a cleared value falls back, and the history names each change.
 */
let server: RunningServer;
let browser: Browser;

before(async () => {
  ({ server, browser } = await startJourney());
});

after(() => stopJourney(server, browser));

async function saveWith(page: Page, note: string): Promise<void> {
  await page.getByTestId('policy-note').fill(note);
  await page.getByTestId('submit-policy').click();
}

test("an admin changes a community's complaint numbers on their own tab; other sections stay, history names the fields", async () => {
  const admin = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  await signIn(admin, 'admin');
  await admin.goto('/admin/policy');
  await admin.getByTestId('policy-page').waitFor();
  await admin.getByTestId('policy-scope').click();
  await admin.locator('.ant-select-item-option').filter({ hasText: '阳光花园' }).click();
  await admin.waitForURL(/scope=/);
  const communityId = new URL(admin.url()).searchParams.get('scope');
  assert.ok(communityId);

  // A repair setting first, on the repair tab (the default one).
  await admin.getByTestId('policy-grabMinutes').fill('7');
  await saveWith(admin, '抢单时限调整为7分钟');
  await admin.getByTestId('policy-effective-grabMinutes').filter({ hasText: '7 分钟' }).waitFor();

  // The complaint tab: 2 小时内联系投诉人 becomes 90 minutes for this community.
  await admin.getByTestId('policy-tab-complaint').click();
  await admin.getByTestId('policy-effective-complaint.contactMinutes').filter({ hasText: '120 分钟' }).waitFor();
  await admin.getByTestId('policy-complaint.contactMinutes').fill('90');
  await admin.locator('[data-testid="policy-tab-complaint"][data-dirty="true"]').waitFor();
  await saveWith(admin, '投诉联系时限缩短到90分钟');
  await admin.getByTestId('policy-effective-complaint.contactMinutes').filter({ hasText: '90 分钟' }).waitFor();
  await admin.locator('[data-testid="policy-tab-complaint"][data-dirty="true"]').waitFor({ state: 'detached' });
  const change = admin
    .getByTestId('policy-history')
    .locator('[data-testid="policy-change"][data-field="complaint.contactMinutes"]')
    .first();
  await change.waitFor();
  assert.match(await change.innerText(), /投诉.*投诉联系时限.*90 分钟/);
  await shot(admin, '40-admin-policy-complaint');

  // Saving the complaint tab kept the repair section of the community's override.
  let view = await (await admin.request.get(`/api/policy?communityId=${communityId}`)).json();
  assert.deepEqual(view.communityOverride, { repair: { grabMinutes: 7 }, complaint: { contactMinutes: 90 } });
  assert.equal(view.effective.complaint.contactMinutes, 90);
  assert.equal(view.effective.repair.grabMinutes, 7);

  // The visit tab: a nested window (by ticket kind), a time of day and the sampling duty.
  await admin.getByTestId('policy-tab-visit').click();
  await admin.getByTestId('policy-visit.withinHoursByKind.repair').fill('12');
  await admin.getByTestId('policy-visit.homeVisitLatest').fill('21:00');
  await admin.getByTestId('policy-visit.samplingPercent.office').fill('8');
  await saveWith(admin, '回访时限与上门时段调整');
  await admin.getByTestId('policy-effective-visit.withinHoursByKind.repair').filter({ hasText: '12 小时' }).waitFor();
  await admin.getByTestId('policy-effective-visit.homeVisitLatest').filter({ hasText: '21:00' }).waitFor();
  await admin.getByTestId('policy-effective-visit.samplingPercent.office').filter({ hasText: '8%' }).waitFor();
  await shot(admin, '41-admin-policy-visit');

  // Clearing a value removes it: the community inherits the default again.
  await admin.getByTestId('policy-tab-complaint').click();
  await admin.getByTestId('policy-complaint.contactMinutes').fill('');
  await saveWith(admin, '恢复投诉联系时限');
  await admin.getByTestId('policy-effective-complaint.contactMinutes').filter({ hasText: '120 分钟' }).waitFor();
  view = await (await admin.request.get(`/api/policy?communityId=${communityId}`)).json();
  assert.deepEqual(view.communityOverride, {
    repair: { grabMinutes: 7 },
    visit: { withinHoursByKind: { repair: 12 }, homeVisitLatest: '21:00', samplingPercent: { office: 8 } },
  });
  assert.deepEqual(view.effective.visit.withinHoursByKind, { repair: 12, complaint: 168, matter: 168 });
  await admin.getByTestId('policy-history').getByText('已清除').first().waitFor();

  // The time zone: a select of IANA zones, Asia/Shanghai first.
  await admin.getByTestId('policy-tab-timezone').click();
  await admin.getByTestId('policy-timezone').click();
  const first = admin.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
  assert.match(await first.innerText(), /Asia\/Shanghai/);
  await admin.keyboard.type('Hong_Kong');
  await admin.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Asia/Hong_Kong' }).first().click();
  await saveWith(admin, '按香港时间计算');
  await admin.getByTestId('policy-effective-timezone').filter({ hasText: 'Asia/Hong_Kong' }).waitFor();
  await shot(admin, '42-admin-policy-history');

  // The same page in English.
  await admin.getByTestId('lang-switch').click();
  await admin.getByTestId('policy-tab-complaint').filter({ hasText: 'Complaints' }).click();
  await admin.getByTestId('policy-row-complaint.contactMinutes').getByText('Contact the complainant within').waitFor();
  await shot(admin, '43-admin-policy-english');
  await admin.getByTestId('policy-tab-matter').click();
  await admin.getByTestId('policy-row-matter.completionEscalationChain').getByText('Late completion chain').waitFor();
  await shot(admin, '44-admin-policy-matters-english');
});
