import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { packagePath } from '../paths.js';
import type { Database } from './database.js';

/** Lock id shared by every replica so that only one applies migrations at a time. */
const MIGRATION_LOCK = 7_314_159_265;

/** Applies the committed SQL migrations in drizzle/ (the same set on PGlite and PostgreSQL). */
export async function migrateDatabase(database: Database): Promise<void> {
  const migrationsFolder = packagePath('drizzle');
  if (!database.pool) {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // Several API replicas may start together: a session advisory lock on one connection makes them take turns.
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg(client), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
