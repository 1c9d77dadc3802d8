import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { choose, newContext, type RunningServer, shot, signIn, startJourney, stopJourney, waitForFormToClose } from './harness.js';

/**
 * A renovation (装修) from the application to the deposit refund, each person in their own browser:
 * the resident applies on the phone and uploads the business licence; the clerk uploads the other
 * drawings at the desk, marks the last one signed and passes the file; the CS manager and then the
 * engineering manager approve; the cashier records the fees and the deposit and the permit prints;
 * security records the day's patrol on the phone; the resident books the completion inspection;
 * customer service and engineering both sign the acceptance; the cashier refunds the deposit and the
 * renovation closes — the resident sees the refund on the phone.
 */
let server: RunningServer;
let browser: Browser;

before(async () => {
  ({ server, browser } = await startJourney());
});

after(() => stopJourney(server, browser));

interface Room {
  id: string;
  label: string;
  residents: { id: string; name: string; phone: string }[];
}

const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  ),
});
/** A 1×1 PNG. */
const png = (name: string) => ({
  name,
  mimeType: 'image/png',
  buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
});

const pad = (n: number) => String(n).padStart(2, '0');
/** A local day (the test runs in Asia/Shanghai) as YYYY-MM-DD, `days` from today. */
const day = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

async function residentSignIn(page: Page, phone: string): Promise<void> {
  await page.goto('/m/login');
  await page.getByTestId('resident-phone').locator('input').fill(phone);
  await page.getByTestId('request-code').click();
  const demo = await page.getByTestId('demo-code').innerText();
  const code = demo.match(/\d{6}/)?.[0];
  assert.ok(code, `demo code shown: ${demo}`);
  await page.getByTestId('resident-code').locator('input').fill(code);
  await page.getByTestId('resident-login-submit').click();
  await page.getByTestId('resident-home-page').waitFor();
}

