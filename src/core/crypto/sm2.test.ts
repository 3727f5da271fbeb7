import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import {
  generateSm2KeyPair, sm2PrivateKeyPem, sm2PublicKeyFromPem, sm2PublicKeyOf, sm2PublicKeyPem,
  sm2Sign, sm2Verify, sm2VerifyDigest, sm2Za,
} from './sm2.js';

const dir = mkdtempSync(join(tmpdir(), 'mz-sm2-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, data: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};
const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();

describe('SM2 (GM/T 0003) with SM3', () => {
  it('accepts the verification vectors of OpenSSL\'s own test data and rejects corrupted ones', () => {
    // test/recipes/30-test_evp_data/evppkey_sm2.txt: key SM2_key1, inputs are e = SM3(Z_A ‖ M)
    const keyPem = [
      '-----BEGIN PRIVATE KEY-----',
      'MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQg0JFWczAXva2An9m7',
      '2MaT9gIwWTFptvlKrxyO4TjMmbWhRANCAAQ5OirZ4n5DrKqrhaGdO4VZHhRAYVcX',
      'Wt3Te/d/8Mr57Tf886i09VwDhSMmH8pmNq/mp6+ioUgqYG9cs6GLLioe',
      '-----END PRIVATE KEY-----',
      '',
    ].join('\n');
    const publicKey = sm2PublicKeyFromPem(openssl('pkey', '-in', file('vector.key.pem', keyPem), '-pubout'));
    const vectors = [
      ['D7AD397F6FFA5D4F7F11E7217F241607DC30618C236D2C09C1B9EA8FDADEE2E8', '3046022100AB1DB64DE7C40EDBDE6651C9B8EBDB804673DB836E5D5C7FE15DCF9ED2725037022100EBA714451FF69B0BB930B379E192E7CD5FA6E3C41C7FBD8303B799AB54A54621'],
      ['B1139602C6ECC9E15E2F3F9C635A1AFE737058BC15387479C1EA0D0B3D90E9E5', '3045022100E6E0414EBD3A656C35602AF14AB20287DBF30D57AF75C49A188ED4B42391F22402202F54F277C606F4605E1CE9514947FFDDF94C67A539804A4ED17F852288BDBE2E'],
    ] as const;
    for (const [digest, signature] of vectors) {
      expect(sm2VerifyDigest(publicKey, Buffer.from(digest, 'hex'), Buffer.from(signature, 'hex'))).toBe(true);
      const wrongDigest = Buffer.from(digest, 'hex');
      wrongDigest[0] = (wrongDigest[0] ?? 0) ^ 0x80;
      expect(sm2VerifyDigest(publicKey, wrongDigest, Buffer.from(signature, 'hex'))).toBe(false);
    }
    expect(sm2VerifyDigest(publicKey, Buffer.from(vectors[0][0], 'hex'), Buffer.from(vectors[1][1], 'hex'))).toBe(false);
  });

  it('computes Z_A over the signer identity: the same signature fails under another id', () => {
    const keys = generateSm2KeyPair();
    expect(sm2Za(keys.publicKey)).toHaveLength(32);
    expect(sm2Za(keys.publicKey).equals(sm2Za(keys.publicKey, 'ALICE123@YAHOO.COM'))).toBe(false);
    expect(sm2PublicKeyOf(keys.privateKey)).toBe(keys.publicKey);
  });

  it('verifies its own signatures and rejects altered messages, signatures, keys and ids', () => {
    const keys = generateSm2KeyPair();
    const other = generateSm2KeyPair();
    const message = Buffer.from(canonicalJson({ 证照名称: '食品经营许可证', 持证主体: '益阳示例食品有限公司' }));
    const sig = sm2Sign(keys, message);
    expect(sm2Verify(keys.publicKey, message, sig)).toBe(true);
    expect(sm2Verify(keys.publicKey, Buffer.concat([message, Buffer.from(' ')]), sig)).toBe(false);
    expect(sm2Verify(other.publicKey, message, sig)).toBe(false);
    expect(sm2Verify(keys.publicKey, message, sig, 'another-id')).toBe(false);
    const flipped = Buffer.from(sig);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    expect(sm2Verify(keys.publicKey, message, flipped)).toBe(false);
    expect(sm2Verify(keys.publicKey, message, Buffer.from('not der'))).toBe(false);
    expect(sm2Verify('04' + '00'.repeat(64), message, sig)).toBe(false);
  });

  it('OpenSSL 3 accepts our signatures (distid 1234567812345678)', () => {
    const keys = generateSm2KeyPair();
    const pub = file('ours.pub.pem', sm2PublicKeyPem(keys.publicKey));
    for (let i = 0; i < 5; i++) {
      const message = Buffer.from(`电子证照 ${i} ${'x'.repeat(i * 37)}`);
      const msg = file(`m${i}`, message);
      const sig = file(`s${i}`, sm2Sign(keys, message));
      const out = openssl('pkeyutl', '-verify', '-pubin', '-inkey', pub, '-rawin', '-in', msg, '-sigfile', sig, '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678');
      expect(out).toContain('Signature Verified Successfully');
    }
    // and refuses a signature over another message
    const msg = file('m-other', 'another message');
    const sig = file('s-other', sm2Sign(keys, Buffer.from('the signed message')));
    expect(() => openssl('pkeyutl', '-verify', '-pubin', '-inkey', pub, '-rawin', '-in', msg, '-sigfile', sig, '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678')).toThrow();
  });

  it('accepts signatures made by OpenSSL, with our key and with an OpenSSL key', () => {
    const ours = generateSm2KeyPair();
    const message = Buffer.from('{"证照编号":"JY14309020012345"}');
    const msg = file('om', message);
    const priv = file('ours.key.pem', sm2PrivateKeyPem(ours));
    openssl('pkeyutl', '-sign', '-inkey', priv, '-rawin', '-in', msg, '-out', join(dir, 'os1'), '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678');
    expect(sm2Verify(ours.publicKey, message, readFileSync(join(dir, 'os1')))).toBe(true);

    const theirKey = join(dir, 'theirs.key.pem');
    openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:SM2', '-out', theirKey);
    const theirPub = openssl('pkey', '-in', theirKey, '-pubout');
    const publicKey = sm2PublicKeyFromPem(theirPub);
    openssl('pkeyutl', '-sign', '-inkey', theirKey, '-rawin', '-in', msg, '-out', join(dir, 'os2'), '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678');
    expect(sm2Verify(publicKey, message, readFileSync(join(dir, 'os2')))).toBe(true);
    expect(sm2Verify(publicKey, Buffer.from('tampered'), readFileSync(join(dir, 'os2')))).toBe(false);
    expect(sm2PublicKeyPem(publicKey).replace(/\s/g, '')).toBe(theirPub.replace(/\s/g, ''));
  });
});
