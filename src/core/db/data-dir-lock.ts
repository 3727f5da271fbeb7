import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../errors.js';

/** Lock files this process holds: a file naming our own pid that is not in here is stale (pid reuse in a container). */
const heldHere = new Set<string>();

/**
 * PGlite is a single-process database: two processes, or two opens within one process, would
 * corrupt the same directory. This lock file records the owner's pid; a second opener gets a
 * clear error instead.
 */
export function acquireDataDirLock(dataDir: string): { release(): void } {
  const file = resolve(dataDir, 'mianzheng.lock');
  if (heldHere.has(file)) throw new AppError('unavailable', `the embedded database in ${dataDir} is already open in this process`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
      closeSync(fd);
      heldHere.add(file);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          heldHere.delete(file);
          rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(file);
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
        throw new AppError(
          'unavailable',
          `the embedded database in ${dataDir} is in use by process ${owner} (is \`mianzheng serve\` running?). ` +
            'Stop it first, or use the HTTP API of the running server.',
        );
      }
      rmSync(file, { force: true }); // stale lock from a crashed process
    }
  }
  throw new AppError('unavailable', `cannot lock ${file}`);
}

function readOwner(file: string): number | undefined {
  try {
    const pid = (JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown }).pid;
    return typeof pid === 'number' ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
