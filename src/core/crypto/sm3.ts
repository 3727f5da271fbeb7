import { createHash, createHmac, type KeyObject } from 'node:crypto';

/** SM3 digest (GB/T 32905) as lower-case hex. */
export function sm3Hex(data: string | Uint8Array): string {
  return createHash('sm3').update(data).digest('hex');
}

/** HMAC-SM3 (GB/T 15852.2 with SM3) as raw bytes. */
export function hmacSm3(key: Uint8Array | KeyObject, data: string | Uint8Array): Buffer {
  return createHmac('sm3', key).update(data).digest();
}
