/**
 * Multibase (draft-multiformats-multibase) in the two encodings the W3C specifications use:
 * base58btc (prefix `z`, Data Integrity proof values) and base64url without padding (prefix `u`,
 * Bitstring Status List `encodedList`).
 */

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BASE58_INDEX = new Map([...BASE58].map((c, i) => [c, i]));

/** Multibase base58btc (`z` + the Bitcoin alphabet; leading zero bytes become `1`). */
export function encodeBase58btc(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  let out = '';
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  return `z${'1'.repeat(zeros)}${out}`;
}

/** Decodes multibase base58btc; throws on a missing `z` prefix or a character outside the alphabet. */
export function decodeBase58btc(text: string): Uint8Array {
  if (!text.startsWith('z')) throw new Error('not multibase base58btc (expected the prefix "z")');
  const body = text.slice(1);
  let zeros = 0;
  while (zeros < body.length && body[zeros] === '1') zeros++;
  let n = 0n;
  for (const c of body) {
    const v = BASE58_INDEX.get(c);
    if (v === undefined) throw new Error(`not a base58btc character: ${JSON.stringify(c)}`);
    n = n * 58n + BigInt(v);
  }
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n & 0xffn));
    n >>= 8n;
  }
  return Uint8Array.from([...new Array<number>(zeros).fill(0), ...bytes]);
}

/** Multibase base64url without padding (`u` + RFC 4648 §5). */
export function encodeBase64url(bytes: Uint8Array): string {
  return `u${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url')}`;
}

/** Decodes multibase base64url; throws on a missing `u` prefix, padding or foreign characters. */
export function decodeBase64url(text: string): Uint8Array {
  if (!text.startsWith('u')) throw new Error('not multibase base64url (expected the prefix "u")');
  const body = text.slice(1);
  if (!/^[A-Za-z0-9_-]*$/.test(body) || body.length % 4 === 1) throw new Error('not base64url without padding');
  return new Uint8Array(Buffer.from(body, 'base64url'));
}
