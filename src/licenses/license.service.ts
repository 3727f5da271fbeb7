import { and, eq, sql } from 'drizzle-orm';
import { actsForDepartment, assertCan, inRegionScope, type Actor } from '../core/access/access.js';
import { appendAuditEvents, recordAudit } from '../core/audit/audit.service.js';
import type { Ctx, Deps } from '../core/context.js';
import { maskIdNumber } from '../core/crypto/masking.js';
import { randomChunk } from '../core/crypto/random-pool.js';
import { sm3Hex } from '../core/crypto/sm3.js';
import { queryRows, type DbOrTx, type Tx } from '../core/db/database.js';
import { AppError, invalid, type FieldError } from '../core/errors.js';
import { isRealDate } from '../core/ids/id-number.js';
import { formatLicenseId } from '../core/ids/license-id.js';
import { isUuid, uuidv7 } from '../core/ids/uuid.js';
import { findDepartmentsById, findSubjectRow, subjectCode, type DepartmentRow, type SubjectRow } from '../registry/index.js';
import type { ValidityRule } from './catalogue/license-types.data.js';
import { licenseDocument } from './license-document.js';
import { chinaDate } from './license-status.js';
import { findLicenseType, type LicenseTypeRow } from './license-type.service.js';
import { licenseEvents, licenses } from './license.schema.js';
import { departmentSigner, signWith } from './signing.service.js';
import { canonicalDocument, documentDigest } from './signed-document.js';

export type LicenseRow = typeof licenses.$inferSelect;

