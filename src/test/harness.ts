import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { systemActor, type Actor } from '../core/access/access.js';
import { systemClock, type Clock } from '../core/clock.js';
import { contextFor, type Ctx, type Deps } from '../core/context.js';
import { createFieldCipher } from '../core/crypto/field-cipher.js';
import { openDatabase, type Database } from '../core/db/database.js';
import { migrateDatabase } from '../core/db/migrate.js';
import { createLogger } from '../core/logger.js';

/**
 * A fresh database for one test file: in-memory PGlite, or, when DATABASE_URL is set, a new
 * PostgreSQL database created for this file and dropped at the end (its `url` lets a child
 * process, such as the CLI, use it too).
 */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(database);
    return database;
  }
  const name = `mz_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: testUrl.toString(), dataDir: 'unused', poolSize: 5 });
  await migrateDatabase(database);
  return {
    ...database,
    url: testUrl.toString(),
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      // The pool's connections may still be closing: a forced drop would then send them a FATAL
      // message that surfaces as an unhandled error in the test run. Wait for them to go first.
      for (let i = 0; i < 50; i++) {
        const { rows } = await dropper.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** Fixed keys for tests (never used outside them), as MIANZHENG_DATA_KEYS and MIANZHENG_INDEX_KEY would give them. */
export const TEST_DATA_KEYS = `t1:${Buffer.alloc(32, 7).toString('base64')}`;
export const TEST_INDEX_KEY = Buffer.alloc(32, 9).toString('base64');
export const testCipher = createFieldCipher(TEST_DATA_KEYS, TEST_INDEX_KEY);

/** Dependencies for module functions in tests. */
export function testDeps(database: Database, clock: Clock = systemClock): Deps {
  return { db: database.db, clock, log: createLogger('silent'), cipher: testCipher };
}

/** A context acting as `actor` (default: the platform itself). */
export function testCtx(deps: Deps, actor: Actor = systemActor): Ctx {
  return contextFor(deps, actor);
}

/** Which engine the tests run on, for messages. */
export const engineName = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
