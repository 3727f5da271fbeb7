import { actsForDepartment, assertCan, inRegionScope, type Actor } from '../core/access/access.js';
import { appendAuditEvents } from '../core/audit/audit.service.js';
import type { Ctx } from '../core/context.js';
import { maskIdNumber } from '../core/crypto/masking.js';
import { sm3Hex } from '../core/crypto/sm3.js';
import { writePipeline } from '../core/db/pipeline.js';
import type { Tx } from '../core/db/database.js';
import { AppError } from '../core/errors.js';
import type { TableRow } from '../core/files/table-reader.js';
import { findUnstorableText } from '../core/http/input-guard.js';
import { validateIdNumber, type IdNumberResult } from '../core/ids/id-number.js';
import { formatLicenseId } from '../core/ids/license-id.js';
import { isWithinRegion } from '../core/ids/region-code.js';
import { validateUscc, type UsccResult } from '../core/ids/uscc.js';
import { uuidv7 } from '../core/ids/uuid.js';
import { findHoldersByCode, listAllDepartments, type DepartmentRow, type HolderSummary } from '../registry/index.js';
import { canonicalLicenseDocument, licenseDocument } from './license-document.js';
import { METADATA_COLUMNS, parseHolderCodeType, parseImportDate, parseImportStatus, parseValidUntil, sameName, splitList } from './license-import.columns.js';
import { chinaDate, LICENSE_STATUSES, type LicenseStatus } from './license-status.js';
import type { LicenseTypeRow } from './license-type.service.js';
import { findLicensesByIdentifier, writeLicenses, type LicenseWrite } from './license.bulk.js';
import { licenseTypes } from './license.schema.js';
import { newVerificationCode, serialOf, validUntilFor, type LicenseRow } from './license.service.js';

/** One rejected row: where (header = row 1), which field, why. */
export interface LicenseImportError {
  row: number;
  field: string;
  reason: string;
}

