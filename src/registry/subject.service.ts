import { and, eq, gte, like, lt, lte, sql, type SQL } from 'drizzle-orm';
import { assertCan, can, inRegionScope } from '../core/access/access.js';
import { recordAudit } from '../core/audit/audit.service.js';
import type { Ctx } from '../core/context.js';
import type { FieldCipher } from '../core/crypto/field-cipher.js';
import { maskIdNumber, maskPhone } from '../core/crypto/masking.js';
import type { DbOrTx } from '../core/db/database.js';
import { AppError, invalid, type FieldError } from '../core/errors.js';
import { NO_NUL_MESSAGE } from '../core/http/input-guard.js';
import { normalizeIdNumber, validateIdNumber, type IdNumberRules } from '../core/ids/id-number.js';
import { isRegionCode } from '../core/ids/region-code.js';
import { validateUscc } from '../core/ids/uscc.js';
import { isUuid, uuidv7 } from '../core/ids/uuid.js';
import { addressCodeRule, findRegion, regionCodeRange } from './region.service.js';
import type { SubjectView } from './subject.contract.js';
import { subjects } from './subject.schema.js';

export type SubjectRow = typeof subjects.$inferSelect;
export type SubjectKind = 'person' | 'organization';

/** Presents a row with its personal data masked. */
export function presentSubject(r: SubjectRow): SubjectView {
  return {
    id: r.id,
    kind: r.kind as SubjectKind,
    name: r.name,
    idNumber: r.idNumberMasked,
    uscc: r.uscc,
    sex: r.sex as SubjectView['sex'],
    birthDate: r.birthDate,
    legalRepresentative: r.legalRepresentative,
    phone: r.phoneMasked,
    regionCode: r.regionCode,
    registeredByDepartmentId: r.registeredByDepartmentId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A subject as submitted (API body, import row, CLI). */
export interface SubjectInput {
  kind: string;
  name: string;
  idNumber?: string | undefined;
  uscc?: string | undefined;
  phone?: string | undefined;
  regionCode: string;
  legalRepresentative?: string | undefined;
}

/** A validated, normalised subject, still in clear text. */
export interface CheckedSubject {
  kind: SubjectKind;
  name: string;
  idNumber: string | null;
  uscc: string | null;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  phone: string | null;
  regionCode: string;
  legalRepresentative: string | null;
}

/** Mainland mobile numbers, after removing spaces, dashes and a +86 prefix. */
export function normalizePhone(raw: string): string {
  return raw.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{9,11}$/;

/**
 * Validates a subject without touching the database (the caller supplies the address-code rule
 * and whether the region exists), so the same checks serve single creates and million-row imports.
 */
export function checkSubject(input: SubjectInput, rules: IdNumberRules & { regionExists: (code: string) => boolean }): { subject?: CheckedSubject; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const kind = input.kind?.trim();
  if (kind !== 'person' && kind !== 'organization') errors.push({ field: 'kind', message: 'must be person or organization' });
  const name = (input.name ?? '').trim();
  if (!name) errors.push({ field: 'name', message: 'is required' });
  else if ([...name].length > 100) errors.push({ field: 'name', message: 'must be at most 100 characters' });
  else if (name.includes('\u0000')) errors.push({ field: 'name', message: NO_NUL_MESSAGE }); // imported files can carry it
  const regionCode = (input.regionCode ?? '').trim();
  if (!isRegionCode(regionCode)) errors.push({ field: 'regionCode', message: 'must be a 12-digit region code' });
  else if (!rules.regionExists(regionCode)) errors.push({ field: 'regionCode', message: `region ${regionCode} does not exist` });
  const phone = input.phone ? normalizePhone(input.phone) : null;
  let subject: CheckedSubject | undefined;
  if (kind === 'person') {
    if (!phone || !MOBILE.test(phone)) errors.push({ field: 'phone', message: phone ? 'must be an 11-digit mainland mobile number' : 'is required' });
    if (input.uscc) errors.push({ field: 'uscc', message: 'is for organisations; a person has an idNumber' });
    const id = validateIdNumber(input.idNumber ?? '', rules);
    if (!input.idNumber) errors.push({ field: 'idNumber', message: 'is required' });
    else if (!id.ok) errors.push({ field: 'idNumber', message: id.reason });
    if (id.ok && errors.length === 0) {
      subject = { kind, name, idNumber: id.idNumber, uscc: null, sex: id.sex, birthDate: id.birthDate, phone, regionCode, legalRepresentative: null };
    }
  } else if (kind === 'organization') {
    if (phone && !MOBILE.test(phone) && !LANDLINE.test(phone)) errors.push({ field: 'phone', message: 'must be a mobile or landline number' });
    if (input.idNumber) errors.push({ field: 'idNumber', message: 'is for persons; an organisation has a uscc' });
    const legalRepresentative = input.legalRepresentative?.trim() || null;
    if (!legalRepresentative) errors.push({ field: 'legalRepresentative', message: 'is required' });
    else if (legalRepresentative.includes('\u0000')) errors.push({ field: 'legalRepresentative', message: NO_NUL_MESSAGE });
    const uscc = validateUscc(input.uscc ?? '');
    if (!input.uscc) errors.push({ field: 'uscc', message: 'is required' });
    else if (!uscc.ok) errors.push({ field: 'uscc', message: uscc.reason });
    if (uscc.ok && errors.length === 0) {
      subject = { kind, name, idNumber: null, uscc: uscc.uscc, sex: null, birthDate: null, phone, regionCode, legalRepresentative };
    }
  }
  return subject ? { subject, errors } : { errors };
}

/** The row to store for a checked subject: ciphertexts, blind indexes and masked forms. */
export function sealSubject(
  s: CheckedSubject,
  cipher: FieldCipher,
  meta: { id: string; now: Date; departmentId: string | null },
): SubjectRow {
  return {
    id: meta.id,
    kind: s.kind,
    name: s.name,
    idNumberCipher: s.idNumber ? cipher.encrypt('idNumber', s.idNumber) : null,
    idNumberIndex: s.idNumber ? cipher.blindIndex('idNumber', s.idNumber) : null,
    idNumberMasked: s.idNumber ? maskIdNumber(s.idNumber) : null,
    uscc: s.uscc,
    sex: s.sex,
    birthDate: s.birthDate,
    legalRepresentative: s.legalRepresentative,
    phoneCipher: s.phone ? cipher.encrypt('phone', s.phone) : null,
    phoneIndex: s.phone ? cipher.blindIndex('phone', s.phone) : null,
    phoneMasked: s.phone ? maskPhone(s.phone) : null,
    regionCode: s.regionCode,
    keyId: cipher.activeKeyId,
    registeredByDepartmentId: meta.departmentId,
    createdAt: meta.now,
    updatedAt: meta.now,
    version: 1,
  };
}

/** Registers a person or an organisation. A second registration of the same ID number or USCC is a conflict. */
export async function createSubject(ctx: Ctx, input: SubjectInput): Promise<SubjectView> {
  assertCan(ctx.actor, 'subject.create');
  const rule = await addressCodeRule(ctx.db);
  const region = isRegionCode(input.regionCode ?? '') ? await findRegion(ctx.db, input.regionCode) : undefined;
  const { subject, errors } = checkSubject(input, { isKnownAddressCode: rule, today: ctx.clock.now(), regionExists: () => region !== undefined });
  if (!subject) throw invalid(errors);
  if (!inRegionScope(ctx.actor, subject.regionCode)) {
    throw new AppError('forbidden', `region ${subject.regionCode} is outside your scope`, [{ field: 'regionCode', message: 'outside your scope' }]);
  }
  const now = ctx.clock.now();
  const row = sealSubject(subject, ctx.cipher, { id: uuidv7(now.getTime()), now, departmentId: ctx.actor.departmentId });
  await ctx.db.transaction(async (tx) => {
    const inserted = await tx.insert(subjects).values(row).onConflictDoNothing().returning({ id: subjects.id });
    if (inserted.length === 0) {
      const field = subject.kind === 'person' ? 'idNumber' : 'uscc';
      throw new AppError('conflict', `a subject with this ${field} is already registered`, [{ field, message: 'is already registered' }]);
    }
    await recordAudit(tx, ctx, { action: 'subject.create', targetType: 'subject', targetId: row.id, subjectIds: [row.id], payload: { kind: row.kind, regionCode: row.regionCode } });
  });
  return presentSubject(row);
}

/** Loads a subject the actor may see; anything else (missing or out of scope) is 404, and out-of-scope tries are audited. */
async function loadVisibleSubject(ctx: Ctx, id: string, purpose: string | undefined): Promise<SubjectRow> {
  const [row] = isUuid(id) ? await ctx.db.select().from(subjects).where(eq(subjects.id, id)) : [];
  if (row && !inRegionScope(ctx.actor, row.regionCode)) {
    await recordAudit(ctx.db, ctx, {
      action: 'access.denied',
      targetType: 'subject',
      targetId: row.id,
      ...(purpose ? { purpose } : {}),
      payload: { reason: 'region_scope', regionCode: row.regionCode, scopeRegionCode: ctx.actor.scope.regionCode },
    });
  }
  if (!row || !inRegionScope(ctx.actor, row.regionCode)) throw new AppError('not_found', `subject ${id} not found`);
  return row;
}

/** One subject, masked. Every read is audited with its purpose; reads by another department are marked as such. */
export async function getSubject(ctx: Ctx, id: string, purpose?: string): Promise<SubjectView> {
  assertCan(ctx.actor, 'subject.read');
  const row = await loadVisibleSubject(ctx, id, purpose);
  await recordAudit(ctx.db, ctx, {
    action: 'subject.read',
    targetType: 'subject',
    targetId: row.id,
    subjectIds: [row.id],
    ...(purpose ? { purpose } : {}),
    payload: { crossDepartment: row.registeredByDepartmentId !== ctx.actor.departmentId },
  });
  return presentSubject(row);
}

/**
 * The subject's ID number and phone in clear, for a stated purpose (e.g. 核对身份). Needs
 * subject.reveal; always audited.
 */
export async function revealSubjectIdentity(ctx: Ctx, id: string, purpose: string): Promise<{ idNumber: string | null; phone: string | null }> {
  assertCan(ctx.actor, 'subject.reveal');
  if (purpose.trim().length < 2) throw invalid([{ field: 'purpose', message: 'state why the full data is needed' }]);
  const row = await loadVisibleSubject(ctx, id, purpose);
  const revealed = {
    idNumber: row.idNumberCipher ? ctx.cipher.decrypt('idNumber', row.keyId, row.idNumberCipher) : null,
    phone: row.phoneCipher ? ctx.cipher.decrypt('phone', row.keyId, row.phoneCipher) : null,
  };
  await recordAudit(ctx.db, ctx, { action: 'subject.reveal', targetType: 'subject', targetId: row.id, subjectIds: [row.id], purpose: purpose.trim() });
  return revealed;
}

/** Search criteria: at most one identifier, or a name prefix, within an optional region and kind. */
export interface SubjectQuery {
  idNumber?: string | undefined;
  uscc?: string | undefined;
  phone?: string | undefined;
  name?: string | undefined;
  kind?: string | undefined;
  regionCode?: string | undefined;
  purpose?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Exact lookup by ID number through the blind index; no scope check or audit (the callers add them). */
export async function findSubjectRowByIdNumber(db: DbOrTx, cipher: FieldCipher, idNumber: string): Promise<SubjectRow | undefined> {
  const [row] = await db.select().from(subjects).where(eq(subjects.idNumberIndex, cipher.blindIndex('idNumber', normalizeIdNumber(idNumber))));
  return row;
}

/**
 * Finds subjects in the actor's scope, newest first, a page at a time. Exact lookups go through the
 * blind indexes; the search and what it returned are audited (never the searched value).
 */
export async function findSubjects(ctx: Ctx, q: SubjectQuery): Promise<{ items: SubjectView[]; nextCursor: string | null }> {
  assertCan(ctx.actor, 'subject.read');
  const identifiers = [q.idNumber, q.uscc, q.phone].filter((v) => v !== undefined && v !== '');
  if (identifiers.length > 1) throw invalid([{ field: 'idNumber', message: 'search by one of idNumber, uscc or phone at a time' }]);
  if (q.cursor !== undefined && !isUuid(q.cursor)) throw invalid([{ field: 'cursor', message: 'is not a cursor from a previous page' }]);
  const scope = q.regionCode ?? ctx.actor.scope.regionCode;
  if (!isRegionCode(scope)) throw invalid([{ field: 'regionCode', message: 'must be a 12-digit region code' }]);
  if (!inRegionScope(ctx.actor, scope)) return { items: [], nextCursor: null };
  const [lo, hi] = regionCodeRange(scope);
  const where: SQL[] = [gte(subjects.regionCode, lo), lte(subjects.regionCode, hi)];
  let criterion = 'browse';
  if (q.idNumber) {
    criterion = 'idNumber';
    where.push(eq(subjects.idNumberIndex, ctx.cipher.blindIndex('idNumber', normalizeIdNumber(q.idNumber))));
  } else if (q.uscc) {
    criterion = 'uscc';
    where.push(eq(subjects.uscc, q.uscc.trim().toUpperCase()));
  } else if (q.phone) {
    criterion = 'phone';
    where.push(eq(subjects.phoneIndex, ctx.cipher.blindIndex('phone', normalizePhone(q.phone))));
  }
  if (q.name) {
    criterion = criterion === 'browse' ? 'name' : criterion;
    where.push(like(subjects.name, `${q.name.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  }
  if (q.kind) {
    if (q.kind !== 'person' && q.kind !== 'organization') throw invalid([{ field: 'kind', message: 'must be person or organization' }]);
    where.push(eq(subjects.kind, q.kind));
  }
  if (q.cursor) where.push(lt(subjects.id, q.cursor));
  const rows = await ctx.db.select().from(subjects).where(and(...where)).orderBy(sql`${subjects.id} desc`).limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  if (criterion === 'idNumber' && page.length === 0) await auditOutOfScopeLookup(ctx, q);
  await recordAudit(ctx.db, ctx, {
    action: 'subject.search',
    targetType: 'subject',
    subjectIds: page.map((r) => r.id),
    ...(q.purpose ? { purpose: q.purpose } : {}),
    payload: { criterion, regionCode: scope, count: page.length },
  });
  return { items: page.map(presentSubject), nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null };
}

/** An ID-number lookup that found nothing in scope but something outside it is an access attempt worth recording. */
async function auditOutOfScopeLookup(ctx: Ctx, q: SubjectQuery): Promise<void> {
  if (!q.idNumber || ctx.actor.kind === 'system' || !can(ctx.actor, 'subject.read')) return;
  const row = await findSubjectRowByIdNumber(ctx.db, ctx.cipher, q.idNumber);
  if (!row || inRegionScope(ctx.actor, row.regionCode)) return;
  await recordAudit(ctx.db, ctx, {
    action: 'access.denied',
    targetType: 'subject',
    targetId: row.id,
    ...(q.purpose ? { purpose: q.purpose } : {}),
    payload: { reason: 'region_scope', regionCode: row.regionCode, scopeRegionCode: ctx.actor.scope.regionCode, via: 'idNumber' },
  });
}

/** Subjects per county (for the console dashboard), within the actor's scope. */
export async function countSubjectsByCounty(ctx: Ctx): Promise<{ countyCode: string; persons: number; organizations: number }[]> {
  assertCan(ctx.actor, 'subject.read');
  const [lo, hi] = regionCodeRange(ctx.actor.scope.regionCode);
  const rows = await ctx.db
    .select({
      county: sql<string>`substr(${subjects.regionCode}, 1, 6)`,
      persons: sql<number>`count(*) filter (where ${subjects.kind} = 'person')`.mapWith(Number),
      organizations: sql<number>`count(*) filter (where ${subjects.kind} = 'organization')`.mapWith(Number),
    })
    .from(subjects)
    .where(and(gte(subjects.regionCode, lo), lte(subjects.regionCode, hi)))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return rows.map((r) => ({ countyCode: r.county.padEnd(12, '0'), persons: r.persons, organizations: r.organizations }));
}
