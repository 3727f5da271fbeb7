import { afterAll, beforeAll, expect } from 'vitest';
import type { Deps } from '../core/context.js';
import type { Database } from '../core/db/database.js';
import type { App } from '../core/http/app-types.js';
import { buildApp, type AppOptions } from '../http/app.js';
import { DEMO_PASSWORD, ensureFirstAdmin, seedDemo, seedReferenceData } from '../registry/index.js';
import { openTestDatabase, testDeps } from './harness.js';

/** Password of the first admin (username `admin`) in HTTP tests. */
export const ADMIN_PASSWORD = 'admin-test-password-2026';

/** The HTTP application on a fresh, seeded database. */
export interface TestApp {
  app: App;
  database: Database;
  deps: Deps;
  close(): Promise<void>;
}

/** A fresh database with the Yiyang reference data, the first admin and the demo, and the app built on it. */
export async function openSeededApp(options: Partial<AppOptions> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const deps = testDeps(database);
  await seedReferenceData(deps);
  await ensureFirstAdmin(deps, ADMIN_PASSWORD);
  await seedDemo(deps);
  const app = await buildApp(deps, { cookieSecure: false, sessionTtlMinutes: 60, loginMaxPerMinute: 10, trustProxy: false, version: 'test', ...options });
  await app.ready();
  return {
    app,
    database,
    deps,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/**
 * The seeded app of one test file: opened before its tests (with the admin signed in as `admin`)
 * and closed after them. Its fields are filled in by the time the tests run.
 */
export function seededAppPerFile(options: Partial<AppOptions> = {}): TestApp & { admin: Session } {
  const state = {} as TestApp & { admin: Session };
  beforeAll(async () => {
    Object.assign(state, await openSeededApp(options));
    state.admin = await signIn(state.app, 'admin');
  });
  afterAll(async () => state.close?.());
  return state;
}

/** A signed-in console session: `headers` carry the cookie and the CSRF token, as the console sends them. */
export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

/** Signs in through the API (admin with ADMIN_PASSWORD, demo accounts with DEMO_PASSWORD). */
export async function signIn(app: App, username: string, password = username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

/** Asserts an RFC 9457 problem response with this status, and returns its body. */
export function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number): ProblemJson {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = res.json() as ProblemJson;
  expect(body).toMatchObject({ status, type: expect.stringMatching(/^urn:mianzheng:problem:/), title: expect.any(String) });
  return body;
}

/** The problem+json body. */
export interface ProblemJson {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: { field: string; message: string }[];
}
