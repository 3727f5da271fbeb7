import { parse } from 'csv-parse/sync';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubject } from '../registry/index.js';
import { testCtx } from '../test/harness.js';
import { expectProblem, seededAppPerFile, signIn, type Session } from '../test/http.js';
import { idNumberFrom, usccFrom } from '../test/identifiers.js';
import type { LicenseImportView } from './license-import.contract.js';
import { startBackgroundSigner, type BackgroundSigner } from './license.signer.js';
import { seedLicensing } from './seed.js';

const uploadDir = mkdtempSync(join(tmpdir(), 'mz-uploads-'));
// The app is built before the database it signs in exists: the signer is started once it does.
let signer: BackgroundSigner | undefined;
const wakeSigner: BackgroundSigner = { kick: () => signer?.kick(), idle: async () => signer?.idle(), close: async () => signer?.close() };
const t = seededAppPerFile({ uploadDir, signer: wakeSigner, maxUploadBytes: 64 * 1024 });
let officer: Session;
const shop = usccFrom('430903', 'MA4LHT01');
const person = idNumberFrom('43090319900101001');

beforeAll(async () => {
  await seedLicensing(t.deps);
  signer = startBackgroundSigner(t.deps, { workers: 1 });
  officer = await signIn(t.app, 'officer.hs.scjg');
  await createSubject(testCtx(t.deps), { kind: 'organization', name: '赫山区上传测试商店', uscc: shop, regionCode: '430903001000', legalRepresentative: '周八', phone: '13907371111' });
  await createSubject(testCtx(t.deps), { kind: 'person', name: '上传测试人', idNumber: person, phone: '13807371111', regionCode: '430903001000' });
});
afterAll(async () => {
  await signer?.close();
  rmSync(uploadDir, { recursive: true, force: true });
});

const CSV = [
  '\uFEFF证照编号,证照类型,持证主体名称,持证主体代码,颁发日期,有效期截止,经营场所',
  `JY1430903HT0001,食品经营许可证,赫山区上传测试商店,${shop},2025-05-22,2030-05-21,赫山区上传路1号`,
  `JY1430903HT0002,食品经营许可证,赫山区上传测试商店,${shop},2025-05-22,2030-05-21,"赫山区上传路2号, 二楼"`,
  `JY1430903HT0003,食品经营许可证,赫山区上传测试商店,${shop},2025-13-01,,`,
  `JY1430903HT0004,结婚证,上传测试人,${person},2025-05-22,,`,
  '',
].join('\n');

const upload = (body: string | Buffer, headers: Record<string, string>, query = '?filename=%E9%A3%9F%E5%93%81%E8%AE%B8%E5%8F%AF.csv', type = 'text/csv; charset=utf-8') =>
  t.app.inject({ method: 'POST', url: `/api/v1/license-imports${query}`, payload: body, headers: { ...headers, 'content-type': type } });

