import pg from 'pg';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { systemClock } from '../src/core/clock.js';
import type { Deps } from '../src/core/context.js';
import { createFieldCipher } from '../src/core/crypto/field-cipher.js';
import { openDatabase, type Database } from '../src/core/db/database.js';
import { migrateDatabase } from '../src/core/db/migrate.js';
import { createLogger } from '../src/core/logger.js';

/** A database for one benchmark run: PGlite in a temporary directory, or a fresh PostgreSQL database. */
export interface BenchDatabase {
  engine: 'pglite' | 'postgres';
  database: Database;
  deps: Deps;
  dispose(): Promise<void>;
}

const cipher = createFieldCipher(`b1:${randomBytes(32).toString('base64')}`, randomBytes(32).toString('base64'));

/** Opens and migrates a throwaway database on the given engine. */
export async function openBenchDatabase(engine: 'pglite' | 'postgres', adminUrl: string): Promise<BenchDatabase> {
  const log = createLogger('silent');
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'mz-bench-'));
    const database = await openDatabase({ dataDir: dir });
    await migrateDatabase(database);
    return { engine, database, deps: { db: database.db, clock: systemClock, log, cipher }, dispose: async () => { await database.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `mz_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused', poolSize: 8 });
  await migrateDatabase(database);
  return {
    engine,
    database,
    deps: { db: database.db, clock: systemClock, log, cipher },
    dispose: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Percentile of sorted samples (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** A line describing this machine, for BENCHMARKS.md. */
export function machineLine(): string {
  const c = cpus();
  return `${c.length} cores (${c[0]?.model ?? 'unknown cpu'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

/** Integer flag with a default. */
export function intArg(args: Map<string, string>, name: string, fallback: number): number {
  const raw = args.get(name);
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
  return n;
}

/** CPU seconds this process has used (all its threads, user and system). */
export function processCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * CPU seconds the PostgreSQL server processes serving a database have used so far, read from
 * /proc (the server runs on this machine in these benchmarks); undefined when they cannot be read.
 * A shared machine makes wall clocks slow; CPU time says what the work itself cost.
 */
export async function postgresCpuSeconds(database: Database): Promise<number | undefined> {
  if (!database.pool) return undefined;
  const { rows } = await database.pool.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database()');
  let ticks = 0;
  try {
    for (const { pid } of rows) {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return undefined;
  }
  return ticks / 100; // USER_HZ
}
