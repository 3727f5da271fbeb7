import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/access/access.js';
import { findAuditEvents } from '../core/audit/audit.service.js';
import { fixedClock } from '../core/clock.js';
import type { Deps } from '../core/context.js';
import { queryRows, type Database } from '../core/db/database.js';
import { readTableRows } from '../core/files/table-reader.js';
import { parseLicenseId } from '../core/ids/license-id.js';
import { createSubject } from '../registry/index.js';
import { testCtx } from '../test/harness.js';
import { demoActor, openLicensingDatabase } from '../test/licensing.js';
import { opensslVerify } from '../test/openssl.js';
import { idNumberFrom, usccFrom } from '../test/identifiers.js';
import { LICENSE_HEADER_ALIASES } from './license-import.columns.js';
import { getLicenseHistory, signedLicenseDocument } from './license.read.js';
import { importLicenses, type LicenseImportError } from './license.import.js';
import { licenses } from './license.schema.js';
import { endLicense, issueLicense } from './license.service.js';
import { countUnsignedLicenses, signPendingLicenses } from './license.signer.js';
import type { SigningPool } from './signing.pool.js';
import { lookupLicense, verifySignedDocument } from './verification.service.js';

let database: Database;
let deps: Deps;
const clock = fixedClock(new Date('2026-03-01T02:00:00Z'));
const dir = mkdtempSync(join(tmpdir(), 'mz-licimport-'));
let officer: Actor;

// Holders: two shops and a pharmacist in 赫山区 (430903), a shop in 资阳区 (430902).
const shop = usccFrom('430903', 'MA4LTM01');
const shop2 = usccFrom('430903', 'MA4LTM02');
const farShop = usccFrom('430902', 'MA4LTM03');
const unregistered = usccFrom('430903', 'MA4LTM09');
const pharmacist = idNumberFrom('43090319880412002');

beforeAll(async () => {
  ({ database, deps } = await openLicensingDatabase(clock));
  officer = await demoActor(deps, 'officer.hs.scjg');
  const system = testCtx(deps);
  await createSubject(system, { kind: 'organization', name: '益阳市赫山区导入测试餐饮有限公司', uscc: shop, regionCode: '430903001000', legalRepresentative: '王五', phone: '13907370001' });
  await createSubject(system, { kind: 'organization', name: '赫山区第二食品商行', uscc: shop2, regionCode: '430903001000', legalRepresentative: '赵六', phone: '13907370002' });
  await createSubject(system, { kind: 'organization', name: '资阳区远方食品有限公司', uscc: farShop, regionCode: '430902005000', legalRepresentative: '钱七', phone: '13907370003' });
  await createSubject(system, { kind: 'person', name: '孙药师', idNumber: pharmacist, phone: '13807370004', regionCode: '430903001000' });
});
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

const HEADER = ['证照编号', '证照类型', '持证主体名称', '持证主体代码', '颁发日期', '有效期起始', '有效期截止', '经营场所', '主体业态', '许可项目'];
const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Writes a CSV (header + rows) and imports it as `actor`, collecting every rejected row. */
async function importCsv(name: string, rows: string[][], options: { header?: string[]; actor?: Actor; batchSize?: number } = {}) {
  const file = join(dir, name);
  writeFileSync(file, `\uFEFF${[options.header ?? HEADER, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`);
  const errors: LicenseImportError[] = [];
  const report = await importLicenses(testCtx(deps, options.actor ?? officer), readTableRows(file, LICENSE_HEADER_ALIASES), { batchSize: options.batchSize ?? 3, onError: (e) => errors.push(e) });
  return { report, errors: errors.sort((a, b) => a.row - b.row || a.field.localeCompare(b.field)) };
}

const food = (number: string, holder = shop, name = '益阳市赫山区导入测试餐饮有限公司', extra: Partial<Record<'issued' | 'from' | 'until' | 'premises', string>> = {}) => [
  number, '食品经营许可证', name, holder, extra.issued ?? '2025-05-22', extra.from ?? '2025-05-22', extra.until ?? '2030-05-21', extra.premises ?? '益阳市赫山区示例路1号', '餐饮服务经营者', '热食类食品制售',
];

