import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { actsForDepartment, assertCan } from '../core/access/access.js';
import { recordAudit } from '../core/audit/audit.service.js';
import type { Ctx, Deps } from '../core/context.js';
import type { Tx } from '../core/db/database.js';
import { AppError, invalid } from '../core/errors.js';
import { readTableRows, type TableRow } from '../core/files/table-reader.js';
import { isUuid, uuidv7 } from '../core/ids/uuid.js';
import { findDepartmentsById, requireDepartmentId } from '../registry/index.js';
import { LICENSE_HEADER_ALIASES } from './license-import.columns.js';
import type { LicenseImportView } from './license-import.contract.js';
import { licenseImportErrors, licenseImports } from './license-import.schema.js';
import { importLicenses, type LicenseImportError, type LicenseImportReport } from './license.import.js';

/** An import job as stored. */
export type LicenseImportRow = typeof licenseImports.$inferSelect;
/** The file formats an import reads. */
export type ImportFormat = 'csv' | 'xlsx';

/** A new import as uploaded. */
export interface NewLicenseImport {
  filename: string;
  format: ImportFormat;
  /** Where the uploaded file waits (null when the rows come from elsewhere, e.g. the CLI reading a file itself). */
  filePath: string | null;
  /** Issuing department (id or code) for rows that name none; default the actor's. */
  department?: string | undefined;
  expectedRows?: number | null;
}

