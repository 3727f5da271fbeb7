import { invert, mod } from '@noble/curves/abstract/modular.js';
import { weierstrass } from '@noble/curves/abstract/weierstrass.js';
import { createHash, randomBytes } from 'node:crypto';

/**
 * SM2 digital signatures (GM/T 0003.2, GB/T 32918.2) with SM3: the signer hashes
 * Z_A ‖ M, where Z_A = SM3(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A) binds the signer's
 * identity (default ID `1234567812345678`). Curve arithmetic comes from @noble/curves; the SM2
 * equations are written here. Node's own `SM2` curve option is plain ECDSA and must not be used.
 * Signatures are DER `SEQUENCE { r INTEGER, s INTEGER }`, as OpenSSL writes and reads them.
 */

const CURVE = {
  p: 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn,
  n: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
  h: 1n,
  a: 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn,
  b: 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n,
  Gx: 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  Gy: 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
};
const { n: N } = CURVE;

/** Points of the SM2 curve (GM/T 0003.5 recommended parameters). */
export const Sm2Point = weierstrass(CURVE);
type Point = InstanceType<typeof Sm2Point>;
Sm2Point.BASE.precompute(8, false);

/** The default signer identity of GM/T 0009 (as OpenSSL's `distid:1234567812345678`). */
export const SM2_DEFAULT_ID = '1234567812345678';

export interface Sm2KeyPair {
  /** 32-byte private scalar, hex. */
  privateKey: string;
  /** Uncompressed public key 04 ‖ x ‖ y, hex (65 bytes). */
  publicKey: string;
}

const hex32 = (v: bigint) => v.toString(16).padStart(64, '0');
const toBig = (b: Uint8Array) => BigInt(`0x${Buffer.from(b).toString('hex') || '0'}`);

/** A fresh key pair (d in [1, n−2] as the standard requires). */
export function generateSm2KeyPair(): Sm2KeyPair {
  const d = randomScalar(N - 2n);
  return { privateKey: hex32(d), publicKey: Buffer.from(Sm2Point.BASE.multiply(d).toBytes(false)).toString('hex') };
}

/** Uniform scalar in [1, max]; 48 random bytes make the modulo bias negligible. */
function randomScalar(max: bigint): bigint {
  return mod(toBig(randomBytes(48)), max) + 1n;
}

/** The public key of a private key, hex. */
export function sm2PublicKeyOf(privateKey: string): string {
  return Buffer.from(Sm2Point.BASE.multiply(BigInt(`0x${privateKey}`)).toBytes(false)).toString('hex');
}

/** Decoded public keys with precomputed multiplication tables (for verifying): a city has a few hundred signers. */
const points = new Map<string, Point>();
function publicPoint(publicKey: string): Point {
  let point = points.get(publicKey);
  if (!point) {
    point = Sm2Point.fromHex(publicKey);
    point.assertValidity();
    point.precompute(8, false);
    if (points.size > 10_000) points.clear();
    points.set(publicKey, point);
  }
  return point;
}

/**
 * Z_A by public key and signer identity. Kept apart from the multiplication tables: a signer needs
 * Z_A of its own key but no table for it, and building one costs as much as dozens of signatures.
 */
const zaCache = new Map<string, Buffer>();

/** Z_A of a public key and signer identity (cached; it is the same for every document a department signs). */
export function sm2Za(publicKey: string, id = SM2_DEFAULT_ID): Buffer {
  const cacheKey = `${id}\u0000${publicKey}`;
  let za = zaCache.get(cacheKey);
  if (!za) {
    const point = points.get(publicKey) ?? Sm2Point.fromHex(publicKey);
    point.assertValidity();
    const idBytes = Buffer.from(id, 'utf8');
    const { x, y } = point.toAffine();
    za = createHash('sm3')
      .update(Buffer.from([(idBytes.length * 8) >> 8, (idBytes.length * 8) & 0xff]))
      .update(idBytes)
      .update(Buffer.from(hex32(CURVE.a) + hex32(CURVE.b) + hex32(CURVE.Gx) + hex32(CURVE.Gy) + hex32(x) + hex32(y), 'hex'))
      .digest();
    if (zaCache.size > 10_000) zaCache.clear();
    zaCache.set(cacheKey, za);
  }
  return za;
}

/** e = SM3(Z_A ‖ M) as an integer. */
function digestOf(publicKey: string, message: Uint8Array, id: string): bigint {
  return toBig(createHash('sm3').update(sm2Za(publicKey, id)).update(message).digest());
}

/** Signs a message (not a digest) as GM/T 0003.2 §6.1; returns the DER signature. */
export function sm2Sign(keys: Sm2KeyPair, message: Uint8Array, id = SM2_DEFAULT_ID): Buffer {
  const d = BigInt(`0x${keys.privateKey}`);
  const e = digestOf(keys.publicKey, message, id);
  const dInv = invert(1n + d, N);
  for (;;) {
    const k = randomScalar(N - 1n);
    const x1 = Sm2Point.BASE.multiply(k).toAffine().x;
    const r = mod(e + x1, N);
    if (r === 0n || r + k === N) continue;
    const s = mod(dInv * (k - r * d), N);
    if (s === 0n) continue;
    return derSignature(r, s);
  }
}

/** Verifies a DER signature over a message as GM/T 0003.2 §7.1. False for anything malformed. */
export function sm2Verify(publicKey: string, message: Uint8Array, signature: Uint8Array, id = SM2_DEFAULT_ID): boolean {
  let e: bigint;
  try {
    e = digestOf(publicKey, message, id);
  } catch {
    return false; // not a point on the curve
  }
  return verifyDigest(publicKey, e, signature);
}

