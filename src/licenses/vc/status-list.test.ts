import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateSm2KeyPair } from '../../core/crypto/sm2.js';
import { encodeBase64url } from './multibase.js';
import { addSm2Proof, verifyVerifiableCredential } from './sm2-proof.js';
import {
  createStatusBitstring, decodeStatusList, encodeStatusList, getStatusBit, isRevoked, MIN_STATUS_LIST_BITS,
  setStatusBit, toStatusListCredential,
} from './status-list.js';

/** The `encodedList` of the Recommendation's example (§2.2): 16 KiB of zeros. */
const SPEC_EXAMPLE = 'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA';

describe('Bitstring Status List', () => {
  it("reads the Recommendation's example as 131,072 clear entries", () => {
    const bits = decodeStatusList(SPEC_EXAMPLE);
    expect(bits.length).toBe(16_384);
    expect(bits.every((b) => b === 0)).toBe(true);
    expect(isRevoked(SPEC_EXAMPLE, 0)).toBe(false);
    expect(isRevoked(SPEC_EXAMPLE, MIN_STATUS_LIST_BITS - 1)).toBe(false);
    expect(() => isRevoked(SPEC_EXAMPLE, MIN_STATUS_LIST_BITS)).toThrow(RangeError);
  });

  it('numbers entries from the most significant bit of the first byte', () => {
    const bits = createStatusBitstring();
    setStatusBit(bits, 0);
    setStatusBit(bits, 7);
    setStatusBit(bits, 9);
    expect([bits[0], bits[1], bits[2]]).toEqual([0x81, 0x40, 0]);
    expect(getStatusBit(bits, 0) && getStatusBit(bits, 7) && getStatusBit(bits, 9)).toBe(true);
    expect(getStatusBit(bits, 1) || getStatusBit(bits, 8)).toBe(false);
    setStatusBit(bits, 7, false);
    expect(bits[0]).toBe(0x80);
  });

  it('round-trips through encodedList, and flipping one bit changes exactly that entry', () => {
    const base = createStatusBitstring();
    for (const i of [3, 4_000, 99_999]) setStatusBit(base, i);
    const before = decodeStatusList(encodeStatusList(base));
    expect(Buffer.from(before).equals(Buffer.from(base))).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MIN_STATUS_LIST_BITS - 1 }), (index) => {
        const bits = Uint8Array.from(base);
        setStatusBit(bits, index, !getStatusBit(bits, index));
        const after = decodeStatusList(encodeStatusList(bits));
        const changed: number[] = [];
        for (let i = 0; i < after.length; i++) {
          const diff = (after[i] ?? 0) ^ (before[i] ?? 0);
          for (let b = 0; b < 8; b++) if (diff & (0x80 >> b)) changed.push(i * 8 + b);
        }
        expect(changed).toEqual([index]);
        expect(isRevoked(encodeStatusList(bits), index)).toBe(!getStatusBit(base, index));
      }),
      { numRuns: 25 },
    );
  });

  it('keeps to the size rule: at least 131,072 bits (16 KiB) uncompressed, on both sides', () => {
    expect(createStatusBitstring(10).length * 8).toBe(MIN_STATUS_LIST_BITS);
    expect(createStatusBitstring(200_001).length).toBe(25_001);
    expect(() => encodeStatusList(new Uint8Array(16_383))).toThrow(RangeError);
    const tooShort = encodeBase64url(gzipSync(new Uint8Array(16_383)));
    expect(() => decodeStatusList(tooShort)).toThrow(/STATUS_LIST_LENGTH_ERROR/);
    // 16 KiB of mostly zeros compresses to a few dozen bytes: publishing it is cheap.
    expect(encodeStatusList(createStatusBitstring()).length).toBeLessThan(100);
  });

  it('refuses an encodedList that is not multibase base64url of GZIP', () => {
    expect(() => decodeStatusList(SPEC_EXAMPLE.slice(1))).toThrow(/prefix/);
    expect(() => decodeStatusList(`${SPEC_EXAMPLE}==`)).toThrow(/padding/);
    expect(() => decodeStatusList(encodeBase64url(new Uint8Array(16_384)))).toThrow(/GZIP/);
    // A list that inflates past the guard (a GZIP bomb) is refused rather than expanded.
    expect(() => decodeStatusList(encodeBase64url(gzipSync(new Uint8Array(17 * 1024 * 1024))))).toThrow(/GZIP/);
  });

  it('publishes a BitstringStatusListCredential that verifies once signed', async () => {
    const keys = generateSm2KeyPair();
    const issuer = { id: 'did:web:zwfw.yiyang.gov.cn:departments:430900-scjgj', name: '益阳市市场监督管理局' };
    const bits = createStatusBitstring();
    setStatusBit(bits, 94_567);
    const credential = toStatusListCredential({ id: 'https://zwfw.yiyang.gov.cn/api/v1/status/scjgj/1', issuer, validFrom: '2025-05-22T08:00:00+08:00', list: bits, ttl: 300_000 });
    expect(credential).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      credentialSubject: { id: 'https://zwfw.yiyang.gov.cn/api/v1/status/scjgj/1#list', type: 'BitstringStatusList', statusPurpose: 'revocation', ttl: 300_000 },
    });
    expect(isRevoked(credential.credentialSubject.encodedList, 94_567)).toBe(true);
    expect(isRevoked(credential.credentialSubject.encodedList, 94_566)).toBe(false);
    const signed = addSm2Proof(credential, { verificationMethod: `${issuer.id}#sm2-2025`, keys }, new Date('2025-05-22T00:00:00Z'));
    expect(await verifyVerifiableCredential(signed, () => keys.publicKey)).toEqual({ verified: true, verificationMethod: `${issuer.id}#sm2-2025` });
    expect(() => toStatusListCredential({ id: credential.id, issuer, validFrom: credential.validFrom, list: 'unot-a-list' })).toThrow();
  });
});
