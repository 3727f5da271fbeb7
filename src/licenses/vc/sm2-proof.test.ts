import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../core/crypto/canonical-json.js';
import { generateSm2KeyPair, sm2PublicKeyPem } from '../../core/crypto/sm2.js';
import { toUnsecuredCredential, type CredentialInput } from './credential.js';
import { decodeBase58btc } from './multibase.js';
import { addSm2Proof, SM2_CRYPTOSUITE, toVerifiableCredential, verifyVerifiableCredential, type VerifiableLicenseCredential } from './sm2-proof.js';

const dir = mkdtempSync(join(tmpdir(), 'mz-vc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, data: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};
const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });

const ISSUER = { id: 'did:web:zwfw.yiyang.gov.cn:departments:430900-scjgj', name: '益阳市市场监督管理局' };
const keys = generateSm2KeyPair();
const otherKeys = generateSm2KeyPair();
const signer = { verificationMethod: `${ISSUER.id}#sm2-2025`, keys };
const lookup = (method: string) => (method === signer.verificationMethod ? keys.publicKey : method === `${ISSUER.id}#sm2-2024` ? otherKeys.publicKey : undefined);
const created = new Date('2025-05-22T02:30:00.000Z');

function licenseInput(overrides: Partial<CredentialInput> = {}): CredentialInput {
  return {
    kind: 'license',
    id: 'http://localhost:3000/v/K7M3Q9TX',
    name: '食品经营许可证',
    issuer: ISSUER,
    holder: { id: 'urn:uuid:6f1c2a9e-3b7d-4c1e-9a55-0d2b8e4f7a10', name: '益阳市赫山区示例食品有限公司' },
    claims: {
      licenseIdentifier: '1.2.156.3005.2.11430900MB1234567X001.11430900MB1234567X.JY14309020012345.001.7',
      licenseNumber: 'JY14309020012345',
      licenseTypeCode: '11430900MB1234567X001',
      uscc: '91430903MA4L123456',
      businessScope: '预包装食品（含冷藏冷冻食品）销售；散装食品销售',
      legalRepresentative: '李建国',
    },
    validFrom: '2025-05-22',
    validUntil: '2030-05-21',
    status: { statusListCredential: 'https://zwfw.yiyang.gov.cn/api/v1/status/scjgj/1', statusListIndex: 94_567 },
    ...overrides,
  };
}

