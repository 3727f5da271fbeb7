import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Logger } from '../logger.js';
import { acquireDataDirLock } from './data-dir-lock.js';

/** The database handle every module function takes; the same type on PGlite and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle; functions that must run inside one take `tx: Tx`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either; for functions that work inside or outside a transaction. */
export type DbOrTx = Db | Tx;

export type DriverKind = 'pglite' | 'postgres';

/** An open database: the Drizzle handle, which engine it is, and how to close it. */
export interface Database {
  db: Db;
  kind: DriverKind;
  /** Where the data lives, for logs and errors (the URL without its password). */
  location: string;
  /** The connection pool, on PostgreSQL only (for work that needs one dedicated connection). */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… for a server; otherwise an embedded PGlite under `dataDir`. */
  databaseUrl?: string | undefined;
  /** Directory of the embedded database; `memory://` for a throwaway one (tests). */
  dataDir: string;
  log?: Logger;
  poolSize?: number;
}

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite (locked to this process). */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // Fail now with a clear message rather than on the first request.
  const client = await pool.connect().catch((err: Error) => {
    throw new Error(`cannot connect to PostgreSQL at ${redactUrl(url)}: ${err.message}`);
  });
  client.release();
  return {
    db: drizzlePg(pool) as unknown as Db,
    kind: 'postgres',
    location: redactUrl(url),
    pool,
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  if (dataDir === 'memory://') {
    const client = await PGlite.create();
    return { db: drizzlePglite(client) as unknown as Db, kind: 'pglite', location: 'memory://', close: () => client.close() };
  }
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir);
  try {
    const client = await PGlite.create(join(dataDir, 'pgdata'));
    return {
      db: drizzlePglite(client) as unknown as Db,
      kind: 'pglite',
      location: join(dataDir, 'pgdata'),
      close: async () => {
        await client.close();
        lock.release();
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** A postgres:// URL with its password replaced, safe for logs. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

/** Runs raw SQL and returns its rows; both drivers put them in `rows`. */
export async function queryRows<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Number of rows affected by an INSERT/UPDATE/DELETE, across both drivers. */
export function affectedRows(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}

/** Checks the connection answers; used by /readyz. */
export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
