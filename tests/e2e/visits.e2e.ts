import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { newContext, type RunningServer, shot, signIn, startJourney, stopJourney } from './harness.js';

/**
 * Follow-up visits at the desk: an unsatisfied visit reopens the repair, the task comes back in
 * round 2 once it is done again and closes satisfied; a home visit is booked only in visiting
 * hours. The repair's own steps run through the API; the visits through the screens.
 */
let server: RunningServer;
let browser: Browser;

before(async () => {
  ({ server, browser } = await startJourney());
});

after(() => stopJourney(server, browser));

async function post(page: Page, url: string, data: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const res = await page.request.post(url, { data });
  assert.equal(res.status(), url === '/api/repair-orders' ? 201 : 200, `${url}: ${await res.text()}`);
  return res.json();
}

let roomIndex = 0;

/** A new repair of the clerk's community, recorded through the API. */
async function newRepair(clerk: Page, content: string): Promise<{ id: string; number: string }> {
  const me = await (await clerk.request.get('/api/me')).json();
  const rooms = await (await clerk.request.get(`/api/rooms?communityId=${me.communityId}&q=3栋`)).json();
  const occupied = rooms.filter((r: { residents: unknown[] }) => r.residents.length > 0);
  const room = occupied[roomIndex++ % occupied.length];
  const order = await post(clerk, '/api/repair-orders', {
    communityId: me.communityId,
    roomId: room.id,
    reporterName: room.residents[0].name,
    reporterPhone: room.residents[0].phone,
    category: 'electrical',
    area: 'in_home',
    timing: 'immediate',
    content,
  });
  return { id: order.id as string, number: order.number as string };
}

/** The technician does the work and the resident's confirmation is taken by phone: the visit is due. */
async function finish(clerk: Page, tech: Page, id: string, summary: string): Promise<void> {
  await post(tech, `/api/repair-orders/${id}/grab`);
  await post(tech, `/api/repair-orders/${id}/arrive`);
  await post(clerk, `/api/repair-orders/${id}/confirm-by-phone`, { reason: '业主电话核实身份' });
  await post(tech, `/api/repair-orders/${id}/complete`, { summary });
  const confirmed = await post(clerk, `/api/repair-orders/${id}/confirm`, {});
  assert.equal(confirmed.status, 'confirmed');
}

const visitRow = (page: Page, number: string) => page.locator(`[data-testid=visit-row][data-order-number="${number}"]`);

async function pick(page: Page, field: string, text: string): Promise<void> {
  await page.getByTestId(field).getByText(text, { exact: true }).click();
}

test('an unsatisfied visit reopens the repair; done again, it is visited in round 2 and closes satisfied', async () => {
  const clerk = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  const tech = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  await signIn(clerk, 'yg.clerk');
  await signIn(tech, 'yg.tech1');
  const order = await newRepair(clerk, '客厅吸顶灯不亮');
  await finish(clerk, tech, order.id, '更换灯管');

  // The clerk finds the task among those to visit, due in red when late.
  await clerk.getByTestId('side-menu').getByTestId('nav-visits').click();
  await clerk.getByTestId('visits-page').waitFor();
  const row = visitRow(clerk, order.number);
  await row.waitFor();
  assert.equal(await row.getAttribute('data-status'), 'pending');
  assert.equal(await row.getByTestId('visit-due').getAttribute('data-overdue'), 'false');
  await shot(clerk, 'visits-01-to-visit');

  // Unsatisfied: the form asks for the apology before it goes.
  await row.getByTestId('action-visit').click();
  const form = clerk.getByTestId('modal-visit');
  await form.waitFor();
  await pick(clerk, 'field-outcome', '不满意');
  await clerk.getByTestId('unsatisfied-hint').waitFor();
  await pick(clerk, 'field-charge-check', '未收费');
  await clerk.getByTestId('field-comment').fill('业主反映灯还是时亮时不亮');
  await clerk.getByTestId('submit-visit').click();
  await form.getByText('请填写致歉及记录').waitFor();
  await clerk.getByTestId('field-apology').fill('已向业主致歉，安排师傅重新检修线路');
  await shot(clerk, 'visits-02-record-unsatisfied');
  await clerk.getByTestId('submit-visit').click();
  await form.waitFor({ state: 'detached' });

  // The task waits under 重新处理中; the order is open again on its own page.
  await pick(clerk, 'visit-tab', '重新处理中');
  await visitRow(clerk, order.number).locator('[data-testid=visit-status][data-status=reprocessing]').waitFor();
  await visitRow(clerk, order.number).getByTestId('visit-ticket-link').click();
  await clerk.getByTestId('order-detail-page').waitFor();
  await clerk.locator('[data-testid=status-tag][data-status=open]').first().waitFor();
  await clerk.locator('[data-testid=timeline-item][data-event-type=OrderReopened]').first().waitFor({ state: 'attached' });
  await clerk.locator('[data-testid=order-visit][data-status=reprocessing][data-round="1"]').waitFor();
  await shot(clerk, 'visits-03-order-reopened');

  // Reworked and confirmed again: the same task is back to visit, round 2.
  await finish(clerk, tech, order.id, '更换镇流器并检查线路');
  await clerk.goto('/visits');
  const again = visitRow(clerk, order.number);
  await again.locator('[data-testid=visit-round][data-round="2"]').waitFor();
  assert.equal(await again.getAttribute('data-status'), 'pending');
  await shot(clerk, 'visits-04-round-two');

  // Recorded satisfied from the order's own 回访 button: the order closes.
  await again.getByTestId('visit-ticket-link').click();
  await clerk.getByTestId('order-detail-page').waitFor();
  await clerk.locator('[data-testid=status-tag][data-status=confirmed]').first().waitFor();
  await clerk.locator('[data-testid=order-visit][data-status=pending][data-round="2"]').waitFor();
  await clerk.getByTestId('action-buttons').getByTestId('action-visit').click();
  await clerk.getByTestId('modal-visit').waitFor();
  await pick(clerk, 'field-outcome', '满意');
  await pick(clerk, 'field-charge-check', '未收费');
  await clerk.getByTestId('field-comment').fill('业主表示灯已正常，满意');
  await clerk.getByTestId('submit-visit').click();
  await clerk.locator('[data-testid=status-tag][data-status=closed]').first().waitFor();
  await clerk.locator('[data-testid=order-visit][data-status=closed][data-round="2"]').waitFor();
  await shot(clerk, 'visits-05-order-closed');

  // The task's page tells the whole story.
  await clerk.locator('[data-testid=order-visit]').getByTestId('visit-link').click();
  await clerk.getByTestId('visit-detail-page').waitFor();
  const steps = await clerk.getByTestId('visit-step').evaluateAll((items) => items.map((i) => i.getAttribute('data-event-type')));
  assert.deepEqual(steps, ['VisitRecorded', 'ReworkDone', 'VisitRecorded', 'VisitTaskCreated']);
  assert.equal(await clerk.getByTestId('visit-detail-page').getAttribute('data-status'), 'closed');
  await shot(clerk, 'visits-06-task-detail');
});

