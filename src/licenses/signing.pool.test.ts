import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../core/crypto/canonical-json.js';
import { generateSm2KeyPair, sm2Verify } from '../core/crypto/sm2.js';
import { sm3Hex } from '../core/crypto/sm3.js';
import { createSigningPool } from './signing.pool.js';

const pool = createSigningPool(2);
afterAll(() => pool.close());
const a = generateSm2KeyPair();
const b = generateSm2KeyPair();
const keys = new Map([['a', a], ['b', b]]);

describe('signing pool (worker threads)', () => {
  it('signs documents with the key each names, in order, with the digest of each canonical document', async () => {
    const items = Array.from({ length: 450 }, (_, i) => ({ keyId: i % 3 ? 'a' : 'b', document: { n: i, 名称: '食品经营许可证', nested: { z: 1, a: [i] } } }));
    const out = await pool.sign(items, keys);
    expect(out).toHaveLength(items.length);
    items.forEach((item, i) => {
      const canonical = canonicalJson(item.document);
      expect(out[i]?.digest).toBe(sm3Hex(canonical));
      const key = item.keyId === 'a' ? a : b;
      expect(sm2Verify(key.publicKey, Buffer.from(canonical), Buffer.from(out[i]?.signature ?? '', 'hex'))).toBe(true);
    });
  });

  it('fails a batch it cannot sign, and goes on signing the next', async () => {
    await expect(pool.sign([{ keyId: 'nobody', document: {} }], keys)).rejects.toThrow(/signing failed: no key nobody/);
    await expect(pool.sign([{ keyId: 'a', document: { ok: true } }], keys)).resolves.toHaveLength(1);
  });

  it('refuses work once closed', async () => {
    const closing = createSigningPool(1);
    await closing.sign([{ keyId: 'a', document: {} }], keys);
    await closing.close();
    await expect(closing.sign([{ keyId: 'a', document: {} }], keys)).rejects.toThrow(/closed/);
  });
});
