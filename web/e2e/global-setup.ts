import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ADMIN_PASSWORD, CHROMIUM, repoRoot } from './env';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server under test, e.g. http://127.0.0.1:41234; empty when the suite is skipped. */
    baseUrl: string;
    /** Where the server's log (pino JSON lines) is written. */
    serverLog: string;
    /** Why the suite is skipped, or empty. */
    skipReason: string;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'e2e' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the web apps when there is no build or a source file is newer than it. */
function ensureWebBuild(): void {
  const manifest = join(repoRoot, 'dist', 'web', '.vite', 'manifest.json');
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= newestMtime(join(repoRoot, 'web'))) return;
  console.log('[e2e] building the web apps (npm run build:web)…');
  const result = spawnSync('npm', ['run', 'build:web'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build:web failed');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForReady(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}; see its log`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server did not become ready within ${timeoutMs / 1000} s`);
}

/** A fresh PostgreSQL database when DATABASE_URL is set; returns its URL and how to drop it. */
async function freshPostgres(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `mz_e2e_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return {
    url: dbUrl.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** Starts the real server (demo data, development mode so portal codes go to its log) for the browser tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM)) {
    const reason = `${CHROMIUM} is not installed (apt-get install -y chromium); browser tests skipped`;
    console.log(`[e2e] ${reason}`);
    project.provide('baseUrl', '');
    project.provide('serverLog', '');
    project.provide('skipReason', reason);
    return async () => {};
  }
  ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'mz-e2e-'));
  const database = process.env.DATABASE_URL ? await freshPostgres(process.env.DATABASE_URL) : null;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const serverLog = join(dataDir, 'server.log');
  const log = createWriteStream(serverLog);
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      MIANZHENG_DATA_DIR: dataDir,
      MIANZHENG_ADMIN_PASSWORD: ADMIN_PASSWORD,
      MIANZHENG_LOGIN_MAX_PER_MINUTE: '1000',
      MIANZHENG_PUBLIC_URL: baseUrl,
      DATABASE_URL: database?.url ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  console.log(`[e2e] server on ${baseUrl} (${database ? 'PostgreSQL' : 'PGlite'}), log ${serverLog}`);
  try {
    await waitForReady(baseUrl, server, 180_000);
  } catch (err) {
    server.kill('SIGTERM');
    throw err;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('serverLog', serverLog);
  project.provide('skipReason', '');
  return async () => {
    await new Promise<void>((resolve) => {
      server.once('exit', () => resolve());
      server.kill('SIGTERM');
      setTimeout(() => {
        server.kill('SIGKILL');
        resolve();
      }, 10_000).unref();
    });
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
