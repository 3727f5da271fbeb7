import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 64 * 1024;
const pool = Buffer.alloc(POOL_BYTES);
let offset = POOL_BYTES;

/**
 * Fresh CSPRNG bytes, taken from a pool refilled 64 KiB at a time. Each call to randomBytes costs
 * a trip into OpenSSL (~2 µs); IVs and ids are needed per row in million-row imports. Every byte
 * is handed out once.
 */
export function randomChunk(size: number): Buffer {
  if (size > POOL_BYTES) throw new RangeError('randomChunk is for small sizes');
  if (offset + size > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + size)); // a copy: the pool is overwritten later
  offset += size;
  return out;
}
