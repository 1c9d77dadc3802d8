import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { newContext, type RunningServer, shot, signIn, startJourney, stopJourney } from './harness.js';

/**
 * One repair told across the people who handle it, each in their own browser: the clerk records
 * it at the desk, the resident follows it on the phone, the engineering supervisor watches the
 * dispatch board, the technician grabs and works it on the phone, the admin reads the texted
 * code, the resident confirms, and the clerk's follow-up visit closes it.
 */
let server: RunningServer;
let browser: Browser;

before(async () => {
  ({ server, browser } = await startJourney());
});

after(() => stopJourney(server, browser));

/** Clicks an action; when it opens a form, fills what `fill` says and submits it. */
async function act(page: Page, action: string, fill?: () => Promise<void>): Promise<void> {
  await page.getByTestId(`action-${action}`).first().click();
  const submit = page.getByTestId(`submit-${action}`);
  if (fill || (await submit.isVisible({ timeout: 1500 }).catch(() => false))) {
    await fill?.();
    await submit.click();
  }
}

async function statusOf(page: Page): Promise<string | null> {
  return page.getByTestId('status-tag').first().getAttribute('data-status');
}

async function expectStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid=status-tag][data-status="${status}"]`).first().waitFor();
  assert.equal(await statusOf(page), status);
}

test('a repair from the desk to a satisfied visit, across five people in their own browsers', async () => {
  const clerk = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  const resident = await (await newContext(browser, server.baseUrl, 'phone')).newPage();
  const supervisor = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  const technician = await (await newContext(browser, server.baseUrl, 'phone')).newPage();
  const admin = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();

  // The clerk finds the room and records the repair.
  await signIn(clerk, 'yg.clerk');
  await clerk.getByTestId('front-desk-page').waitFor();
  await shot(clerk, '01-clerk-front-desk');
  await clerk.getByTestId('new-order').click();
  await clerk.getByTestId('new-order-page').waitFor();
  await clerk.getByTestId('room-search').fill('1栋');
  await clerk.getByTestId('room-find').click();
  await clerk.getByTestId('pick-resident').first().click();
  await clerk.getByTestId('picked-room').waitFor();
  const phone = await clerk.getByTestId('field-reporter-phone').inputValue();
  assert.match(phone, /^1\d{10}$/);
  await clerk.getByTestId('field-content').fill('卫生间洗手盆下水管漏水，地面有积水');
  await shot(clerk, '02-clerk-new-repair');
  await clerk.getByTestId('submit-create-order').click();
  await clerk.getByTestId('order-detail-page').waitFor();
  const number = (await clerk.getByTestId('order-number').first().innerText()).trim();
  assert.match(number, /^YG-\d{8}-\d{4}$/);
  await expectStatus(clerk, 'open');
  await shot(clerk, '03-clerk-order-detail');

  // The resident signs in with a one-time code and sees the order.
  await resident.goto('/m/login');
  await resident.getByTestId('resident-phone').locator('input').fill(phone);
  await resident.getByTestId('request-code').click();
  const demo = await resident.getByTestId('demo-code').innerText();
  const loginCode = demo.match(/\d{6}/)?.[0];
  assert.ok(loginCode, `demo code shown: ${demo}`);
  await resident.getByTestId('resident-code').locator('input').fill(loginCode);
  await resident.getByTestId('resident-login-submit').click();
  await resident.getByTestId('resident-home-page').waitFor();
  const myCard = resident.locator(`[data-testid=order-card][data-order-number="${number}"]`);
  await myCard.waitFor();
  await shot(resident, '04-resident-home');

  // The supervisor sees it unassigned on the dispatch board.
  await signIn(supervisor, 'yg.engsup');
  await supervisor.goto('/dispatch');
  await supervisor.getByTestId('column-unassigned').locator(`[data-testid=board-order][data-order-number="${number}"]`).waitFor();
  await shot(supervisor, '05-supervisor-dispatch-board');

  // The technician grabs it from the pool on the phone.
  await signIn(technician, 'yg.tech1');
  await technician.getByTestId('tech-home-page').waitFor();
  const poolCard = technician.locator(`[data-testid=order-card][data-order-number="${number}"]`);
  await poolCard.waitFor();
  await shot(technician, '06-technician-pool');
  await poolCard.getByTestId('action-grab').click();
  // The dispatch board moves it out of "unassigned" by itself (live update), onto the technician's card.
  await supervisor
    .locator('[data-testid=technician-card][data-technician="李师傅"]')
    .locator(`[data-testid=board-order][data-order-number="${number}"]`)
    .waitFor();
  // A grab opens the order.
  await technician.getByTestId('order-detail-page').waitFor();
  await expectStatus(technician, 'accepted');
  await act(technician, 'set-off');
  await expectStatus(technician, 'on_the_way');
  await act(technician, 'arrive');
  await expectStatus(technician, 'arrived');

  // The code the resident was texted: the admin reads it in the SMS outbox.
  await signIn(admin, 'admin');
  await admin.goto('/admin/outbox');
  const message = admin.getByTestId('outbox-body').filter({ hasText: number }).first();
  await message.waitFor();
  const code = (await message.innerText()).match(/验证码(\d{6})/)?.[1];
  assert.ok(code, 'the repair code was texted');
  await shot(admin, '07-admin-sms-outbox');

  // A wrong code is refused; the right one starts the work.
  await technician.getByTestId('action-verify-code').click();
  await technician.getByTestId('code-input').click();
  await technician.keyboard.type(code === '000000' ? '111111' : '000000');
  await technician.getByTestId('submit-verify-code').click();
  await technician
    .getByText(/验证码不正确/)
    .first()
    .waitFor();
  await expectStatus(technician, 'arrived');
  // The code sheet stays open for another try.
  await technician.getByTestId('code-input').click();
  await technician.keyboard.type(code);
  await technician.getByTestId('submit-verify-code').click();
  await expectStatus(technician, 'in_progress');
  await act(technician, 'record-work', async () => {
    await technician.getByTestId('field-actual-items').locator('textarea, input').first().fill('更换洗手盆下水管及密封圈');
    await technician.getByTestId('field-labour-fee').locator('input').fill('30');
    await technician.getByTestId('field-material-fee').locator('input').fill('15.5');
  });
  await technician.locator('[data-testid=timeline-item][data-event-type=WorkRecorded]').first().waitFor({ state: 'attached' });
  await act(technician, 'complete', async () => {
    await technician.getByTestId('field-summary').locator('textarea, input').first().fill('已更换下水管，试水无渗漏');
  });
  await expectStatus(technician, 'completed');
  await shot(technician, '08-technician-order');

  // The resident confirms on the phone; the fee shows as owed.
  await resident.reload();
  await resident.locator(`[data-testid=order-card][data-order-number="${number}"]`).getByTestId('order-card-open').click();
  await resident.getByTestId('order-detail-page').waitFor();
  await expectStatus(resident, 'completed');
  await act(resident, 'confirm');
  await expectStatus(resident, 'confirmed');
  await shot(resident, '09-resident-confirmed');

  // The clerk's follow-up visit closes it.
  await clerk.goto('/visits');
  const row = clerk.locator(`[data-testid=visit-row][data-order-number="${number}"]`);
  await row.waitFor();
  await shot(clerk, '10-clerk-visits');
  await row.getByTestId('action-visit').click();
  await clerk.getByTestId('field-outcome').getByText('满意', { exact: true }).click();
  // The visit checks the charge with the resident too.
  await clerk.getByTestId('field-charge-check').getByText('收费无误', { exact: true }).click();
  await clerk.getByTestId('field-comment').fill('业主对维修结果满意');
  await clerk.getByTestId('submit-visit').click();
  await clerk.goto('/desk');
  await clerk.getByTestId('view-filter').getByText('全部工单').click();
  await clerk.getByTestId('order-search').locator('input').fill(number);
  await clerk.getByTestId('order-search').locator('input').press('Enter');
  await clerk.locator(`[data-testid=order-row][data-order-number="${number}"]`).getByTestId('order-link').click();
  await expectStatus(clerk, 'closed');
  await clerk.locator('[data-testid=timeline-item][data-event-type=VisitRecorded]').first().waitFor({ state: 'attached' });
  const events = await clerk.getByTestId('timeline-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-event-type')));
  for (const type of [
    'OrderCreated',
    'OrderGrabbed',
    'TechnicianArrived',
    'CodeRejected',
    'CodeVerified',
    'OrderCompleted',
    'CompletionConfirmed',
    'VisitRecorded',
  ]) {
    assert.ok(events.includes(type), `timeline has ${type}: ${events.join(', ')}`);
  }
  // Paid at the cashier, never to the technician: until then the fee shows as owed.
  assert.match(await clerk.getByTestId('fee-status').first().innerText(), /待缴费/);
  await shot(clerk, '11-clerk-closed-order');

  // The work order prints on A4: three copies, as the work was paid.
  const print = await clerk.context().newPage();
  await print.goto(`/print/repair-orders/${clerk.url().split('/').pop()}`);
  assert.equal(await print.locator('.sheet').count(), 3);
  await shot(print, '12-print-work-order');
});

test("an admin changes a community's grab time in the UI; new orders use it, and the desk speaks English on request", async () => {
  const admin = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  await signIn(admin, 'admin');
  await admin.goto('/admin/policy');
  await admin.getByTestId('policy-page').waitFor();
  await admin.getByTestId('policy-scope').click();
  await admin.locator('.ant-select-item-option').filter({ hasText: '阳光花园' }).click();
  await admin.getByTestId('policy-grabMinutes').fill('8');
  await admin.getByTestId('policy-note').fill('工程部人手调整，抢单时限放宽到8分钟');
  await admin.getByTestId('submit-policy').click();
  await admin.getByTestId('policy-effective-grabMinutes').filter({ hasText: '8' }).waitFor();
  await admin.getByTestId('policy-history').getByText('工程部人手调整').first().waitFor();
  await shot(admin, '13-admin-policy');

  // A new order of that community runs its grab timer on the new number.
  const clerk = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  await signIn(clerk, 'yg.clerk');
  const me = await (await clerk.request.get('/api/me')).json();
  const rooms = await (await clerk.request.get(`/api/rooms?communityId=${me.communityId}&q=2栋`)).json();
  const room = rooms.find((r: { residents: unknown[] }) => r.residents.length > 0);
  const created = await clerk.request.post('/api/repair-orders', {
    data: {
      communityId: me.communityId,
      roomId: room.id,
      reporterName: room.residents[0].name,
      reporterPhone: room.residents[0].phone,
      category: 'electrical',
      area: 'in_home',
      timing: 'immediate',
      content: '客厅插座没电',
    },
  });
  assert.equal(created.status(), 201);
  const order = await created.json();
  const grab = order.timers.find((t: { kind: string }) => t.kind === 'grab_timeout');
  assert.equal((Date.parse(grab.dueAt) - Date.parse(order.createdAt)) / 60_000, 8);

  await clerk.goto('/desk');
  await clerk.getByTestId('lang-switch').click();
  await clerk.getByTestId('side-menu').getByText('Front desk').waitFor();
  await shot(clerk, '14-clerk-front-desk-english');
});