const firstFile = [
  food('JY14309030000001'),
  ['ZY-2025-0001', 'licensed_pharmacist', '孙药师', pharmacist.toLowerCase(), '2025/6/1', '', '', '', '', ''],
  ['X1', '宠物美容许可证', '益阳市赫山区导入测试餐饮有限公司', shop, '2025-05-22', '', '', '', '', ''],
  food('JY14309030000002', unregistered, '未登记的公司'),
  food('JY14309030000003', pharmacist, '孙药师'),
  food('JY14309030000004', shop2, '赫山区第二食品商行', { issued: '2025-02-30' }),
  food('JY14309030000005', shop2, '赫山区第二食品商行', { from: '2025-06-01', until: '2025-05-31' }),
  food('JY14309030000006', shop2, '赫山区第二食品商行', { issued: '2027-01-01' }),
  food('JY1430903-0000001'),
  ['JH001', '结婚证', '孙药师', pharmacist, '2025-05-22', '', '', '', '', ''],
  food('JY14309030000007', farShop, '资阳区远方食品有限公司'),
  food('JY14309030000008', shop2, '赫山区第三食品商行'),
  food('JY14309030000009', shop2, '赫山区第二食品商行', { until: '长期' }),
];

describe('importing licences', () => {
  it('commits the good rows and reports each bad row with row, field and reason', async () => {
    const { report, errors } = await importCsv('first.csv', firstFile);
    expect(report).toEqual({ total: 13, inserted: 2, updated: 0, unchanged: 0, rejected: 11 });
    expect(errors).toEqual([
      { row: 4, field: 'type', reason: 'unknown licence type "宠物美容许可证"' },
      { row: 5, field: 'holderCode', reason: 'no organisation is registered with this USCC' },
      { row: 6, field: 'holderCode', reason: '食品经营许可证 is not issued to a person' },
      { row: 7, field: 'issuedOn', reason: '"2025-02-30" is not a date (YYYY-MM-DD)' },
      { row: 8, field: 'validUntil', reason: '2025-05-31 is before the start of validity 2025-06-01' },
      { row: 9, field: 'issuedOn', reason: '2027-01-01 is in the future' },
      { row: 10, field: 'number', reason: 'the same licence as row 2 (same type, issuer and number)' },
      { row: 11, field: 'type', reason: '益阳市赫山区市场监督管理局 does not issue 结婚证' },
      { row: 12, field: 'holderCode', reason: 'the holder is outside your region' },
      { row: 13, field: 'holderName', reason: 'does not match the name registered under this USCC' },
      { row: 14, field: 'validUntil', reason: '食品经营许可证 is valid for 5 years, not 长期' },
    ]);
    const stored = await deps.db.select().from(licenses).where(eq(licenses.number, 'JY14309030000001'));
    expect(stored).toHaveLength(1);
    const [food1] = stored;
    const parsed = parseLicenseId(food1?.identifier ?? '');
    expect(parsed).toMatchObject({ ok: true, serial: 'JY14309030000001', version: 1, issuerCode: food1?.issuerCode });
    expect(food1).toMatchObject({ signature: null, status: 'valid', fields: { premises: '益阳市赫山区示例路1号', mainBusiness: '餐饮服务经营者', items: '热食类食品制售' }, issuerName: '益阳市赫山区市场监督管理局' });
    const [pharm] = await deps.db.select().from(licenses).where(eq(licenses.number, 'ZY-2025-0001'));
    // The catalogue's rule (5 years) filled the empty 有效期截止; the ID number is stored encrypted and masked.
    expect(pharm).toMatchObject({ validFrom: '2025-06-01', validUntil: '2030-05-31', serial: 'ZY20250001', holderCode: '430903********0025'.replace('0025', pharmacist.slice(-4)) });
    expect(pharm?.holderCodeCipher?.toString('latin1')).not.toContain(pharmacist.slice(0, 6));
    const [audit] = await findAuditEvents(deps.db, { action: 'license.import', limit: 1 });
    expect(audit?.payload).toMatchObject({ inserted: expect.any(Number) });
  });

  it('refuses unknown fields, bad statuses and a file without the licence columns', async () => {
    const { report, errors } = await importCsv('extra.csv', [
      [...food('JY14309030000010', shop2, '赫山区第二食品商行'), 'red', ''],
      [...food('JY14309030000011', shop2, '赫山区第二食品商行'), '', '99'],
      [...food('JY14309030000012', shop2, '赫山区第二食品商行'), '', '05'],
    ], { header: [...HEADER, '颜色', '证照状态'] });
    expect(report).toMatchObject({ total: 3, inserted: 0, rejected: 3 });
    expect(errors).toEqual([
      { row: 2, field: '颜色', reason: 'is not a field of 食品经营许可证 (经营场所、主体业态、许可项目)' },
      { row: 3, field: 'status', reason: '"99" is not a status an import may set (有效 01, 撤销 03, 注销 04, 失效 05, 吊销 07)' },
      { row: 4, field: 'status', reason: '失效 (expired) needs an 有效期截止 in the past' },
    ]);
    await expect(importCsv('subjects.csv', [['张三', '430903']], { header: ['姓名', '区划代码'] })).rejects.toThrow(/lacks the columns 证照类型, 证照编号, 持证主体名称, 持证主体代码, 颁发日期/);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await queryRows<{ n: number | string }>(deps.db, sql`select count(*) as n from license_events`);
    const { report } = await importCsv('first-again.csv', firstFile, { batchSize: 5 });
    expect(report).toEqual({ total: 13, inserted: 0, updated: 0, unchanged: 2, rejected: 11 });
    const after = await queryRows<{ n: number | string }>(deps.db, sql`select count(*) as n from license_events`);
    expect(Number(after[0]?.n)).toBe(Number(before[0]?.n));
  });

  it('signs imported licences in the background; the signatures verify, also with OpenSSL', async () => {
    expect(await countUnsignedLicenses(deps.db)).toBe(2);
    const { signed } = await signPendingLicenses(deps, { workers: 2, batchSize: 1 });
    expect(signed).toBe(2);
    expect(await countUnsignedLicenses(deps.db)).toBe(0);
    const [row] = await deps.db.select().from(licenses).where(eq(licenses.number, 'JY14309030000001'));
    if (!row) throw new Error('licence missing');
    const doc = await signedLicenseDocument(testCtx(deps, officer), row.id);
    expect((await verifySignedDocument(deps.db, clock, doc, { license: lookupLicense })).result).toBe('valid');
    expect(await opensslVerify(deps.db, doc)).toContain('Signature Verified Successfully');
  });

  it('updates a changed row and its digest, keeps the old content in the history, and signs it again', async () => {
    const [before] = await deps.db.select().from(licenses).where(eq(licenses.number, 'JY14309030000001'));
    const { report } = await importCsv('changed.csv', [food('JY14309030000001', shop, '益阳市赫山区导入测试餐饮有限公司', { premises: '益阳市赫山区示例路2号' })]);
    expect(report).toEqual({ total: 1, inserted: 0, updated: 1, unchanged: 0, rejected: 0 });
    const [after] = await deps.db.select().from(licenses).where(eq(licenses.number, 'JY14309030000001'));
    expect(after?.id).toBe(before?.id);
    expect(after?.fields.premises).toBe('益阳市赫山区示例路2号');
    expect(after?.documentDigest).not.toBe(before?.documentDigest);
    expect(after?.signature).toBeNull();
    const history = await getLicenseHistory(testCtx(deps, officer), after?.id ?? '');
    expect(history.map((h) => h.action)).toEqual(['import', 'import_update']);
    expect(history[1]?.details).toMatchObject({ previous: { fields: { premises: '益阳市赫山区示例路1号' }, documentDigest: before?.documentDigest } });
    await signPendingLicenses(deps, { workers: 1 });
    const doc = await signedLicenseDocument(testCtx(deps, officer), after?.id ?? '');
    expect(doc.document.fields).toContainEqual({ key: 'premises', label: '经营场所', value: '益阳市赫山区示例路2号' });
    expect((await verifySignedDocument(deps.db, clock, doc, { license: lookupLicense })).result).toBe('valid');
  });

  it('never changes a licence that has ended or been amended, nor moves a licence to another holder', async () => {
    const ctx = testCtx(deps, officer);
    const issued = await issueLicense(ctx, { typeCode: 'food_business_license', holderId: (await holderIdOf(shop2)), number: 'JY14309039999999', validFrom: '2025-05-22', validUntil: '2030-05-21', fields: { premises: '甲' } });
    await endLicense(ctx, issued.id, 'revoked', '严重违法');
    const { report, errors } = await importCsv('ended.csv', [
      food('JY14309039999999', shop2, '赫山区第二食品商行', { premises: '乙' }),
      food('JY14309030000001', shop2, '赫山区第二食品商行', { premises: '益阳市赫山区示例路2号' }),
    ]);
    expect(report).toMatchObject({ inserted: 0, updated: 0, rejected: 2 });
    expect(errors).toEqual([
      { row: 2, field: 'status', reason: 'the licence is 吊销 (revoked) in the registry; an import cannot change or reinstate it' },
      { row: 3, field: 'holderCode', reason: 'the licence is registered to another holder; a change of holder is an amendment (变更), not an import' },
    ]);
    const [still] = await deps.db.select().from(licenses).where(eq(licenses.id, issued.id));
    expect(still).toMatchObject({ status: 'revoked', fields: { premises: '甲' } });
  });

  it('reads .xlsx files with English headers and several issuing departments of the actor', async () => {
    const file = join(dir, 'licences.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('证照');
    sheet.addRow(['number', 'type', 'holderName', 'holderCode', 'issuedOn', 'validUntil', 'issuerCode', 'status', 'address', 'legalRepresentative', 'registeredCapital', 'scope']);
    sheet.addRow(['430903000012345', 'business_license', '赫山区第二食品商行', shop2, new Date('2024-01-05T00:00:00Z'), '长期', '', '04', '赫山区', '赵六', '10万元', '食品销售']);
    await book.xlsx.writeFile(file);
    const errors: LicenseImportError[] = [];
    const report = await importLicenses(testCtx(deps, officer), readTableRows(file, LICENSE_HEADER_ALIASES), { onError: (e) => errors.push(e) });
    expect(errors).toEqual([]);
    expect(report).toMatchObject({ inserted: 1 });
    const [row] = await deps.db.select().from(licenses).where(eq(licenses.number, '430903000012345'));
    expect(row).toMatchObject({ status: 'cancelled', statusReason: '部门系统导入：注销', validUntil: null, issuedOn: '2024-01-05' });
  });

  it('leaves a batch unsigned when the signer dies midway, for the next signer to sign', async () => {
    const { report } = await importCsv('crash.csv', [food('JY1430903CRASH01', shop2, '赫山区第二食品商行'), food('JY1430903CRASH02', shop2, '赫山区第二食品商行')]);
    expect(report.inserted).toBe(2);
    const pending = await countUnsignedLicenses(deps.db);
    const dying: SigningPool = { size: 1, sign: async () => { throw new Error('the process was killed'); }, close: async () => undefined };
    await expect(signPendingLicenses(deps, { pool: dying })).rejects.toThrow('the process was killed');
    expect(await countUnsignedLicenses(deps.db)).toBe(pending); // the claiming transaction rolled back
    expect((await signPendingLicenses(deps, { workers: 1 })).signed).toBe(pending);
    expect(await countUnsignedLicenses(deps.db)).toBe(0);
  });

  it('lets two signers run at once: each row is signed exactly once', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => food(`JY1430903${String(100000 + i)}`, shop2, '赫山区第二食品商行'));
    const { report } = await importCsv('many.csv', rows, { batchSize: 50 });
    expect(report.inserted).toBe(120);
    const pending = await countUnsignedLicenses(deps.db);
    const signedBefore = await signaturesAudited();
    const [a, b] = await Promise.all([signPendingLicenses(deps, { workers: 1, batchSize: 7 }), signPendingLicenses(deps, { workers: 1, batchSize: 7 })]);
    expect((a?.signed ?? 0) + (b?.signed ?? 0)).toBe(pending);
    expect(await countUnsignedLicenses(deps.db)).toBe(0);
    expect((await signaturesAudited()) - signedBefore).toBe(pending);
  });
});

/** Signatures recorded in the audit chain so far (one event per signed batch, with its count). */
async function signaturesAudited(): Promise<number> {
  const events = await findAuditEvents(deps.db, { action: 'license.sign', limit: 1000 });
  return events.reduce((n, e) => n + Number(e.payload.count), 0);
}

async function holderIdOf(uscc: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(deps.db, sql`select id from subjects where uscc = ${uscc}`);
  if (!row) throw new Error(`no subject ${uscc}`);
  return row.id;
}