/** Verifies a signature over an already computed e = SM3(Z_A ‖ M) (as OpenSSL's raw `pkeyutl -verify`). */
export function sm2VerifyDigest(publicKey: string, digest: Uint8Array, signature: Uint8Array): boolean {
  return verifyDigest(publicKey, toBig(digest), signature);
}

function verifyDigest(publicKey: string, e: bigint, signature: Uint8Array): boolean {
  let rs: { r: bigint; s: bigint };
  let P: Point;
  try {
    rs = parseDerSignature(signature);
    P = publicPoint(publicKey);
  } catch {
    return false;
  }
  const { r, s } = rs;
  if (r < 1n || r >= N || s < 1n || s >= N) return false;
  const t = mod(r + s, N);
  if (t === 0n) return false;
  const sum = Sm2Point.BASE.multiplyUnsafe(s).add(P.multiplyUnsafe(t));
  if (sum.equals(Sm2Point.ZERO)) return false;
  return mod(e + sum.toAffine().x, N) === r;
}

// ---- DER and PEM, enough for OpenSSL interoperability ----

function derLength(len: number): Buffer {
  if (len < 0x80) return Buffer.from([len]);
  const bytes: number[] = [];
  for (let l = len; l > 0; l >>= 8) bytes.unshift(l & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function der(tag: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

function derInteger(v: bigint): Buffer {
  let h = v.toString(16);
  if (h.length % 2) h = `0${h}`;
  let b = Buffer.from(h, 'hex');
  if ((b[0] ?? 0) & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return der(0x02, b);
}

/** DER SEQUENCE { INTEGER r, INTEGER s }. */
export function derSignature(r: bigint, s: bigint): Buffer {
  return der(0x30, Buffer.concat([derInteger(r), derInteger(s)]));
}

/** Reads a DER element's tag, body and the offset after it. */
function readDer(buf: Uint8Array, offset: number): { tag: number; body: Uint8Array; end: number } {
  const tag = buf[offset];
  let len = buf[offset + 1];
  if (tag === undefined || len === undefined) throw new Error('truncated DER');
  let pos = offset + 2;
  if (len & 0x80) {
    const count = len & 0x7f;
    if (count === 0 || count > 4) throw new Error('bad DER length');
    len = 0;
    for (let i = 0; i < count; i++) len = (len << 8) | (buf[pos + i] ?? 0);
    pos += count;
  }
  const end = pos + len;
  if (end > buf.length) throw new Error('truncated DER');
  return { tag, body: buf.subarray(pos, end), end };
}

/** Parses a DER signature strictly (one SEQUENCE of two INTEGERs, nothing after it). */
export function parseDerSignature(sig: Uint8Array): { r: bigint; s: bigint } {
  const seq = readDer(sig, 0);
  if (seq.tag !== 0x30 || seq.end !== sig.length) throw new Error('not a DER signature');
  const r = readDer(seq.body, 0);
  const s = readDer(seq.body, r.end);
  if (r.tag !== 0x02 || s.tag !== 0x02 || s.end !== seq.body.length) throw new Error('not a DER signature');
  return { r: toBig(r.body), s: toBig(s.body) };
}

const OID_EC_PUBLIC_KEY = Buffer.from('06072a8648ce3d0201', 'hex'); // 1.2.840.10045.2.1
const OID_SM2 = Buffer.from('06082a811ccf5501822d', 'hex'); // 1.2.156.10197.1.301

function pem(label: string, body: Buffer): string {
  const b64 = body.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** SubjectPublicKeyInfo PEM (id-ecPublicKey with the SM2 curve), as `openssl pkey -pubout` writes it. */
export function sm2PublicKeyPem(publicKey: string): string {
  const algorithm = der(0x30, Buffer.concat([OID_EC_PUBLIC_KEY, OID_SM2]));
  const bits = der(0x03, Buffer.concat([Buffer.from([0]), Buffer.from(publicKey, 'hex')]));
  return pem('PUBLIC KEY', der(0x30, Buffer.concat([algorithm, bits])));
}

/** PKCS#8 PEM of a key pair, readable by OpenSSL (`openssl pkeyutl -sign -inkey`). */
export function sm2PrivateKeyPem(keys: Sm2KeyPair): string {
  const ecPrivateKey = der(
    0x30,
    Buffer.concat([
      der(0x02, Buffer.from([1])),
      der(0x04, Buffer.from(keys.privateKey, 'hex')),
      der(0xa1, der(0x03, Buffer.concat([Buffer.from([0]), Buffer.from(keys.publicKey, 'hex')]))),
    ]),
  );
  const algorithm = der(0x30, Buffer.concat([OID_EC_PUBLIC_KEY, OID_SM2]));
  return pem('PRIVATE KEY', der(0x30, Buffer.concat([der(0x02, Buffer.from([0])), algorithm, der(0x04, ecPrivateKey)])));
}

/** The uncompressed public key (hex) inside a SubjectPublicKeyInfo PEM of an SM2 key. */
export function sm2PublicKeyFromPem(text: string): string {
  const body = Buffer.from(text.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  const spki = readDer(body, 0);
  const algorithm = readDer(spki.body, 0);
  if (!Buffer.from(algorithm.body).includes(OID_SM2)) throw new Error('not an SM2 public key');
  const bits = readDer(spki.body, algorithm.end);
  if (bits.tag !== 0x03 || bits.body.length !== 66 || bits.body[1] !== 0x04) throw new Error('not an uncompressed SM2 public key');
  return Buffer.from(bits.body.subarray(1)).toString('hex');
}
