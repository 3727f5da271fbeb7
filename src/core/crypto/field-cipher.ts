import { createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { ConfigError } from '../config.js';
import { randomChunk } from './random-pool.js';
import { hmacSm3 } from './sm3.js';

/** Which protected field a ciphertext or blind index belongs to; bound into both so values cannot be swapped. */
export type ProtectedField = 'idNumber' | 'phone' | 'holderCode' | 'signingKey';

/**
 * Encrypts personal data at rest (AES-256-GCM, one key per key id so keys can rotate) and computes
 * HMAC blind indexes for exact lookup without decrypting.
 */
export interface FieldCipher {
  /** Key id that new ciphertexts are written with; stored beside them. */
  readonly activeKeyId: string;
  encrypt(field: ProtectedField, plain: string): Buffer;
  decrypt(field: ProtectedField, keyId: string, blob: Uint8Array): string;
  /** 16-byte HMAC-SM3 of the normalised value, domain-separated by field. */
  blindIndex(field: ProtectedField, normalized: string): Buffer;
  /** HMAC-SM3 (hex) of a message under a key derived for `purpose`, for records that must not be forgeable from the database alone. */
  mac(purpose: string, message: string): string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Builds a cipher from `id:base64` data keys (first one active) and a base64 index key. */
export function createFieldCipher(dataKeys: string, indexKey: string): FieldCipher {
  const keys = parseDataKeys(dataKeys);
  const first = keys.keys().next();
  if (first.done) throw new ConfigError(['MIANZHENG_DATA_KEYS holds no key']);
  const activeKeyId = first.value;
  const indexBytes = Buffer.from(indexKey, 'base64');
  if (indexBytes.length < 32) throw new ConfigError(['MIANZHENG_INDEX_KEY must be base64 of at least 32 bytes']);
  const index = createSecretKey(indexBytes); // a KeyObject skips re-importing the key on every HMAC
  const keyFor = (id: string): Buffer => {
    const key = keys.get(id);
    if (!key) throw new Error(`no data key with id "${id}" is configured`);
    return key;
  };
  return {
    activeKeyId,
    encrypt(field, plain) {
      const iv = randomChunk(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keyFor(activeKeyId), iv);
      cipher.setAAD(Buffer.from(field));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, body, cipher.getAuthTag()]);
    },
    decrypt(field, keyId, blob) {
      const buf = Buffer.from(blob);
      const decipher = createDecipheriv('aes-256-gcm', keyFor(keyId), buf.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(field));
      decipher.setAuthTag(buf.subarray(buf.length - TAG_BYTES));
      return Buffer.concat([decipher.update(buf.subarray(IV_BYTES, buf.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    },
    blindIndex(field, normalized) {
      return hmacSm3(index, `${field}:${normalized}`).subarray(0, 16);
    },
    mac(purpose, message) {
      return hmacSm3(hmacSm3(index, `mac-key:${purpose}`), message).toString('hex');
    },
  };
}

function parseDataKeys(spec: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  const problems: string[] = [];
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [id, b64] = part.split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
      problems.push(`MIANZHENG_DATA_KEYS entry "${id ?? ''}:…" must be id:base64 of exactly 32 bytes`);
    } else keys.set(id, key);
  }
  if (problems.length) throw new ConfigError(problems);
  return keys;
}

/**
 * The cipher for this configuration. Outside production, missing keys are generated once into
 * `<dataDir>/keys.json` (mode 0600) so a fresh demo runs with no setup; production must configure them.
 */
export function loadFieldCipher(config: Config, warn: (msg: string) => void = () => {}): FieldCipher {
  if (config.dataKeys && config.indexKey) return createFieldCipher(config.dataKeys, config.indexKey);
  const file = join(config.dataDir, 'keys.json');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    const generated = {
      dataKeys: `dev1:${randomBytes(32).toString('base64')}`,
      indexKey: randomBytes(32).toString('base64'),
    };
    writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
    warn(`generated development encryption keys in ${file}; set MIANZHENG_DATA_KEYS and MIANZHENG_INDEX_KEY in production`);
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { dataKeys: string; indexKey: string };
  return createFieldCipher(config.dataKeys ?? stored.dataKeys, config.indexKey ?? stored.indexKey);
}