describe('W3C Verifiable Credential export (VC Data Model 2.0, Data Integrity sm2-jcs-2025)', () => {
  it('shapes a licence as a VC 2.0 credential with a Bitstring Status List entry', () => {
    const vc = toVerifiableCredential(licenseInput(), signer, created);
    expect(vc).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'http://localhost:3000/v/K7M3Q9TX',
      type: ['VerifiableCredential', 'ElectronicLicenseCredential'],
      name: '食品经营许可证',
      issuer: ISSUER,
      validFrom: '2025-05-22T00:00:00+08:00',
      validUntil: '2030-05-21T23:59:59+08:00',
      credentialSubject: { id: 'urn:uuid:6f1c2a9e-3b7d-4c1e-9a55-0d2b8e4f7a10', name: '益阳市赫山区示例食品有限公司', licenseNumber: 'JY14309020012345' },
      credentialStatus: {
        id: 'https://zwfw.yiyang.gov.cn/api/v1/status/scjgj/1#94567',
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: '94567',
        statusListCredential: 'https://zwfw.yiyang.gov.cn/api/v1/status/scjgj/1',
      },
      proof: { type: 'DataIntegrityProof', cryptosuite: SM2_CRYPTOSUITE, created: '2025-05-22T02:30:00Z', verificationMethod: signer.verificationMethod, proofPurpose: 'assertionMethod' },
    });
    expect(vc.proof.proofValue).toMatch(/^z[1-9A-HJ-NP-Za-km-z]+$/);
  });

  it('makes proofs (电子证明) with no expiry (长期) and no holder id', () => {
    const vc = toVerifiableCredential(licenseInput({ kind: 'proof', name: '居住证明', validUntil: null, holder: { name: '张晓梅' } }), signer, created);
    expect(vc.type).toEqual(['VerifiableCredential', 'ElectronicProofCredential']);
    expect('validUntil' in vc).toBe(false);
    expect('id' in vc.credentialSubject).toBe(false);
  });

  it('refuses ids that are not URIs, bad dates and negative indexes', () => {
    expect(() => toUnsecuredCredential(licenseInput({ id: 'K7M3Q9TX' }))).toThrow(/id must be a URI/);
    expect(() => toUnsecuredCredential(licenseInput({ validUntil: '2030-02-30x' }))).toThrow(/date/);
    expect(() => toUnsecuredCredential(licenseInput({ status: { statusListCredential: 'https://x.example/1', statusListIndex: -1 } }))).toThrow(/statusListIndex/);
    expect(() => addSm2Proof(toUnsecuredCredential(licenseInput()), { ...signer, verificationMethod: 'did:web:elsewhere#k' }, created)).toThrow(/not a key of the issuer/);
  });

  it('verifies, also after the JSON travelled (re-serialised, keys reordered)', async () => {
    const vc = toVerifiableCredential(licenseInput(), signer, created);
    expect(await verifyVerifiableCredential(vc, lookup)).toEqual({ verified: true, verificationMethod: signer.verificationMethod });
    const travelled: unknown = JSON.parse(JSON.stringify(vc, Object.keys(flattenKeys(vc)).sort().reverse()));
    expect(await verifyVerifiableCredential(travelled, async (m) => lookup(m))).toMatchObject({ verified: true });
  });

  it('fails a tampered credential, naming the reason', async () => {
    const vc = toVerifiableCredential(licenseInput(), signer, created);
    const tamper = (change: (copy: VerifiableLicenseCredential) => void) => {
      const copy = structuredClone(vc);
      change(copy);
      return verifyVerifiableCredential(copy, lookup);
    };
    const mismatch = { verified: false, reason: 'signature does not match the credential' };
    expect(await tamper((c) => { c.credentialSubject.businessScope = '预包装食品销售；散装食品销售；酒类销售'; })).toEqual(mismatch);
    expect(await tamper((c) => { c.validUntil = '2035-05-21T23:59:59+08:00'; })).toEqual(mismatch);
    expect(await tamper((c) => { c.credentialStatus.statusListIndex = '94568'; })).toEqual(mismatch);
    expect(await tamper((c) => { c.issuer.name = '益阳市公安局'; })).toEqual(mismatch);
    expect(await tamper((c) => { c.proof.created = '2026-01-01T00:00:00Z'; })).toEqual(mismatch);
    expect(await tamper((c) => { c.proof.verificationMethod = `${ISSUER.id}#sm2-2024`; })).toEqual(mismatch);
    expect(await tamper((c) => { c['@context'] = [...c['@context'], 'https://example.org/ctx']; })).toEqual(mismatch);
    expect(await tamper((c) => { c.proof.proofValue = `z${c.proof.proofValue.slice(2)}`; })).toMatchObject({ verified: false });
    expect(await tamper((c) => { c.proof.verificationMethod = 'did:web:attacker.example#k'; })).toEqual({ verified: false, reason: 'verificationMethod is not a key of the issuer' });
    expect(await tamper((c) => { c.proof.verificationMethod = `${ISSUER.id}#unknown`; })).toEqual({ verified: false, reason: `unknown verification method ${ISSUER.id}#unknown` });
    expect(await tamper((c) => { c.proof.proofValue = '0xdeadbeef'; })).toMatchObject({ verified: false, reason: expect.stringContaining('proofValue') });
    const { proof: _proof, ...unsigned } = vc;
    expect(await verifyVerifiableCredential(unsigned, lookup)).toEqual({ verified: false, reason: 'no proof' });
    expect(await verifyVerifiableCredential('not json', lookup)).toEqual({ verified: false, reason: 'not a JSON object' });
    expect(await tamper((c) => { c.name = '食品\uD800'; })).toMatchObject({ verified: false });
    // A valid proof over another credential does not transfer.
    const other = toVerifiableCredential(licenseInput({ name: '药品经营许可证' }), signer, created);
    expect(await verifyVerifiableCredential({ ...vc, proof: other.proof }, lookup)).toEqual(mismatch);
  });

  it('OpenSSL 3 verifies the proof from the reconstructed bytes (SM3 hashes and SM2 check by OpenSSL)', () => {
    const vc = toVerifiableCredential(licenseInput(), signer, created);
    const { proof, ...unsecured } = vc;
    const { proofValue, ...proofOptions } = proof;
    // The two documents the cryptosuite hashes, as RFC 8785 canonical JSON.
    const configPath = file('proof-config.json', canonicalJson({ ...proofOptions, '@context': vc['@context'] }));
    const documentPath = file('credential.json', canonicalJson(unsecured));
    const hashData = Buffer.concat([openssl('dgst', '-sm3', '-binary', configPath), openssl('dgst', '-sm3', '-binary', documentPath)]);
    expect(hashData).toHaveLength(64);
    const data = file('hash-data.bin', hashData);
    const sig = file('proof.der', decodeBase58btc(proofValue));
    const pub = file('issuer.pub.pem', sm2PublicKeyPem(keys.publicKey));
    const verify = (pubPath: string, dataPath: string) =>
      openssl('pkeyutl', '-verify', '-pubin', '-inkey', pubPath, '-rawin', '-in', dataPath, '-sigfile', sig, '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678').toString();
    expect(verify(pub, data)).toContain('Signature Verified Successfully');
    // and OpenSSL refuses it for a changed credential or another key
    const changed = Buffer.from(readFileSync(data));
    changed[40] = (changed[40] ?? 0) ^ 1;
    expect(() => verify(pub, file('changed.bin', changed))).toThrow();
    expect(() => verify(file('other.pub.pem', sm2PublicKeyPem(otherKeys.publicKey)), data)).toThrow();
  });
});

/** Every key at any depth, so JSON.stringify's replacer list keeps them all (in the order given). */
function flattenKeys(value: unknown, into: Record<string, true> = {}): Record<string, true> {
  if (Array.isArray(value)) value.forEach((v) => flattenKeys(v, into));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      into[k] = true;
      flattenKeys(v, into);
    }
  }
  return into;
}