async function expectStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid=renovation-detail-page][data-status="${status}"]`).waitFor({ timeout: 30_000 });
}

/** Opens an action's form on the renovation page, lets `fill` fill it, submits it and waits for it to close. */
async function act(page: Page, action: string, fill: () => Promise<void> = async () => {}): Promise<void> {
  await page.getByTestId(`renovation-action-${action}`).click();
  await page.getByTestId('renovation-action-form').waitFor();
  await fill();
  await page.getByTestId('renovation-action-submit').click();
  await waitForFormToClose(page, 'renovation-action-form');
}

/** The page a print button opens in a new tab. */
async function printed(context: BrowserContext, page: Page, button: string): Promise<Page> {
  const [tab] = await Promise.all([context.waitForEvent('page'), page.getByTestId(button).click()]);
  await tab.waitForLoadState();
  return tab;
}

test('a renovation from the application to the deposit refund', async () => {
  const deskOf = async () => newContext(browser, server.baseUrl, 'desktop');
  const clerkCtx = await deskOf();
  const clerk = await clerkCtx.newPage();
  await signIn(clerk, 'yg.clerk');

  // A home of building 2 with a resident and no renovation yet.
  const me = await (await clerk.request.get('/api/me')).json();
  const rooms: Room[] = await (await clerk.request.get(`/api/rooms?communityId=${me.communityId}&q=2栋`)).json();
  let home: Room | undefined;
  for (const r of rooms.filter((x) => x.residents.length > 0)) {
    const existing = await (await clerk.request.get(`/api/renovations?view=all&q=${encodeURIComponent(r.label)}`)).json();
    if (existing.total === 0) {
      home = r;
      break;
    }
  }
  assert.ok(home, 'a free home in building 2');
  const owner = home.residents[0]!;

  // The resident applies on the phone: contractor, dates from today, a ceiling (so the ceiling plan is asked for), the agreement signed.
  const resident = await (await newContext(browser, server.baseUrl, 'phone')).newPage();
  await residentSignIn(resident, owner.phone);
  await resident.getByTestId('my-renovations-link').click();
  await resident.getByTestId('mobile-renovations-page').waitFor();
  await resident.getByTestId('renovation-apply').click();
  await resident.getByTestId('mobile-new-renovation-page').waitFor();
  await resident.getByTestId('field-contractor-company').locator('input').fill('安居装饰工程有限公司');
  await resident.getByTestId('field-contractor-contact').locator('input').fill('赵工');
  await resident.getByTestId('field-contractor-phone').locator('input').fill('13712345678');
  await resident.getByTestId('field-planned-start').locator('input').fill(day(0));
  await resident.getByTestId('field-planned-end').locator('input').fill(day(30));
  await resident.getByTestId('field-work-items').getByText('做吊顶').click();
  await resident.getByTestId('field-work-items').getByText('改动电气线路').click();
  await resident.getByTestId('renovation-required-documents').getByText('天花布置图').waitFor();
  await resident.getByTestId('field-description').locator('textarea').fill('客厅吊顶，卧室重新布线，厨房墙面翻新');
  await resident.getByTestId('field-agreement-signed').click();
  await shot(resident, 'renovation-01-resident-applies');
  await resident.getByTestId('renovation-submit').click();
  const phonePage = resident.getByTestId('mobile-renovation-page');
  await phonePage.waitFor();
  const number = (await phonePage.getAttribute('data-number')) ?? '';
  assert.match(number, /^YG-ZX-\d{8}-\d{4}$/);
  assert.equal(await phonePage.getAttribute('data-status'), 'submitted');

  // The stamped business licence goes up from the phone.
  const licence = resident.locator('[data-testid=document-row][data-code=business_licence]');
  await licence.getByTestId('document-file').setInputFiles(pdf('营业执照.pdf'));
  await resident.locator('[data-testid=document-row][data-code=business_licence][data-signed=true]').waitFor();
  await shot(resident, 'renovation-02-resident-uploads');

  // The clerk finds it in the list and adds the drawings; the floor plan arrives unsigned and is marked signed after.
  // 装修 sits in the menu's 前台业务 group.
  await clerk.getByTestId('side-menu').getByText('前台业务').click();
  await clerk.getByTestId('side-menu').getByTestId('nav-renovations').click();
  await clerk.getByTestId('renovations-page').waitFor();
  await clerk.locator(`[data-testid=renovation-row][data-number="${number}"]`).waitFor();
  await shot(clerk, 'renovation-03-desk-list');
  await clerk.locator(`[data-testid=renovation-link][data-number="${number}"]`).click();
  await expectStatus(clerk, 'submitted');
  const rowOf = (code: string) => clerk.locator(`[data-testid=document-row][data-code=${code}]`);
  const drawings = ['qualification_certificate', 'floor_plan', 'demolition_plan', 'pipe_changes', 'electrical_diagram', 'ceiling_plan'];
  for (const code of drawings) {
    const row = rowOf(code);
    if (code === 'floor_plan') await row.getByTestId('document-upload-signed').uncheck();
    await row.locator('input[type=file]').setInputFiles(code === 'floor_plan' ? png(`${code}.png`) : pdf(`${code}.pdf`));
    await row.getByTestId('document-view').waitFor();
  }
  await clerk.locator('[data-testid=renovation-completeness][data-complete=false]').waitFor();
  // The box follows the server: it ticks once the mark is saved.
  await rowOf('floor_plan').getByTestId('document-mark-signed').click();
  await clerk.locator('[data-testid=document-row][data-code=floor_plan][data-signed=true]').waitFor();
  await clerk.locator('[data-testid=renovation-completeness][data-complete=true]').waitFor();
  await shot(clerk, 'renovation-04-file-complete');
  await act(clerk, 'pass-check');
  await expectStatus(clerk, 'cs_review');
  const url = clerk.url();

  // The CS manager, then the engineering manager, approve.
  const manager = await (await deskOf()).newPage();
  await signIn(manager, 'yg.csmanager');
  await manager.goto(url);
  await expectStatus(manager, 'cs_review');
  await act(manager, 'approve', () => manager.getByTestId('field-note').fill('资料齐全，同意'));
  await expectStatus(manager, 'eng_review');

  const engineer = await (await deskOf()).newPage();
  await signIn(engineer, 'yg.engsup');
  await engineer.goto(url);
  await expectStatus(engineer, 'eng_review');
  await act(engineer, 'approve');
  await expectStatus(engineer, 'approved');
  await shot(engineer, 'renovation-05-approved');

  // The cashier takes the fees and the deposit; the permit is issued and prints.
  const financeCtx = await deskOf();
  const finance = await financeCtx.newPage();
  await signIn(finance, 'yg.finance');
  await finance.goto(url);
  await expectStatus(finance, 'approved');
  await act(finance, 'record-payment', async () => {
    await finance.getByTestId('field-fee-amount-0').fill('500');
    await finance.getByTestId('field-fee-amount-1').fill('200');
    await finance.getByTestId('field-deposit').fill('3000');
    await finance.getByTestId('field-receipt-number').fill('SJ-0001');
    await shot(finance, 'renovation-06-payment');
  });
  await expectStatus(finance, 'in_works');
  const permitNumber = (await finance.getByTestId('renovation-permit-number').innerText()).trim();
  assert.ok(permitNumber && permitNumber !== '—', 'a permit number');
  assert.equal(await finance.getByTestId('deposit-paid').innerText(), '¥3000.00');
  const permit = await printed(financeCtx, finance, 'print-permit');
  const permitText = await permit.locator('body').innerText();
  assert.match(permitText, /装修许可证/);
  assert.ok(permitText.includes(permitNumber), 'the permit number is printed');
  assert.ok(permitText.includes('安居装饰工程有限公司'), 'the contractor is printed');
  assert.ok(permitText.includes(day(0)) || permitText.includes(day(0).replaceAll('-', '/')), 'the start date is printed');
  await shot(permit, 'renovation-07-permit');
  await permit.close();

  // Security patrols the site today and records it on the phone with a photo.
  const guard = await (await newContext(browser, server.baseUrl, 'phone')).newPage();
  await signIn(guard, 'yg.security');
  await guard.goto('/m/renovation-patrols');
  await guard.getByTestId('mobile-patrol-page').waitFor();
  const task = guard.locator(`[data-testid=patrol-task][data-number="${number}"]`);
  await task.waitFor();
  await task.getByTestId('patrol-record').click();
  await guard.getByTestId('sheet-record-patrol').waitFor();
  await guard.getByTestId('field-note').locator('textarea').fill('现场施工有序，垃圾已袋装');
  await guard.getByTestId('field-photo').setInputFiles(png('patrol.png'));
  await shot(guard, 'renovation-08-patrol');
  await guard.getByTestId('submit-record-patrol').click();
  await guard.locator(`[data-testid=patrol-task][data-number="${number}"][data-status=done]`).waitFor();

  // The resident books the completion inspection for tomorrow morning.
  await resident.reload();
  await resident.locator('[data-testid=mobile-renovation-page][data-status=in_works]').waitFor();
  await resident.getByTestId('action-book-inspection').click();
  await resident.getByTestId('sheet-book-inspection').waitFor();
  await resident
    .getByTestId('field-at')
    .locator('input')
    .fill(`${day(1)}T10:00`);
  await resident.getByTestId('submit-book-inspection').click();
  await resident.locator('[data-testid=mobile-renovation-page][data-status=inspection_booked]').waitFor();
  await shot(resident, 'renovation-09-inspection-booked');

  // Customer service and engineering both sign the acceptance: passed, the refund is due in working days.
  await clerk.reload();
  await expectStatus(clerk, 'inspection_booked');
  await clerk.locator('[data-testid=patrol-row][data-duty=security][data-status=done]').first().waitFor();
  await act(clerk, 'record-acceptance');
  await expectStatus(clerk, 'inspection_booked');
  await engineer.reload();
  await expectStatus(engineer, 'inspection_booked');
  await act(engineer, 'record-acceptance', () => engineer.getByTestId('field-note').fill('水电、吊顶验收合格'));
  await expectStatus(engineer, 'refund_due');
  await engineer.locator('[data-testid=inspection-outcome][data-outcome=passed]').waitFor();
  const due = (await engineer.getByTestId('refund-due-date').innerText()).trim();
  assert.match(due, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(due > day(0), 'the refund is due after today');
  await shot(engineer, 'renovation-10-accepted');

  // The cashier refunds the deposit less nothing deducted; the renovation closes.
  await finance.reload();
  await expectStatus(finance, 'refund_due');
  await finance.getByTestId('renovation-action-record-refund').click();
  await finance.getByTestId('renovation-action-form').waitFor();
  assert.match(await finance.getByTestId('refund-preview').innerText(), /¥3000\.00/);
  await finance.getByTestId('field-receipt-number').fill('TK-0001');
  await shot(finance, 'renovation-11-refund');
  await finance.getByTestId('renovation-action-submit').click();
  await waitForFormToClose(finance, 'renovation-action-form');
  await expectStatus(finance, 'closed');
  assert.match(await finance.getByTestId('deposit-refunded').innerText(), /¥3000\.00/);
  await finance.locator('[data-testid=timeline-item][data-event-type=DepositRefunded]').waitFor();
  await shot(finance, 'renovation-12-closed');

  // The resident sees it closed, with the refund.
  await resident.reload();
  await resident.locator('[data-testid=mobile-renovation-page][data-status=closed]').waitFor();
  assert.match(await resident.getByTestId('deposit-refunded').innerText(), /¥3000\.00/);
  await shot(resident, 'renovation-13-resident-closed');
});

test('the clerk records an application at the desk: the room finder fills the applicant, a bad phone is refused on its field', async () => {
  const clerk = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  await signIn(clerk, 'yg.clerk');
  await clerk.goto('/renovations');
  await clerk.getByTestId('renovation-new').click();
  await clerk.getByTestId('new-renovation-page').waitFor();

  // The room of building 3, found by its number; picking its resident fills the applicant.
  await choose(clerk, 'room-building', '3栋');
  await clerk.getByTestId('room-unit').fill('1');
  await clerk.getByTestId('room-number').fill('201');
  await clerk.getByTestId('room-find').click();
  await clerk.getByTestId('room-results').getByTestId('pick-resident').first().click();
  await clerk
    .getByTestId('renovation-picked-room')
    .getByText(/3栋1单元201/)
    .waitFor();
  assert.notEqual(await clerk.getByTestId('renovation-applicant-name').inputValue(), '');

  await clerk.getByTestId('renovation-applicant-phone').fill('call me');
  await clerk.getByTestId('renovation-contractor-company').fill('美家装饰有限公司');
  await clerk.getByTestId('renovation-contractor-contact').fill('钱工');
  await clerk.getByTestId('renovation-contractor-phone').fill('13612345678');
  const range = clerk.locator('[data-testid=new-renovation-page] .ant-picker-range input');
  await range.nth(0).click();
  await range.nth(0).fill(day(2));
  await range.nth(0).press('Enter');
  await range.nth(1).fill(day(40));
  await range.nth(1).press('Enter');
  await clerk.getByTestId('work-item-waterproofing').click();
  await clerk.getByTestId('renovation-required-documents').getByText('防水施工方案').waitFor();
  await clerk.getByTestId('renovation-description').fill('卫生间重做防水，更换洁具');
  await clerk.getByTestId('renovation-agreement-signed').check();
  await clerk.getByTestId('renovation-submit').click();

  // The server's message lands on the phone field.
  const phoneError = clerk.locator('.ant-form-item-explain-error').filter({ hasText: '电话号码无效' });
  await phoneError.waitFor();
  await shot(clerk, 'renovation-14-desk-field-error');

  await clerk.getByTestId('renovation-applicant-phone').fill('13800009999');
  await clerk.getByTestId('renovation-submit').click();
  await clerk.locator('[data-testid=renovation-detail-page][data-status=submitted]').waitFor();
  await clerk.locator('[data-testid=document-row][data-code=waterproofing_plan]').waitFor();
  await clerk.locator('[data-testid=renovation-completeness][data-complete=false]').waitFor();
  await shot(clerk, 'renovation-15-desk-application');
});
