import { parse } from 'csv-parse/sync';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Deps } from '../core/context.js';
import { openDatabase, type Database } from '../core/db/database.js';
import { migrateDatabase } from '../core/db/migrate.js';
import { packageRoot } from '../core/paths.js';
import { TEST_DATA_KEYS, TEST_INDEX_KEY, openTestDatabase, testDeps } from './harness.js';

/** The database CLI runs of one test file use: a fresh PostgreSQL database when DATABASE_URL is set, else a PGlite data directory. */
export interface CliDatabase {
  dataDir: string;
  /** The PostgreSQL database's URL (undefined on PGlite). */
  url: string | undefined;
  /** Runs `fn` on the database: the PostgreSQL one, or the data directory opened (and locked) for the time of `fn`. */
  use<T>(fn: (database: Database, deps: Deps) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Opens the database for a CLI test file (see CliDatabase). */
export async function openCliDatabase(dataDir: string): Promise<CliDatabase> {
  const postgres = process.env.DATABASE_URL ? await openTestDatabase() : undefined;
  return {
    dataDir,
    url: postgres?.url,
    async use(fn) {
      if (postgres) return fn(postgres, testDeps(postgres));
      const database = await openDatabase({ dataDir });
      try {
        await migrateDatabase(database);
        return await fn(database, testDeps(database));
      } finally {
        await database.close();
      }
    },
    close: async () => postgres?.close(),
  };
}

/** How a CLI run ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `mianzheng` command from the source tree in a child process (as
 * `npx tsx src/cli/main.ts …` would), on the embedded database in `dataDir`, or on `databaseUrl`.
 */
export function runCli(args: string[], where: { dataDir: string; databaseUrl?: string | undefined }): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    MIANZHENG_DATA_DIR: where.dataDir,
    MIANZHENG_DATA_KEYS: TEST_DATA_KEYS,
    MIANZHENG_INDEX_KEY: TEST_INDEX_KEY,
  };
  if (where.databaseUrl) env.DATABASE_URL = where.databaseUrl;
  else delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: packageRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The rows of an error file an import wrote (row, field, reason), after checking its BOM and header. */
export function errorReportRows(path: string): { row: string; field: string; reason: string }[] {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFFrow,field,reason\n')).toBe(true); // a BOM so that Excel reads it as UTF-8
  return parse(text, { bom: true, columns: true }) as { row: string; field: string; reason: string }[];
}
