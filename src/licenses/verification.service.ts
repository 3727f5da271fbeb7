import { eq } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import { maskName } from '../core/crypto/masking.js';
import type { Db } from '../core/db/database.js';
import { findDepartmentsById } from '../registry/index.js';
import type { VerificationResult } from './license.contract.js';
import type { PublicDocumentView } from './verification.page.js';
import { LICENSE_STATUSES, chinaDate, effectiveStatus } from './license-status.js';
import { findLicenseType } from './license-type.service.js';
import { licenses } from './license.schema.js';
import { findPublicKey, verifyWith } from './signing.service.js';
import { sm3Hex } from '../core/crypto/sm3.js';
import { canonicalDocument, type SignedDocument } from './signed-document.js';

/** What the registry knows of a signed document, by identifier. */
export interface RegistryEntry {
  status: string;
  statusReason: string | null;
  digest: string;
  validUntil: string | null;
  /** How the registry names its status in Chinese, when not as a licence does (a proof's revocation is 撤销, not 吊销). */
  statusLabel?: string;
}

/** Looks a document up in the registry of its kind (licences here; proofs register their own). */
export type RegistryLookup = (db: Db, identifier: string) => Promise<RegistryEntry | undefined>;

/** The licence registry's lookup. */
export const lookupLicense: RegistryLookup = async (db, identifier) => {
  const [row] = await db
    .select({ status: licenses.status, statusReason: licenses.statusReason, digest: licenses.documentDigest, validUntil: licenses.validUntil })
    .from(licenses)
    .where(eq(licenses.identifier, identifier));
  return row;
};

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A public key as an offline verifier has it (from GET /api/v1/keys). */
export interface KnownKey {
  publicKey: string;
  /** USCC of the department that owns the key. */
  issuerCode: string;
}

/**
 * Checks a signed document: the signature against the issuing department's published key, then —
 * when a registry is given — that the registry holds exactly this version and what its status is,
 * and finally the validity dates. Offline verification passes no registry and cannot see revocations.
 */
export async function checkSignedDocument(
  doc: SignedDocument,
  keyOf: (keyId: string) => Promise<KnownKey | undefined>,
  today: string,
  registry?: (identifier: string) => Promise<RegistryEntry | undefined>,
): Promise<Omit<VerificationResult, 'checkedAt'>> {
  const d = doc.document as Record<string, unknown>;
  const summary = {
    kind: doc.kind,
    identifier: text(d.identifier),
    name: text(d.name),
    issuerName: text(d.issuerName),
  };
  const invalidBecause = (reason: string) => ({ result: 'invalid' as const, reasons: [reason], ...summary, status: null });
  if (doc.format !== 'mianzheng-signed-document/1' || doc.signature?.algorithm !== 'SM2-SM3') return invalidBecause('不是本平台签发的文档格式 / not a mianzheng signed document');
  if (!summary.identifier) return invalidBecause('文档缺少标识 / the document has no identifier');
  const key = await keyOf(doc.signature.keyId);
  if (!key) return invalidBecause('签名密钥未公布 / signed with an unknown key');
  if (text(d.issuerCode) !== key.issuerCode) return invalidBecause('签名密钥不属于颁发机构 / the key does not belong to the issuing department');
  let canonical: string;
  try {
    canonical = canonicalDocument(d);
  } catch {
    return invalidBecause('文档内容无法规范化 / the document is not canonical JSON');
  }
  const signature = Buffer.from(doc.signature.value, 'base64');
  if (!verifyWith(key.publicKey, canonical, signature)) return invalidBecause('签名无效：文档被篡改或签名不符 / the signature does not match: the document was altered');
  const reasons = ['签名有效 / signature valid'];
  let status: string | null = null;
  if (registry) {
    const entry = await registry(summary.identifier);
    if (!entry) return invalidBecause('登记库中无此文档 / not in the registry');
    if (entry.digest !== sm3Hex(canonical)) return invalidBecause('与登记库中的版本不一致 / differs from the registered version');
    status = effectiveStatus(entry.status, entry.validUntil, today);
    const label = entry.statusLabel ?? LICENSE_STATUSES[status as keyof typeof LICENSE_STATUSES]?.zh ?? status;
    if (status === 'superseded') return { result: 'invalid', reasons: [...reasons, `${label} / replaced by a newer version`], ...summary, status };
    if (status === 'revoked' || status === 'cancelled' || status === 'withdrawn') {
      return { result: 'revoked', reasons: [...reasons, `已${label}${entry.statusReason ? `：${entry.statusReason}` : ''} / ${status}`], ...summary, status };
    }
  } else {
    reasons.push('离线核验：未查询登记库，无法判断是否已吊销或注销 / offline: revocation not checked');
  }
  const validFrom = text(d.validFrom);
  const validUntil = text(d.validUntil);
  if (validFrom && validFrom > today) return { result: 'invalid', reasons: [...reasons, `尚未生效（${validFrom} 起）/ not yet valid`], ...summary, status };
  if (validUntil && validUntil < today) return { result: 'expired', reasons: [...reasons, `已过有效期（${validUntil}）/ expired`], ...summary, status: status ?? 'expired' };
  return { result: 'valid', reasons: [...reasons, validUntil ? `有效期至 ${validUntil} / valid until ${validUntil}` : '长期有效 / no expiry'], ...summary, status: status ?? 'valid' };
}