/** What an import did; `rejected` counts rows (a row may have several errors). */
export interface LicenseImportReport {
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** Hooks and settings of one import run. */
export interface LicenseImportOptions {
  /** Rows per transaction (default 2000). */
  batchSize?: number;
  /** Issuing department of rows that name none (颁发机构代码); default the actor's department. */
  departmentId?: string | null;
  /** Every rejected row's errors, once the batch they belong to is settled. */
  onError?: (error: LicenseImportError) => void;
  /** After each committed batch. */
  onProgress?: (report: LicenseImportReport) => void;
  /**
   * Runs inside each batch's transaction after its rows are written, with the rows read so far
   * (`total`), what this batch did, and the errors settled with it: an import job records its
   * progress here.
   */
  onBatch?: (tx: Tx, batch: LicenseImportReport, errors: LicenseImportError[]) => Promise<void>;
  /** Batches written at once (default 2: PostgreSQL works on two; PGlite, one connection, queues the second). */
  concurrency?: number;
  /** The import job (license_imports.id) the rows are written by, kept on each licence. */
  importId?: string | null;
}

/** A row that passed the checks that need no database: what it says, resolved against the catalogue. */
interface PendingRow {
  row: number;
  type: LicenseTypeRow;
  department: DepartmentRow;
  identifier: string;
  number: string;
  serial: string;
  holderKind: 'person' | 'organization';
  holderCode: string;
  holderName: string;
  issuedOn: string;
  validFrom: string;
  /** 'rule' = from the catalogue's validity rule once the holder (birth date) is known. */
  validUntil: string | null | 'rule';
  status: Exclude<LicenseStatus, 'superseded'>;
  fields: Record<string, string>;
  disclosure: string[];
}

/** The catalogue and departments an import resolves its rows against, loaded once. */
interface ImportCatalogue {
  types: Map<string, LicenseTypeRow>;
  departmentsById: Map<string, DepartmentRow>;
  departmentsByUscc: Map<string, DepartmentRow>;
}

async function loadCatalogue(ctx: Ctx): Promise<ImportCatalogue> {
  const types = new Map<string, LicenseTypeRow>();
  for (const t of await ctx.db.select().from(licenseTypes)) {
    for (const key of [t.code, t.name, t.catalogueCode]) types.set(key, t);
  }
  const departments = await listAllDepartments(ctx.db);
  return { types, departmentsById: new Map(departments.map((d) => [d.id, d])), departmentsByUscc: new Map(departments.map((d) => [d.uscc, d])) };
}

/** Columns every file needs (their canonical names and how departments write them). */
const REQUIRED_COLUMNS = [['type', '证照类型'], ['number', '证照编号'], ['holderName', '持证主体名称'], ['holderCode', '持证主体代码'], ['issuedOn', '颁发日期']] as const;
const ENDED = new Set(['revoked', 'cancelled', 'withdrawn']);
const MAX_FIELD_LENGTH = 500;

/** Checks one row without the database; returns the pending licence or its errors. */
function checkRow(
  input: TableRow,
  context: { catalogue: ImportCatalogue; actor: Actor; defaultDepartment: DepartmentRow | undefined; now: Date; today: string },
): { pending?: PendingRow; errors: { field: string; reason: string }[] } {
  const errors: { field: string; reason: string }[] = [];
  const v = input.values;
  const unstorable = findUnstorableText(v, '');
  if (unstorable) return { errors: [{ field: unstorable.field, reason: unstorable.message }] };
  const cell = (key: string) => (v[key] ?? '').trim();

  const typeText = cell('type');
  const type = typeText ? context.catalogue.types.get(typeText) : undefined;
  if (!typeText) errors.push({ field: 'type', reason: 'is required (证照类型: code, name or GB/T 36904 type code)' });
  else if (!type) errors.push({ field: 'type', reason: `unknown licence type "${typeText}"` });

  const issuerCode = cell('issuerCode').toUpperCase();
  const department = issuerCode ? context.catalogue.departmentsByUscc.get(issuerCode) : context.defaultDepartment;
  if (issuerCode && !department) errors.push({ field: 'issuerCode', reason: `no department has the USCC ${issuerCode}` });
  else if (!department) errors.push({ field: 'issuerCode', reason: 'is required: this import has no department to issue in' });
  else if (!actsForDepartment(context.actor, department.id)) errors.push({ field: 'issuerCode', reason: `you do not act for ${department.name}` });
  else if (type && department.line !== type.issuingLine) errors.push({ field: 'type', reason: `${department.name} does not issue ${type.name}` });
  else if (cell('issuerName') && !sameName(cell('issuerName'), department.name)) errors.push({ field: 'issuerName', reason: `does not match the issuing department ${department.name}` });

  const number = cell('number');
  if (!number) errors.push({ field: 'number', reason: 'is required' });
  else if (number.length > 60) errors.push({ field: 'number', reason: 'must be at most 60 characters' });

  const holderName = cell('holderName');
  if (!holderName) errors.push({ field: 'holderName', reason: 'is required' });
  const rawCode = cell('holderCode').toUpperCase();
  const codeType = parseHolderCodeType(cell('holderCodeType'));
  let holderKind: 'person' | 'organization' | undefined;
  if (codeType === 'unknown') errors.push({ field: 'holderCodeType', reason: 'must be 居民身份证 or 统一社会信用代码' });
  else if (!rawCode) errors.push({ field: 'holderCode', reason: 'is required (ID number or USCC)' });
  else {
    const checked = classifyHolderCode(rawCode, codeType ?? (type?.holderKinds.length === 1 ? (type.holderKinds[0] as 'person' | 'organization') : undefined), context.now);
    if (!checked.ok) errors.push({ field: 'holderCode', reason: checked.reason });
    else if (codeType && codeType !== checked.kind) errors.push({ field: 'holderCodeType', reason: `says ${codeType === 'person' ? '居民身份证' : '统一社会信用代码'} but the code is ${checked.kind === 'person' ? 'an ID number' : 'a USCC'}` });
    else holderKind = checked.kind;
  }

  const issuedOn = parseImportDate(cell('issuedOn'));
  if (!cell('issuedOn')) errors.push({ field: 'issuedOn', reason: 'is required (颁发日期)' });
  else if (!issuedOn) errors.push({ field: 'issuedOn', reason: `"${cell('issuedOn')}" is not a date (YYYY-MM-DD)` });
  else if (issuedOn > context.today) errors.push({ field: 'issuedOn', reason: `${issuedOn} is in the future` });
  const validFrom = cell('validFrom') ? parseImportDate(cell('validFrom')) : issuedOn;
  if (cell('validFrom') && !validFrom) errors.push({ field: 'validFrom', reason: `"${cell('validFrom')}" is not a date (YYYY-MM-DD)` });
  const validUntil = parseValidUntil(cell('validUntil'));
  if (validUntil === undefined) errors.push({ field: 'validUntil', reason: `"${cell('validUntil')}" is not a date (YYYY-MM-DD) or 长期` });
  else if (validUntil !== null && validUntil !== 'rule' && validFrom && validUntil < validFrom) errors.push({ field: 'validUntil', reason: `${validUntil} is before the start of validity ${validFrom}` });
  if (type && validUntil === null && type.validity.kind === 'years') errors.push({ field: 'validUntil', reason: `${type.name} is valid for ${type.validity.years} years, not 长期` });

  const status = parseImportStatus(cell('status'));
  if (!status) errors.push({ field: 'status', reason: `"${cell('status')}" is not a status an import may set (有效 01, 撤销 03, 注销 04, 失效 05, 吊销 07)` });
  const lastDay = validUntil === 'rule' ? undefined : validUntil;
  if (status === 'expired' && !(lastDay && lastDay < context.today)) errors.push({ field: 'status', reason: '失效 (expired) needs an 有效期截止 in the past' });

  const fields: Record<string, string> = {};
  if (type) {
    for (const [column, raw] of Object.entries(v)) {
      if (METADATA_COLUMNS.has(column)) continue;
      const value = raw.trim();
      if (value === '') continue;
      const field = type.fields.find((f) => f.key === column || f.label === column);
      if (!field) errors.push({ field: column, reason: `is not a field of ${type.name} (${type.fields.map((f) => f.label).join('、') || 'none'})` });
      else if (value.length > MAX_FIELD_LENGTH) errors.push({ field: column, reason: `must be at most ${MAX_FIELD_LENGTH} characters` });
      else fields[field.key] = value;
    }
  }
  const disclosure: string[] = [];
  if (type) {
    for (const item of splitList(cell('disclosure'))) {
      const field = type.fields.find((f) => f.key === item || f.label === item);
      if (!field) errors.push({ field: 'disclosure', reason: `"${item}" is not a field of ${type.name}` });
      else if (!disclosure.includes(field.key)) disclosure.push(field.key);
    }
  }

  if (errors.length || !type || !department || !holderKind || !issuedOn || !validFrom || validUntil === undefined || !status) return { errors };
  const serial = serialOf(number);
  const identifier = formatLicenseId({ typeCode: type.catalogueCode, issuerCode: department.uscc, serial, version: 1 });
  const given = cell('identifier').toUpperCase();
  if (given && given !== identifier) {
    return { errors: [{ field: 'identifier', reason: `does not match the type, issuer and number (GB/T 36904: ${identifier})` }] };
  }
  if (!type.holderKinds.includes(holderKind)) {
    return { errors: [{ field: 'holderCode', reason: `${type.name} is not issued to ${holderKind === 'person' ? 'a person' : 'an organisation'}` }] };
  }
  return {
    pending: { row: input.row, type, department, identifier, number, serial, holderKind, holderCode: rawCode, holderName, issuedOn, validFrom, validUntil, status, fields, disclosure },
    errors,
  };
}

/** Tells an ID number (GB 11643) from a USCC (GB 32100) by which check it passes; `expected` settles a code that passes both. */
function classifyHolderCode(code: string, expected: 'person' | 'organization' | undefined, now: Date): { ok: true; kind: 'person' | 'organization' } | { ok: false; reason: string } {
  const id: IdNumberResult = validateIdNumber(code, { today: now });
  const uscc: UsccResult = validateUscc(code);
  if (id.ok && uscc.ok) return { ok: true, kind: expected ?? 'person' };
  if (id.ok) return { ok: true, kind: 'person' };
  if (uscc.ok) return { ok: true, kind: 'organization' };
  const looksLikeId = expected ? expected === 'person' : /^\d{17}[\dX]$/.test(code);
  return { ok: false, reason: looksLikeId ? `not a valid ID number: ${id.reason}` : `not a valid USCC: ${uscc.reason}` };
}

/** The stored row for a pending licence whose holder was found. */
function sealRow(ctx: Ctx, p: PendingRow, holder: HolderSummary, now: Date, today: string, importId: string | null): LicenseRow {
  const validUntil = p.validUntil === 'rule' ? validUntilFor(p.type.validity, p.validFrom, holder.birthDate) : p.validUntil;
  const person = p.holderKind === 'person';
  // A valid licence past its last day is expired, as the nightly job would record it.
  const status = p.status === 'valid' && validUntil !== null && validUntil < today ? 'expired' : p.status;
  const row: LicenseRow = {
    id: '', // these three are made for rows that are written (readyToWrite)
    holderId: holder.id,
    identifier: p.identifier,
    typeCode: p.type.code,
    number: p.number,
    serial: p.serial,
    version: 1,
    previousId: null,
    holderKind: p.holderKind,
    // The registry's spelling: the file's was checked to be the same name.
    holderName: holder.name,
    holderCode: person ? maskIdNumber(p.holderCode) : p.holderCode,
    holderCodeCipher: null, // encrypted once the row is known to be written (most rows of a re-import are not)
    keyId: person ? ctx.cipher.activeKeyId : null,
    issuerDepartmentId: p.department.id,
    issuerCode: p.department.uscc,
    issuerName: p.department.name,
    regionCode: holder.regionCode,
    issuedOn: p.issuedOn,
    validFrom: p.validFrom,
    validUntil,
    status,
    statusReason: status === 'valid' ? null : status === 'expired' ? '有效期届满' : `部门系统导入：${LICENSE_STATUSES[status].zh}`,
    statusChangedAt: now,
    fields: p.fields,
    disclosure: p.disclosure,
    documentDigest: '',
    signature: null,
    signingKeyId: null,
    signedAt: null,
    verificationCode: '',
    statusListIndex: 0, // assigned by the database (status_list_seq)
    importId,
    createdAt: now,
    updatedAt: now,
  };
  row.documentDigest = sm3Hex(canonicalLicenseDocument(licenseDocument(row, p.type, p.holderCode, null)));
  return row;
}

/** True when an error is PostgreSQL's unique violation of the named constraint (either driver, wrapped or not). */
function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (code === '23505' && (e.message.includes(constraint) || (e as { constraint?: unknown }).constraint === constraint)) return true;
  }
  return false;
}

