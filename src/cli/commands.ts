import { anchorAuditChain, verifyAuditTrail } from '../core/audit/audit-anchor.js';
import { contextFor } from '../core/context.js';
import { checkTableFile, readTableRows } from '../core/files/table-reader.js';
import { createStaff, requireDepartmentId, importSubjects, seedDemo, seedReferenceData, seedSyntheticSubjects, ensureFirstAdmin } from '../registry/index.js';
import { SUBJECT_HEADER_ALIASES } from '../registry/subject.import.js';
import { seedLicensing } from '../licenses/seed.js';
import { errorReportFile } from './error-report.js';
import { progressBar } from './progress.js';
import { cliActor, openRuntime, type Runtime } from './runtime.js';

/** Runs a command against an opened runtime and always closes it. */
async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime();
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** `mianzheng migrate`: apply pending migrations. */
export async function migrateCommand(): Promise<void> {
  await withRuntime(async (rt) => {
    process.stdout.write(`migrations applied (${rt.database.kind}: ${rt.database.location})\n`);
  });
}

/** `mianzheng seed`: reference data always; the demo and synthetic subjects on request. */
export async function seedCommand(opts: { demo?: boolean; synthetic?: boolean; persons: number; organizations: number; offset: number }): Promise<void> {
  await withRuntime(async (rt) => {
    const ref = await seedReferenceData(rt.deps);
    const licensing = await seedLicensing(rt.deps);
    process.stdout.write(`reference data: ${ref.regions} regions, ${ref.departments} departments, ${licensing.types} licence types (${licensing.keysCreated} new signing keys)\n`);
    const admin = await ensureFirstAdmin(rt.deps, rt.config.adminPassword);
    if (admin.generatedPassword) process.stdout.write(`first admin "admin" created; password (shown once): ${admin.generatedPassword}\n`);
    if (opts.demo) {
      const demo = await seedDemo(rt.deps);
      process.stdout.write(`demo: ${demo.staff} new demo accounts, ${demo.subjects} new subjects\n`);
    }
    if (opts.synthetic) {
      const total = opts.persons + opts.organizations;
      const bar = progressBar('synthetic subjects', total);
      const started = Date.now();
      const created = await seedSyntheticSubjects(rt.deps, { persons: opts.persons, organizations: opts.organizations, offset: opts.offset, onProgress: (done) => bar.update(done) });
      bar.stop();
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(`synthetic: ${created} new of ${total} (${Math.round(total / Math.max(seconds, 0.001))} rows/s)\n`);
    }
  });
}

/** `mianzheng import subjects FILE`: stream a CSV/XLSX, commit good rows in batches, write every bad row to the error file. */
export async function importSubjectsCommand(file: string, opts: { errors?: string; batchSize: number; department?: string }): Promise<void> {
  checkTableFile(file); // a wrong path is reported at once, even while the server holds the database
  const errorPath = opts.errors ?? `${file}.errors.csv`;
  const errorFile = errorReportFile(errorPath);
  const report = await withRuntime(async (rt) => {
    const ctx = contextFor(rt.deps, cliActor(opts.department ? await requireDepartmentId(rt.deps.db, opts.department) : null));
    let lastShown = 0;
    const result = await importSubjects(ctx, readTableRows(file, SUBJECT_HEADER_ALIASES), {
      batchSize: opts.batchSize,
      onError: (e) => errorFile.write(e),
      onProgress: (r) => {
        if (r.total - lastShown >= 10_000 || !process.stderr.isTTY) {
          lastShown = r.total;
          process.stderr.write(`\r${r.total} rows read: ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected} rejected`);
        }
      },
    });
    process.stderr.write('\n');
    return result;
  });
  await errorFile.close();
  process.stdout.write(
    `${report.total} rows: ${report.inserted} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected\n` +
      (report.rejected ? `rejected rows (row, field, reason): ${errorPath}\n` : ''),
  );
  if (report.rejected > 0) process.exitCode = 3;
}

/** `mianzheng staff add`: create a staff account from the command line. */
export async function staffAddCommand(opts: { username: string; name: string; role: string[]; region: string; department?: string; password?: string }): Promise<void> {
  await withRuntime(async (rt) => {
    const ctx = contextFor(rt.deps, cliActor());
    const result = await createStaff(ctx, {
      username: opts.username,
      displayName: opts.name,
      password: opts.password,
      roles: opts.role,
      scopeRegionCode: opts.region,
      departmentId: opts.department ? await requireDepartmentId(rt.deps.db, opts.department) : null,
    });
    process.stdout.write(`created ${result.staff.username} (${result.staff.roles.join(', ')}) in ${result.staff.scopeRegionCode}\n`);
    if (result.password) process.stdout.write(`password (shown once; must be changed at first login): ${result.password}\n`);
  });
}

/** `mianzheng audit verify`: walk the chain and its anchors; exit 1 and name the first broken link if it is broken. */
export async function auditVerifyCommand(): Promise<void> {
  await withRuntime(async (rt) => {
    let bar: ReturnType<typeof progressBar> | undefined;
    const result = await verifyAuditTrail(rt.deps.db, rt.deps.cipher, (done, total) => {
      bar ??= progressBar('audit chain', total);
      bar.update(Math.min(done, total));
    });
    bar?.stop();
    if (result.ok) {
      await anchorAuditChain(rt.deps.db, rt.deps.cipher, rt.deps.clock); // so cutting the chain short later shows
      process.stdout.write(`audit chain intact: ${result.checked} events, head at ${result.headSeq}, ${result.anchors} anchors hold\n`);
      return;
    }
    process.stdout.write(`audit chain BROKEN at event ${result.broken?.seq}: ${result.broken?.reason} (${result.checked} events before it are intact)\n`);
    process.exitCode = 1;
  });
}
