import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { newContext, type RunningServer, shot, signIn, startJourney, stopJourney } from './harness.js';

/**
 * Goods release (物品放行) across the desk, the supervisor, the gate and the security manager: the
 * clerk applies for a household with arrears and is blocked, the CS supervisor allows it, the clerk
 * issues and prints the two-part pass, the guard on a phone looks it up, compares the goods and
 * releases it, a second look-up shows it used, and the day's check lists it.
 */
let server: RunningServer;
let browser: Browser;

before(async () => {
  ({ server, browser } = await startJourney());
});

after(() => stopJourney(server, browser));

/** The demo's first household by phone owes fees (see seed-sample-arrears.ts). */
const householdWithArrears = '13800000001';

async function desk(username: string): Promise<Page> {
  const page = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  await signIn(page, username);
  return page;
}

test('a pass blocked by arrears is allowed, issued, printed, released once at the gate and checked that day', async () => {
  const clerk = await desk('yg.clerk');
  await clerk.goto('/goods-passes');
  await clerk.getByTestId('goods-pass-new').click();
  const room = clerk.getByTestId('goods-pass-room');
  await room.click();
  await room.locator('input').fill(householdWithArrears);
  const option = clerk.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
  await option.waitFor();
  await option.click();
  await clerk.getByTestId('goods-pass-applicant').fill('张伟');
  await clerk.getByTestId('goods-pass-id-last4').fill('123X');
  await clerk.getByTestId('goods-pass-item-name').fill('旧沙发');
  await clerk.getByTestId('goods-pass-add-item').click();
  await clerk.getByTestId('goods-pass-item-name').nth(1).fill('纸箱');
  await clerk.getByTestId('goods-pass-item-quantity').nth(1).fill('6');
  await clerk.getByTestId('goods-pass-carrier').fill('李师傅');
  await clerk.getByTestId('goods-pass-plate').fill('粤B12345');
  await clerk.getByTestId('goods-pass-new-submit').click();
  await clerk.getByTestId('goods-pass-detail-page').waitFor();
  const number = (await clerk.getByTestId('goods-pass-number').innerText()).trim();
  assert.match(number, /^YG-FX-\d{8}-\d{4}$/);
  const passUrl = clerk.url();

  // The household owes: the desk cannot issue.
  await clerk.getByTestId('goods-pass-arrears').filter({ hasText: '欠费' }).waitFor();
  await clerk.getByTestId('goods-pass-action-issue').click();
  await clerk.getByTestId('goods-pass-action-submit').click();
  await clerk.locator('.ant-message-notice').filter({ hasText: '客服主管审批' }).waitFor();
  await shot(clerk, 'goods-pass-1-blocked-by-arrears');
  await clerk.keyboard.press('Escape');

  // The CS supervisor allows it, with a reason on the timeline.
  const supervisor = await desk('yg.cssup');
  await supervisor.goto(new URL(passUrl).pathname);
  await supervisor.getByTestId('goods-pass-action-override').click();
  await supervisor.getByTestId('goods-pass-reason').fill('业主承诺月底前缴清');
  await supervisor.getByTestId('goods-pass-action-submit').click();
  await supervisor.locator('[data-testid=timeline-item][data-event-type=ArrearsOverridden]').waitFor();

  // The clerk issues and prints the two-part pass.
  await clerk.reload();
  await clerk.getByTestId('goods-pass-action-issue').click();
  await clerk.getByTestId('goods-pass-action-submit').click();
  await clerk.locator('[data-testid=goods-pass-status][data-status=issued]').first().waitFor();
  const issuer = (await clerk.getByTestId('goods-pass-issuer').innerText()).trim();
  const [printed] = await Promise.all([clerk.context().waitForEvent('page'), clerk.getByTestId('goods-pass-print').click()]);
  await printed.waitForLoadState();
  const paper = await printed.content();
  for (const text of ['物品放行条', '第一联 客服中心存根', '第二联', '旧沙发', '放行确认', issuer, number])
    assert.ok(paper.includes(text), text);
  await shot(printed, 'goods-pass-2-printed');

  // The guard, on a phone, looks it up, compares the goods and releases it.
  const guard = await (await newContext(browser, server.baseUrl, 'phone')).newPage();
  await signIn(guard, 'yg.guard');
  await guard.goto('/m/gate');
  await guard.getByTestId('gate-search').locator('input').fill(number);
  await guard.getByTestId('gate-lookup').click();
  await guard.locator(`[data-testid=gate-pass][data-verdict=valid][data-number="${number}"]`).waitFor();
  const goods = await guard.getByTestId('gate-item').allInnerTexts();
  assert.ok(goods.some((g) => g.includes('旧沙发')));
  assert.ok(goods.some((g) => g.includes('纸箱') && g.includes('×6')));
  assert.equal((await guard.getByTestId('gate-issuer').innerText()).trim(), issuer);
  await shot(guard, 'goods-pass-3-gate-valid');
  await guard.getByTestId('gate-release').click();
  await guard.locator('[data-testid=gate-pass][data-verdict=used]').waitFor();

  // A second look-up shows it already used.
  await guard.getByTestId('gate-search').locator('input').fill(number.slice(3));
  await guard.getByTestId('gate-lookup').click();
  await guard.locator(`[data-testid=gate-pass][data-verdict=used][data-number="${number}"]`).waitFor();
  assert.match(await guard.getByTestId('gate-verdict').innerText(), /已使用/);
  assert.equal(await guard.getByTestId('gate-release').count(), 0);
  await shot(guard, 'goods-pass-4-gate-used');

  // The security manager's daily check lists it, released, and signs the day off.
  const manager = await desk('yg.security');
  await manager.goto('/goods-passes/review');
  const row = manager.locator(`[data-testid=goods-pass-review-row][data-number="${number}"]`);
  await row.waitFor();
  await row.locator('[data-testid=goods-pass-status][data-status=released]').waitFor();
  await manager.getByTestId('goods-pass-review-mark').click();
  await manager.getByTestId('goods-pass-reviewed').waitFor();
  await shot(manager, 'goods-pass-5-daily-review');
});
