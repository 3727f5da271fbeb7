import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { e2eIdNumber, staffClient } from './api-client';
import { fitsViewport, logInToConsole, openBrowser, screenshot, type BrowserSession } from './browser';
import { ADMIN_PASSWORD } from './env';

const baseUrl = inject('baseUrl');
const skipReason = inject('skipReason');
const SUBJECT_NAME = '欧阳测试';

const logIn = (page: Page, username?: string, password?: string) => logInToConsole(page, baseUrl, username, password);

describe.skipIf(skipReason !== '')('console in Chromium', () => {
  let session: BrowserSession | undefined;
  let subjectId = '';

  beforeAll(async () => {
    const admin = await staffClient(baseUrl, 'admin', ADMIN_PASSWORD);
    const subject = await admin<{ id: string }>('POST', '/api/v1/subjects', { kind: 'person', name: SUBJECT_NAME, idNumber: e2eIdNumber(101), phone: '13800001111', regionCode: '430902005000' });
    subjectId = subject.id;
  });
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('logs in and shows the dashboard with the actor, charts and no console errors', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await logIn(page);
    await expect.poll(() => page.getByTestId('actor').innerText()).toContain('系统管理员');
    await expect.poll(() => page.getByTestId('actor').innerText()).toContain('益阳市');
    await page.locator('[data-testid=chart-subjects-by-county] canvas').waitFor();
    await page.getByTestId('recent-activity').getByText('auth.login').first().waitFor();
    await page.waitForTimeout(600); // let the chart animation settle for the screenshot
    await screenshot(page, 'console-dashboard');
    expect(errors).toEqual([]);
  });

  it('browses the region tree, loading a county on demand', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await logIn(page);
    await page.getByRole('link', { name: '行政区划' }).click();
    const tree = page.getByTestId('region-tree');
    await tree.getByText('赫山区').waitFor();
    await tree.locator('.ant-tree-treenode', { hasText: '赫山区' }).locator('.ant-tree-switcher').click();
    await tree.getByText('赫山街道').click();
    await expect.poll(() => page.getByTestId('region-detail').innerText()).toContain('430903001000');
    await expect.poll(() => page.getByTestId('region-detail').innerText()).toContain('益阳市 › 赫山区 › 赫山街道');
    await screenshot(page, 'console-regions');
    expect(errors).toEqual([]);
  });

  it('finds a subject with a purpose, opens it masked, reveals it, and survives a reload', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await logIn(page);
    await page.getByRole('link', { name: '办事主体' }).click();
    await page.getByTestId('subject-name').fill(SUBJECT_NAME.slice(0, 2));
    await page.getByLabel('查询目的').fill('端到端测试核验');
    await page.getByTestId('subject-search').click();
    const table = page.getByTestId('subjects-table');
    await table.getByRole('link', { name: SUBJECT_NAME }).click();
    const detail = page.getByTestId('subject-detail');
    await expect.poll(() => detail.innerText()).toMatch(/430902\*{8}\d{3}[\dX]/);
    await expect.poll(() => detail.innerText()).toContain('138****1111');
    await page.getByRole('button', { name: /查看完整证件号/ }).click();
    await page.getByLabel('查看目的（必填，记入审计）').fill('核对申请人身份');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => detail.innerText()).toContain(e2eIdNumber(101));
    await screenshot(page, 'console-subject-detail');
    await page.reload();
    await expect.poll(() => page.getByTestId('subject-detail').innerText()).toContain(SUBJECT_NAME);
    expect(page.url()).toContain(`/console/subjects/${subjectId}`);
    expect(errors).toEqual([]);
  });

  it('opens the audit log with the verified chain, and exports it to Excel', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await logIn(page);
    await page.getByRole('link', { name: '审计日志' }).click();
    await expect.poll(() => page.getByTestId('chain-status').innerText(), { timeout: 20_000 }).toContain('审计链完整');
    await page.getByTestId('audit-table').getByText('subject.reveal').first().waitFor();
    await screenshot(page, 'console-audit');
    const href = await page.getByTestId('export-audit').getAttribute('href');
    const download = await page.request.get(`${baseUrl}${href ?? ''}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('spreadsheetml');
    expect((await download.body()).subarray(0, 2).toString()).toBe('PK');
    expect(errors).toEqual([]);
  });

  it('lets an admin create a staff account and issue an API key, each secret shown once', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await logIn(page);
    await page.getByRole('link', { name: '工作人员' }).click();
    await page.getByText('officer.scjg').waitFor();
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '新建账号' });
    await dialog.getByLabel('用户名', { exact: true }).fill('e2e.clerk');
    await dialog.getByLabel('姓名', { exact: true }).fill('测试窗口人员');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    const password = await page.getByTestId('one-time-secret').innerText();
    expect(password.trim().length).toBeGreaterThanOrEqual(12);
    await page.locator('.ant-modal', { has: page.getByTestId('one-time-secret') }).locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByRole('cell', { name: 'e2e.clerk', exact: true }).first().waitFor();
    await page.getByRole('link', { name: 'API 密钥' }).click();
    await page.getByRole('button', { name: '签发密钥' }).click();
    const keyDialog = page.locator('.ant-modal', { hasText: '签发密钥' });
    await keyDialog.getByLabel('名称', { exact: true }).fill('不动产登记系统');
    await keyDialog.getByLabel('部门', { exact: true }).click();
    await page.keyboard.type('数据局');
    await page.locator('.ant-select-item-option').filter({ hasText: '益阳市数据局' }).first().click();
    await keyDialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('one-time-secret').innerText()).toMatch(/^mz_[0-9a-f]{32}_/);
    await page.waitForTimeout(500); // the form's dialog closes while the key's opens
    await screenshot(page, 'console-api-key-once');
    await page.locator('.ant-modal', { has: page.getByTestId('one-time-secret') }).locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByRole('button', { name: '吊销 不动产登记系统' }).click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByText('已吊销').waitFor();
    expect(errors).toEqual([]);
  });

  it('switches to English and to large text, and keeps both after a reload', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await logIn(page);
    await page.getByTestId('switch-language').click();
    await page.getByRole('link', { name: 'Regions' }).waitFor();
    await page.getByTestId('large-text').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.hasAttribute('data-large-text'))).toBe(true);
    await page.reload();
    await page.getByRole('link', { name: 'Audit log' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, getComputedStyle(document.body).fontSize])).toEqual(['en-US', '18px']);
    await page.getByRole('link', { name: 'Subjects' }).click();
    await page.getByRole('heading', { name: 'Subjects', exact: true }).waitFor();
    await screenshot(page, 'console-english-large-text');
    expect(errors).toEqual([]);
  });

  it('is usable on a 375 px phone screen, by keyboard too', async () => {
    session = await openBrowser({ width: 375, height: 812, mobile: true });
    const { page, errors } = session;
    await page.goto(`${baseUrl}/console/login`);
    await page.getByLabel('用户名', { exact: true }).waitFor();
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'console-mobile-login');
    // Keyboard only: type, tab to the password, Enter submits.
    await page.getByLabel('用户名', { exact: true }).focus();
    await page.keyboard.type('officer.scjg');
    await page.keyboard.press('Tab');
    await page.keyboard.type('mianzheng-demo-2026');
    await page.keyboard.press('Enter');
    await page.getByTestId('actor').waitFor();
    await expect.poll(() => page.getByTestId('actor').innerText()).toContain('业务经办');
    // The menu opens as a drawer on a phone.
    await page.getByRole('button', { name: '主菜单' }).click();
    await page.locator('.console-drawer').getByRole('link', { name: '办事主体' }).click();
    await page.getByRole('heading', { name: '办事主体', exact: true }).waitFor();
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'console-mobile-subjects');
    await page.getByRole('button', { name: '主菜单' }).click();
    await page.locator('.console-drawer').getByRole('link', { name: '首页' }).click();
    await page.waitForTimeout(600);
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'console-mobile-dashboard');
    expect(errors).toEqual([]);
  });
});