/**
 * Imports licences from spreadsheet rows (department systems' exports): each row is checked (type,
 * issuing department and its line, holder by ID number or USCC — looked up a batch at a time through
 * the blind index — holder kind, name and region, dates, fields, duplicates in the file), good rows
 * are upserted by their GB/T 36904 identifier (type + issuer + serial of the number + version 001)
 * in batches, one transaction and one audit event each, unsigned: the background signer
 * (`signPendingLicenses`) signs them. Re-importing a file changes nothing; a changed row updates
 * the stored licence (its previous content kept in its history). Nothing that has ended (注销,
 * 吊销, 撤销) or been superseded by an amendment is changed by an import.
 */
export async function importLicenses(ctx: Ctx, rows: AsyncIterable<TableRow>, options: LicenseImportOptions = {}): Promise<LicenseImportReport> {
  assertCan(ctx.actor, 'license.import');
  const batchSize = options.batchSize ?? 2000;
  const catalogue = await loadCatalogue(ctx);
  if (catalogue.types.size === 0) throw new AppError('unavailable', 'the licence catalogue is empty: seed it first (mianzheng seed)');
  const departmentId = options.departmentId === undefined ? ctx.actor.departmentId : options.departmentId;
  const defaultDepartment = departmentId ? catalogue.departmentsById.get(departmentId) : undefined;
  if (departmentId && !defaultDepartment) throw new AppError('not_found', `department ${departmentId} not found`);
  if (defaultDepartment && !actsForDepartment(ctx.actor, defaultDepartment.id)) throw new AppError('forbidden', `you do not act for ${defaultDepartment.name}`);
  const importId = options.importId ?? null;
  const started = ctx.clock.now();
  const context = { catalogue, actor: ctx.actor, defaultDepartment, now: started, today: chinaDate(started) };

  /** Rows read and rejected while reading (before the database had its say). */
  const read = { total: 0, rejected: 0 };
  /** What committed batches did. */
  const written = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const report = (): LicenseImportReport => ({ total: read.total, inserted: written.inserted, updated: written.updated, unchanged: written.unchanged, rejected: read.rejected + written.rejected });
  /** Errors found but not yet settled with a batch, and how many rows they reject. */
  let unsettled: LicenseImportError[] = [];
  let unsettledRows = 0;
  const reject = (row: number, errors: { field: string; reason: string }[]) => {
    read.rejected += 1;
    unsettledRows += 1;
    for (const e of errors) unsettled.push({ row, field: e.field, reason: e.reason });
  };
  // A licence may appear once in a file, whichever batch its repeats fall into.
  const firstRow = new Map<string, number>();
  let pending: PendingRow[] = [];
  const pipeline = writePipeline(options.concurrency ?? 2);

  /** Gives a row that will be written its id, verification code and the holder's code encrypted (persons). */
  const readyToWrite = (p: PendingRow, row: LicenseRow): LicenseWrite => {
    if (!row.id) row.id = uuidv7(row.createdAt.getTime());
    if (!row.verificationCode) row.verificationCode = newVerificationCode();
    if (p.holderKind === 'person' && !row.holderCodeCipher) row.holderCodeCipher = ctx.cipher.encrypt('holderCode', p.holderCode);
    return { row, eventId: uuidv7(row.createdAt.getTime()) };
  };

  /** Writes a batch: compares with what is stored, upserts what is new or changed, records history, progress and audit. */
  const write = async (batch: { pending: PendingRow; row: LicenseRow }[], settledErrors: { errors: LicenseImportError[]; rows: number; total: number }) => {
    for (let attempt = 1; ; attempt++) {
      try {
        const lateErrors: LicenseImportError[] = [];
        const delta = await ctx.db.transaction(async (tx) => {
          const stored = await findLicensesByIdentifier(tx, batch.map((b) => b.row.identifier));
          const writes: LicenseWrite[] = [];
          let unchanged = 0;
          for (const { pending: p, row } of batch) {
            const existing = stored.get(row.identifier);
            if (!existing) {
              writes.push(readyToWrite(p, row));
              continue;
            }
            const same = existing.digest === row.documentDigest && existing.status === row.status && existing.disclosure.join('\u0000') === row.disclosure.join('\u0000');
            if (same) unchanged += 1;
            else if (existing.holderId !== row.holderId) lateErrors.push({ row: p.row, field: 'holderCode', reason: 'the licence is registered to another holder; a change of holder is an amendment (变更), not an import' });
            else if (existing.status === 'superseded') lateErrors.push({ row: p.row, field: 'number', reason: 'the licence has been amended since (a newer version exists); change the current version instead' });
            else if (ENDED.has(existing.status)) lateErrors.push({ row: p.row, field: 'status', reason: `the licence is ${LICENSE_STATUSES[existing.status as LicenseStatus].zh} (${existing.status}) in the registry; an import cannot change or reinstate it` });
            else writes.push(readyToWrite(p, row));
          }
          const outcome = await writeLicenses(tx, writes, { importId, actor: ctx.actor, now: ctx.clock.now() });
          const d = {
            inserted: outcome.inserted.length,
            updated: outcome.updated.length,
            // Rows a concurrent import wrote first, identically, are unchanged too.
            unchanged: unchanged + writes.length - outcome.inserted.length - outcome.updated.length,
            rejected: new Set(lateErrors.map((e) => e.row)).size,
          };
          await options.onBatch?.(tx, { total: settledErrors.total, ...d, rejected: d.rejected + settledErrors.rows }, [...settledErrors.errors, ...lateErrors]);
          const touched = [...outcome.inserted, ...outcome.updated];
          await appendAuditEvents(tx, ctx, [{
            action: 'license.import',
            targetType: 'license_import',
            ...(importId ? { targetId: importId } : {}),
            subjectIds: [...new Set(touched.map((t) => t.holderId))],
            payload: { rows: batch.length, inserted: d.inserted, updated: d.updated, unchanged: d.unchanged, rejected: d.rejected },
          }]);
          return d;
        });
        written.inserted += delta.inserted;
        written.updated += delta.updated;
        written.unchanged += delta.unchanged;
        written.rejected += delta.rejected;
        for (const e of [...settledErrors.errors, ...lateErrors]) options.onError?.(e);
        options.onProgress?.(report());
        return;
      } catch (err) {
        // 50 random bits per verification code: at millions of rows two may meet. New codes, same batch.
        if (attempt >= 3 || !isUniqueViolation(err, 'licenses_verification_code_uq')) throw err;
        for (const b of batch) b.row.verificationCode = newVerificationCode();
      }
    }
  };

  /** Looks the batch's holders up (one query), seals the rows, and hands the batch to the pipeline. */
  const flush = async () => {
    const batch = pending;
    pending = [];
    const persons = batch.filter((p) => p.holderKind === 'person').map((p) => p.holderCode);
    const orgs = batch.filter((p) => p.holderKind === 'organization').map((p) => p.holderCode);
    const holders = batch.length ? await findHoldersByCode(ctx.db, ctx.cipher, { idNumbers: [...new Set(persons)], usccs: [...new Set(orgs)] }) : new Map<string, HolderSummary>();
    const now = ctx.clock.now();
    const today = chinaDate(now);
    const sealed: { pending: PendingRow; row: LicenseRow }[] = [];
    for (const p of batch) {
      const holder = holders.get(p.holderCode);
      const problem = holderProblem(ctx.actor, p, holder);
      if (problem || !holder) reject(p.row, [problem ?? { field: 'holderCode', reason: 'not found' }]);
      else sealed.push({ pending: p, row: sealRow(ctx, p, holder, now, today, importId) });
    }
    const settledErrors = { errors: unsettled, rows: unsettledRows, total: read.total };
    unsettled = [];
    unsettledRows = 0;
    await pipeline.submit(() => write(sealed, settledErrors));
  };

  let headerChecked = false;
  for await (const input of rows) {
    if (!headerChecked) {
      headerChecked = true;
      const missing = REQUIRED_COLUMNS.filter(([key]) => !(key in input.values)).map(([, label]) => label);
      if (missing.length) throw new AppError('invalid', `the file lacks the columns ${missing.join(', ')} (is it a licence list, saved as CSV UTF-8 or .xlsx?)`);
    }
    read.total += 1;
    const { pending: p, errors } = checkRow(input, context);
    if (!p) {
      reject(input.row, errors);
    } else {
      const key = p.identifier;
      const earlier = firstRow.get(key);
      if (earlier !== undefined) {
        reject(input.row, [{ field: 'number', reason: `the same licence as row ${earlier} (same type, issuer and number)` }]);
      } else {
        firstRow.set(key, input.row);
        pending.push(p);
      }
    }
    if (pending.length >= batchSize || unsettled.length >= batchSize) await flush();
  }
  if (pending.length || unsettled.length) await flush();
  await pipeline.drain();
  return report();
}

/** Why a found (or missing) holder cannot hold this licence from this department, or undefined. */
function holderProblem(actor: Actor, p: PendingRow, holder: HolderSummary | undefined): { field: string; reason: string } | undefined {
  const what = p.holderKind === 'person' ? 'ID number' : 'USCC';
  if (!holder) return { field: 'holderCode', reason: `no ${p.holderKind === 'person' ? 'person' : 'organisation'} is registered with this ${what}` };
  if (!sameName(holder.name, p.holderName)) return { field: 'holderName', reason: `does not match the name registered under this ${what}` };
  if (!inRegionScope(actor, holder.regionCode)) return { field: 'holderCode', reason: 'the holder is outside your region' };
  if (!isWithinRegion(holder.regionCode, p.department.regionCode)) return { field: 'holderCode', reason: `the holder is outside the jurisdiction of ${p.department.name}` };
  return undefined;
}
