import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, devices, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotDir = path.resolve('tests/e2e/screenshots');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/** The real server on a fresh embedded database with the demo data, as `npm start` runs it. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'propdesk-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--seed-demo'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(dataDir, 'db'),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000',
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('server did not start in 90 s');
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A desktop screen for staff, or a phone for technicians and residents. */
export async function newContext(browser: Browser, baseURL: string, kind: 'desktop' | 'phone'): Promise<BrowserContext> {
  const base = kind === 'phone' ? { ...devices['iPhone 13'], defaultBrowserType: undefined } : { viewport: { width: 1440, height: 900 } };
  const context = await browser.newContext({ ...base, baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(15_000);
  return context;
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** A journey's server and browser, started before its tests and stopped after them. */
export async function startJourney(): Promise<{ server: RunningServer; browser: Browser }> {
  return { server: await startServer(), browser: await launchBrowser() };
}

export async function stopJourney(server: RunningServer | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await server?.stop();
}

/** Signs a staff member in on the desk's login page (every demo password is demo1234). */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Picks an option of an antd Select by its visible text, and checks it was picked: a click that
 * lands while the list is still opening is tried again.
 */
export async function choose(page: Page, testId: string, text: string): Promise<void> {
  const select = page.getByTestId(testId);
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    const open = page.locator('.ant-select-dropdown:visible');
    const option = open.locator('.ant-select-item-option').filter({ hasText: text }).first();
    await option.waitFor();
    await option.click();
    // Let the list close, so it does not cover the next field or a screenshot.
    for (let i = 0; i < 20 && (await open.count()) > 0; i++) await page.waitForTimeout(100);
    // A select shows the choice as text; an auto-complete holds it as the input's value.
    const shown = await select.evaluate((el) => {
      const input = el instanceof HTMLInputElement ? el : el.querySelector('input');
      return `${(el as HTMLElement).innerText} ${input?.value ?? ''}`;
    });
    if (shown.includes(text)) return;
  }
  throw new Error(`could not choose “${text}” in ${testId}`);
}

/**
 * Waits for a submitted form to close; when it stays open, fails with what the form says (a
 * field message or the server's error), not just a timeout.
 */
export async function waitForFormToClose(page: Page, testId: string, timeout = 30_000): Promise<void> {
  try {
    await page.getByTestId(testId).waitFor({ state: 'detached', timeout });
  } catch (error) {
    const said = await page
      .locator('.ant-form-item-explain-error, .ant-message-notice, .ant-alert-message')
      .allInnerTexts()
      .catch(() => []);
    throw new Error(`${testId} stayed open: ${said.join(' | ') || (error as Error).message}`);
  }
}
