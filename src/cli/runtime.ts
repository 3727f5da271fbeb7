import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import pino from 'pino';
import { systemActor, type Actor } from '../core/access/access.js';
import { systemClock } from '../core/clock.js';
import { loadConfig, type Config } from '../core/config.js';
import type { Deps } from '../core/context.js';
import { loadFieldCipher } from '../core/crypto/field-cipher.js';
import { openDatabase, type Database } from '../core/db/database.js';
import { migrateDatabase } from '../core/db/migrate.js';
import { createLogger, type Logger } from '../core/logger.js';
import { packagePath } from '../core/paths.js';

/** The package version, for --version and the OpenAPI document. */
export const version: string = (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;

/** An open platform for one command: configuration, dependencies, and how to close it. */
export interface Runtime {
  config: Config;
  deps: Deps;
  database: Database;
  close(): Promise<void>;
}

/**
 * Parses the configuration, opens and migrates the database and builds the dependencies. CLI
 * commands log to stderr at warn level so their own output stays readable.
 */
export async function openRuntime(options: { log?: Logger } = {}): Promise<Runtime> {
  const config = loadConfig();
  const log = options.log ?? createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, pino.destination(2));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
  try {
    await migrateDatabase(database);
    const cipher = loadFieldCipher(config, (msg) => log.warn(msg));
    return { config, database, deps: { db: database.db, clock: systemClock, log, cipher }, close: () => database.close() };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** The process logger for `serve`. */
export function serverLogger(config: Config): Logger {
  return createLogger(config.logLevel);
}

/** The actor for work done from the command line: the platform, named after the operating-system user. */
export function cliActor(departmentId: string | null = null): Actor {
  return { ...systemActor, id: 'cli', name: `cli:${userInfo().username}`, departmentId };
}