/**
 * Published keys with their department's USCC, by key id. A key never changes once published and a
 * department keeps its code, so verification — a hot path — asks the database once per key.
 */
const knownKeys = new Map<string, KnownKey>();
async function knownKey(db: Db, keyId: string): Promise<KnownKey | undefined> {
  const cached = knownKeys.get(keyId);
  if (cached) return cached;
  const key = await findPublicKey(db, keyId);
  if (!key) return undefined; // not cached: a key created later must be found
  const dept = (await findDepartmentsById(db, [key.departmentId])).get(key.departmentId);
  if (!dept) return undefined;
  const known = { publicKey: key.publicKey, issuerCode: dept.uscc };
  if (knownKeys.size > 10_000) knownKeys.clear();
  knownKeys.set(keyId, known);
  return known;
}

/** Online verification (POST /api/v1/verify): published keys and the registry of the document's kind. */
export async function verifySignedDocument(db: Db, clock: Clock, doc: SignedDocument, registries: Partial<Record<SignedDocument['kind'], RegistryLookup>>): Promise<VerificationResult> {
  const lookup = registries[doc.kind];
  const result = await checkSignedDocument(
    doc,
    (keyId) => knownKey(db, keyId),
    chinaDate(clock.now()),
    lookup ? (identifier) => lookup(db, identifier) : async () => undefined,
  );
  return { ...result, checkedAt: clock.now().toISOString() };
}

/** What the public page /v/{code} shows of a licence: never the holder's code, a person's name masked, only disclosed fields. */
export type PublicLicenseView = PublicDocumentView & { kind: 'license' };

/** The public view of a licence by its verification code, or undefined. */
export async function publicLicenseView(db: Db, clock: Clock, code: string): Promise<PublicLicenseView | undefined> {
  if (!/^[0-9A-Z]{6,16}$/.test(code)) return undefined;
  const [row] = await db.select().from(licenses).where(eq(licenses.verificationCode, code));
  if (!row) return undefined;
  const type = await findLicenseType(db, row.typeCode);
  const status = effectiveStatus(row.status, row.validUntil, chinaDate(clock.now()));
  return {
    kind: 'license',
    name: type?.name ?? row.typeCode,
    number: row.number,
    holderName: row.holderKind === 'person' ? maskName(row.holderName) : row.holderName,
    issuerName: row.issuerName,
    issuedOn: row.issuedOn,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    status,
    statusLabel: LICENSE_STATUSES[status].zh,
    fields: (type?.fields ?? []).filter((f) => row.disclosure.includes(f.key) && row.fields[f.key] !== undefined).map((f) => ({ label: f.label, value: row.fields[f.key] ?? '' })),
  };
}
