import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/access/access.js';
import { fixedClock } from '../core/clock.js';
import { contextFor, type Deps } from '../core/context.js';
import type { Database } from '../core/db/database.js';
import type { App } from '../core/http/app-types.js';
import { buildApp } from '../http/app.js';
import { amendLicense, endLicense, issueLicense, seedLicensing, type LicenseView, type SignedDocument } from '../licenses/index.js';
import { createSubject, departmentIdOf } from '../registry/index.js';
import { engineName, openTestDatabase, testDeps } from '../test/harness.js';
import { expectProblem } from '../test/http.js';
import { usccFrom } from '../test/identifiers.js';
import { seedPortalSubject, testIdNumber } from '../test/portal-fixtures.js';
import type { AccessEntryView } from './portal.contract.js';
import { PORTAL_COOKIE } from './portal.routes.js';
import { openPortalSession } from './portal-session.service.js';

const PHONE = '13607370041';
const market = departmentIdOf('430900-market_regulation');

describe(`portal licence wallet (${engineName})`, () => {
  let database: Database;
  let deps: Deps;
  let app: App;
  let cookie = '';
  const clock = fixedClock(new Date('2026-03-02T09:00:00Z'));
  const ids = { person: '', shop: '', stranger: '' };
  const licences = { current: '', replaced: '', expired: '', revoked: '', shop: '', strangers: '' };

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = testDeps(database, clock);
    ids.person = await seedPortalSubject(deps, PHONE, 41);
    await seedLicensing(deps);
    const system = contextFor(deps, systemActor);
    // One number, two subjects: the person and the shop she registered with it; and someone else.
    ids.shop = (await createSubject(system, { kind: 'organization', name: '张小益便利店', uscc: usccFrom('430902', 'MA4WALT1'), phone: PHONE, regionCode: '430902005000', legalRepresentative: '张小益' })).id;
    ids.stranger = (await createSubject(system, { kind: 'person', name: '李其他', idNumber: testIdNumber(42), phone: '13607370042', regionCode: '430902005000' })).id;
    const pharmacist = (holderId: string, number: string, validUntil: string) =>
      issueLicense(system, { typeCode: 'licensed_pharmacist', holderId, number, validFrom: '2021-05-01', validUntil, fields: { employer: '益阳示例大药房' }, disclosure: ['employer'], issuerDepartmentId: market });
    licences.replaced = (await pharmacist(ids.person, 'YS-0001', '2026-04-30')).id;
    licences.current = (await amendLicense(system, licences.replaced, { fields: { employer: '益阳示例二号药房' }, reason: '执业单位变更' })).id;
    licences.expired = (await pharmacist(ids.person, 'YS-0002', '2026-02-01')).id;
    licences.revoked = (await pharmacist(ids.person, 'YS-0003', '2030-04-30')).id;
    await endLicense(system, licences.revoked, 'revoked', '以欺骗手段取得注册');
    licences.strangers = (await pharmacist(ids.stranger, 'YS-0009', '2030-04-30')).id;
    licences.shop = (await issueLicense(system, { typeCode: 'food_business_license', holderId: ids.shop, number: 'JY-0001', fields: { premises: '资阳区示例路 8 号' }, issuerDepartmentId: market })).id;
    app = await buildApp(deps, { cookieSecure: false, sessionTtlMinutes: 60, loginMaxPerMinute: 100, trustProxy: false, version: 'test', webDir: null });
    // A portal session for the number, as a login with a code opens it (the code itself is tested in portal.routes.test.ts).
    const session = await deps.db.transaction((tx) => openPortalSession(tx, { phoneIndex: deps.cipher.blindIndex('phone', PHONE), now: clock.now(), ttlMinutes: 60 }));
    cookie = `${PORTAL_COOKIE}=${session.token}`;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const get = (url: string, withCookie = true) => app.inject({ method: 'GET', url, headers: withCookie ? { cookie } : {} });

  it('lists the subject\'s licences with their status today, without replaced versions or anyone else\'s', async () => {
    const res = await get(`/api/v1/portal/licenses?subjectId=${ids.person}`);
    expect(res.statusCode).toBe(200);
    const { items, nextCursor } = res.json() as { items: LicenseView[]; nextCursor: string | null };
    expect(nextCursor).toBeNull();
    expect(items.map((l) => [l.number, l.version, l.status]).sort()).toEqual([
      ['YS-0001', 2, 'valid'],
      ['YS-0002', 1, 'expired'],
      ['YS-0003', 1, 'revoked'],
    ]);
    expect(items.find((l) => l.id === licences.current)).toMatchObject({ validUntil: '2026-04-30', holderCode: expect.stringMatching(/^430902\*{8}/), issuerName: '益阳市市场监督管理局' });
    expect(items.find((l) => l.id === licences.revoked)?.statusReason).toBe('以欺骗手段取得注册');
    const shop = (await get(`/api/v1/portal/licenses?subjectId=${ids.shop}`)).json() as { items: LicenseView[] };
    expect(shop.items.map((l) => l.id)).toEqual([licences.shop]);
  });

  it('pages with a cursor', async () => {
    const first = (await get(`/api/v1/portal/licenses?subjectId=${ids.person}&limit=2`)).json() as { items: LicenseView[]; nextCursor: string };
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await get(`/api/v1/portal/licenses?subjectId=${ids.person}&limit=2&cursor=${first.nextCursor}`)).json() as { items: LicenseView[] };
    const seen = [...first.items, ...second.items].map((l) => l.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([licences.current, licences.expired, licences.revoked]));
  });

  it('refuses a subject that is not the session\'s, and a request without a session', async () => {
    expectProblem(await get(`/api/v1/portal/licenses?subjectId=${ids.stranger}`), 404);
    expectProblem(await get(`/api/v1/portal/licenses?subjectId=${ids.person}`, false), 401);
    expectProblem(await get(`/api/v1/portal/licenses/${licences.current}?subjectId=${ids.person}`, false), 401);
    expectProblem(await get(`/api/v1/portal/licenses/${licences.current}/document?subjectId=${ids.person}`, false), 401);
    expectProblem(await get('/api/v1/portal/licenses?subjectId=not-a-uuid'), 400);
  });

  it('shows one of the subject\'s licences, old versions included; another holder\'s licence is not found', async () => {
    const res = await get(`/api/v1/portal/licenses/${licences.current}?subjectId=${ids.person}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: licences.current, previousId: licences.replaced, fields: [{ key: 'employer', label: '执业单位', value: '益阳示例二号药房' }], disclosure: ['employer'] });
    expect((await get(`/api/v1/portal/licenses/${licences.replaced}?subjectId=${ids.person}`)).json()).toMatchObject({ status: 'superseded' });
    expectProblem(await get(`/api/v1/portal/licenses/${licences.strangers}?subjectId=${ids.person}`), 404);
    // The shop's licence is not the person's, though one number logged in for both.
    expectProblem(await get(`/api/v1/portal/licenses/${licences.shop}?subjectId=${ids.person}`), 404);
    expect((await get(`/api/v1/portal/licenses/${licences.shop}?subjectId=${ids.shop}`)).statusCode).toBe(200);
  });

  it('downloads the signed document, which verifies as valid, and revoked for a revoked licence', async () => {
    const res = await get(`/api/v1/portal/licenses/${licences.current}/document?subjectId=${ids.person}`);
    expect(res.statusCode).toBe(200);
    const signed = res.json() as SignedDocument;
    expect(signed).toMatchObject({ format: 'mianzheng-signed-document/1', kind: 'license', signature: { algorithm: 'SM2-SM3' } });
    // The holder's own document carries the full ID number.
    expect(signed.document).toMatchObject({ holderCode: testIdNumber(41), number: 'YS-0001', validUntil: '2026-04-30' });
    const verified = await app.inject({ method: 'POST', url: '/api/v1/verify', payload: signed });
    expect(verified.json()).toMatchObject({ result: 'valid' });
    const revoked = (await get(`/api/v1/portal/licenses/${licences.revoked}/document?subjectId=${ids.person}`)).json() as SignedDocument;
    expect((await app.inject({ method: 'POST', url: '/api/v1/verify', payload: revoked })).json()).toMatchObject({ result: 'revoked' });
    expectProblem(await get(`/api/v1/portal/licenses/${licences.strangers}/document?subjectId=${ids.person}`), 404);
  });

  it('does not list the holder\'s own look at its licences as a read by others', async () => {
    await get(`/api/v1/portal/licenses/${licences.current}?subjectId=${ids.person}`);
    const log = (await get(`/api/v1/portal/access-log?subjectId=${ids.person}&limit=50`)).json() as { items: AccessEntryView[] };
    const actions = log.items.map((e) => e.action);
    // The department issuing and revoking her licences is listed; her own reads and downloads are not.
    expect(actions).toEqual(expect.arrayContaining(['license.issue', 'license.amend', 'license.revoke']));
    expect(actions).not.toContain('license.read');
    expect(actions).not.toContain('license.document');
  });
});