test('a home visit at 22:30 is refused on the field; booked at 19:30 it is recorded with the refusal to sign', async () => {
  const clerk = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  const tech = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  await signIn(clerk, 'yg.clerk');
  await signIn(tech, 'yg.tech1');
  const order = await newRepair(clerk, '卧室插座冒火花');
  await finish(clerk, tech, order.id, '更换插座');
  const tomorrow = new Date(Date.now() + 24 * 3_600_000);
  const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;

  await clerk.goto('/visits');
  const row = visitRow(clerk, order.number);
  await row.getByTestId('action-visit-book').click();
  const form = clerk.getByTestId('modal-visit-book');
  await form.waitFor();
  const picker = clerk.getByTestId('field-appointment');
  /** Types a time into the picker and confirms it with the panel's OK button. */
  const choose = async (time: string) => {
    await picker.click();
    await picker.fill(`${day} ${time}`);
    await clerk.locator('.ant-picker-dropdown:visible .ant-picker-ok button').click();
  };
  await choose('22:30');
  await clerk.getByTestId('submit-visit-book').click();
  // The server's rule, on the field: never at or after 22:00.
  const refusal = form.locator('.ant-form-item-explain-error').filter({ hasText: '22:00' });
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /上门回访时间须在08:00至22:00之间/);
  await shot(clerk, 'visits-07-book-refused');

  await choose('19:30');
  await clerk.getByTestId('submit-visit-book').click();
  await form.waitFor({ state: 'detached' });
  await pick(clerk, 'visit-tab', '已预约');
  const booked = visitRow(clerk, order.number);
  await booked
    .getByTestId('visit-appointment')
    .filter({ hasText: `${day} 19:30` })
    .waitFor();

  // At the home visit the resident declines to sign: recorded as such.
  await booked.getByTestId('action-visit').click();
  await clerk.getByTestId('modal-visit').waitFor();
  await pick(clerk, 'field-outcome', '基本满意');
  await pick(clerk, 'field-charge-check', '收费无误');
  await clerk.getByTestId('field-comment').fill('上门查看，插座使用正常');
  await clerk.getByTestId('submit-visit').click();
  await clerk.getByTestId('modal-visit').getByText('请业主签名，或勾选“业主拒绝签字”').waitFor();
  await clerk.getByTestId('field-refused-to-sign').check();
  await shot(clerk, 'visits-08-home-visit-record');
  await clerk.getByTestId('submit-visit').click();
  await clerk.getByTestId('modal-visit').waitFor({ state: 'detached' });
  await pick(clerk, 'visit-tab', '已回访');
  await visitRow(clerk, order.number).locator('[data-testid=visit-outcome][data-outcome=basically_satisfied]').waitFor();
  await shot(clerk, 'visits-09-visited');

  // The same screens in English.
  await clerk.getByTestId('lang-switch').click();
  await clerk.getByTestId('side-menu').getByText('Visit sampling').waitFor();
  await pick(clerk, 'visit-tab', 'To visit');
  await clerk.getByTestId('visits-table').waitFor();
  await shot(clerk, 'visits-10-english');
});