/** Presents an import job. */
export function presentLicenseImport(row: LicenseImportRow, departmentName: string | null): LicenseImportView {
  return {
    id: row.id,
    filename: row.filename,
    format: row.format === 'xlsx' ? 'xlsx' : 'csv',
    uploadedBy: row.uploadedByName,
    departmentId: row.departmentId,
    departmentName,
    status: row.status as LicenseImportView['status'],
    expectedRows: row.expectedRows,
    total: row.total,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    rejected: row.rejected,
    signed: row.signed,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** Presents rows with their department names, loaded once. */
export async function presentLicenseImports(ctx: Ctx, rows: LicenseImportRow[]): Promise<LicenseImportView[]> {
  const departments = await findDepartmentsById(ctx.db, rows.flatMap((r) => (r.departmentId ? [r.departmentId] : [])));
  return rows.map((r) => presentLicenseImport(r, r.departmentId ? (departments.get(r.departmentId)?.name ?? null) : null));
}

/** Presents one import job. */
export async function presentOneImport(ctx: Ctx, row: LicenseImportRow): Promise<LicenseImportView> {
  const department = row.departmentId ? (await findDepartmentsById(ctx.db, [row.departmentId])).get(row.departmentId) : undefined;
  return presentLicenseImport(row, department?.name ?? null);
}

/**
 * Registers an uploaded file as an import job (queued). Needs license.import and, for the
 * department the rows default to, that the actor acts for it; each row is checked again on import.
 */
export async function createLicenseImport(ctx: Ctx, input: NewLicenseImport): Promise<LicenseImportRow> {
  assertCan(ctx.actor, 'license.import');
  const filename = input.filename.trim();
  if (!filename || filename.length > 200 || /[\u0000-\u001f]/.test(filename)) throw invalid([{ field: 'filename', message: 'must be 1–200 printable characters' }]);
  let departmentId = ctx.actor.departmentId;
  if (input.department) departmentId = isUuid(input.department) ? input.department : await requireDepartmentId(ctx.db, input.department);
  if (departmentId) {
    const department = (await findDepartmentsById(ctx.db, [departmentId])).get(departmentId);
    if (!department) throw invalid([{ field: 'department', message: `department ${departmentId} does not exist` }]);
    if (!actsForDepartment(ctx.actor, department.id)) throw new AppError('forbidden', `you do not act for ${department.name}`);
  }
  const now = ctx.clock.now();
  const row: LicenseImportRow = {
    id: uuidv7(now.getTime()),
    filename,
    format: input.format,
    uploadedById: ctx.actor.id,
    uploadedByName: ctx.actor.name,
    departmentId,
    status: 'queued',
    filePath: input.filePath,
    expectedRows: input.expectedRows ?? null,
    total: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    signed: 0,
    error: null,
    createdAt: now,
    startedAt: null,
    heartbeatAt: null,
    finishedAt: null,
  };
  await ctx.db.transaction(async (tx) => {
    await tx.insert(licenseImports).values(row);
    await recordAudit(tx, ctx, { action: 'license.import.upload', targetType: 'license_import', targetId: row.id, payload: { filename, format: input.format, departmentId, expectedRows: row.expectedRows } });
  });
  return row;
}

/** Options of one run of an import job. */
export interface RunImportOptions {
  batchSize?: number;
  /** Batches written at once (2 on PostgreSQL). */
  concurrency?: number;
  onError?: (error: LicenseImportError) => void;
  onProgress?: (report: LicenseImportReport) => void;
}

/**
 * Runs a queued import job over `rows`: claims it (queued → running, so two runners never run one
 * job), imports batch by batch — each batch's counters, errors and heartbeat committed with its
 * rows — and ends it done, or failed with the reason. Rows of batches committed before a failure
 * stay: importing the file again changes nothing of them.
 */
export async function runLicenseImport(ctx: Ctx, importId: string, rows: AsyncIterable<TableRow>, options: RunImportOptions = {}): Promise<LicenseImportRow> {
  const now = ctx.clock.now();
  const [job] = await ctx.db
    .update(licenseImports)
    .set({ status: 'running', startedAt: now, heartbeatAt: now })
    .where(and(eq(licenseImports.id, importId), eq(licenseImports.status, 'queued')))
    .returning();
  if (!job) throw new AppError('conflict', `import ${importId} is not waiting to run`);
  let seq = 0;
  const onBatch = async (tx: Tx, batch: LicenseImportReport, errors: LicenseImportError[]) => {
    for (let i = 0; i < errors.length; i += 5000) {
      const chunk = errors.slice(i, i + 5000).map((e) => ({ importId, seq: ++seq, row: e.row, field: e.field, reason: e.reason }));
      await tx.insert(licenseImportErrors).values(chunk);
    }
    // Increments: batches may commit in another order than they were read.
    await tx
      .update(licenseImports)
      .set({
        total: sql`greatest(${licenseImports.total}, ${batch.total})`,
        inserted: sql`${licenseImports.inserted} + ${batch.inserted}`,
        updated: sql`${licenseImports.updated} + ${batch.updated}`,
        unchanged: sql`${licenseImports.unchanged} + ${batch.unchanged}`,
        rejected: sql`${licenseImports.rejected} + ${batch.rejected}`,
        heartbeatAt: ctx.clock.now(),
      })
      .where(eq(licenseImports.id, importId));
  };
  try {
    const report = await importLicenses(ctx, readable(rows, job.format), {
      departmentId: job.departmentId,
      importId,
      onBatch,
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.onError ? { onError: options.onError } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    const [done] = await ctx.db
      .update(licenseImports)
      .set({ ...report, status: 'done', finishedAt: ctx.clock.now(), filePath: null })
      .where(eq(licenseImports.id, importId))
      .returning();
    return done ?? job;
  } catch (err) {
    const reason = err instanceof AppError ? err.message : `internal error (see the server log for import ${importId})`;
    if (!(err instanceof AppError)) ctx.log.error({ err, importId }, 'licence import failed');
    await ctx.db
      .update(licenseImports)
      .set({ status: 'failed', error: reason, finishedAt: ctx.clock.now(), filePath: null })
      .where(eq(licenseImports.id, importId));
    throw err;
  }
}

/** The rows of a file, with a file that cannot be read reported as bad input rather than a crash. */
function readable(rows: AsyncIterable<TableRow>, format: string): AsyncIterable<TableRow> {
  const explain = (err: unknown): never => {
    if (err instanceof AppError) throw err;
    throw new AppError('invalid', `the file could not be read as ${format}: ${err instanceof Error ? err.message : String(err)}`);
  };
  // A plain iterator, not a generator: one layer less of promises for each of a million rows.
  return {
    [Symbol.asyncIterator]() {
      const iterator = rows[Symbol.asyncIterator]();
      return { next: () => iterator.next().catch(explain), return: async () => (await iterator.return?.()) ?? { done: true, value: undefined } };
    },
  };
}

/** Runs a queued job from its uploaded file, then removes the file; the promise settles when the job has ended. */
export async function runLicenseImportFile(ctx: Ctx, importId: string, options: RunImportOptions = {}): Promise<LicenseImportRow> {
  const [job] = await ctx.db.select().from(licenseImports).where(eq(licenseImports.id, importId));
  if (!job?.filePath) throw new AppError('conflict', `import ${importId} has no file to read`);
  const path = job.filePath;
  try {
    return await runLicenseImport(ctx, importId, readTableRows(path, LICENSE_HEADER_ALIASES), options);
  } finally {
    await rm(path, { force: true });
  }
}

/**
 * Ends imports that a stopped process left behind: running ones whose heartbeat is older than
 * `staleMs`, queued ones older than that. Their committed batches stay; the uploader is told to
 * upload the file again (re-importing changes nothing already stored). Run at server start.
 */
export async function failInterruptedImports(deps: Deps, staleMs = 120_000): Promise<number> {
  const now = deps.clock.now();
  const before = new Date(now.getTime() - staleMs);
  const stale = or(and(eq(licenseImports.status, 'running'), lt(licenseImports.heartbeatAt, before)), and(eq(licenseImports.status, 'queued'), lt(licenseImports.createdAt, before)));
  const left = await deps.db.select({ id: licenseImports.id, filePath: licenseImports.filePath }).from(licenseImports).where(stale);
  if (left.length === 0) return 0;
  const ended = await deps.db
    .update(licenseImports)
    .set({ status: 'failed', error: '导入中断（服务重启）：请重新上传文件，已导入的行不会重复 / interrupted by a restart: upload the file again (rows already imported are not duplicated)', finishedAt: now, filePath: null })
    .where(and(stale, inArray(licenseImports.id, left.map((r) => r.id))))
    .returning({ id: licenseImports.id });
  const endedIds = new Set(ended.map((r) => r.id));
  for (const r of left) if (r.filePath && endedIds.has(r.id)) await rm(r.filePath, { force: true });
  return ended.length;
}

/** Which imports an actor sees: those of departments it acts for, and its own uploads (the platform sees all). */
function visibleTo(ctx: Ctx): SQL | undefined {
  if (ctx.actor.kind === 'system') return undefined;
  const departments = [...new Set([ctx.actor.departmentId, ...ctx.actor.scope.departmentIds].filter((d): d is string => Boolean(d)))];
  const own = eq(licenseImports.uploadedById, ctx.actor.id);
  return departments.length ? or(own, inArray(licenseImports.departmentId, departments)) : own;
}

/** Recent imports of the actor's departments, newest first, a page at a time. */
export async function listLicenseImports(ctx: Ctx, q: { cursor?: string | undefined; limit: number }): Promise<{ items: LicenseImportView[]; nextCursor: string | null }> {
  assertCan(ctx.actor, 'license.import');
  if (q.cursor !== undefined && !isUuid(q.cursor)) throw invalid([{ field: 'cursor', message: 'is not a cursor from a previous page' }]);
  const rows = await ctx.db
    .select()
    .from(licenseImports)
    .where(and(visibleTo(ctx), q.cursor ? lt(licenseImports.id, q.cursor) : undefined))
    .orderBy(desc(licenseImports.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { items: await presentLicenseImports(ctx, page), nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null };
}

/** One import the actor may see (else 404). */
export async function getLicenseImport(ctx: Ctx, id: string): Promise<LicenseImportRow> {
  assertCan(ctx.actor, 'license.import');
  const [row] = isUuid(id) ? await ctx.db.select().from(licenseImports).where(and(eq(licenseImports.id, id), visibleTo(ctx))) : [];
  if (!row) throw new AppError('not_found', `import ${id} not found`);
  return row;
}

/** The rejected rows of an import (row, field, reason) in file order, a page at a time so a million stream in little memory. */
export async function* licenseImportErrorRows(ctx: Ctx, id: string): AsyncGenerator<LicenseImportError> {
  const job = await getLicenseImport(ctx, id);
  const page = 5000;
  let after = { row: 0, seq: 0 };
  for (;;) {
    const rows = await ctx.db
      .select({ row: licenseImportErrors.row, seq: licenseImportErrors.seq, field: licenseImportErrors.field, reason: licenseImportErrors.reason })
      .from(licenseImportErrors)
      .where(and(eq(licenseImportErrors.importId, job.id), sql`(${licenseImportErrors.row}, ${licenseImportErrors.seq}) > (${after.row}, ${after.seq})`))
      .orderBy(asc(licenseImportErrors.row), asc(licenseImportErrors.seq))
      .limit(page);
    for (const r of rows) yield { row: r.row, field: r.field, reason: r.reason };
    const last = rows.at(-1);
    if (!last || rows.length < page) return;
    after = { row: last.row, seq: last.seq };
  }
}

/** Data lines of a CSV file (newlines after the header), counted fast for a progress bar; an estimate when cells hold line breaks. */
export async function countCsvDataLines(path: string): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines += 1;
    last = chunk.at(-1) ?? last;
  }
  if (last !== 0x0a) lines += 1; // a last line without its newline
  return Math.max(0, lines - 1);
}