/** Input for issuing a licence (签发). */
export interface IssueLicenseInput {
  typeCode: string;
  holderId: string;
  /** 证照编号; generated when absent. */
  number?: string | undefined;
  /** Default: today (China time). */
  validFrom?: string | undefined;
  /** Default: from the type's validity rule; null = 长期. */
  validUntil?: string | null | undefined;
  fields?: Record<string, string> | undefined;
  /** Fields the holder agrees to show on the public verification page. */
  disclosure?: string[] | undefined;
  /** Issuing department; default the actor's own. */
  issuerDepartmentId?: string | undefined;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A 10-character code for the QR link /v/{code} (50 random bits, Crockford base32: no I, L, O, U). */
export function newVerificationCode(): string {
  return Array.from(randomChunk(10), (b) => CROCKFORD[b & 31]).join('');
}

/** The serial of a licence number: its letters and digits, or an SM3 prefix when it has none to speak of. */
export function serialOf(number: string): string {
  const alnum = number.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return alnum.length >= 4 && alnum.length <= 40 ? alnum : sm3Hex(number).slice(0, 20).toUpperCase();
}

/** Adds whole years to a date and steps back one day (a 5-year licence from 2025-05-22 ends 2030-05-21). */
export function addYears(ymd: string, years: number): string {
  // Calendar arithmetic on the digits (a million imported licences compute this): the same day
  // `years` later, 29 Feb becoming 28 Feb, then one day back.
  let year = Number(ymd.slice(0, 4)) + years;
  let month = Number(ymd.slice(5, 7));
  let day = Math.min(Number(ymd.slice(8, 10)), daysInMonth(year, month)) - 1;
  if (day === 0) {
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
    day = daysInMonth(year, month);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Last valid day under a type's rule; null = 长期. 居民身份证: by age at issue (GB 11643 holders). */
export function validUntilFor(rule: ValidityRule, validFrom: string, birthDate: string | null): string | null {
  if (rule.kind === 'permanent') return null;
  if (rule.kind === 'years') return addYears(validFrom, rule.years);
  const age = birthDate ? Number(validFrom.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (validFrom.slice(5) < birthDate.slice(5) ? 1 : 0) : 30;
  if (age < 16) return addYears(validFrom, 5);
  if (age < 26) return addYears(validFrom, 10);
  if (age < 46) return addYears(validFrom, 20);
  return null;
}

/** Checks type-specific fields against the type's field list. */
function checkFields(type: LicenseTypeRow, fields: Record<string, string>): FieldError[] {
  const known = new Set(type.fields.map((f) => f.key));
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (!known.has(key)) errors.push({ field: `fields.${key}`, message: `is not a field of ${type.name} (${[...known].join(', ')})` });
    else if (typeof value !== 'string' || value.length > 500) errors.push({ field: `fields.${key}`, message: 'must be text of at most 500 characters' });
  }
  return errors;
}

/** The issuing department an actor acts for, checked against the type's issuing line. */
async function issuingDepartment(ctx: Ctx, type: LicenseTypeRow, requested: string | undefined): Promise<DepartmentRow> {
  const id = requested ?? ctx.actor.departmentId;
  if (!id) throw invalid([{ field: 'issuerDepartmentId', message: 'is required for an actor without a department' }]);
  const dept = (await findDepartmentsById(ctx.db, [id])).get(id);
  if (!dept) throw invalid([{ field: 'issuerDepartmentId', message: `department ${id} does not exist` }]);
  if (!actsForDepartment(ctx.actor, dept.id)) throw new AppError('forbidden', `you do not act for ${dept.name}`);
  if (dept.line !== type.issuingLine) throw new AppError('forbidden', `${dept.name} does not issue ${type.name}`);
  return dept;
}

/** The holder, who must be visible to the actor (else 404 and an access.denied event) and of a kind the type allows. */
async function loadHolder(ctx: Ctx, holderId: string, type: LicenseTypeRow): Promise<SubjectRow> {
  const holder = await findSubjectRow(ctx.db, holderId);
  if (holder && !inRegionScope(ctx.actor, holder.regionCode)) {
    await recordAudit(ctx.db, ctx, { action: 'access.denied', targetType: 'subject', targetId: holder.id, payload: { reason: 'region_scope', via: 'license.issue' } });
  }
  if (!holder || !inRegionScope(ctx.actor, holder.regionCode)) throw new AppError('not_found', `subject ${holderId} not found`, [{ field: 'holderId', message: 'not found' }]);
  if (!type.holderKinds.includes(holder.kind)) throw invalid([{ field: 'holderId', message: `${type.name} is not issued to a ${holder.kind}` }]);
  return holder;
}

/** Who did it, for history rows. */
function actorFields(actor: Actor) {
  return { actorKind: actor.kind, actorId: actor.id, actorName: actor.name };
}

/** Signs a licence row inside `tx` and returns the columns to store. */
async function signLicense(tx: DbOrTx, deps: Pick<Deps, 'cipher'>, row: LicenseRow, type: LicenseTypeRow, holderCode: string, previousIdentifier: string | null, now: Date) {
  const document = licenseDocument(row, type, holderCode, previousIdentifier);
  const signer = await departmentSigner(tx, deps.cipher, row.issuerDepartmentId);
  return { documentDigest: documentDigest(document), signature: signWith(signer, canonicalDocument(document)), signingKeyId: signer.keyId, signedAt: now };
}

/** Next position in the status list shared by licences and proofs (W3C Bitstring Status List). */
export async function nextStatusListIndex(tx: DbOrTx): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(tx, sql`select nextval('status_list_seq') as n`);
  return Number(row?.n);
}

/** Issues (签发) a licence: validated, numbered per GB/T 36904, signed by the department's SM2 key, audited. */
export async function issueLicense(ctx: Ctx, input: IssueLicenseInput): Promise<LicenseRow> {
  assertCan(ctx.actor, 'license.issue');
  const type = await findLicenseType(ctx.db, input.typeCode);
  if (!type) throw invalid([{ field: 'typeCode', message: `unknown licence type ${input.typeCode}` }]);
  const dept = await issuingDepartment(ctx, type, input.issuerDepartmentId);
  const holder = await loadHolder(ctx, input.holderId, type);
  const now = ctx.clock.now();
  const fields = input.fields ?? {};
  const errors = checkFields(type, fields);
  const validFrom = input.validFrom ?? chinaDate(now);
  if (!isRealDate(validFrom)) errors.push({ field: 'validFrom', message: 'must be a date YYYY-MM-DD' });
  const validUntil = input.validUntil === undefined ? validUntilFor(type.validity, validFrom, holder.birthDate) : input.validUntil;
  if (validUntil !== null && (!isRealDate(validUntil) || validUntil < validFrom)) errors.push({ field: 'validUntil', message: 'must be a date on or after validFrom' });
  const disclosure = input.disclosure ?? [];
  for (const d of disclosure) if (!type.fields.some((f) => f.key === d)) errors.push({ field: 'disclosure', message: `"${d}" is not a field of ${type.name}` });
  const number = (input.number ?? `${dept.regionCode.slice(0, 6)}${validFrom.replace(/-/g, '')}${newVerificationCode().slice(0, 5)}`).trim();
  if (!number || number.length > 60) errors.push({ field: 'number', message: 'must be 1–60 characters' });
  if (errors.length) throw invalid(errors);
  const holderCode = subjectCode(ctx.cipher, holder);
  const serial = serialOf(number);
  const id = uuidv7(now.getTime());
  return ctx.db.transaction(async (tx) => {
    const row: LicenseRow = {
      id,
      holderId: holder.id,
      identifier: formatLicenseId({ typeCode: type.catalogueCode, issuerCode: dept.uscc, serial, version: 1 }),
      typeCode: type.code,
      number,
      serial,
      version: 1,
      previousId: null,
      holderKind: holder.kind,
      holderName: holder.name,
      holderCode: holder.kind === 'person' ? maskIdNumber(holderCode) : holderCode,
      holderCodeCipher: holder.kind === 'person' ? ctx.cipher.encrypt('holderCode', holderCode) : null,
      keyId: holder.kind === 'person' ? ctx.cipher.activeKeyId : null,
      issuerDepartmentId: dept.id,
      issuerCode: dept.uscc,
      issuerName: dept.name,
      regionCode: holder.regionCode,
      issuedOn: chinaDate(now),
      validFrom,
      validUntil,
      status: 'valid',
      statusReason: null,
      statusChangedAt: now,
      fields,
      disclosure,
      documentDigest: '',
      signature: null,
      signingKeyId: null,
      signedAt: null,
      verificationCode: newVerificationCode(),
      statusListIndex: await nextStatusListIndex(tx),
      importId: null,
      createdAt: now,
      updatedAt: now,
    };
    Object.assign(row, await signLicense(tx, ctx, row, type, holderCode, null, now));
    const inserted = await tx.insert(licenses).values(row).onConflictDoNothing().returning({ id: licenses.id });
    if (inserted.length === 0) throw new AppError('conflict', `${type.name} ${number} is already registered by ${dept.name}`, [{ field: 'number', message: 'is already registered' }]);
    await tx.insert(licenseEvents).values({ id: uuidv7(now.getTime()), licenseId: id, holderId: holder.id, action: 'issue', reason: null, ...actorFields(ctx.actor), at: now, details: { identifier: row.identifier } });
    await appendAuditEvents(tx, ctx, [{ action: 'license.issue', targetType: 'license', targetId: id, subjectIds: [holder.id], payload: { typeCode: type.code, identifier: row.identifier } }]);
    return row;
  });
}

/** The current version of a licence that the actor's department issued; anything else is 404 or 403. */
async function loadOwnLicense(ctx: Ctx, id: string): Promise<{ row: LicenseRow; type: LicenseTypeRow }> {
  assertCan(ctx.actor, 'license.issue');
  const [row] = isUuid(id) ? await ctx.db.select().from(licenses).where(eq(licenses.id, id)) : [];
  if (!row) throw new AppError('not_found', `licence ${id} not found`);
  if (!actsForDepartment(ctx.actor, row.issuerDepartmentId)) throw new AppError('forbidden', `only ${row.issuerName} may change this licence`);
  if (row.status === 'superseded') throw new AppError('conflict', 'this version has been replaced; act on the current version');
  const type = await findLicenseType(ctx.db, row.typeCode);
  if (!type) throw new Error(`licence type ${row.typeCode} vanished`);
  return { row, type };
}

/** Changes to a licence that make a new version (变更). */
export interface AmendLicenseInput {
  fields?: Record<string, string> | undefined;
  validFrom?: string | undefined;
  validUntil?: string | null | undefined;
  disclosure?: string[] | undefined;
  reason: string;
}

/**
 * Amends (变更) a licence: a new version with the next version number, linked to the previous one
 * (关联证照标识), signed afresh; the previous version becomes `superseded`. The holder's current name
 * is taken from the registry. Renewal (延续) is an amendment of the validity period.
 */
export async function amendLicense(ctx: Ctx, id: string, input: AmendLicenseInput): Promise<LicenseRow> {
  const { row: previous, type } = await loadOwnLicense(ctx, id);
  if (previous.status !== 'valid' && previous.status !== 'expired') throw new AppError('conflict', `a ${previous.status} licence cannot be amended`);
  if (!input.reason.trim()) throw invalid([{ field: 'reason', message: 'is required' }]);
  const fields = { ...previous.fields, ...(input.fields ?? {}) };
  const errors = checkFields(type, input.fields ?? {});
  const validFrom = input.validFrom ?? previous.validFrom;
  const validUntil = input.validUntil === undefined ? previous.validUntil : input.validUntil;
  if (!isRealDate(validFrom)) errors.push({ field: 'validFrom', message: 'must be a date YYYY-MM-DD' });
  if (validUntil !== null && (!isRealDate(validUntil) || validUntil < validFrom)) errors.push({ field: 'validUntil', message: 'must be a date on or after validFrom' });
  if (previous.version >= 999) errors.push({ field: 'version', message: 'GB/T 36904 allows 999 versions' });
  if (errors.length) throw invalid(errors);
  const holder = await findSubjectRow(ctx.db, previous.holderId);
  if (!holder) throw new Error(`holder ${previous.holderId} of licence ${id} vanished`);
  const holderCode = subjectCode(ctx.cipher, holder);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    // The row lock makes two simultaneous amendments of one version conflict instead of forking it.
    const superseded = await tx
      .update(licenses)
      .set({ status: 'superseded', statusReason: input.reason.trim(), statusChangedAt: now, updatedAt: now })
      .where(and(eq(licenses.id, previous.id), sql`${licenses.status} in ('valid', 'expired')`))
      .returning({ id: licenses.id });
    if (superseded.length === 0) throw new AppError('conflict', 'the licence changed meanwhile; reload it');
    const version = previous.version + 1;
    const row: LicenseRow = {
      ...previous,
      id: uuidv7(now.getTime()),
      identifier: formatLicenseId({ typeCode: type.catalogueCode, issuerCode: previous.issuerCode, serial: previous.serial, version }),
      version,
      previousId: previous.id,
      holderName: holder.name,
      regionCode: holder.regionCode,
      issuedOn: chinaDate(now),
      validFrom,
      validUntil,
      status: 'valid',
      statusReason: null,
      statusChangedAt: now,
      fields,
      disclosure: input.disclosure ?? previous.disclosure,
      verificationCode: newVerificationCode(),
      statusListIndex: await nextStatusListIndex(tx),
      importId: null,
      createdAt: now,
      updatedAt: now,
    };
    Object.assign(row, await signLicense(tx, ctx, row, type, holderCode, previous.identifier, now));
    await tx.insert(licenses).values(row);
    await tx.insert(licenseEvents).values([
      { id: uuidv7(now.getTime()), licenseId: previous.id, holderId: previous.holderId, action: 'supersede', reason: input.reason.trim(), ...actorFields(ctx.actor), at: now, details: { by: row.identifier } },
      { id: uuidv7(now.getTime()), licenseId: row.id, holderId: row.holderId, action: 'amend', reason: input.reason.trim(), ...actorFields(ctx.actor), at: now, details: { previous: previous.identifier, identifier: row.identifier } },
    ]);
    await appendAuditEvents(tx, ctx, [{ action: 'license.amend', targetType: 'license', targetId: row.id, subjectIds: [row.holderId], payload: { previous: previous.identifier, identifier: row.identifier, reason: input.reason.trim() } }]);
    return row;
  });
}

