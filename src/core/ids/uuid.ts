import { createHash } from 'node:crypto';
import { randomChunk } from '../crypto/random-pool.js';

let lastMs = -1;
let counter = 0;

/**
 * A UUID version 7 (RFC 9562): 48-bit millisecond time, then a 12-bit counter (method 1 of
 * §6.2) and random bits, so ids made by one process sort in creation order even within one
 * millisecond, B-tree inserts stay at the right edge, and ids double as cursor keys.
 */
export function uuidv7(now: number = Date.now()): string {
  let ms = now;
  if (ms <= lastMs) {
    ms = lastMs;
    counter += 1;
    if (counter > 0xfff) {
      ms += 1; // counter exhausted: borrow the next millisecond
      counter = 0;
    }
  } else {
    counter = randomChunk(1)[0] ?? 0; // a random start below 256 leaves room to count
  }
  lastMs = ms;
  const b = randomChunk(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (counter >> 8);
  b[7] = counter & 0xff;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** True for a canonical lower- or upper-case UUID string. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/**
 * A name-based UUID (version 5, RFC 9562, SHA-1) so that catalogue rows seeded from reference data
 * get the same id on every installation and re-seeding is idempotent.
 */
export function stableUuid(name: string, namespace = '6f1c2a3e-9b4d-5e8f-a0b1-c2d3e4f5a6b7'): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const b = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x50;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
