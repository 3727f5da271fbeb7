import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { e2eIdNumber, staffClient } from './api-client';
import { choose, decodeQr, fitsViewport, logInToConsole, logInToPortal, openBrowser, screenshot, type BrowserSession } from './browser';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from './env';

const baseUrl = inject('baseUrl');
const serverLog = inject('serverLog');
const skipReason = inject('skipReason');
/** A citizen registered by the test, with no departmental data records: 户籍证明 is refused, 婚姻状况证明 says 未婚. */
const PHONE = '13900004444';
const NEWCOMER_ID = e2eIdNumber(404);
/** A second citizen, for the desktop and English views (a number may ask for a new login code only once a minute). */
const DESKTOP_PHONE = '13900005555';
/** For waits on the server: one PGlite connection serves the whole suite. */
const SLOW = { timeout: 15_000 };

interface Listed {
  id: string;
  holderId: string;
  holderName: string;
  number: string;
  typeName: string;
}

/** Finds the applicant by ID number in the subject picker and chooses it. */
async function pickApplicant(page: Page, idNumber: string, name: string): Promise<void> {
  await page.getByTestId('subject-query').fill(idNumber);
  await page.getByTestId('subject-find').click();
  await page.getByRole('button', { name: `选择 ${name}` }).click();
  await page.getByTestId('picked-subject').waitFor();
}