/** Renews (延续) a licence: a new version whose validity starts the day after the old one ends (or today). */
export async function renewLicense(ctx: Ctx, id: string, reason = '延续'): Promise<LicenseRow> {
  const { row, type } = await loadOwnLicense(ctx, id);
  const today = chinaDate(ctx.clock.now());
  const validFrom = row.validUntil && row.validUntil >= today ? nextDay(row.validUntil) : today;
  const holder = await findSubjectRow(ctx.db, row.holderId);
  return amendLicense(ctx, id, { validFrom, validUntil: validUntilFor(type.validity, validFrom, holder?.birthDate ?? null), reason });
}

function nextDay(ymd: string): string {
  const d = new Date(`${ymd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Ends a licence: 注销 (cancelled, e.g. at the holder's request), 吊销 (revoked, a penalty) or 撤销 (withdrawn, issued in error). */
export async function endLicense(ctx: Ctx, id: string, status: 'cancelled' | 'revoked' | 'withdrawn', reason: string): Promise<LicenseRow> {
  const { row } = await loadOwnLicense(ctx, id);
  if (!reason.trim()) throw invalid([{ field: 'reason', message: 'is required' }]);
  if (row.status !== 'valid' && row.status !== 'expired') throw new AppError('conflict', `the licence is already ${row.status}`);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(licenses)
      .set({ status, statusReason: reason.trim(), statusChangedAt: now, updatedAt: now })
      .where(and(eq(licenses.id, id), sql`${licenses.status} in ('valid', 'expired')`))
      .returning();
    if (!updated) throw new AppError('conflict', 'the licence changed meanwhile; reload it');
    await tx.insert(licenseEvents).values({ id: uuidv7(now.getTime()), licenseId: id, holderId: row.holderId, action: status, reason: reason.trim(), ...actorFields(ctx.actor), at: now, details: {} });
    await appendAuditEvents(tx, ctx, [{ action: `license.${status === 'cancelled' ? 'cancel' : status === 'revoked' ? 'revoke' : 'withdraw'}`, targetType: 'license', targetId: id, subjectIds: [row.holderId], payload: { identifier: row.identifier, reason: reason.trim() } }]);
    return updated;
  });
}

/** Marks valid licences past their last day as expired (失效), in batches; the nightly job. Returns how many. */
export async function expireLicenses(deps: Deps, batchSize = 5000): Promise<number> {
  const today = chinaDate(deps.clock.now());
  let total = 0;
  for (;;) {
    const now = deps.clock.now();
    const done = await deps.db.transaction(async (tx: Tx) => {
      const rows = await queryRows<{ id: string; holder_id: string }>(
        tx,
        sql`update licenses set status = 'expired', status_reason = '有效期届满', status_changed_at = ${now.toISOString()}, updated_at = ${now.toISOString()}
            where id in (select id from licenses where status = 'valid' and valid_until < ${today} limit ${batchSize} for update skip locked)
            returning id, holder_id`,
      );
      if (rows.length) {
        await tx.insert(licenseEvents).values(rows.map((r) => ({ id: uuidv7(now.getTime()), licenseId: r.id, holderId: r.holder_id, action: 'expire', reason: '有效期届满', actorKind: 'system', actorId: 'system', actorName: 'system', at: now, details: {} })));
      }
      return rows.length;
    });
    total += done;
    if (done < batchSize) return total;
  }
}
