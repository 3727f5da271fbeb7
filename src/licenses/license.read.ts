import { and, asc, desc, eq, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { actsForDepartment, assertCan, inRegionScope } from '../core/access/access.js';
import { recordAudit } from '../core/audit/audit.service.js';
import type { Ctx } from '../core/context.js';
import { AppError, invalid } from '../core/errors.js';
import { isUuid } from '../core/ids/uuid.js';
import { findSubjectRow } from '../registry/index.js';
import type { LicenseView } from './license.contract.js';
import { licenseDocument } from './license-document.js';
import { LICENSE_STATUSES, chinaDate, effectiveStatus } from './license-status.js';
import { findLicenseType, type LicenseTypeRow } from './license-type.service.js';
import { licenseEvents, licenses, licenseTypes } from './license.schema.js';
import type { LicenseRow } from './license.service.js';
import { envelope, type SignedDocument } from './signed-document.js';
import type { LicenseDocument } from './license-document.js';

/** Presents a licence version; `today` decides whether a valid one has in fact expired. */
export function presentLicense(row: LicenseRow, type: Pick<LicenseTypeRow, 'name' | 'fields'>, today: string): LicenseView {
  const status = effectiveStatus(row.status, row.validUntil, today);
  return {
    id: row.id,
    identifier: row.identifier,
    typeCode: row.typeCode,
    typeName: type.name,
    number: row.number,
    version: row.version,
    previousId: row.previousId,
    holderId: row.holderId,
    holderKind: row.holderKind,
    holderName: row.holderName,
    holderCode: row.holderCode,
    issuerDepartmentId: row.issuerDepartmentId,
    issuerName: row.issuerName,
    issuerCode: row.issuerCode,
    regionCode: row.regionCode,
    issuedOn: row.issuedOn,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    status,
    statusCode: LICENSE_STATUSES[status].code,
    statusLabel: LICENSE_STATUSES[status].zh,
    statusReason: row.statusReason,
    fields: type.fields.filter((f) => row.fields[f.key] !== undefined).map((f) => ({ ...f, value: row.fields[f.key] ?? '' })),
    disclosure: row.disclosure,
    verificationCode: row.verificationCode,
    verificationUrl: `/v/${row.verificationCode}`,
    signed: row.signature !== null,
    signedAt: row.signedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Presents many rows, loading their types once. */
async function presentMany(ctx: Ctx, rows: LicenseRow[]): Promise<LicenseView[]> {
  const codes = [...new Set(rows.map((r) => r.typeCode))];
  const types = codes.length ? await ctx.db.select().from(licenseTypes).where(inArray(licenseTypes.code, codes)) : [];
  const byCode = new Map(types.map((t) => [t.code, t]));
  const today = chinaDate(ctx.clock.now());
  return rows.map((r) => presentLicense(r, byCode.get(r.typeCode) ?? { name: r.typeCode, fields: [] }, today));
}

/** True when the actor is the licence's holder signed in to the portal. */
function isHolder(ctx: Ctx, row: LicenseRow): boolean {
  return ctx.actor.kind === 'subject' && ctx.actor.id === row.holderId;
}

/**
 * Loads a licence for reading. Its issuing department and its holder read it directly; another
 * department needs license.read, a stated purpose and the holder in its region scope — a retrieval
 * (调取), audited with the purpose. Out-of-scope attempts are 404 and `access.denied`.
 */
async function loadReadable(ctx: Ctx, id: string, purpose: string | undefined): Promise<{ row: LicenseRow; action: 'license.read' | 'license.retrieve' }> {
  const [row] = isUuid(id) ? await ctx.db.select().from(licenses).where(eq(licenses.id, id)) : [];
  if (!row) throw new AppError('not_found', `licence ${id} not found`);
  if (isHolder(ctx, row)) return { row, action: 'license.read' };
  assertCan(ctx.actor, 'license.read');
  if (actsForDepartment(ctx.actor, row.issuerDepartmentId)) return { row, action: 'license.read' };
  if (!inRegionScope(ctx.actor, row.regionCode)) {
    await recordAudit(ctx.db, ctx, { action: 'access.denied', targetType: 'license', targetId: row.id, payload: { reason: 'region_scope', regionCode: row.regionCode } });
    throw new AppError('not_found', `licence ${id} not found`);
  }
  if (!purpose?.trim()) throw invalid([{ field: 'purpose', message: 'reading another department\'s licence is a retrieval (调取): state its purpose' }]);
  return { row, action: 'license.retrieve' };
}

/** One licence version. */
export async function getLicense(ctx: Ctx, id: string, purpose?: string): Promise<LicenseView> {
  const { row, action } = await loadReadable(ctx, id, purpose);
  await recordAudit(ctx.db, ctx, {
    action,
    targetType: 'license',
    targetId: row.id,
    subjectIds: [row.holderId],
    ...(purpose?.trim() ? { purpose: purpose.trim() } : {}),
    payload: { identifier: row.identifier, crossDepartment: action === 'license.retrieve' },
  });
  const [view] = await presentMany(ctx, [row]);
  if (!view) throw new Error('presentMany returned nothing');
  return view;
}

/** A licence's history, oldest first. */
export async function getLicenseHistory(ctx: Ctx, id: string, purpose?: string) {
  const { row } = await loadReadable(ctx, id, purpose);
  // Every version of one licence shares its type, issuer and serial.
  const versions = await ctx.db
    .select({ id: licenses.id })
    .from(licenses)
    .where(and(eq(licenses.holderId, row.holderId), eq(licenses.typeCode, row.typeCode), eq(licenses.issuerCode, row.issuerCode), eq(licenses.serial, row.serial)));
  const rows = await ctx.db.select().from(licenseEvents).where(inArray(licenseEvents.licenseId, versions.map((v) => v.id))).orderBy(asc(licenseEvents.at), asc(licenseEvents.id));
  return rows.map((e) => ({ id: e.id, licenseId: e.licenseId, action: e.action, reason: e.reason, actorName: e.actorName, at: e.at.toISOString(), details: e.details }));
}

/** Filters for the licence list. */
export interface LicenseQuery {
  typeCode?: string | undefined;
  number?: string | undefined;
  holderId?: string | undefined;
  holderName?: string | undefined;
  status?: string | undefined;
  /** Valid licences whose last day is on or before this date. */
  expiringBy?: string | undefined;
  purpose?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * Licences the actor's departments issued, newest first. With `holderId` and a purpose, every
 * licence of that holder (a cross-department retrieval, audited); a portal subject sees their own.
 */
export async function listLicenses(ctx: Ctx, q: LicenseQuery): Promise<{ items: LicenseView[]; nextCursor: string | null }> {
  const where: SQL[] = [];
  let action = 'license.search';
  if (ctx.actor.kind === 'subject') {
    where.push(eq(licenses.holderId, ctx.actor.id));
  } else {
    assertCan(ctx.actor, 'license.read');
    if (q.holderId && q.purpose?.trim()) {
      const holder = await findSubjectRow(ctx.db, q.holderId);
      if (!holder || !inRegionScope(ctx.actor, holder.regionCode)) return { items: [], nextCursor: null };
      where.push(eq(licenses.holderId, holder.id));
      action = 'license.retrieve';
    } else {
      const departments = ctx.actor.scope.departmentIds;
      if (departments.length === 0 && ctx.actor.kind !== 'system') return { items: [], nextCursor: null };
      if (ctx.actor.kind !== 'system') where.push(inArray(licenses.issuerDepartmentId, departments));
      if (q.holderId) where.push(eq(licenses.holderId, q.holderId));
    }
  }
  if (q.typeCode) where.push(eq(licenses.typeCode, q.typeCode));
  if (q.number) where.push(eq(licenses.number, q.number.trim()));
  if (q.holderName) where.push(sql`${licenses.holderName} like ${`${q.holderName.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (q.status === 'expired') where.push(sql`(${licenses.status} = 'expired' or (${licenses.status} = 'valid' and ${licenses.validUntil} < ${chinaDate(ctx.clock.now())}))`);
  else if (q.status === 'valid') where.push(sql`${licenses.status} = 'valid' and (${licenses.validUntil} is null or ${licenses.validUntil} >= ${chinaDate(ctx.clock.now())})`);
  else if (q.status) where.push(eq(licenses.status, q.status));
  if (q.expiringBy) where.push(eq(licenses.status, 'valid'), lte(licenses.validUntil, q.expiringBy));
  if (q.cursor) {
    if (!isUuid(q.cursor)) throw invalid([{ field: 'cursor', message: 'is not a cursor from a previous page' }]);
    where.push(lt(licenses.id, q.cursor));
  }
  const rows = await ctx.db.select().from(licenses).where(and(...where)).orderBy(desc(licenses.id)).limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  if (ctx.actor.kind !== 'subject') {
    await recordAudit(ctx.db, ctx, {
      action,
      targetType: 'license',
      subjectIds: [...new Set(page.map((r) => r.holderId))],
      ...(q.purpose?.trim() ? { purpose: q.purpose.trim() } : {}),
      payload: { count: page.length, typeCode: q.typeCode ?? null },
    });
  }
  return { items: await presentMany(ctx, page), nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null };
}

/**
 * The signed document of a licence, with the holder's full code, for its holder (to carry) or its
 * issuing department. Audited: it contains the holder's ID number.
 */
export async function signedLicenseDocument(ctx: Ctx, id: string): Promise<SignedDocument<LicenseDocument>> {
  const [row] = isUuid(id) ? await ctx.db.select().from(licenses).where(eq(licenses.id, id)) : [];
  if (!row || !(isHolder(ctx, row) || actsForDepartment(ctx.actor, row.issuerDepartmentId))) throw new AppError('not_found', `licence ${id} not found`);
  if (!row.signature || !row.signingKeyId) throw new AppError('conflict', 'the licence is not signed yet (bulk imports are signed in the background); try again shortly');
  const type = await findLicenseType(ctx.db, row.typeCode);
  if (!type) throw new Error(`licence type ${row.typeCode} vanished`);
  const holderCode = row.holderCodeCipher && row.keyId ? ctx.cipher.decrypt('holderCode', row.keyId, row.holderCodeCipher) : row.holderCode;
  const previous = row.previousId ? (await ctx.db.select({ identifier: licenses.identifier }).from(licenses).where(eq(licenses.id, row.previousId)))[0] : undefined;
  await recordAudit(ctx.db, ctx, { action: 'license.document', targetType: 'license', targetId: row.id, subjectIds: [row.holderId], payload: { identifier: row.identifier } });
  return envelope('license', licenseDocument(row, type, holderCode, previous?.identifier ?? null), row.signingKeyId, row.signature);
}
