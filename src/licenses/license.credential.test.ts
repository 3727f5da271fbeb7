import { beforeAll, describe, expect, it } from 'vitest';
import { testCtx } from '../test/harness.js';
import { expectProblem, seededAppPerFile, signIn, type Session } from '../test/http.js';
import { usccFrom } from '../test/identifiers.js';
import { createSubject } from '../registry/index.js';
import { demoActor } from '../test/licensing.js';
import { keyIdOfVerificationMethod, STATUS_LIST_SIZE } from './license.credential.js';
import { amendLicense, endLicense, issueLicense } from './license.service.js';
import { seedLicensing } from './seed.js';
import { verifyVerifiableCredential, type Secured, type VerifiableLicenseCredential } from './vc/sm2-proof.js';
import { isRevoked, type StatusListCredential } from './vc/status-list.js';

const t = seededAppPerFile({ publicUrl: 'https://zwfw.yiyang.example' });
let officer: Session;
let licenseId = '';
let otherId = '';

beforeAll(async () => {
  await seedLicensing(t.deps);
  officer = await signIn(t.app, 'officer.hs.scjg');
  const ctx = testCtx(t.deps, await demoActor(t.deps, 'officer.hs.scjg'));
  const holderId = (await createSubject(testCtx(t.deps), { kind: 'organization', name: '赫山区凭证测试商店', uscc: usccFrom('430903', 'MA4LWC01'), regionCode: '430903001000', legalRepresentative: '郑十', phone: '13907373333' })).id;
  licenseId = (await issueLicense(ctx, { typeCode: 'food_business_license', holderId, number: 'JY1430903VC0001', validFrom: '2025-05-22', validUntil: '2030-05-21', fields: { premises: '赫山区凭证路1号' } })).id;
  otherId = (await issueLicense(ctx, { typeCode: 'food_business_license', holderId, number: 'JY1430903VC0002', validFrom: '2025-05-22', validUntil: '2030-05-21' })).id;
});

/** The public key of a verification method, from GET /api/v1/keys as any verifier would read it. */
async function publicKeyOf(method: string): Promise<string | undefined> {
  const keys = (await t.app.inject({ method: 'GET', url: '/api/v1/keys' })).json() as { items: { keyId: string; publicKey: string }[] };
  return keys.items.find((k) => k.keyId === keyIdOfVerificationMethod(method))?.publicKey;
}

const credentialOf = async (id: string, headers = officer.headers) => (await t.app.inject({ method: 'GET', url: `/api/v1/licenses/${id}/credential`, headers })).json() as VerifiableLicenseCredential;
const statusList = async (n: number) => (await t.app.inject({ method: 'GET', url: `/api/v1/status-lists/${n}` })).json() as Secured<StatusListCredential>;

describe('W3C Verifiable Credential export', () => {
  it('exports a licence as a VC 2.0 that verifies with the published department key', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/licenses/${licenseId}/credential`, headers: officer.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vc+ld+json; charset=utf-8');
    const vc = res.json() as VerifiableLicenseCredential;
    expect(vc).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential', 'ElectronicLicenseCredential'],
      name: '食品经营许可证',
      issuer: { id: 'https://zwfw.yiyang.example/api/v1/departments/430903-market_regulation', name: '益阳市赫山区市场监督管理局' },
      validFrom: '2025-05-22T00:00:00+08:00',
      validUntil: '2030-05-21T23:59:59+08:00',
      credentialSubject: { name: '赫山区凭证测试商店', licenseNumber: 'JY1430903VC0001', premises: '赫山区凭证路1号', holderCodeType: '统一社会信用代码' },
      credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListCredential: 'https://zwfw.yiyang.example/api/v1/status-lists/0' },
      proof: { type: 'DataIntegrityProof', cryptosuite: 'sm2-jcs-2025', proofPurpose: 'assertionMethod' },
    });
    expect(vc.id).toMatch(/^https:\/\/zwfw\.yiyang\.example\/v\/[0-9A-Z]{10}$/);
    expect(await verifyVerifiableCredential(vc, publicKeyOf)).toEqual({ verified: true, verificationMethod: vc.proof.verificationMethod });
    const tampered = { ...vc, credentialSubject: { ...vc.credentialSubject, premises: '别处' } };
    expect(await verifyVerifiableCredential(tampered, publicKeyOf)).toMatchObject({ verified: false });
  });

  it('gives it only to the issuing department (or the holder)', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/licenses/${licenseId}/credential` }), 401);
    const clerk = await signIn(t.app, 'clerk.zwzx'); // another department: neither holder nor issuer
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/licenses/${licenseId}/credential`, headers: clerk.headers }), 404);
  });

  it('publishes signed status lists in which a revoked or superseded licence has its bit set', async () => {
    const vc = await credentialOf(licenseId);
    const other = await credentialOf(otherId);
    const index = Number(vc.credentialStatus.statusListIndex);
    const otherIndex = Number(other.credentialStatus.statusListIndex);
    const before = await statusList(0);
    expect(before).toMatchObject({ type: ['VerifiableCredential', 'BitstringStatusListCredential'], id: 'https://zwfw.yiyang.example/api/v1/status-lists/0', issuer: { name: '益阳市数据局' }, credentialSubject: { statusPurpose: 'revocation', ttl: 300_000 } });
    expect(await verifyVerifiableCredential(before, publicKeyOf)).toMatchObject({ verified: true });
    expect(isRevoked(before.credentialSubject.encodedList, index)).toBe(false);

    const ctx = testCtx(t.deps, await demoActor(t.deps, 'officer.hs.scjg'));
    await endLicense(ctx, licenseId, 'revoked', '凭证测试：吊销');
    await amendLicense(ctx, otherId, { fields: { premises: '新址' }, reason: '变更经营场所' });
    const after = await statusList(0);
    expect(await verifyVerifiableCredential(after, publicKeyOf)).toMatchObject({ verified: true });
    expect(isRevoked(after.credentialSubject.encodedList, index)).toBe(true);
    expect(isRevoked(after.credentialSubject.encodedList, otherIndex)).toBe(true);
    expect(isRevoked(after.credentialSubject.encodedList, otherIndex + 1)).toBe(false); // the new version is in force

    // Further lists exist and are empty; past the last possible position there are none.
    const next = await statusList(1);
    expect(next.id).toBe('https://zwfw.yiyang.example/api/v1/status-lists/1');
    expect(isRevoked(next.credentialSubject.encodedList, STATUS_LIST_SIZE - 1)).toBe(false);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/status-lists/16384' }), 400);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/status-lists/abc' }), 400);
  });
});
