import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { newContext, type RunningServer, shot, signIn, startJourney, stopJourney, choose } from './harness.js';

/**
 * The duty log (值班记录) in the browser. An emergency call told across the people it reaches,
 * each in their own browser: the clerk logs it, the red banner appears at once on the security
 * guard's and the director's desks, the guard takes it (the banner goes for everybody) and
 * records how it was dealt with. Then the everyday entries: a consultation answered on the spot,
 * one owed a reply (in the clerk's own list with its due time), and a matter (报事) triaged from
 * the log that the CS supervisor hands to the cleaning department.
 */
let server: RunningServer;
let browser: Browser;

before(async () => {
  ({ server, browser } = await startJourney());
});

after(() => stopJourney(server, browser));

/** Picks an option of an antd Select by its visible text. */
/** Fills the new-entry form of /duty and logs it; returns the entry's number. */
async function logEntry(
  page: Page,
  entry: { channel?: string; caller: string; phone?: string; location?: string; content: string },
  triage?: () => Promise<void>,
): Promise<string> {
  await page.getByTestId('duty-new-entry').waitFor();
  if (entry.channel) await choose(page, 'duty-channel', entry.channel);
  await page.getByTestId('duty-caller').fill(entry.caller);
  if (entry.phone) await page.getByTestId('duty-phone').fill(entry.phone);
  if (entry.location) await page.getByTestId('duty-location').fill(entry.location);
  await page.getByTestId('duty-content').fill(entry.content);
  await triage?.();
  await page.getByTestId('duty-submit').click();
  const row = page.getByTestId('duty-row').filter({ hasText: entry.content }).first();
  await row.waitFor();
  const number = await row.getAttribute('data-number');
  assert.ok(number, 'the new entry is on the log');
  return number;
}