/** Asserts that the 下载 PDF link answers a non-empty application/pdf (with the page's cookies), and that what it saves is that PDF. */
async function expectPdf(page: Page): Promise<void> {
  const href = await page.getByTestId('proof-pdf-download').getAttribute('href');
  expect(href).toMatch(/\/pdf$/);
  const res = await page.request.get(`${baseUrl}${href ?? ''}`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  const body = await res.body();
  expect(body.length).toBeGreaterThan(1000);
  expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('proof-pdf-download').click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const saved = readFileSync(await download.path());
  expect(saved.length).toBe(body.length);
  expect(saved.subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

/** The QR code on the page decodes to /v/{code} of the code shown beside it; returns that address. */
async function qrAddress(page: Page): Promise<string> {
  const qr = page.getByTestId('proof-qr');
  await qr.waitFor();
  const code = (await page.getByTestId('verification-code').innerText()).trim();
  const decoded = decodeQr(await qr.screenshot());
  expect(decoded).toBe(`${baseUrl}/v/${code}`);
  return decoded ?? '';
}

describe.skipIf(skipReason !== '')('e-proofs in Chromium', () => {
  let session: BrowserSession | undefined;
  /** A demo person whose data supports a 居住证明 (the demo issued one to them at the first start). */
  let resident = { id: '', name: '', idNumber: '' };
  /** A demo enterprise's 市场主体登记证明, issued in the name of a market-regulation department. */
  let enterpriseProof: Listed = { id: '', holderId: '', holderName: '', number: '', typeName: '' };

  beforeAll(async () => {
    const admin = await staffClient(baseUrl, 'admin', ADMIN_PASSWORD);
    const clerk = await staffClient(baseUrl, 'clerk.zwzx', DEMO_PASSWORD);
    const residence = await clerk<{ items: Listed[] }>('GET', '/api/v1/proofs?typeCode=residence&status=valid&limit=1');
    const demo = residence.items[0];
    if (!demo) throw new Error('the demo issued no 居住证明');
    const { idNumber } = await admin<{ idNumber: string }>('POST', `/api/v1/subjects/${demo.holderId}/reveal`, { purpose: 'e2e：准备窗口开具证明的测试' });
    resident = { id: demo.holderId, name: demo.holderName, idNumber };
    const market = await clerk<{ items: Listed[] }>('GET', '/api/v1/proofs?typeCode=market_entity_registration&status=valid&limit=1');
    enterpriseProof = market.items[0] ?? enterpriseProof;
    await admin('POST', '/api/v1/subjects', { kind: 'person', name: '钱新来', idNumber: NEWCOMER_ID, phone: PHONE, regionCode: '430902005000' });
    await admin('POST', '/api/v1/subjects', { kind: 'person', name: '孙大屏', idNumber: e2eIdNumber(405), phone: DESKTOP_PHONE, regionCode: '430903001000' });
  });
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('lets a window clerk issue a 居住证明 to a demo person and hand over its PDF; the proof is then in the list with its details', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await logInToConsole(page, baseUrl, 'clerk.zwzx', DEMO_PASSWORD);
    await page.getByRole('link', { name: '开具证明' }).click();
    await page.getByRole('heading', { name: '开具证明', exact: true }).waitFor();
    await pickApplicant(page, resident.idNumber, resident.name);
    await choose(page, '证明事项', '居住', '居住证明');
    await expect.poll(() => page.getByTestId('proof-type-summary').innerText(), SLOW).toContain('将以益阳市公安局');
    expect(await page.getByTestId('proof-type-summary').innerText()).toContain('居住登记信息');
    await page.getByTestId('purpose-choices').getByText('求职').click();
    await screenshot(page, 'console-proof-issue-form');
    await page.getByTestId('proof-issue-submit').click();

    // Issued in the name of the police of the person's county (not the service centre that asked), with its facts, QR code and PDF.
    const done = page.getByTestId('proof-issued');
    await expect.poll(() => done.innerText(), SLOW).toContain('已开具居住证明');
    const detail = page.getByTestId('proof-detail');
    expect(await detail.innerText()).toMatch(/出具单位\s*益阳市公安局/);
    expect(await detail.innerText()).toContain('求职');
    expect(await detail.innerText()).toMatch(/有效期\s*\d{4}-\d\d-\d\d 至 \d{4}-\d\d-\d\d/);
    expect(await page.getByTestId('proof-facts').innerText()).toContain('现居住地址');
    expect(await page.getByTestId('proof-paper').innerText()).toContain('特此证明');
    const number = /证明编号 (ZM\d+)/.exec(await done.innerText())?.[1] ?? '';
    expect(number).not.toBe('');
    const verifyAt = await qrAddress(page);
    await screenshot(page, 'console-proof-issued');
    await expectPdf(page);

    // 证明查询 lists it; its detail page shows who asked for it, the data it was drawn from and its history.
    await page.getByRole('link', { name: '证明查询', exact: true }).click();
    await page.getByRole('heading', { name: '证明查询', exact: true }).waitFor();
    await choose(page, '证明名称', '居住', '居住证明');
    await page.getByTestId('proof-search').click();
    const table = page.getByTestId('proofs-table');
    await table.getByText(number).waitFor(SLOW);
    expect(await page.getByTestId('export-proofs').getAttribute('href')).toContain('typeCode=residence');
    await screenshot(page, 'console-proofs');
    await table.locator('tr', { hasText: number }).getByRole('link', { name: '居住证明' }).click();
    await page.getByRole('heading', { name: `居住证明 · ${number}` }).waitFor();
    await expect.poll(() => page.getByTestId('proof-detail').innerText(), SLOW).toContain('益阳市政务服务中心窗口代为申请');
    expect(await page.getByTestId('proof-basis').innerText()).toContain('居住登记信息');
    expect(await page.getByTestId('proof-history').innerText()).toContain('用途：求职');
    // Another department's window may read it but not revoke it.
    expect(await page.getByTestId('proof-actions').count()).toBe(0);
    await page.getByTestId('proof-qr').waitFor();
    await screenshot(page, 'console-proof-detail');
    expect(errors).toEqual([]);

    // The page the QR code opens.
    await page.goto(verifyAt);
    await expect.poll(() => page.locator('.status').innerText(), SLOW).toBe('有效');
    expect(await page.locator('body').innerText()).toContain('居住证明');
  });

  it('shows a refusal as 不予开具 with the reason from the data, not as an error', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await logInToConsole(page, baseUrl, 'clerk.zwzx', DEMO_PASSWORD);
    await page.goto(`${baseUrl}/console/proofs/new`);
    await page.getByRole('heading', { name: '开具证明', exact: true }).waitFor();
    await pickApplicant(page, NEWCOMER_ID, '钱新来');
    await choose(page, '证明事项', '户籍', '户籍证明');
    await page.getByTestId('purpose-choices').getByText('其他').click();
    await page.getByTestId('purpose-other').fill('办理居住证');
    await page.getByTestId('proof-issue-submit').click();
    const refused = page.getByTestId('proof-refused');
    await expect.poll(() => refused.innerText(), SLOW).toContain('不予开具：户籍证明');
    expect(await refused.innerText()).toContain('未查询到申请人在本市的户籍登记信息');
    expect(await refused.innerText()).toContain('依据数据：户籍信息');
    expect(await page.locator('.ant-alert-error', { hasText: '不符合办理条件' }).count()).toBe(0);
    await screenshot(page, 'console-proof-refused');
    // The same applicant may still get what the data supports.
    await choose(page, '证明事项', '婚姻', '婚姻状况证明');
    expect(await refused.count()).toBe(0);
    await page.getByTestId('proof-issue-submit').click();
    await expect.poll(() => page.getByTestId('proof-facts').innerText(), SLOW).toMatch(/婚姻状况\s*未婚/);
    // Chromium logs the 422 response itself; nothing else may be logged.
    expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
  });

  it('lets the issuing department revoke a proof with a reason; the public page then says 已撤销', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await logInToConsole(page, baseUrl, 'officer.scjg', DEMO_PASSWORD);
    await page.getByRole('link', { name: '证明查询', exact: true }).click();
    await page.getByTestId('proofs-table').getByText(enterpriseProof.number).waitFor(SLOW);
    await page.getByTestId('proofs-table').locator('tr', { hasText: enterpriseProof.number }).getByRole('link').click();
    await page.getByRole('heading', { name: `市场主体登记证明 · ${enterpriseProof.number}` }).waitFor();
    await page.getByTestId('proof-revoke').click();
    const dialog = page.locator('.ant-modal', { hasText: '撤销：市场主体登记证明' });
    await dialog.getByTestId('revoke-reason').fill('e2e：登记信息已变更，原证明撤销');
    await screenshot(page, 'console-proof-revoke-dialog');
    await dialog.getByRole('button', { name: '确认撤销' }).click();
    await expect.poll(() => page.locator('.title-with-status').innerText(), SLOW).toContain('已撤销');
    expect(await page.getByTestId('proof-history').innerText()).toContain('登记信息已变更');
    expect(await page.getByTestId('proof-actions').count()).toBe(0);
    await screenshot(page, 'console-proof-revoked');
    const code = (await page.getByTestId('verification-code').innerText()).trim();
    expect(errors).toEqual([]);
    await page.goto(`${baseUrl}/v/${code}`);
    await expect.poll(() => page.locator('.status').innerText(), SLOW).toBe('已撤销');
  });

  it('shows the proof catalogue with issuing departments, the data drawn on and validity', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await logInToConsole(page, baseUrl, 'clerk.zwzx', DEMO_PASSWORD);
    await page.getByRole('link', { name: '证明目录' }).click();
    const table = page.getByTestId('proof-types-table');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count(), SLOW).toBe(33);
    const row = table.locator('tr', { hasText: '无犯罪记录证明' });
    // The department names arrive after the catalogue.
    await expect.poll(() => row.innerText(), SLOW).toContain('益阳市公安局');
    expect(await row.innerText()).toContain('违法犯罪记录');
    expect(await row.innerText()).toContain('90 天');
    await screenshot(page, 'console-proof-types');
    // In English and large text: the menu, the issue form and the purposes (printed in Chinese, labelled in English).
    await page.getByTestId('switch-language').click();
    await page.getByTestId('large-text').click();
    await page.locator('.console-sider').getByRole('link', { name: 'Issue', exact: true }).click();
    await page.getByRole('heading', { name: 'Issue a proof', exact: true }).waitFor();
    await page.getByTestId('purpose-choices').getByText('Loan application').waitFor();
    await screenshot(page, 'console-proof-issue-english-large-text');
    expect(errors).toEqual([]);
  });

  it('keeps the proof pages usable on a 375 px phone', async () => {
    session = await openBrowser({ width: 375, height: 812, mobile: true });
    const { page, errors } = session;
    await logInToConsole(page, baseUrl, 'clerk.zwzx', DEMO_PASSWORD);
    await page.getByRole('button', { name: '主菜单' }).click();
    await page.locator('.console-drawer').getByRole('link', { name: '开具证明' }).click();
    await page.getByRole('heading', { name: '开具证明', exact: true }).waitFor();
    await pickApplicant(page, NEWCOMER_ID, '钱新来');
    await choose(page, '证明事项', '户籍', '户籍证明');
    await page.getByTestId('purpose-choices').getByText('入学').click();
    await page.getByTestId('proof-issue-submit').click();
    await page.getByTestId('proof-refused').waitFor(SLOW);
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'console-mobile-proof-refused');
    await choose(page, '证明事项', '未婚', '未婚证明');
    await page.getByTestId('proof-issue-submit').click();
    await page.getByTestId('proof-issued').waitFor(SLOW);
    await page.getByTestId('proof-qr').waitFor();
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'console-mobile-proof-issued');
    await page.goto(`${baseUrl}/console/proofs`);
    await page.getByTestId('proofs-table').locator('tbody tr.ant-table-row').first().waitFor(SLOW);
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'console-mobile-proofs');
    await page.goto(`${baseUrl}/console/proofs/types`);
    await page.getByTestId('proof-types-table').locator('tbody tr.ant-table-row').first().waitFor(SLOW);
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'console-mobile-proof-types');
    expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
  });

  it('lets a citizen get a proof in the portal on a phone: a refusal says why and where to go, an issued proof downloads, and its QR code says 有效', async () => {
    session = await openBrowser({ width: 375, height: 812, mobile: true });
    const { page, errors } = session;
    await logInToPortal(page, baseUrl, serverLog, PHONE);
    await page.getByRole('link', { name: '我的证明' }).click();
    await page.getByRole('heading', { name: '我的证明', level: 1 }).waitFor();
    await page.getByTestId('proof-apply').click();
    // A person is offered the proofs for persons only.
    const types = page.getByTestId('proof-types');
    await types.getByText('户籍证明', { exact: true }).waitFor();
    expect(await types.innerText()).not.toContain('市场主体登记证明');
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'portal-proof-types');

    // 户籍证明: the data has no household registration here.
    await types.getByText('户籍证明', { exact: true }).click();
    await page.getByTestId('purpose-choices').getByText('入学').click();
    await page.getByTestId('proof-apply-submit').click();
    const refused = page.getByTestId('proof-refused');
    await expect.poll(() => refused.innerText(), SLOW).toContain('暂时无法在线开具户籍证明');
    expect(await refused.innerText()).toContain('未查询到申请人在本市的户籍登记信息');
    expect(await refused.innerText()).toContain('请携带相关材料到就近的政务服务中心窗口办理');
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'portal-proof-refused');

    // 婚姻状况证明 for a loan: issued at once, with a large 下载 PDF button and the QR code.
    await page.getByRole('button', { name: '重新选择证明' }).click();
    await page.getByTestId('proof-types').getByText('婚姻状况证明', { exact: true }).click();
    await page.getByTestId('purpose-choices').getByText('办理贷款').click();
    await screenshot(page, 'portal-proof-apply');
    await page.getByTestId('proof-apply-submit').click();
    await expect.poll(() => page.getByTestId('proof-issued').innerText(), SLOW).toContain('已为您开具婚姻状况证明');
    const card = page.getByTestId('proof-card');
    expect(await card.innerText()).toContain('益阳市资阳区民政局');
    expect(await card.innerText()).toContain('办理贷款');
    expect(await page.locator('.proof-fact-list').innerText()).toMatch(/婚姻状况\s*未婚/);
    const verifyAt = await qrAddress(page);
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'portal-proof-issued');
    await expectPdf(page);

    // 我的证明 lists it, in large text too.
    await page.getByRole('link', { name: '查看我的证明' }).click();
    const mine = page.getByTestId('my-proofs');
    await expect.poll(() => mine.innerText(), SLOW).toContain('婚姻状况证明');
    expect(await mine.innerText()).not.toContain('户籍证明');
    await page.getByTestId('large-text').click();
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).fontSize), SLOW).toBe('18px');
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'portal-my-proofs-large-text');
    await page.getByTestId('large-text').click();
    // Who read my data: the window's refusal earlier (her own requests here are not listed).
    await page.getByRole('link', { name: '谁查看了我的数据' }).click();
    await expect.poll(() => page.getByTestId('access-log').innerText(), SLOW).toContain('益阳市政务服务中心 · 查询了您的数据，未能开具证明');
    expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);

    await page.goto(verifyAt);
    await expect.poll(() => page.locator('.status').innerText(), SLOW).toBe('有效');
    expect(await page.locator('body').innerText()).toContain('婚姻状况证明');
    await screenshot(page, 'public-verify-proof-valid');
  });

  it('shows the portal proof pages on a desktop, and in English', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await logInToPortal(page, baseUrl, serverLog, DESKTOP_PHONE);
    await page.getByRole('link', { name: '我的证明' }).click();
    await page.getByText('还没有电子证明').waitFor(SLOW);
    await page.getByTestId('proof-apply').click();
    await page.getByTestId('proof-types').getByText('常用证明').waitFor();
    await screenshot(page, 'portal-proof-types-desktop');
    await page.getByTestId('proof-types').getByText('未婚证明（无婚姻登记记录证明）').click();
    await page.getByTestId('purpose-choices').getByText('其他').click();
    await page.getByTestId('purpose-other').fill('办理公证');
    await page.getByTestId('proof-apply-submit').click();
    await page.getByTestId('proof-issued').waitFor(SLOW);
    expect(await page.getByTestId('proof-card').innerText()).toContain('益阳市赫山区民政局');
    await page.getByTestId('proof-qr').waitFor();
    await screenshot(page, 'portal-proof-issued-desktop');
    await page.getByRole('link', { name: '查看我的证明' }).click();
    await page.getByTestId('my-proofs').waitFor(SLOW);
    await screenshot(page, 'portal-my-proofs-desktop');
    await page.getByTestId('switch-language').click();
    await page.getByRole('link', { name: 'My proofs' }).click();
    await page.getByRole('button', { name: 'Get a proof' }).waitFor();
    await expect.poll(() => page.getByTestId('my-proofs').innerText(), SLOW).toContain('Download PDF');
    expect(await page.getByTestId('my-proofs').innerText()).toContain('办理公证');
    await screenshot(page, 'portal-my-proofs-english');
    expect(errors).toEqual([]);
  });
});
