import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../core/access/access.js';
import { fixedClock } from '../core/clock.js';
import { contextFor, type Deps } from '../core/context.js';
import type { Database } from '../core/db/database.js';
import { organizationCodeCheckChar, usccCheckChar } from '../core/ids/uscc.js';
import type { App } from '../core/http/app-types.js';
import { writeRecords } from '../exchange/index.js';
import { buildApp } from '../http/app.js';
import { seedLicensing } from '../licenses/seed.js';
import { issueProof, seedProofing, type ProofTypeView, type ProofView } from '../proofs/index.js';
import { createSubject, departmentIdOf } from '../registry/index.js';
import { engineName, openTestDatabase, testDeps } from '../test/harness.js';
import { expectProblem } from '../test/http.js';
import { pdfText, popplerTools } from '../test/pdf-tools.js';
import { recordingSender, seedPortalSubject, testIdNumber } from '../test/portal-fixtures.js';
import type { AccessEntryView, PortalMe } from './portal.contract.js';

const PHONE = '13607370031';
const { pdftotext: hasPdftotext } = popplerTools('portal proof PDF');

/** A clerk of the 大码头 township service centre. */
const clerk: Actor = {
  kind: 'staff', id: '00000000-0000-4000-8000-00000000c001', name: 'clerk.test', departmentId: departmentIdOf('430902005-government_services'),
  roles: ['clerk'], scope: { regionCode: '430902005000', departmentIds: [] },
};