async function expectStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid=contact-detail-page] [data-testid=contact-status][data-status="${status}"]`).first().waitFor();
}

/** The entry's timeline as type → who did it. */
async function timelineOf(page: Page): Promise<{ type: string; actor: string; text: string }[]> {
  return page.getByTestId('timeline-item').evaluateAll((items) =>
    items.map((i) => ({
      type: i.getAttribute('data-event-type') ?? '',
      actor: i.getAttribute('data-actor') ?? '',
      text: i.textContent ?? '',
    })),
  );
}

/** Nothing of the English catalogue or raw keys shows on a Chinese page. */
async function assertChinese(page: Page, what: string): Promise<void> {
  const text = await page.locator('.desk-content').innerText();
  const leaks = text.match(
    /\b(?:intake|matters)\.[a-zA-Z.]+|\b[a-z]+_[a-z_]+\b|\b(?:Logged|Emergency|Responding|Closed|Referred|Take it)\b/g,
  );
  assert.equal(leaks, null, `${what} reads in Chinese: ${leaks?.join(', ')}`);
}

test('an emergency call: logged at the desk, live on every desk, taken and resolved', async () => {
  const clerk = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  const security = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  const director = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();

  // The guard and the director have a desk page open before the call comes in.
  await signIn(security, 'yg.security');
  await security.goto('/duty');
  await security.getByTestId('duty-table').waitFor();
  await signIn(director, 'yg.director');
  await director.getByTestId('front-desk-page').waitFor();
  assert.equal(await security.getByTestId('emergency-item').count(), 0);

  // The clerk logs the call, triaged as an emergency while the caller is on the line.
  await signIn(clerk, 'yg.clerk');
  await clerk.goto('/duty');
  const content = '3栋2单元电梯困人，有老人被困';
  const number = await logEntry(
    clerk,
    { channel: '电话', caller: '王女士', phone: '13912345678', location: '3栋2单元电梯', content },
    async () => {
      await choose(clerk, 'triage-category', '紧急求援');
      await choose(clerk, 'triage-emergency-kind', '电梯困人');
      await clerk.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
      await shot(clerk, 'e01-clerk-logs-emergency');
    },
  );
  assert.match(number, /^YG-ZB-\d{8}-\d{4}$/);
  const row = clerk.locator(`[data-testid=duty-row][data-number="${number}"]`);
  assert.match(await row.innerText(), /紧急求援/);

  // The red banner appears on the guard's and the director's open pages without a reload.
  const bannerOf = (page: Page) => page.locator('[data-testid=emergency-item]').filter({ hasText: number });
  await bannerOf(security).waitFor();
  await bannerOf(director).waitFor();
  await bannerOf(clerk).waitFor();
  assert.match(await bannerOf(director).innerText(), /3栋2单元电梯困人/);
  assert.match(await bannerOf(director).innerText(), /电梯困人/);
  await shot(security, 'e02-security-banner');
  await shot(director, 'e03-director-banner');

  // The clerk follows the entry.
  await row.getByTestId('duty-link').click();
  await clerk.getByTestId('contact-detail-page').waitFor();
  await expectStatus(clerk, 'emergency');
  await assertChinese(clerk, 'the emergency entry');

  // The guard takes it: the banner goes for everybody, live.
  await bannerOf(security).getByTestId('emergency-take').click();
  await security.getByTestId('contact-detail-page').waitFor();
  await expectStatus(security, 'responding');
  for (const page of [security, director, clerk]) await bannerOf(page).waitFor({ state: 'detached' });
  await expectStatus(clerk, 'responding');
  assert.match(await clerk.getByTestId('contact-responder').innerText(), /保安队长 马/);
  assert.match(await clerk.getByTestId('contact-status').first().innerText(), /处置中/);
  await shot(clerk, 'e04-clerk-entry-responding');

  // The guard records how it was dealt with; the entry is closed.
  await security.getByTestId('contact-action-resolve').click();
  await security.getByTestId('action-result').fill('已联系电梯公司救出，老人无恙');
  await shot(security, 'e05-security-resolve');
  await security.getByTestId('contact-action-submit').click();
  await expectStatus(security, 'closed');
  await expectStatus(clerk, 'closed');
  await clerk.getByTestId('contact-result').filter({ hasText: '已联系电梯公司救出' }).waitFor();

  // Its timeline: logged → taken → resolved, with who did each.
  const steps = await timelineOf(clerk);
  const by = (type: string) => steps.find((s) => s.type === type);
  for (const [type, actor] of [
    ['ContactLogged', /小林/],
    ['EmergencyTaken', /保安队长 马/],
    ['EmergencyResolved', /保安队长 马/],
  ] as const) {
    const step = by(type);
    assert.ok(step, `timeline has ${type}: ${steps.map((s) => s.type).join(', ')}`);
    assert.match(step.actor, actor, `${type} by ${step.actor}`);
    assert.match(step.text, actor);
  }
  const order = ['ContactLogged', 'EmergencyTaken', 'EmergencyResolved'].map((type) => steps.findIndex((s) => s.type === type));
  assert.deepEqual(
    order,
    [...order].sort((a, b) => a - b),
    'in the order it happened',
  );
  await assertChinese(clerk, 'the resolved entry');
  await shot(clerk, 'e06-clerk-entry-closed');
});

test('consultations answered now and later, and a matter the CS supervisor hands to cleaning', async () => {
  const clerk = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  const supervisor = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  const cleaning = await (await newContext(browser, server.baseUrl, 'desktop')).newPage();
  await signIn(clerk, 'yg.clerk');
  await clerk.goto('/duty');

  // An oral consultation answered there and then closes at once.
  const answered = await logEntry(clerk, { caller: '李先生', phone: '13800001111', content: '咨询物业费缴费方式' }, async () => {
    await choose(clerk, 'triage-category', '咨询');
    await clerk.getByTestId('triage-on-spot').check();
    await clerk.getByTestId('triage-answer').fill('可在业主App或前台缴纳');
  });
  const answeredRow = clerk.locator(`[data-testid=duty-row][data-number="${answered}"]`);
  assert.equal(await answeredRow.getByTestId('contact-status').getAttribute('data-status'), 'closed');

  // One the desk must look into gets a reply due, and stays in the clerk's own list.
  const later = await logEntry(clerk, { caller: '赵女士', phone: '13800002222', content: '咨询装修审批需要哪些材料' }, async () => {
    await choose(clerk, 'triage-category', '咨询');
  });
  await clerk.getByTestId('duty-tab-mine').click();
  // Closed entries leave "mine".
  await clerk.locator(`[data-testid=duty-row][data-number="${answered}"]`).waitFor({ state: 'detached' });
  const mine = clerk.locator(`[data-testid=duty-row][data-number="${later}"]`);
  await mine.waitFor();
  assert.equal(await mine.getByTestId('contact-status').getAttribute('data-status'), 'awaiting_reply');
  const due = (await mine.getByTestId('contact-reply-due').innerText()).trim();
  assert.match(due, /\d{2}:\d{2}/, `reply due shown: ${due}`);

  await assertChinese(clerk, 'the duty log');
  await shot(clerk, 'e07-clerk-mine');

  // A matter: logged, then triaged from the entry into 报事.
  await clerk.getByTestId('duty-tab-today').click();
  const matterContent = '5栋楼道堆放大量装修垃圾，影响通行';
  const entry = await logEntry(clerk, { caller: '孙先生', phone: '13800003333', location: '5栋一单元楼道', content: matterContent });
  await clerk.locator(`[data-testid=duty-row][data-number="${entry}"]`).getByTestId('duty-link').click();
  await clerk.getByTestId('contact-detail-page').waitFor();
  await expectStatus(clerk, 'logged');
  await clerk.getByTestId('contact-action-triage').click();
  await choose(clerk, 'triage-category', '报事');
  await choose(clerk, 'triage-matter-category', '环境卫生');
  await shot(clerk, 'e08-clerk-triage-matter');
  await clerk.getByTestId('contact-action-submit').click();
  await expectStatus(clerk, 'referred');
  const linked = clerk.getByTestId('contact-linked');
  await linked.waitFor();
  const matterNumber = (await linked.getAttribute('data-number')) ?? '';
  assert.ok(matterNumber, 'the entry links its matter');
  await shot(clerk, 'e09-clerk-entry-referred');

  // The CS supervisor finds it on /matters and hands it to the cleaning department.
  await signIn(supervisor, 'yg.cssup');
  await supervisor.goto('/matters');
  const matterRow = supervisor.locator(`[data-testid=matter-row][data-number="${matterNumber}"]`);
  await matterRow.waitFor();
  assert.match(await matterRow.innerText(), /待分派/);
  assert.match(await matterRow.innerText(), /环境卫生/);
  await assertChinese(supervisor, 'the matters list');
  await shot(supervisor, 'e10-supervisor-matters');
  await matterRow.getByTestId('matter-link').click();
  await supervisor.getByTestId('matter-detail-page').waitFor();
  assert.match(await supervisor.getByTestId('matter-from-contact').innerText(), new RegExp(entry));
  await supervisor.getByTestId('matter-action-hand-over').click();
  await choose(supervisor, 'matter-department', '清洁部');
  await supervisor.getByTestId('matter-action-submit').click();
  await supervisor.locator('[data-testid=matter-detail-page] [data-testid=matter-status][data-status=with_department]').first().waitFor();
  assert.match(await supervisor.getByTestId('matter-detail-page').innerText(), /清洁部/);
  await assertChinese(supervisor, 'the matter');
  await shot(supervisor, 'e11-supervisor-matter-handed-over');

  // The cleaning department sees it waiting to be accepted.
  await signIn(cleaning, 'yg.cleaning');
  await cleaning.goto('/matters');
  const theirs = cleaning.locator(`[data-testid=matter-row][data-number="${matterNumber}"]`);
  await theirs.waitFor();
  assert.match(await theirs.innerText(), /待接单/);
  await shot(cleaning, 'e12-cleaning-matters');

  // The clerk's entry still shows the matter, now with the department.
  await clerk.reload();
  await clerk.getByTestId('contact-linked').filter({ hasText: matterNumber }).waitFor();
});
