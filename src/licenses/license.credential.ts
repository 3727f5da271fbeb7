import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { actsForDepartment } from '../core/access/access.js';
import { recordAudit } from '../core/audit/audit.service.js';
import type { Ctx, Deps } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { isUuid } from '../core/ids/uuid.js';
import { departmentIdOf, findDepartmentsById, type DepartmentRow } from '../registry/index.js';
import type { JsonValue } from './vc/credential.js';
import { toVerifiableCredential, addSm2Proof, type Secured, type VerifiableLicenseCredential } from './vc/sm2-proof.js';
import { createStatusBitstring, MIN_STATUS_LIST_BITS, setStatusBit, toStatusListCredential, type StatusListCredential } from './vc/status-list.js';
import { findLicenseType } from './license-type.service.js';
import { licenses } from './license.schema.js';
import { departmentSigner } from './signing.service.js';

/** Entries per published status list: the Recommendation's minimum, so that one list is 16 KiB. */
export const STATUS_LIST_SIZE = MIN_STATUS_LIST_BITS;

/** Statuses whose bit is set: the credential no longer stands (吊销, 注销, 撤销, or replaced by a new version). */
const REVOKED_STATUSES = ['revoked', 'cancelled', 'withdrawn', 'superseded'];

/** The department that signs status lists for the whole platform: the city data bureau (市数据局). */
export const STATUS_LIST_DEPARTMENT = '430900-data';

/** A department as a credential issuer: its address on this platform (an https URL when deployed). */
export function issuerIdOf(publicUrl: string, department: Pick<DepartmentRow, 'code'>): string {
  return `${publicUrl}/api/v1/departments/${encodeURIComponent(department.code)}`;
}

/** Where status list `n` is published. */
export function statusListUrl(publicUrl: string, n: number): string {
  return `${publicUrl}/api/v1/status-lists/${n}`;
}

/** The key id inside a verification method `{issuer}#{key id}` (the key id of GET /api/v1/keys). */
export function keyIdOfVerificationMethod(method: string): string {
  return method.slice(method.lastIndexOf('#') + 1);
}

/**
 * A licence as a W3C Verifiable Credential 2.0 (Data Integrity proof, cryptosuite sm2-jcs-2025,
 * signed now by the issuing department's key) with a BitstringStatusListEntry at its status-list
 * position, for the holder to carry. Only its holder and its issuing department get it; it carries
 * the holder's full ID number, so the export is audited.
 */
export async function licenseCredential(ctx: Ctx, id: string, publicUrl: string): Promise<VerifiableLicenseCredential> {
  const [row] = isUuid(id) ? await ctx.db.select().from(licenses).where(eq(licenses.id, id)) : [];
  const isHolder = ctx.actor.kind === 'subject' && ctx.actor.id === row?.holderId;
  if (!row || !(isHolder || actsForDepartment(ctx.actor, row.issuerDepartmentId))) throw new AppError('not_found', `licence ${id} not found`);
  const type = await findLicenseType(ctx.db, row.typeCode);
  const department = (await findDepartmentsById(ctx.db, [row.issuerDepartmentId])).get(row.issuerDepartmentId);
  if (!type || !department) throw new Error(`licence ${row.id}: its type or department vanished`);
  const holderCode = row.holderCodeCipher && row.keyId ? ctx.cipher.decrypt('holderCode', row.keyId, row.holderCodeCipher) : row.holderCode;
  const previous = row.previousId ? (await ctx.db.select({ identifier: licenses.identifier }).from(licenses).where(eq(licenses.id, row.previousId)))[0] : undefined;
  const claims: Record<string, JsonValue> = {
    licenseIdentifier: row.identifier,
    licenseNumber: row.number,
    licenseTypeCode: type.catalogueCode,
    holderCode,
    holderCodeType: row.holderKind === 'person' ? '居民身份证' : '统一社会信用代码',
    issuerCode: row.issuerCode,
    issuedOn: row.issuedOn,
    regionCode: row.regionCode,
    ...(previous ? { previousIdentifier: previous.identifier } : {}),
    ...Object.fromEntries(type.fields.filter((f) => row.fields[f.key] !== undefined).map((f) => [f.key, row.fields[f.key] ?? ''])),
  };
  const issuer = { id: issuerIdOf(publicUrl, department), name: department.name };
  const signer = await departmentSigner(ctx.db, ctx.cipher, department.id);
  const list = Math.floor(row.statusListIndex / STATUS_LIST_SIZE);
  const credential = toVerifiableCredential(
    {
      kind: 'license',
      id: `${publicUrl}/v/${row.verificationCode}`,
      name: type.name,
      issuer,
      holder: { id: `urn:uuid:${row.holderId}`, name: row.holderName },
      claims,
      validFrom: row.validFrom,
      validUntil: row.validUntil,
      status: { statusListCredential: statusListUrl(publicUrl, list), statusListIndex: row.statusListIndex - list * STATUS_LIST_SIZE },
    },
    { verificationMethod: `${issuer.id}#${signer.keyId}`, keys: signer.keys },
    ctx.clock.now(),
  );
  await recordAudit(ctx.db, ctx, { action: 'license.credential', targetType: 'license', targetId: row.id, subjectIds: [row.holderId], payload: { identifier: row.identifier } });
  return credential;
}

/** How long verifiers may keep a status list before fetching it again (Bitstring Status List §2.2 `ttl`). */
export const STATUS_LIST_TTL_MS = 300_000;

/**
 * Status list `n` (W3C Bitstring Status List v1.0): one bit per status-list position in
 * [n × 131,072, (n + 1) × 131,072), set for licences that were revoked, cancelled, withdrawn or
 * superseded, signed by the platform (the city data bureau's key). Public: it says nothing about
 * whose licence a bit is.
 */
export async function statusListCredential(deps: Deps, n: number, publicUrl: string): Promise<Secured<StatusListCredential>> {
  if (!Number.isSafeInteger(n) || n < 0 || n * STATUS_LIST_SIZE > 2 ** 31) throw new AppError('not_found', `no status list ${n}`);
  const from = n * STATUS_LIST_SIZE;
  const rows = await deps.db
    .select({ index: licenses.statusListIndex })
    .from(licenses)
    .where(and(gte(licenses.statusListIndex, from), lt(licenses.statusListIndex, from + STATUS_LIST_SIZE), inArray(licenses.status, REVOKED_STATUSES)));
  const bits = createStatusBitstring(STATUS_LIST_SIZE);
  for (const r of rows) setStatusBit(bits, r.index - from);
  const departmentId = departmentIdOf(STATUS_LIST_DEPARTMENT);
  const department = (await findDepartmentsById(deps.db, [departmentId])).get(departmentId);
  if (!department) throw new AppError('unavailable', `the status-list department ${STATUS_LIST_DEPARTMENT} is not seeded`);
  const signer = await departmentSigner(deps.db, deps.cipher, department.id);
  const issuer = { id: issuerIdOf(publicUrl, department), name: department.name };
  const now = deps.clock.now();
  const credential = toStatusListCredential({
    id: statusListUrl(publicUrl, n),
    issuer,
    validFrom: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    validUntil: new Date(now.getTime() + 24 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    list: bits,
    ttl: STATUS_LIST_TTL_MS,
  });
  return addSm2Proof(credential, { verificationMethod: `${issuer.id}#${signer.keyId}`, keys: signer.keys }, now);
}