/** Polls an import until it has ended. */
async function settled(id: string, headers: Record<string, string>): Promise<LicenseImportView> {
  for (let i = 0; i < 200; i++) {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/license-imports/${id}`, headers });
    const job = res.json() as LicenseImportView;
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`import ${id} did not end`);
}

describe('licence imports over HTTP', () => {
  it('accepts a CSV as the body (202), imports it in the background with progress, and signs the rows', async () => {
    const res = await upload(CSV, officer.headers);
    expect(res.statusCode, res.body).toBe(202);
    const job = res.json() as LicenseImportView;
    expect(res.headers.location).toBe(`/api/v1/license-imports/${job.id}`);
    expect(job).toMatchObject({ filename: '食品许可.csv', format: 'csv', status: expect.stringMatching(/queued|running|done/), uploadedBy: 'officer.hs.scjg', departmentName: '益阳市赫山区市场监督管理局', expectedRows: 4 });
    const done = await settled(job.id, officer.headers);
    expect(done).toMatchObject({ status: 'done', total: 4, inserted: 2, updated: 0, unchanged: 0, rejected: 2, error: null });
    expect(done.finishedAt).not.toBeNull();
    // The signer is woken when the import ends, and reports through the same job.
    let signed = done;
    for (let i = 0; i < 200 && signed.signed < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      signed = (await t.app.inject({ method: 'GET', url: `/api/v1/license-imports/${job.id}`, headers: officer.headers })).json() as LicenseImportView;
    }
    expect(signed.signed).toBe(2);
    expect(readdirSync(uploadDir)).toEqual([]); // the uploaded file is gone once imported

    const errors = await t.app.inject({ method: 'GET', url: `/api/v1/license-imports/${job.id}/errors.csv`, headers: officer.headers });
    expect(errors.statusCode).toBe(200);
    expect(errors.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(errors.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('食品许可.errors.csv')}`);
    expect(errors.body.startsWith('\uFEFFrow,field,reason\n')).toBe(true);
    expect(parse(errors.body, { bom: true, columns: true })).toEqual([
      { row: '4', field: 'issuedOn', reason: '"2025-13-01" is not a date (YYYY-MM-DD)' },
      { row: '5', field: 'type', reason: '益阳市赫山区市场监督管理局 does not issue 结婚证' },
    ]);

    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/license-imports?limit=5', headers: officer.headers })).json() as { items: LicenseImportView[] };
    expect(list.items.map((i) => i.id)).toContain(job.id);
    // The city bureau acts for its whole line (业务指导) and sees the county's import; a window clerk sees no imports at all.
    const city = await signIn(t.app, 'officer.scjg');
    const lineView = (await t.app.inject({ method: 'GET', url: '/api/v1/license-imports', headers: city.headers })).json() as { items: LicenseImportView[] };
    expect(lineView.items.map((i) => i.id)).toContain(job.id);
    const clerk = await signIn(t.app, 'clerk.zwzx');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/license-imports', headers: clerk.headers }), 403);
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/license-imports/${job.id}`, headers: clerk.headers }), 403);
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/license-imports/${job.id}/errors.csv`, headers: clerk.headers }), 403);

    // Uploading the same file again changes nothing.
    const again = await settled(((await upload(CSV, officer.headers)).json() as LicenseImportView).id, officer.headers);
    expect(again).toMatchObject({ status: 'done', total: 4, inserted: 0, unchanged: 2, rejected: 2 });
  });

  it('reads a CSV that Excel saved in GB18030', async () => {
    const gbk = Buffer.from([0xd6, 0xa4, 0xd5, 0xd5, 0xb1, 0xe0, 0xba, 0xc5]); // 证照编号 in GB18030
    expect(new TextDecoder('gb18030').decode(gbk)).toBe('证照编号');
    const res = await upload(Buffer.concat([gbk, Buffer.from(',x\n1,2\n')]), officer.headers);
    const job = await settled((res.json() as LicenseImportView).id, officer.headers);
    // Decoded, the header is readable: the file is refused for the columns it lacks, not for garbled ones.
    expect(job.status).toBe('failed');
    expect(job.error).toContain('lacks the columns 证照类型, 持证主体名称');
  });

  it('refuses what it cannot take, before storing it', async () => {
    expectProblem(await upload(CSV, {}), 401);
    const clerk = await signIn(t.app, 'clerk.hsjd');
    expectProblem(await upload(CSV, clerk.headers), 403);
    expectProblem(await upload('{"a":1}', officer.headers, '', 'application/json'), 400);
    expect(expectProblem(await upload('a,b', officer.headers, '', 'text/plain'), 400).detail).toContain('Content-Type text/csv');
    expectProblem(await upload('%PDF', officer.headers, '', 'application/pdf'), 415);
    expectProblem(await upload('', officer.headers), 400);
    expectProblem(await upload('x'.repeat(70 * 1024), officer.headers), 413);
    expectProblem(await upload(CSV, officer.headers, '?department=430900-market_regulation'), 403);
    expect(readdirSync(uploadDir)).toEqual([]);
    // A file that is not the spreadsheet it claims to be fails as a job, with the reason.
    const xlsx = await upload('not a zip', officer.headers, '?filename=x.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.statusCode).toBe(202);
    const failed = await settled((xlsx.json() as LicenseImportView).id, officer.headers);
    expect(failed).toMatchObject({ status: 'failed', format: 'xlsx' });
    expect(failed.error).toMatch(/^the file could not be read as xlsx/);
  });
});
