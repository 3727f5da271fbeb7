import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { e2eIdNumber, staffClient } from './api-client';
import { codeFromServerLog, fitsViewport, openBrowser, screenshot, type BrowserSession } from './browser';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from './env';

const baseUrl = inject('baseUrl');
const serverLog = inject('serverLog');
const skipReason = inject('skipReason');
const PHONE = '13900002222';
const MASKED = '139****2222';

describe.skipIf(skipReason !== '')('portal in Chromium on a 375 px phone', () => {
  let session: BrowserSession | undefined;

  beforeAll(async () => {
    const admin = await staffClient(baseUrl, 'admin', ADMIN_PASSWORD);
    const subject = await admin<{ id: string }>('POST', '/api/v1/subjects', { kind: 'person', name: '李门户', idNumber: e2eIdNumber(202), phone: PHONE, regionCode: '430902005000' });
    // A window clerk of the municipal service centre reads the subject for a stated purpose.
    const clerk = await staffClient(baseUrl, 'clerk.zwzx', DEMO_PASSWORD);
    await clerk('GET', `/api/v1/subjects/${subject.id}?purpose=${encodeURIComponent('办理社保卡补领')}`);
  });
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('logs in with a one-time code and shows my data and who read it', async () => {
    session = await openBrowser({ width: 375, height: 812, mobile: true });
    const { page, errors } = session;
    await page.goto(`${baseUrl}/portal/`);
    await page.waitForURL(/\/portal\/login/);
    await page.getByTestId('portal-phone').fill(PHONE);
    await page.getByTestId('portal-send-code').click();
    await page.getByText(MASKED).waitFor();
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'portal-login');
    await page.getByTestId('portal-code').fill(await codeFromServerLog(serverLog, MASKED));
    await page.getByTestId('portal-login').click();
    const card = page.getByTestId('my-subject');
    await card.waitFor();
    await expect.poll(() => card.innerText()).toMatch(/430902\*{8}\d{3}[\dX]/);
    expect(await card.innerText()).toContain(MASKED);
    expect(await card.innerText()).not.toContain(e2eIdNumber(202));
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'portal-my-info');
    await page.getByRole('link', { name: '谁查看了我的数据' }).click();
    const log = page.getByTestId('access-log');
    await expect.poll(() => log.innerText()).toContain('益阳市政务服务中心');
    expect(await log.innerText()).toContain('办理社保卡补领');
    expect(await log.innerText()).not.toContain('portal.');
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'portal-access-log');
    // A reload keeps the page (client route) and the session.
    await page.reload();
    await expect.poll(() => page.getByTestId('access-log').innerText()).toContain('办理社保卡补领');
    expect(errors).toEqual([]);
  });

  it('refuses a wrong code without saying whether the number is registered', async () => {
    session = await openBrowser({ width: 375, height: 812, mobile: true });
    const { page } = session;
    await page.goto(`${baseUrl}/portal/login`);
    await page.getByTestId('portal-phone').fill('13900009999');
    await page.getByTestId('portal-send-code').click();
    await page.getByText('139****9999').waitFor();
    await page.getByTestId('portal-code').fill('000000');
    await page.getByTestId('portal-login').click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('验证码错误');
    await screenshot(page, 'portal-wrong-code');
  });

  it('switches the portal to English and large text', async () => {
    session = await openBrowser({ width: 375, height: 812, mobile: true });
    const { page, errors } = session;
    await page.goto(`${baseUrl}/portal/login`);
    await page.getByTestId('switch-language').click();
    await page.getByTestId('large-text').click();
    await page.getByRole('heading', { name: 'Log in with your mobile' }).waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('18px');
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'portal-english-large-text');
    expect(errors).toEqual([]);
  });
});
