import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../core/db/database.js';
import { buildApp } from '../http/app.js';
import { endLicense, listLicenses, seedLicensing, signedLicenseDocument, type SignedDocument } from '../licenses/index.js';
import { createSubject, seedReferenceData } from '../registry/index.js';
import { errorReportRows, openCliDatabase, runCli, type CliDatabase } from '../test/cli.js';
import { testCtx, testDeps } from '../test/harness.js';
import { idNumberFrom, usccFrom } from '../test/identifiers.js';

/** `mianzheng import licenses`, `sign` and `verify` as a person runs them, in a child process. */
const work = mkdtempSync(join(tmpdir(), 'mz-cli-lic-'));
const dataDir = join(work, 'data');
let db: CliDatabase;
const shop = usccFrom('430903', 'MA4LCL01');
const driver = idNumberFrom('43090319800101003');

beforeAll(async () => {
  db = await openCliDatabase(dataDir);
  await db.use(async (_, deps) => {
    await seedReferenceData(deps);
    await seedLicensing(deps);
    await createSubject(testCtx(deps), { kind: 'organization', name: '赫山区命令行测试商店', uscc: shop, regionCode: '430903001000', legalRepresentative: '吴九', phone: '13907372222' });
    await createSubject(testCtx(deps), { kind: 'person', name: '命令行测试人', idNumber: driver, phone: '13807372222', regionCode: '430903001000' });
  });
});
afterAll(async () => {
  await db?.close();
  rmSync(work, { recursive: true, force: true });
});

const cli = (args: string[]) => runCli(args, { dataDir, databaseUrl: db.url });
const file = (name: string, text: string) => {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
};

describe('mianzheng import licenses and sign', () => {
  const csv = join(work, '证照.csv');

  it('imports the good rows, writes the bad ones to the error file (exit 3), then signs them', async () => {
    writeFileSync(
      csv,
      [
        '证照编号,证照类型,持证主体名称,持证主体代码,颁发日期,有效期截止,经营场所',
        `JY1430903CL0001,食品经营许可证,赫山区命令行测试商店,${shop},2025-05-22,2030-05-21,赫山区命令行路1号`,
        `JY1430903CL0002,食品经营许可证,赫山区命令行测试商店,${shop},2025-05-22,2030-05-21,`,
        `JY1430903CL0003,食品经营许可证,赫山区命令行测试商店,${usccFrom('430903', 'MA4LCL09')},2025-05-22,2030-05-21,`,
      ].join('\n'),
    );
    const run = await cli(['import', 'licenses', csv, '--department', '430903-market_regulation']);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stdout).toMatch(/^3 rows: 2 new, 0 updated, 0 unchanged, 1 rejected \(import [0-9a-f-]{36}\)\n/);
    expect(run.stdout).toContain('2 licences wait for their signature: run `mianzheng sign`');
    expect(errorReportRows(`${csv}.errors.csv`)).toEqual([{ row: '4', field: 'holderCode', reason: 'no organisation is registered with this USCC' }]);

    const sign = await cli(['sign', '--workers', '2']);
    expect(sign.code, sign.stderr).toBe(0);
    expect(sign.stdout).toMatch(/^signed 2 licences in [\d.]+ s \(\d+\/s, 2 workers\)\n$/);
    const nothing = await cli(['sign']);
    expect(nothing.stdout).toBe('nothing to sign: every licence is signed\n');
  });

  it('changes nothing on a second import; refuses a file without the licence columns and an unknown department', async () => {
    const again = await cli(['import', 'licenses', csv, '--department', '430903-market_regulation', '--sign']);
    expect(again.code).toBe(3);
    expect(again.stdout).toMatch(/^3 rows: 0 new, 0 updated, 2 unchanged, 1 rejected/);
    // One after the other: on PGlite each run holds the data directory.
    const wrong = await cli(['import', 'licenses', file('names.csv', '姓名,区划代码\n张三,430903001000\n'), '--department', '430903-market_regulation']);
    const unknown = await cli(['import', 'licenses', csv, '--department', 'no-such-department']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('the file lacks the columns 证照类型, 证照编号, 持证主体名称, 持证主体代码, 颁发日期');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no department has code "no-such-department"');
  });
});

