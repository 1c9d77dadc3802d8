import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { newContext, type RunningServer, shot, signIn, startJourney, stopJourney, choose, waitForFormToClose } from './harness.js';

/**
 * A collective complaint (集体投诉) told across the people who handle it, each in their own
 * browser: the desk records the complaints of four households and a fifth complains from the
 * phone, all about the same lift of the same building; the CS supervisor merges them into one
 * case and classifies it collective; the director, told at once, contacts the households, files
 * the special incident report and records the result; the engineering head signs it off; the
 * reply goes by home visit only; the company complaint centre sees the case, and a resident of
 * one of the households reads the reply on the phone.
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
  buildingId: string;
  residents: { id: string; name: string; phone: string }[];
}

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

/** Opens an action's form on the complaint page, lets `fill` fill it, and submits it. */
async function act(page: Page, action: string, fill: () => Promise<void>): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId('action-form').waitFor();
  await fill();
  await page.getByTestId('action-submit').click();
  await waitForFormToClose(page, 'action-form');
}

/** Opens a complaint from the desk list by its number. */
async function openFromList(page: Page, number: string): Promise<void> {
  await page.locator(`[data-testid=complaint-link][data-number="${number}"]`).click();
  await page.waitForURL(/\/complaints\/[0-9a-f-]{36}$/);
  await page.getByTestId('complaint-number').filter({ hasText: number }).waitFor({ timeout: 30_000 });
}