test('the customer-service supervisor draws a month’s samples and follows the duties to done', async () => {
  // A repair closed this month, its desk visit done: the month's pool has an order to sample.
  const clerk = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  const tech = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  await signIn(clerk, 'yg.clerk');
  await signIn(tech, 'yg.tech1');
  const order = await newRepair(clerk, '阳台晾衣架摇不动');
  await finish(clerk, tech, order.id, '更换钢丝绳');
  const pending = await (await clerk.request.get('/api/visits?status=pending')).json();
  const task = pending.find((v: { ticketNumber: string }) => v.ticketNumber === order.number);
  await post(clerk, `/api/visits/${task.id}/record`, { method: 'phone', outcome: 'satisfied', chargeCheck: 'no_charge', comment: '满意' });

  const cssup = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  await signIn(cssup, 'yg.cssup');
  await cssup.getByTestId('side-menu').getByTestId('nav-visit-sampling').click();
  await cssup.getByTestId('sampling-page').waitFor();
  // Last month by default.
  const now = new Date();
  const last = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const month = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  const period = cssup.getByTestId('sampling-period');
  assert.equal(await period.inputValue(), month(last));
  await cssup.getByTestId('sampling-duties').waitFor();

  // This month's closed orders, drawn for the office, the engineering head and the repairer.
  await period.click();
  await period.fill(month(now));
  await period.press('Enter');
  await cssup.locator('[data-testid=sampling-state][data-drawn=false]').waitFor();
  await cssup.getByTestId('sampling-draw').click();
  await cssup.locator('[data-testid=sampling-state][data-drawn=true]').waitFor();
  // The demo's three weeks of history are in the pool too: the office duty has several samples.
  const officePending = cssup.getByTestId('sampling-tasks').locator('[data-testid=visit-row][data-duty=office][data-status=pending]');
  await officePending.first().waitFor();
  for (const duty of ['office', 'engineering_head', 'repairer']) {
    // One repairer duty per technician who closed orders last month: each has its own row.
    await cssup.locator(`[data-testid=sampling-duty][data-duty=${duty}]`).first().waitFor();
  }
  await cssup.locator('[data-testid=sampling-duty][data-duty=office] [data-testid=sampling-fulfilled][data-fulfilled=false]').waitFor();
  await shot(cssup, 'visits-11-sampling-drawn');

  // The supervisor visits the office samples one by one; then the office duty is fulfilled.
  for (let left = await officePending.count(); left > 0; left--) {
    await officePending.first().getByTestId('action-visit').click();
    await cssup.getByTestId('modal-visit').waitFor();
    await pick(cssup, 'field-outcome', '满意');
    await pick(cssup, 'field-charge-check', '收费无误');
    await cssup.getByTestId('field-comment').fill('抽样回访，业主满意');
    await cssup.getByTestId('submit-visit').click();
    await cssup.getByTestId('modal-visit').waitFor({ state: 'detached' });
    await cssup.waitForFunction(
      (n) =>
        document.querySelectorAll('[data-testid=sampling-tasks] [data-testid=visit-row][data-duty=office][data-status=pending]').length < n,
      left,
    );
  }
  await cssup.locator('[data-testid=sampling-duty][data-duty=office] [data-testid=sampling-fulfilled][data-fulfilled=true]').waitFor();
  await shot(cssup, 'visits-12-sampling-office-done');

  // The engineering head's sample handed to the front desk: the visitor list is the community's visiting staff.
  const firstHeadRow = cssup.getByTestId('sampling-tasks').locator('[data-testid=visit-row][data-duty=engineering_head]').first();
  // Held by its key: the list may reorder once the row is assigned.
  const headRow = cssup.locator(`[data-testid=visit-row][data-row-key="${await firstHeadRow.getAttribute('data-row-key')}"]`);
  await headRow.getByTestId('action-visit-assign').click();
  await cssup.getByTestId('modal-visit-assign').waitFor();
  await cssup.getByTestId('field-visitor').click();
  await cssup.getByTestId('visitor-option').filter({ hasText: '小林' }).first().click();
  await shot(cssup, 'visits-13-assign-visitor');
  await cssup.getByTestId('submit-visit-assign').click();
  await cssup.getByTestId('modal-visit-assign').waitFor({ state: 'detached' });
  await headRow.getByText('小林').first().waitFor();

  // A clerk sees the duties but draws nothing.
  await clerk.goto('/visits/sampling');
  await clerk.getByTestId('sampling-duties').waitFor();
  assert.equal(await clerk.getByTestId('sampling-draw').count(), 0);
});