describe('mianzheng verify (offline, no database)', () => {
  let document: SignedDocument;
  let keysPath = '';
  let docPath = '';

  beforeAll(async () => {
    // What a holder and a verifier save: the signed document and GET /api/v1/keys.
    await db.use(async (database, deps) => {
      const [license] = (await listLicenses(testCtx(deps), { number: 'JY1430903CL0001', limit: 1 })).items;
      if (!license) throw new Error('the imported licence is missing');
      document = await signedLicenseDocument(testCtx(deps), license.id);
      const app = await appOn(database);
      keysPath = file('keys.json', (await app.inject({ method: 'GET', url: '/api/v1/keys' })).body);
      await app.close();
    });
    docPath = file('licence.json', JSON.stringify(document, null, 2));
  });

  it('says valid, and that revocation was not checked', async () => {
    const run = await cli(['verify', docPath, '--keys', keysPath]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('食品经营许可证 JY1430903CL0001 · 益阳市赫山区市场监督管理局');
    expect(run.stdout).toContain('offline: 有效 / valid\n  - 签名有效 / signature valid\n');
    expect(run.stdout).toContain('note: revocation was not checked (offline); add --url https://… to ask the registry');
  });

  it('says invalid for a tampered document or an unknown key (exit 1), and bad input for a bad file (exit 2)', async () => {
    const tampered = file('tampered.json', JSON.stringify({ ...document, document: { ...document.document, holderName: '别人' } }));
    const unknownKey = file('other-key.json', JSON.stringify({ ...document, signature: { ...document.signature, keyId: '00000000-0000-7000-8000-000000000000' } }));
    const [t, u, notJson, notDoc, missing, noKeys, badKeys] = await Promise.all([
      cli(['verify', tampered, '--keys', keysPath]),
      cli(['verify', unknownKey, '--keys', keysPath]),
      cli(['verify', file('not.json', 'this is not json'), '--keys', keysPath]),
      cli(['verify', file('other.json', '{"format":"pdf"}'), '--keys', keysPath]),
      cli(['verify', join(work, 'nowhere.json'), '--keys', keysPath]),
      cli(['verify', docPath]),
      cli(['verify', docPath, '--keys', docPath]),
    ]);
    expect(t.code).toBe(1);
    expect(t.stdout).toContain('offline: 无效 / invalid\n  - 签名无效：文档被篡改或签名不符 / the signature does not match: the document was altered');
    expect(u.code).toBe(1);
    expect(u.stdout).toContain('签名密钥未公布 / signed with an unknown key');
    for (const run of [notJson, notDoc, missing, noKeys, badKeys]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^mianzheng: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(notJson.stderr).toContain('the document is not JSON');
    expect(notDoc.stderr).toContain('not a mianzheng signed document');
    expect(missing.stderr).toContain('no such file');
    expect(noKeys.stderr).toContain('--keys KEYS.json');
    expect(badKeys.stderr).toContain('the key file is not the answer of GET /api/v1/keys');
  });

  it('with --url asks the registry too, and so learns of a revocation', async () => {
    // The server holds the database; verify needs none of it.
    const result = await db.use(async (database, deps) => {
      const app = await appOn(database);
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      try {
        const valid = await cli(['verify', docPath, '--url', address]);
        const [license] = (await listLicenses(testCtx(deps), { number: 'JY1430903CL0001', limit: 1 })).items;
        await endLicense(testCtx(deps), license?.id ?? '', 'revoked', '命令行测试：吊销');
        const revoked = await cli(['verify', docPath, '--url', address]);
        return { valid, revoked };
      } finally {
        await app.close();
      }
    });
    expect(result.valid.code, result.valid.stderr).toBe(0);
    expect(result.valid.stdout).toContain('registry: 有效 / valid');
    expect(result.valid.stdout).not.toContain('revocation was not checked');
    expect(result.revoked.code).toBe(1);
    expect(result.revoked.stdout).toContain('offline: 有效 / valid'); // the signature is still good …
    expect(result.revoked.stdout).toContain('registry: 已吊销或注销 / revoked'); // … but the registry knows better
    expect(result.revoked.stdout).toContain('命令行测试：吊销');
    const unreachable = await cli(['verify', docPath, '--url', 'http://127.0.0.1:9']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('cannot reach http://127.0.0.1:9/api/v1/keys');
    expect(readFileSync(docPath, 'utf8')).toContain('"format": "mianzheng-signed-document/1"');
  });
});

/** The HTTP app on an open database (no web apps). */
function appOn(database: Database) {
  return buildApp(testDeps(database), { cookieSecure: false, sessionTtlMinutes: 60, loginMaxPerMinute: 10, trustProxy: false, version: 'test', webDir: null });
}