async function expectStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid=complaint-status][data-status="${status}"]`).first().waitFor();
}

test('a collective complaint of five households, from the desk to the home-visit reply', async () => {
  const clerk = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  const resident = await (await newContext(browser, server.baseUrl, 'phone')).newPage();
  const supervisor = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  const director = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  const engineering = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  const centre = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();

  await signIn(clerk, 'yg.clerk');
  const me = await (await clerk.request.get('/api/me')).json();
  const rooms: Room[] = await (await clerk.request.get(`/api/rooms?communityId=${me.communityId}&q=3栋`)).json();
  // Five homes of building 3 with one resident each and no complaint yet.
  const homes = rooms.filter((r) => r.label.startsWith('3栋') && r.residents.length === 1).slice(-5);
  assert.equal(homes.length, 5);
  const text = '3栋电梯连续三天停运，无人处理，老人上下楼很困难';

  // The fifth household complains from the phone.
  const fifth = homes[4]!;
  await residentSignIn(resident, fifth.residents[0]!.phone);
  await resident.getByTestId('new-complaint').click();
  await resident.getByTestId('mobile-new-complaint-page').waitFor();
  await resident.getByTestId('complaint-content').locator('textarea').fill(`${text}，请尽快修复`);
  await shot(resident, 'c01-resident-new-complaint');
  await resident.getByTestId('submit-complaint').click();
  await resident.getByTestId('mobile-complaint-page').waitFor();
  await expectStatus(resident, 'recorded');
  const ownComplaint = new URL(resident.url()).pathname;

  // The desk records the other four through the room finder.
  const numbers: string[] = [];
  for (const [i, home] of homes.slice(0, 4).entries()) {
    await clerk.goto('/complaints');
    await clerk.getByTestId('complaint-list-page').waitFor();
    await clerk.getByTestId('new-complaint').click();
    await clerk.getByTestId('new-complaint-page').waitFor();
    await clerk.getByTestId('room-search').fill(home.residents[0]!.phone);
    await clerk.getByTestId('room-find').click();
    await clerk.getByTestId('pick-resident').first().click();
    await clerk.getByTestId('picked-household').filter({ hasText: home.label }).waitFor();
    assert.equal(await clerk.getByTestId('complainant-name').inputValue(), home.residents[0]!.name);
    assert.equal(await clerk.getByTestId('complainant-phone').inputValue(), home.residents[0]!.phone);
    await clerk.getByTestId('complaint-content').fill(i === 0 ? text : `${text}（第${i + 1}户来电）`);
    if (i === 0) await shot(clerk, 'c02-clerk-new-complaint');
    await clerk.getByTestId('submit-complaint').click();
    await clerk.getByTestId('complaint-detail-page').waitFor();
    await expectStatus(clerk, 'recorded');
    numbers.push((await clerk.getByTestId('complaint-number').innerText()).trim());
  }
  for (const n of numbers) assert.match(n, /^YG-TS-\d{8}-\d{4}$/);
  await shot(clerk, 'c03-clerk-complaint-detail');

  // The CS supervisor sees the proposal and merges the five into one case.
  await signIn(supervisor, 'yg.cssup');
  await supervisor.goto('/complaints');
  const proposal = supervisor.getByTestId('collective-proposal').filter({ hasText: numbers[0]! });
  await proposal.waitFor();
  assert.match(await proposal.innerText(), /3栋.*5户/);
  await shot(supervisor, 'c04-supervisor-collective-proposal');
  await proposal.getByTestId('merge-collective').click();
  await supervisor.getByTestId('complaint-detail-page').waitFor();
  await supervisor.getByTestId('complaint-merged-from').waitFor();
  const caseNumber = (await supervisor.getByTestId('complaint-number').innerText()).trim();
  assert.ok(!numbers.includes(caseNumber), 'the case has a number of its own');
  const households = supervisor.getByTestId('complaint-households').getByTestId('complaint-household');
  await households.nth(4).waitFor();
  assert.equal(await households.count(), 5);
  const labels = await households.allInnerTexts();
  for (const home of homes)
    assert.ok(
      labels.some((l) => l.includes(home.label)),
      `${home.label} in ${labels.join(', ')}`,
    );
  assert.equal(await supervisor.getByTestId('complaint-merged-from').getByRole('link').count(), 5);

  await act(supervisor, 'classify', async () => {
    await choose(supervisor, 'field-complaintClass', '集体投诉');
    await supervisor.getByTestId('field-reason').fill('同一栋楼5户就电梯停运投诉，属集体投诉');
  });
  await expectStatus(supervisor, 'contacting');
  // Only the director contacts the households of a collective case.
  assert.equal(await supervisor.getByTestId('action-contact').count(), 0);
  await shot(supervisor, 'c05-supervisor-classified-collective');

  // The director is told at once and opens the case from the bell.
  await signIn(director, 'yg.director');
  await director.getByTestId('front-desk-page').waitFor();
  await director.getByTestId('notifications-bell').click();
  const notice = director.getByTestId('notification-item').filter({ hasText: '集体投诉' }).first();
  await notice.waitFor();
  await shot(director, 'c06-director-notification');
  await notice.click();
  await director.getByTestId('complaint-detail-page').waitFor();
  assert.equal((await director.getByTestId('complaint-number').innerText()).trim(), caseNumber);

  const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const replyAt = `${tomorrow} 18:00`;
  await act(director, 'contact', async () => {
    const input = director
      .getByTestId('field-agreedReplyAt')
      .locator('input')
      .or(director.locator('input[data-testid=field-agreedReplyAt]'));
    await input.first().click();
    await input.first().fill(replyAt);
    await director.locator('.ant-picker-dropdown:visible .ant-picker-ok button').click();
    await director.getByTestId('field-note').fill('已逐户致歉，约定电梯修复后上门回复');
  });
  await expectStatus(director, 'in_hand');
  await director.getByTestId('complaint-agreed-reply-at').filter({ hasText: replyAt }).waitFor();
  await act(director, 'file-incident-report', async () => {
    await director.getByTestId('field-summary').fill('3栋电梯停运三天，5户集体投诉；已报告副总经理和公司投诉中心，工程部抢修');
  });
  await director.getByTestId('complaint-incident-report').filter({ hasText: '已填写' }).waitFor();
  await act(director, 'record-result', async () => {
    await choose(director, 'field-solvingDepartment', '工程部');
    await director.getByTestId('field-summary').fill('更换电梯主控板，已恢复运行并经质监站检验');
  });
  await expectStatus(director, 'awaiting_signoff');
  await shot(director, 'c07-director-result-recorded');

  // The engineering head signs the result of the engineering department.
  await signIn(engineering, 'yg.engsup');
  await engineering.goto('/complaints');
  await openFromList(engineering, caseNumber);
  await act(engineering, 'sign-off', async () => {
    await engineering.getByTestId('field-note').fill('已验收');
  });
  await expectStatus(engineering, 'awaiting_reply');

  // The reply: a collective case is answered by home visit only.
  await director.reload();
  await expectStatus(director, 'awaiting_reply');
  await director.getByTestId('action-reply').click();
  await director.getByTestId('action-form').waitFor();
  // The list opens after the click; a live update re-rendering the page may close it again, so
  // open it until its options can be read.
  const options = director.locator('.ant-select-dropdown:visible .ant-select-item-option');
  let methods: string[] = [];
  for (let attempt = 0; attempt < 5 && methods.length === 0; attempt++) {
    await director.getByTestId('field-method').click();
    await options
      .first()
      .waitFor({ timeout: 3000 })
      .catch(() => undefined);
    methods = await options.allInnerTexts();
  }
  assert.deepEqual(methods, ['上门'], `reply methods offered: ${methods.join(', ')}`);
  // The only choice is the active one: Enter takes it and closes the list.
  await director.keyboard.press('Enter');
  await director.getByTestId('field-method').getByText('上门').waitFor();
  await director.getByTestId('field-summary').fill('主任带工程部逐户上门说明原因和处理结果，业主签字确认');
  await director.getByTestId('field-residentSignature').fill('5户均已签字');
  await shot(director, 'c08-director-reply-home-visit');
  await director.getByTestId('action-submit').click();
  await director.getByTestId('action-form').waitFor({ state: 'detached' });
  await expectStatus(director, 'replied');
  await director.getByTestId('complaint-reply').filter({ hasText: '上门' }).waitFor();

  // Every step in the history, with who did it.
  const steps = await director
    .getByTestId('timeline-item')
    .evaluateAll((items) =>
      items.map((i) => ({ type: i.getAttribute('data-type'), actor: i.getAttribute('data-actor'), text: i.textContent ?? '' })),
    );
  const by = (type: string) => steps.find((s) => s.type === type);
  const expected: [string, RegExp][] = [
    ['ComplaintRecorded', /主管|客服/],
    ['ComplaintClassified', /主管/],
    ['ComplainantContacted', /主任/],
    ['IncidentReportFiled', /主任/],
    ['ResultRecorded', /主任/],
    ['ResultSignedOff', /工程/],
    ['ComplainantReplied', /主任/],
  ];
  for (const [type, actor] of expected) {
    const step = by(type);
    assert.ok(step, `timeline has ${type}: ${steps.map((s) => s.type).join(', ')}`);
    assert.match(step.actor ?? '', actor, `${type} done by ${step.actor}`);
    assert.ok(!/[A-Z][a-z]+[A-Z]/.test(step.text), `${type} reads in Chinese: ${step.text}`);
  }
  await shot(director, 'c09-director-replied-timeline');

  // The company complaint centre sees the case among every community's complaints.
  await signIn(centre, 'centre');
  await centre.goto('/complaints');
  await centre.getByTestId('complaint-list-page').waitFor();
  await choose(centre, 'complaint-community-filter', '阳光花园');
  await choose(centre, 'complaint-class-filter', '集体投诉');
  await centre.locator(`[data-testid=complaint-link][data-number="${caseNumber}"]`).waitFor();
  await shot(centre, 'c10-centre-company-list');
  await openFromList(centre, caseNumber);
  await expectStatus(centre, 'replied');

  // A resident of one of the households reads the reply on the phone.
  await resident.goto('/m/home?tab=complaints');
  await resident.getByTestId('resident-tab-complaints').click();
  const card = resident.locator(`[data-testid=my-ticket-card][data-ticket-number="${caseNumber}"]`);
  await card.waitFor();
  assert.match(await card.getByTestId('my-ticket-reply').innerText(), /逐户上门/);
  assert.match(await card.getByTestId('my-ticket-status').innerText(), /已回复/);
  await shot(resident, 'c11-resident-home-complaints');
  await card.locator('button').first().click();
  await resident.getByTestId('mobile-complaint-page').waitFor();
  await expectStatus(resident, 'replied');
  assert.match(await resident.getByTestId('complaint-reply').innerText(), /逐户上门/);
  await shot(resident, 'c12-resident-complaint-replied');
  // Their own complaint says where it went.
  await resident.goto(ownComplaint);
  await expectStatus(resident, 'merged');
  await resident.getByTestId('complaint-merged-into').filter({ hasText: caseNumber }).click();
  await resident.waitForURL((url) => url.pathname !== ownComplaint);
  await expectStatus(resident, 'replied');
});
