import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, repoRoot } from './env';

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

/** Saves a full-page screenshot as test-results/<name>.png for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(repoRoot, 'test-results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
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
