import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { createFieldCipher, loadFieldCipher } from './field-cipher.js';

const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');
const INDEX_KEY = key(9);
const cipher = createFieldCipher(`k1:${key(1)}`, INDEX_KEY);
const ID = '11010519491231002X';

/** A copy of `blob` with one bit of byte `i` flipped. */
const flip = (blob: Buffer, i: number) => {
  const copy = Buffer.from(blob);
  copy[i] = (copy[i] ?? 0) ^ 0x01;
  return copy;
};

describe('field cipher (AES-256-GCM with key ids, HMAC-SM3 blind index)', () => {
  it('round-trips each field, including non-ASCII text', () => {
    expect(cipher.decrypt('idNumber', 'k1', cipher.encrypt('idNumber', ID))).toBe(ID);
    expect(cipher.decrypt('phone', 'k1', cipher.encrypt('phone', '13812345678'))).toBe('13812345678');
    expect(cipher.decrypt('phone', 'k1', cipher.encrypt('phone', '电话 0737-1234567'))).toBe('电话 0737-1234567');
  });

  it('never writes the clear value, and encrypts the same value differently each time (random IV)', () => {
    const a = cipher.encrypt('idNumber', ID);
    const b = cipher.encrypt('idNumber', ID);
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from(ID))).toBe(false);
    expect(a.length).toBe(12 + ID.length + 16); // IV, body, tag
  });

  it('detects a flipped bit anywhere: IV, body or tag', () => {
    const blob = cipher.encrypt('idNumber', ID);
    for (let i = 0; i < blob.length; i++) expect(() => cipher.decrypt('idNumber', 'k1', flip(blob, i)), `byte ${i}`).toThrow();
  });

  it('detects a truncated ciphertext', () => {
    const blob = cipher.encrypt('idNumber', ID);
    expect(() => cipher.decrypt('idNumber', 'k1', blob.subarray(0, blob.length - 1))).toThrow();
    expect(() => cipher.decrypt('idNumber', 'k1', blob.subarray(0, 20))).toThrow();
  });

  it('refuses a ciphertext moved to another field, because the field is bound in as AAD', () => {
    const phone = cipher.encrypt('phone', '13812345678');
    expect(() => cipher.decrypt('idNumber', 'k1', phone)).toThrow();
    const id = cipher.encrypt('idNumber', ID);
    expect(() => cipher.decrypt('phone', 'k1', id)).toThrow();
  });

  it('rotates keys: a new active key encrypts, the old key id still decrypts', () => {
    const before = cipher.encrypt('idNumber', ID);
    const rotated = createFieldCipher(`k2:${key(2)}, k1:${key(1)}`, INDEX_KEY);
    expect(rotated.activeKeyId).toBe('k2');
    expect(rotated.decrypt('idNumber', 'k1', before)).toBe(ID);
    const after = rotated.encrypt('idNumber', ID);
    expect(rotated.decrypt('idNumber', 'k2', after)).toBe(ID);
    // The old configuration does not know k2; the wrong key id does not decrypt.
    expect(() => cipher.decrypt('idNumber', 'k2', after)).toThrow(/no data key with id "k2"/);
    expect(() => rotated.decrypt('idNumber', 'k2', before)).toThrow();
    // The blind index does not depend on the data keys, so lookups survive rotation.
    expect(rotated.blindIndex('idNumber', ID).equals(cipher.blindIndex('idNumber', ID))).toBe(true);
  });

  it('gives a stable 16-byte blind index, separated by field and by index key', () => {
    const a = cipher.blindIndex('idNumber', ID);
    expect(a).toHaveLength(16);
    expect(cipher.blindIndex('idNumber', ID).equals(a)).toBe(true);
    expect(createFieldCipher(`other:${key(3)}`, INDEX_KEY).blindIndex('idNumber', ID).equals(a)).toBe(true);
    expect(cipher.blindIndex('phone', ID).equals(a)).toBe(false);
    expect(cipher.blindIndex('idNumber', '11010519491231002x').equals(a)).toBe(false); // callers normalise first
    expect(createFieldCipher(`k1:${key(1)}`, key(8)).blindIndex('idNumber', ID).equals(a)).toBe(false);
  });

  it('refuses malformed keys with a configuration error', () => {
    expect(() => createFieldCipher(`k1:${Buffer.alloc(16).toString('base64')}`, INDEX_KEY)).toThrow(ConfigError);
    expect(() => createFieldCipher(`bad id!:${key(1)}`, INDEX_KEY)).toThrow(ConfigError);
    expect(() => createFieldCipher(key(1), INDEX_KEY)).toThrow(ConfigError);
    expect(() => createFieldCipher('', INDEX_KEY)).toThrow(ConfigError);
    expect(() => createFieldCipher(`k1:${key(1)}`, Buffer.alloc(16).toString('base64'))).toThrow(ConfigError);
  });

  describe('development keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mz-keys-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('are generated once into <dataDir>/keys.json (mode 0600) and reused', () => {
      const config = loadConfig({ NODE_ENV: 'test', MIANZHENG_DATA_DIR: dir });
      const warnings: string[] = [];
      const first = loadFieldCipher(config, (m) => warnings.push(m));
      const file = join(dir, 'keys.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(warnings).toHaveLength(1);
      const second = loadFieldCipher(config, (m) => warnings.push(m));
      expect(warnings).toHaveLength(1);
      expect(second.decrypt('phone', first.activeKeyId, first.encrypt('phone', '13812345678'))).toBe('13812345678');
      expect(second.blindIndex('idNumber', ID).equals(first.blindIndex('idNumber', ID))).toBe(true);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('indexKey');
    });

    it('are not used when the configuration names keys', () => {
      const config = loadConfig({ NODE_ENV: 'test', MIANZHENG_DATA_DIR: dir, MIANZHENG_DATA_KEYS: `k1:${key(1)}`, MIANZHENG_INDEX_KEY: INDEX_KEY });
      const configured = loadFieldCipher(config);
      expect(configured.activeKeyId).toBe('k1');
      expect(configured.blindIndex('idNumber', ID).equals(cipher.blindIndex('idNumber', ID))).toBe(true);
    });
  });
});
