import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeBase64url, encodeBase64url } from './multibase.js';
import type { CredentialBase } from './credential.js';

/**
 * W3C Bitstring Status List v1.0 (Recommendation, 15 May 2025): one bit per credential, index 0
 * the most significant bit of the first byte; published GZIP-compressed (RFC 1952) as multibase
 * base64url, at least 131,072 bits (16 KiB) long so that a revocation hides in a crowd (§6.5).
 */

/** The smallest bitstring the Recommendation allows: 131,072 entries, 16 KiB. */
export const MIN_STATUS_LIST_BITS = 131_072;
/** A decoded list larger than this is refused (a GZIP bomb guard): 128 Mi entries. */
const MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024;

/** A status bitstring, all entries clear, of at least `entries` bits (never below the 16 KiB minimum). */
export function createStatusBitstring(entries = MIN_STATUS_LIST_BITS): Uint8Array {
  return new Uint8Array(Math.ceil(Math.max(entries, MIN_STATUS_LIST_BITS) / 8));
}

/** The bit at `index` (§3.2: index 0 is the leftmost, most significant bit of the first byte). */
export function getStatusBit(bits: Uint8Array, index: number): boolean {
  const byte = bits[byteOf(bits, index)] ?? 0;
  return (byte & (0x80 >> (index % 8))) !== 0;
}

/** Sets or clears the bit at `index` in place (a revocation sets it; it is never cleared in practice). */
export function setStatusBit(bits: Uint8Array, index: number, value = true): void {
  const at = byteOf(bits, index);
  const mask = 0x80 >> (index % 8);
  bits[at] = value ? (bits[at] ?? 0) | mask : (bits[at] ?? 0) & ~mask;
}

function byteOf(bits: Uint8Array, index: number): number {
  if (!Number.isSafeInteger(index) || index < 0 || index >= bits.length * 8) {
    throw new RangeError(`status list index ${index} is outside the list (0–${bits.length * 8 - 1})`);
  }
  return index >> 3;
}

/** `encodedList` of a bitstring (§3.2 Bitstring Generation): multibase base64url of its GZIP. */
export function encodeStatusList(bits: Uint8Array): string {
  if (bits.length * 8 < MIN_STATUS_LIST_BITS) {
    throw new RangeError(`a status list holds at least ${MIN_STATUS_LIST_BITS} bits; got ${bits.length * 8}`);
  }
  return encodeBase64url(gzipSync(bits, { level: 9 }));
}

/** The bitstring of an `encodedList` (§3.3 Bitstring Expansion); refuses lists under the 16 KiB minimum. */
export function decodeStatusList(encodedList: string): Uint8Array {
  const compressed = decodeBase64url(encodedList);
  let bits: Buffer;
  try {
    bits = gunzipSync(compressed, { maxOutputLength: MAX_STATUS_LIST_BYTES });
  } catch (error) {
    throw new Error(`encodedList is not a GZIP stream within ${MAX_STATUS_LIST_BYTES} bytes: ${(error as Error).message}`);
  }
  if (bits.length * 8 < MIN_STATUS_LIST_BITS) {
    throw new RangeError(`STATUS_LIST_LENGTH_ERROR: the list has ${bits.length * 8} bits, fewer than ${MIN_STATUS_LIST_BITS}`);
  }
  return new Uint8Array(bits.buffer, bits.byteOffset, bits.length);
}

/** Whether the credential at `index` is revoked in a list (encoded or already expanded). */
export function isRevoked(list: string | Uint8Array, index: number): boolean {
  return getStatusBit(typeof list === 'string' ? decodeStatusList(list) : list, index);
}

/** What a department publishes for one of its revocation lists. */
export interface StatusListCredentialInput {
  /** URL the list is served from; entries point at it as `statusListCredential`. */
  id: string;
  /** The department: `did:web` or URL, and its name. */
  issuer: { id: string; name: string };
  /** When this version of the list was made (ISO 8601 date-time with offset). */
  validFrom: string;
  /** Until when verifiers may cache it; omitted for no limit. */
  validUntil?: string;
  /** The bitstring (or an `encodedList` already made). */
  list: Uint8Array | string;
  /** Milliseconds a verifier may cache the list (§2.2 `ttl`). */
  ttl?: number;
}

/** A `BitstringStatusListCredential` (§2.2), unsecured: sign it like any credential (`addSm2Proof`). */
export interface StatusListCredential extends CredentialBase {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  issuer: { id: string; name: string };
  validFrom: string;
  validUntil?: string;
  credentialSubject: { id: string; type: 'BitstringStatusList'; statusPurpose: 'revocation'; encodedList: string; ttl?: number };
}

/** Builds the `BitstringStatusListCredential` for a revocation list (§2.2). */
export function toStatusListCredential(input: StatusListCredentialInput): StatusListCredential {
  const encodedList = typeof input.list === 'string' ? input.list : encodeStatusList(input.list);
  if (typeof input.list === 'string') decodeStatusList(encodedList); // refuse a malformed list early
  const credential: StatusListCredential = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: input.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: { id: input.issuer.id, name: input.issuer.name },
    validFrom: input.validFrom,
    credentialSubject: {
      id: `${input.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList,
      ...(input.ttl === undefined ? {} : { ttl: input.ttl }),
    },
  };
  if (input.validUntil !== undefined) credential.validUntil = input.validUntil;
  return credential;
}
