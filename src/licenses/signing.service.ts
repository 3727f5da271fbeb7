import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Deps } from '../core/context.js';
import type { FieldCipher } from '../core/crypto/field-cipher.js';
import { generateSm2KeyPair, sm2PublicKeyPem, sm2Sign, sm2Verify, type Sm2KeyPair } from '../core/crypto/sm2.js';
import type { Db, DbOrTx } from '../core/db/database.js';
import { AppError } from '../core/errors.js';
import { uuidv7 } from '../core/ids/uuid.js';
import { signingKeys } from './license.schema.js';

/** A department's active signing key, decrypted for use. */
export interface DepartmentSigner {
  keyId: string;
  departmentId: string;
  keys: Sm2KeyPair;
}

/**
 * Gives every listed department that has none an SM2 key pair (GM/T 0003); the private key is
 * stored encrypted with the platform data key. Idempotent. Returns how many keys were created.
 */
export async function ensureSigningKeys(deps: Deps, departmentIds: readonly string[]): Promise<number> {
  const existing = new Set(
    (await deps.db.select({ d: signingKeys.departmentId }).from(signingKeys).where(isNull(signingKeys.retiredAt))).map((r) => r.d),
  );
  const now = deps.clock.now();
  const rows = departmentIds
    .filter((id) => !existing.has(id))
    .map((departmentId) => {
      const pair = generateSm2KeyPair();
      return {
        id: uuidv7(now.getTime()),
        departmentId,
        publicKey: pair.publicKey,
        privateKeyCipher: deps.cipher.encrypt('signingKey', pair.privateKey),
        keyId: deps.cipher.activeKeyId,
        createdAt: now,
        retiredAt: null,
      };
    });
  for (let i = 0; i < rows.length; i += 200) {
    await deps.db.insert(signingKeys).values(rows.slice(i, i + 200)).onConflictDoNothing();
  }
  return rows.length;
}

/** Decrypted signers are kept per key id: the key never changes once written. */
const signerCache = new Map<string, DepartmentSigner>();

/** The active signing key of a department. */
export async function departmentSigner(db: DbOrTx, cipher: FieldCipher, departmentId: string): Promise<DepartmentSigner> {
  const [row] = await db
    .select()
    .from(signingKeys)
    .where(and(eq(signingKeys.departmentId, departmentId), isNull(signingKeys.retiredAt)));
  if (!row) throw new AppError('unavailable', `department ${departmentId} has no signing key`);
  let signer = signerCache.get(row.id);
  if (!signer) {
    signer = { keyId: row.id, departmentId, keys: { publicKey: row.publicKey, privateKey: cipher.decrypt('signingKey', row.keyId, row.privateKeyCipher) } };
    signerCache.set(row.id, signer);
  }
  return signer;
}

/** Signs canonical bytes with a department signer. */
export function signWith(signer: DepartmentSigner, canonical: string): Buffer {
  return sm2Sign(signer.keys, Buffer.from(canonical, 'utf8'));
}

/** A published key: what an offline verifier needs. */
export interface PublishedKey {
  keyId: string;
  departmentId: string;
  publicKey: string;
  publicKeyPem: string;
  createdAt: string;
  retiredAt: string | null;
}

/** Every department key, active and retired (old documents stay verifiable), for `GET /api/v1/keys`. */
export async function listPublishedKeys(db: Db): Promise<PublishedKey[]> {
  const rows = await db.select().from(signingKeys).orderBy(asc(signingKeys.departmentId), asc(signingKeys.createdAt));
  return rows.map((r) => ({
    keyId: r.id,
    departmentId: r.departmentId,
    publicKey: r.publicKey,
    publicKeyPem: sm2PublicKeyPem(r.publicKey),
    createdAt: r.createdAt.toISOString(),
    retiredAt: r.retiredAt?.toISOString() ?? null,
  }));
}

/** Public keys by key id, cached (keys are immutable): verification is a hot path. */
const publicKeyCache = new Map<string, { publicKey: string; departmentId: string } | null>();
export async function findPublicKey(db: DbOrTx, keyId: string): Promise<{ publicKey: string; departmentId: string } | undefined> {
  if (!publicKeyCache.has(keyId)) {
    const [row] = /^[0-9a-f-]{36}$/i.test(keyId)
      ? await db.select({ publicKey: signingKeys.publicKey, departmentId: signingKeys.departmentId }).from(signingKeys).where(eq(signingKeys.id, keyId))
      : [];
    if (!row) return undefined; // not cached: a key created later must be found
    publicKeyCache.set(keyId, row);
  }
  return publicKeyCache.get(keyId) ?? undefined;
}

/** Checks a signature made by a published key. */
export function verifyWith(publicKey: string, canonical: string, signature: Uint8Array): boolean {
  return sm2Verify(publicKey, Buffer.from(canonical, 'utf8'), signature);
}

/** Number of active keys (for readiness and tests). */
export async function countActiveKeys(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(signingKeys).where(isNull(signingKeys.retiredAt));
  return row?.n ?? 0;
}