describe(`proofs in the portal (${engineName})`, () => {
  let database: Database;
  let deps: Deps;
  let app: App;
  let personId = '';
  let shopId = '';
  let strangerId = '';
  let cookie = '';
  let csrf = '';
  const sender = recordingSender();
  const clock = fixedClock(new Date('2026-03-02T09:00:00Z'));
  const dir = mkdtempSync(join(tmpdir(), 'mz-portal-proof-'));

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = testDeps(database, clock);
    personId = await seedPortalSubject(deps, PHONE, 31);
    await seedLicensing(deps);
    await seedProofing(deps);
    const system = contextFor(deps, systemActor);
    const org8 = 'MA4LPRF1';
    const body = `92430902${org8}${organizationCodeCheckChar(org8)}`;
    // The same mobile number registered this individual business: one session covers both.
    shopId = (await createSubject(system, { kind: 'organization', name: '资阳示例茶叶商行', uscc: body + usccCheckChar(body), regionCode: '430902005000', legalRepresentative: '张小益', phone: PHONE })).id;
    strangerId = (await createSubject(system, { kind: 'person', name: '陌生人', idNumber: testIdNumber(32), phone: '13607370032', regionCode: '430902005000' })).id;
    const household = { address: '湖南省益阳市资阳区大码头街道示例路2号（示例）', householder: '张小益', relationToHouseholder: '户主', registeredOn: '2012-05-01', status: 'active' as const, members: [] };
    await writeRecords(deps.db, clock.now(), [
      { subjectId: personId, resourceCode: 'household_registration', facts: household },
      { subjectId: personId, resourceCode: 'criminal_record', facts: { entries: [] } },
      { subjectId: personId, resourceCode: 'real_estate', facts: { properties: [{ certificateNumber: '湘（2020）益阳市不动产权第0000042号', location: '资阳区示例小区1栋（示例）', area: 88, use: '住宅', registeredOn: '2020-08-08' }] } },
      { subjectId: shopId, resourceCode: 'market_entity', facts: { entityType: 'individual', status: 'operating', registeredOn: '2019-04-02', address: '湖南省益阳市资阳区大码头街道示例路2号（示例）', scope: '茶叶零售', authority: '益阳市资阳区市场监督管理局' } },
      { subjectId: strangerId, resourceCode: 'household_registration', facts: { ...household, householder: '陌生人' } },
    ]);
    app = await buildApp(deps, { cookieSecure: false, sessionTtlMinutes: 60, loginMaxPerMinute: 100, trustProxy: false, version: 'test', otpSender: sender, webDir: null, publicUrl: 'https://zwfw.yiyang.example' });
    await app.inject({ method: 'POST', url: '/api/v1/portal/otp', payload: { phone: PHONE } });
    await new Promise((r) => setImmediate(r));
    const login = await app.inject({ method: 'POST', url: '/api/v1/portal/login', payload: { phone: PHONE, code: sender.lastCodeFor(PHONE) } });
    expect(login.statusCode).toBe(200);
    cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    const me = login.json() as PortalMe;
    csrf = me.csrfToken;
    expect(me.subjects.map((s) => s.id).sort()).toEqual([personId, shopId].sort());
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const apply = (payload: object, headers: Record<string, string> = { cookie, 'x-csrf-token': csrf }) => app.inject({ method: 'POST', url: '/api/v1/portal/proofs', payload, headers });
  const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });

  it('lists the proofs one can get, only with a session', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/portal/proof-types' }), 401);
    const { items } = (await get('/api/v1/portal/proof-types')).json() as { items: ProofTypeView[] };
    expect(items.length).toBeGreaterThanOrEqual(30);
    expect(items.some((t) => t.holderKinds.includes('organization'))).toBe(true);
  });

  it('issues a proof for the session\'s own subjects only', async () => {
    const res = await apply({ subjectId: personId, typeCode: 'no_criminal_record', purpose: '应聘教师' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ holderId: personId, requestedByKind: 'subject', issuerName: '益阳市公安局资阳分局', status: 'valid' });
    const shop = await apply({ subjectId: shopId, typeCode: 'individual_business', purpose: '申请创业担保贷款' });
    expect(shop.statusCode, shop.body).toBe(201);
    expect(shop.json()).toMatchObject({ holderId: shopId, issuerName: '益阳市资阳区市场监督管理局' });
    expect(expectProblem(await apply({ subjectId: strangerId, typeCode: 'residence', purpose: '入学' }), 404).errors?.[0]?.field).toBe('subjectId');
    expectProblem(await apply({ subjectId: personId, typeCode: 'residence', purpose: '入学' }, { cookie }), 403); // no CSRF token
    expectProblem(await apply({ subjectId: personId, typeCode: 'enterprise_credit', purpose: '投标' }), 400);
    const refused = expectProblem(await apply({ subjectId: personId, typeCode: 'no_property', purpose: '申请公租房' }), 422);
    expect(refused.detail).toContain('名下有1处不动产');
  });

  it('lists my proofs per subject and serves their PDFs, but nobody else\'s', async (t) => {
    const mine = (await get('/api/v1/portal/proofs')).json() as { items: ProofView[] };
    expect(mine.items.map((p) => p.typeCode)).toEqual(['no_criminal_record']);
    const shops = (await get(`/api/v1/portal/proofs?subjectId=${shopId}`)).json() as { items: ProofView[] };
    expect(shops.items.map((p) => p.typeCode)).toEqual(['individual_business']);
    expectProblem(await get(`/api/v1/portal/proofs?subjectId=${strangerId}`), 404);

    const other = await issueProof(contextFor(deps, clerk), { typeCode: 'residence', holderId: strangerId, purpose: '入学' });
    expectProblem(await get(`/api/v1/portal/proofs/${other.id}/pdf`), 404);
    expectProblem(await get('/api/v1/portal/proofs/00000000-0000-4000-8000-000000000000/pdf'), 404);

    const proof = mine.items[0];
    if (!proof) throw new Error('no proof');
    const pdf = await get(`/api/v1/portal/proofs/${proof.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    if (!hasPdftotext) return t.skip();
    const path = join(dir, 'mine.pdf');
    writeFileSync(path, pdf.rawPayload);
    const text = pdfText(path).replace(/\s+/g, '');
    for (const s of ['无犯罪记录证明', '张小益', '未发现其有犯罪记录', `核验码：${proof.verificationCode}`, 'https://zwfw.yiyang.example/v/', '本证明用途：应聘教师。']) expect(text).toContain(s);
  });

  it('shows a window\'s issuance in who-read-my-data, and not the subject\'s own', async () => {
    await issueProof(contextFor(deps, clerk), { typeCode: 'household_registration', holderId: personId, purpose: '办理社保卡' });
    await expect(issueProof(contextFor(deps, clerk), { typeCode: 'no_property', holderId: personId, purpose: '申请公租房' })).rejects.toMatchObject({ code: 'refused' });
    const { items } = (await get('/api/v1/portal/access-log?limit=20')).json() as { items: AccessEntryView[] };
    expect(items.filter((e) => e.action.startsWith('proof.')).map((e) => [e.action, e.purpose, e.departmentName])).toEqual([
      ['proof.refuse', '申请公租房', '大码头街道便民服务中心'],
      ['proof.issue', '办理社保卡', '大码头街道便民服务中心'],
    ]);
  });
});
