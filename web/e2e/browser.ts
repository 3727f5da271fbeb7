import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { ADMIN_PASSWORD, CHROMIUM, repoRoot } from './env';

// jsqr's typings declare an ES default export, but the package is CommonJS exporting the function itself.
const jsQR = createRequire(import.meta.url)('jsqr') as typeof import('jsqr').default;

/** Flags for Debian's Chromium on a machine with no network but loopback. */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** A page in a fresh Chromium profile, with the console errors and page errors it produced. */
export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console messages of type error, and uncaught exceptions, in order. */
  errors: string[];
  close(): Promise<void>;
}

/** Opens Chromium with a new user-data directory; the viewport defaults to a desktop. */
export async function openBrowser(options: { width?: number; height?: number; mobile?: boolean } = {}): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'mz-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: options.width ?? 1366, height: options.height ?? 860 },
    ...(options.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot as test-results/<name>.png for a person to look at (transitions finished, not caught halfway). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(repoRoot, 'test-results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

/** The latest portal login code the development server logged for a masked number (e.g. 139****0001). */
export async function codeFromServerLog(serverLog: string, maskedPhone: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const lines = readFileSync(serverLog, 'utf8').split('\n').filter((l) => l.includes('"otpCode"') && l.includes(`"otpTo":"${maskedPhone}"`));
    const last = lines.at(-1);
    if (last) return (JSON.parse(last) as { otpCode: string }).otpCode;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no code for ${maskedPhone} in ${serverLog}`);
}

/** True when the page is no wider than the viewport (nothing to scroll sideways). */
export async function fitsViewport(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

/** Signs in to the console through its login page and waits for the frame with the actor. */
export async function logInToConsole(page: Page, baseUrl: string, username = 'admin', password = ADMIN_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/console/`);
  await page.waitForURL(/\/console\/login/);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('actor').waitFor();
}

/** Logs in to the portal with a mobile number and the code the development server logged for it. */
export async function logInToPortal(page: Page, baseUrl: string, serverLog: string, phone: string): Promise<void> {
  const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
  await page.goto(`${baseUrl}/portal/login`);
  await page.getByTestId('portal-phone').fill(phone);
  await page.getByTestId('portal-send-code').click();
  await page.getByText(masked).waitFor();
  await page.getByTestId('portal-code').fill(await codeFromServerLog(serverLog, masked));
  await page.getByTestId('portal-login').click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
}

/** Picks an option of the antd Select labelled `label` by typing part of it. */
export async function choose(page: Page, label: string, typed: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.keyboard.type(typed);
  await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

/** The text of the QR code in a PNG (e.g. an element's screenshot), or null when none is found. */
export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data ?? null;
}
