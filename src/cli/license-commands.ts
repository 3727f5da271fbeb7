import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, extname } from 'node:path';
import { contextFor } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { checkTableFile, readTableRows } from '../core/files/table-reader.js';
import {
  LICENSE_HEADER_ALIASES,
  chinaDate,
  checkSignedDocument,
  countCsvDataLines,
  countUnsignedLicenses,
  createLicenseImport,
  parsePublishedKeys,
  parseSignedDocument,
  runLicenseImport,
  signPendingLicenses,
  type KnownKey,
  type SignedDocument,
} from '../licenses/index.js';
import { requireDepartmentId } from '../registry/index.js';
import { errorReportFile } from './error-report.js';
import { progressBar, progressCounter } from './progress.js';
import { cliActor, openRuntime, type Runtime } from './runtime.js';

/** Signs everything pending with a progress bar; returns how many were signed. */
async function signAll(rt: Runtime, opts: { workers: number; batchSize: number }): Promise<number> {
  const pending = await countUnsignedLicenses(rt.deps.db);
  if (pending === 0) return 0;
  const bar = progressBar('signing', pending);
  const started = Date.now();
  const { signed } = await signPendingLicenses(rt.deps, {
    workers: opts.workers,
    batchSize: opts.batchSize,
    // On PostgreSQL a second batch is claimed while the first is signed; PGlite has one connection.
    concurrency: rt.database.kind === 'postgres' ? 2 : 1,
    onProgress: (done) => bar.update(Math.min(done, pending)),
  });
  bar.stop();
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`signed ${signed} licences in ${seconds.toFixed(1)} s (${Math.round(signed / Math.max(seconds, 0.001))}/s, ${opts.workers} workers)\n`);
  return signed;
}

/**
 * `mianzheng import licenses FILE`: streams a CSV/XLSX into an import job (as the console's uploads
 * are), commits good rows in batches, writes every rejected row to the error file; exit code 3
 * when rows were rejected. The rows are signed by `mianzheng sign`, `--sign`, or a running server.
 */
export async function importLicensesCommand(file: string, opts: { errors?: string; batchSize: number; department?: string; sign?: boolean; workers: number }): Promise<void> {
  checkTableFile(file); // a wrong path is reported at once, even while the server holds the database
  const errorPath = opts.errors ?? `${file}.errors.csv`;
  const errorFile = errorReportFile(errorPath);
  const format = extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
  const expectedRows = format === 'csv' ? await countCsvDataLines(file) : null;
  const rt = await openRuntime();
  try {
    const ctx = contextFor(rt.deps, cliActor(opts.department ? await requireDepartmentId(rt.deps.db, opts.department) : null));
    const job = await createLicenseImport(ctx, { filename: basename(file), format, filePath: null, department: opts.department, expectedRows });
    const bar = expectedRows === null ? progressCounter('licences read') : progressBar('licences', expectedRows);
    const report = await runLicenseImport(ctx, job.id, readTableRows(file, LICENSE_HEADER_ALIASES), {
      batchSize: opts.batchSize,
      onError: (e) => errorFile.write(e),
      onProgress: (r) => bar.update(expectedRows === null ? r.total : Math.min(r.total, expectedRows)),
    }).finally(() => bar.stop());
    process.stdout.write(
      `${report.total} rows: ${report.inserted} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected (import ${job.id})\n` +
        (report.rejected ? `rejected rows (row, field, reason): ${errorPath}\n` : ''),
    );
    if (opts.sign) await signAll(rt, { workers: opts.workers, batchSize: 1000 });
    const pending = await countUnsignedLicenses(rt.deps.db);
    if (pending) process.stdout.write(`${pending} licences wait for their signature: run \`mianzheng sign\` (a running server signs them in the background)\n`);
    if (report.rejected > 0) process.exitCode = 3;
  } finally {
    await errorFile.close();
    await rt.close();
  }
}

/** `mianzheng sign`: signs every licence still waiting for its signature (bulk imports), with progress. */
export async function signCommand(opts: { workers: number; batchSize: number }): Promise<void> {
  const rt = await openRuntime();
  try {
    const signed = await signAll(rt, opts);
    if (signed === 0) process.stdout.write('nothing to sign: every licence is signed\n');
  } finally {
    await rt.close();
  }
}

/** Default number of signing workers: one per core. */
export const defaultWorkers = availableParallelism();

/** Reads a file for `verify`, turning a missing file into bad input. */
function readInput(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new AppError('invalid', `cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

/** The platform's address without a trailing slash; `invalid` for anything but http(s). */
function baseUrl(url: string): string {
  if (!/^https?:\/\/[^\s/]+/.test(url)) throw new AppError('invalid', `--url must be an http:// or https:// address (got "${url}")`);
  return url.replace(/\/+$/, '');
}

/** Asks the platform; a network failure or a non-JSON answer is reported as such. */
async function ask(url: string, init: RequestInit = {}): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  } catch (err) {
    throw new AppError('unavailable', `cannot reach ${url}: ${err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)}`);
  }
  const text = await res.text();
  if (!res.ok) throw new AppError('unavailable', `${url} answered ${res.status}: ${text.slice(0, 200)}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('unavailable', `${url} did not answer JSON`);
  }
}

const VERDICTS: Record<string, string> = { valid: '有效 / valid', invalid: '无效 / invalid', revoked: '已吊销或注销 / revoked', expired: '已过期 / expired' };

/** Prints one verdict with its reasons. */
function printVerdict(label: string, verdict: { result: string; reasons: string[] }): void {
  process.stdout.write(`${label}: ${VERDICTS[verdict.result] ?? verdict.result}\n${verdict.reasons.map((r) => `  - ${r}\n`).join('')}`);
}

/**
 * `mianzheng verify FILE`: checks a signed document offline, with the departments' published keys
 * (a file saved from GET /api/v1/keys, or fetched from --url), without any database. Offline, a
 * revocation cannot be seen; with --url the registry is asked too (POST /api/v1/verify).
 * Exit 0 valid, 1 not valid (or the registry could not be asked), 2 bad input.
 */
export async function verifyCommand(file: string, opts: { keys?: string; url?: string }): Promise<void> {
  const doc: SignedDocument = parseSignedDocument(readInput(file, 'the document'));
  const url = opts.url === undefined ? undefined : baseUrl(opts.url);
  if (!opts.keys && !url) throw new AppError('invalid', 'give the published keys: --keys KEYS.json (saved from GET /api/v1/keys) or --url https://… of the platform');
  let keys: Map<string, KnownKey>;
  if (opts.keys) keys = parsePublishedKeys(readInput(opts.keys, 'the key file'));
  else keys = parsePublishedKeys(JSON.stringify(await ask(`${url}/api/v1/keys`)));
  const d = doc.document;
  process.stdout.write(`${String(d.name ?? '')} ${String(d.number ?? '')} · ${String(d.issuerName ?? '')}\n${String(d.identifier ?? '')}\n`);
  const offline = await checkSignedDocument(doc, async (keyId) => keys.get(keyId), chinaDate(new Date()));
  printVerdict('offline', offline);
  if (!url) {
    process.stdout.write('note: revocation was not checked (offline); add --url https://… to ask the registry\n');
    process.exitCode = offline.result === 'valid' ? 0 : 1;
    return;
  }
  const online = (await ask(`${url}/api/v1/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(doc) })) as { result: string; reasons: string[] };
  printVerdict('registry', online);
  process.exitCode = offline.result === 'valid' && online.result === 'valid' ? 0 : 1;
}
