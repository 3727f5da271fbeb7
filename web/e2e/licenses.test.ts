import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { chinaDate } from '../../src/licenses/license-status.js';
import { e2eIdNumber, staffClient } from './api-client';
import { choose, decodeQr, fitsViewport, logInToConsole, logInToPortal, openBrowser, screenshot, type BrowserSession } from './browser';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from './env';

const baseUrl = inject('baseUrl');
const serverLog = inject('serverLog');
const skipReason = inject('skipReason');
const PHONE = '13900003333';
const FOOD_NUMBER = 'JY14309000E2E01';
/** For waits on the server: one PGlite connection serves the whole suite. */
const SLOW = { timeout: 15_000 };

/** The date `days` from today in China time. */
function dayFromToday(days: number): string {
  const d = new Date(`${chinaDate(new Date())}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface Listed {
  id: string;
  verificationCode: string;
}

describe.skipIf(skipReason !== '')('e-licences in Chromium', () => {
  let session: BrowserSession | undefined;
  let shop = { id: '', name: '', uscc: '' };
  let drugLicense: Listed = { id: '', verificationCode: '' };

  beforeAll(async () => {
    const admin = await staffClient(baseUrl, 'admin', ADMIN_PASSWORD);
    const officer = await staffClient(baseUrl, 'officer.scjg', DEMO_PASSWORD);
    // A demo organisation (synthetic, seeded at the first start).
    const orgs = await admin<{ items: { id: string; name: string; uscc: string }[] }>('GET', '/api/v1/subjects?kind=organization&limit=1');
    const org = orgs.items[0];
    if (!org) throw new Error('no demo organisation');
    shop = org;
    // A licence of the market-regulation line, for the clerk's retrieval and the verification page.
    drugLicense = await officer<Listed>('POST', '/api/v1/licenses', {
      typeCode: 'drug_business_license',
      holderId: shop.id,
      fields: { address: '益阳市（示例地址）', scope: '中成药、化学药制剂', qualityManager: '示例' },
      disclosure: ['scope'],
    });
    // A citizen with a licence ending in 30 days and one in force for years.
    const person = await admin<{ id: string }>('POST', '/api/v1/subjects', { kind: 'person', name: '周证照', idNumber: e2eIdNumber(303), phone: PHONE, regionCode: '430902005000' });
    for (const [number, validUntil] of [['YS2021E2E0001', dayFromToday(30)], ['YS2024E2E0002', dayFromToday(900)]] as const) {
      await officer('POST', '/api/v1/licenses', { typeCode: 'licensed_pharmacist', holderId: person.id, number, validFrom: '2021-06-01', validUntil, fields: { employer: '益阳示例大药房' }, disclosure: ['employer'] });
    }
  });
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('lets an officer issue a licence to a demo organisation, find it, revoke it with a reason; the public page then says 吊销', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await logInToConsole(page, baseUrl, 'officer.scjg', DEMO_PASSWORD);
    await page.getByRole('link', { name: '签发证照' }).click();
    await page.getByRole('heading', { name: '签发证照', exact: true }).waitFor();
    await choose(page, '证照类型', '食品经营', '食品经营许可证');
    await page.getByText('有效期规则：5 年').waitFor();
    // The holder, found by USCC (the picker offers the code organisations have).
    await page.getByTestId('subject-query').fill(shop.uscc);
    await page.getByTestId('subject-find').click();
    await page.getByRole('button', { name: `选择 ${shop.name}` }).click();
    await expect.poll(() => page.getByTestId('picked-subject').innerText(), SLOW).toContain(shop.uscc);
    await page.getByTestId('issue-number').fill(FOOD_NUMBER);
    await page.getByTestId('field-premises').fill('益阳市示例路 18 号');
    await page.getByTestId('field-mainBusiness').fill('餐饮服务经营者（小型餐馆）');
    await page.getByTestId('field-items').fill('热食类食品制售');
    await page.getByRole('checkbox', { name: '经营场所' }).check();
    await screenshot(page, 'console-license-issue-form');
    await page.getByTestId('issue-submit').click();

    // The new licence: signed, valid, with the QR code of its public page.
    await page.getByRole('heading', { name: `食品经营许可证 · ${FOOD_NUMBER}` }).waitFor();
    const detail = page.getByTestId('license-detail');
    await expect.poll(() => detail.innerText(), SLOW).toContain(shop.name);
    expect(await detail.innerText()).toContain('益阳市市场监督管理局');
    expect(await page.getByTestId('license-fields').innerText()).toMatch(/经营场所\s*益阳市示例路 18 号\s*公开/);
    const code = (await page.getByTestId('verification-code').innerText()).trim();
    const qr = page.getByTestId('license-qr');
    await qr.waitFor();
    expect(decodeQr(await qr.screenshot())).toBe(`${baseUrl}/v/${code}`);
    await screenshot(page, 'console-license-issued');

    // The list finds it by number.
    await page.getByRole('link', { name: '证照查询', exact: true }).click();
    await page.getByRole('heading', { name: '证照查询', exact: true }).waitFor();
    await page.getByTestId('filter-number').fill(FOOD_NUMBER);
    await page.getByTestId('license-search').click();
    const table = page.getByTestId('licenses-table');
    await table.getByText(FOOD_NUMBER).waitFor();
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count(), SLOW).toBe(1);
    expect(await page.getByTestId('export-licenses').getAttribute('href')).toContain(`number=${FOOD_NUMBER}`);
    await screenshot(page, 'console-licenses');

    // Revoke it, with a reason, after a confirming dialog.
    await table.getByRole('link', { name: '食品经营许可证' }).click();
    await page.getByRole('heading', { name: `食品经营许可证 · ${FOOD_NUMBER}` }).waitFor();
    await page.getByTestId('license-actions').getByRole('button', { name: '吊销' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '吊销：食品经营许可证' });
    await dialog.getByText('是一种行政处罚').waitFor();
    await dialog.getByTestId('end-reason').fill('e2e：以欺骗手段取得许可，依法吊销');
    await screenshot(page, 'console-license-revoke-dialog');
    await dialog.getByRole('button', { name: '确认吊销' }).click();
    await expect.poll(() => page.locator('.title-with-status').innerText(), SLOW).toContain('已吊销');
    await expect.poll(() => page.getByTestId('license-history').innerText(), SLOW).toContain('以欺骗手段取得许可');
    expect(await page.getByTestId('license-actions').count()).toBe(0);
    await screenshot(page, 'console-license-revoked');

    expect(errors).toEqual([]);

    // The page the QR code opens (server-rendered; Chromium's request for /favicon.ico there is not ours to check).
    await page.goto(`${baseUrl}/v/${code}`);
    await expect.poll(() => page.locator('.status').innerText(), SLOW).toBe('吊销');
    expect(await page.locator('body').innerText()).toContain('益阳市示例路 18 号');
    expect(await page.locator('body').innerText()).not.toContain('热食类食品制售');
    await screenshot(page, 'public-verify-revoked');
  });

  it('shows the catalogue with issuing departments, validity in words and fields', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await logInToConsole(page, baseUrl, 'officer.scjg', DEMO_PASSWORD);
    await page.getByRole('link', { name: '证照目录' }).click();
    const table = page.getByTestId('license-types-table');
    const row = table.locator('tr', { hasText: '食品经营许可证' });
    await expect.poll(() => row.innerText(), SLOW).toContain('益阳市市场监督管理局');
    expect(await row.innerText()).toContain('5 年');
    expect(await row.innerText()).toContain('svc.food_business_license.renew');
    expect(await table.locator('tr', { hasText: '居民身份证' }).innerText()).toContain('16 岁以下 5 年');
    await screenshot(page, 'console-license-types');
    expect(errors).toEqual([]);
  });

  it('lets a clerk open another department\'s licence only after stating the purpose, and records it', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await logInToConsole(page, baseUrl, 'clerk.zwzx', DEMO_PASSWORD);
    await page.goto(`${baseUrl}/console/licenses/${drugLicense.id}`);
    await page.getByTestId('purpose-card').waitFor();
    expect(await page.getByTestId('license-detail').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain(shop.name);
    await screenshot(page, 'console-license-purpose');
    await page.getByTestId('detail-purpose').fill('办理药品零售企业变更，核验药品经营许可证');
    await page.getByTestId('detail-purpose-submit').click();
    const detail = page.getByTestId('license-detail');
    await expect.poll(() => detail.innerText(), SLOW).toContain(shop.name);
    expect(await page.getByTestId('retrieval-recorded').innerText()).toContain('办理药品零售企业变更');
    expect(await page.getByTestId('license-actions').count()).toBe(0);
    expect(await page.getByTestId('download-document').count()).toBe(0);
    await page.getByTestId('license-qr').waitFor();
    await screenshot(page, 'console-license-retrieved');
    const admin = await staffClient(baseUrl, 'admin', ADMIN_PASSWORD);
    const audit = await admin<{ items: { actorName: string; targetId: string; purpose: string }[] }>('GET', '/api/v1/audit?action=license.retrieve&limit=5');
    expect(audit.items.find((e) => e.targetId === drugLicense.id)).toMatchObject({ actorName: 'clerk.zwzx', purpose: '办理药品零售企业变更，核验药品经营许可证' });

    // From the list: a holder's licences, for a purpose stated before anything is listed; the detail then opens with it.
    await page.getByRole('link', { name: '证照查询', exact: true }).click();
    await page.getByRole('heading', { name: '证照查询', exact: true }).waitFor();
    await choose(page, '查找方式', '', '统一社会信用代码');
    await page.getByTestId('subject-query').fill(shop.uscc);
    await page.getByTestId('subject-find').click();
    await page.getByRole('button', { name: `选择 ${shop.name}` }).click();
    await page.getByTestId('retrieval-purpose').fill('核验经营许可');
    await page.getByTestId('license-search').click();
    const table = page.getByTestId('licenses-table');
    await table.getByText('药品经营许可证').waitFor();
    await screenshot(page, 'console-license-holder-retrieval');
    await table.getByRole('link', { name: '药品经营许可证' }).click();
    await expect.poll(() => page.getByTestId('retrieval-recorded').innerText(), SLOW).toContain('核验经营许可');
    // The page first asked the API without a purpose; the 400 ("state the purpose") is what made it ask, and Chromium logs that response.
    expect(errors.filter((e) => !e.includes('status of 400 (Bad Request)'))).toEqual([]);
  });

  it('verifies a downloaded document as valid, and as invalid after one character is changed', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await logInToConsole(page, baseUrl, 'officer.scjg', DEMO_PASSWORD);
    await page.goto(`${baseUrl}/console/licenses/${drugLicense.id}`);
    await page.getByTestId('license-detail').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-document').click()]);
    const file = await download.path();
    expect(download.suggestedFilename()).toMatch(/^药品经营许可证-.+\.json$/);
    await page.getByRole('link', { name: '核验', exact: true }).click();
    await page.getByRole('heading', { name: '核验电子证照' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => page.getByTestId('verify-input').inputValue(), SLOW).toContain('mianzheng-signed-document/1');
    await page.getByTestId('verify-submit').click();
    const result = page.getByTestId('verify-result');
    await expect.poll(() => result.getAttribute('data-result'), SLOW).toBe('valid');
    expect(await result.innerText()).toContain('有效');
    expect(await result.innerText()).toContain('签名有效');
    await screenshot(page, 'console-verify-valid');
    // One character of the signed content changed: the signature no longer matches.
    const text = readFileSync(file, 'utf8');
    const altered = text.replace('中成药', '中草药');
    expect(altered).not.toBe(text);
    await page.getByTestId('verify-input').fill(altered);
    await page.getByTestId('verify-submit').click();
    await expect.poll(() => page.getByTestId('verify-result').getAttribute('data-result'), SLOW).toBe('invalid');
    expect(await page.getByTestId('verify-result').innerText()).toContain('签名无效');
    await screenshot(page, 'console-verify-invalid');
    expect(errors).toEqual([]);
  });

  it('shows a citizen her licences in the portal wallet, the expiring one first, and its QR code and file', async () => {
    session = await openBrowser({ width: 375, height: 812, mobile: true });
    const { page, errors } = session;
    await logInToPortal(page, baseUrl, serverLog, PHONE);
    await page.getByRole('link', { name: '我的证照' }).click();
    const cards = page.getByTestId('wallet-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(2);
    const first = await cards.first().innerText();
    expect(first).toContain('执业药师注册证');
    expect(first).toContain('即将到期');
    expect(first).toContain('剩 30 天');
    expect(first).toContain(dayFromToday(30));
    expect(await cards.nth(1).innerText()).toContain('有效');
    expect(await page.locator('.wallet-alert').innerText()).toContain('1 张证照将在 90 天内到期');
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'portal-wallet');
    // Large text and high contrast (适老化): the cards stay readable and within the screen.
    await page.getByTestId('large-text').click();
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).fontSize), SLOW).toBe('18px');
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'portal-wallet-large-text');
    await page.getByTestId('large-text').click();

    await cards.first().getByRole('link').click();
    await page.getByRole('heading', { name: '执业药师注册证', level: 1 }).waitFor();
    const qr = page.getByTestId('license-qr');
    await qr.waitFor();
    const code = (await page.getByTestId('verification-code').innerText()).trim();
    expect(decodeQr(await qr.screenshot())).toBe(`${baseUrl}/v/${code}`);
    expect(await page.getByTestId('wallet-license').innerText()).toMatch(/执业单位\s*益阳示例大药房\s*公开/);
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'portal-wallet-license');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('wallet-download').click()]);
    const signed = JSON.parse(readFileSync(await download.path(), 'utf8')) as { document: { holderCode: string; number: string } };
    expect(signed.document).toMatchObject({ holderCode: e2eIdNumber(303), number: 'YS2021E2E0001' });
    expect(errors).toEqual([]);
  });

  it('speaks English on the licence pages, in large text too', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await logInToConsole(page, baseUrl, 'officer.scjg', DEMO_PASSWORD);
    await page.getByTestId('switch-language').click();
    await page.getByTestId('large-text').click();
    await page.getByRole('link', { name: 'Licences', exact: true }).click();
    await page.getByRole('heading', { name: 'Licences', exact: true }).waitFor();
    await page.getByTestId('licenses-table').getByText('YS2021E2E0001').waitFor();
    expect(await page.getByTestId('licenses-table').innerText()).toContain('Expiring soon · 30 days left');
    await page.goto(`${baseUrl}/console/licenses/${drugLicense.id}`);
    await page.getByRole('heading', { name: 'Licence details' }).waitFor();
    await page.getByRole('heading', { name: 'Verification QR code' }).waitFor();
    await page.getByTestId('license-qr').waitFor();
    expect(await page.getByTestId('license-actions').innerText()).toMatch(/Amend[\s\S]*Renew[\s\S]*Cancel[\s\S]*Revoke[\s\S]*Withdraw/);
    await screenshot(page, 'console-license-english-large-text');
    expect(errors).toEqual([]);
  });

  it('keeps the licence pages usable on a 375 px phone', async () => {
    session = await openBrowser({ width: 375, height: 812, mobile: true });
    const { page, errors } = session;
    await logInToConsole(page, baseUrl, 'officer.scjg', DEMO_PASSWORD);
    await page.getByRole('button', { name: '主菜单' }).click();
    await page.locator('.console-drawer').getByRole('link', { name: '证照查询' }).click();
    await page.getByRole('heading', { name: '证照查询', exact: true }).waitFor();
    await page.getByTestId('expiring-filter').click();
    const table = page.getByTestId('licenses-table');
    await table.getByText('YS2021E2E0001').waitFor();
    // Only licences ending within 90 days are listed: this citizen's, and the demo organisations' that end soon.
    const standings = () => table.locator('tbody tr.ant-table-row [data-standing]').evaluateAll((tags) => [...new Set(tags.map((t) => t.getAttribute('data-standing')))]);
    await expect.poll(standings, SLOW).toEqual(['expiring']);
    expect(await table.locator('tr', { hasText: 'YS2021E2E0001' }).innerText()).toContain('剩 30 天');
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'console-mobile-licenses');
    await page.goto(`${baseUrl}/console/licenses/${drugLicense.id}`);
    await page.getByTestId('license-qr').waitFor();
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'console-mobile-license-detail');
    await page.goto(`${baseUrl}/console/licenses/new`);
    await choose(page, '证照类型', '食品经营', '食品经营许可证');
    await page.getByTestId('field-premises').waitFor();
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'console-mobile-license-issue');
    await page.goto(`${baseUrl}/console/licenses/verify`);
    await page.getByTestId('verify-input').waitFor();
    expect(await fitsViewport(page)).toBe(true);
    await screenshot(page, 'console-mobile-verify');
    expect(errors).toEqual([]);
  });
});
