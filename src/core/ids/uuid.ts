import { createHash } from 'node:crypto';
import { randomChunk } from '../crypto/random-pool.js';

/**
 * A UUID version 7 (RFC 9562): 48-bit millisecond time then random bits, so ids sort by creation
 * time and B-tree inserts stay at the right edge; ids double as cursor keys.
 */
export function uuidv7(now: number = Date.now()): string {
  const b = randomChunk(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70;
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
