import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../http/app.js';
import { ensureFirstAdmin, seedReferenceData } from '../registry/index.js';
import { openTestDatabase, testDeps } from '../test/harness.js';
import { ADMIN_PASSWORD, signIn } from '../test/http.js';
import type { Database } from './db/database.js';
import type { App } from './http/app-types.js';
import { createLogger } from './logger.js';

const ID = '11010519491231002X';
const PHONE = '13812345678';

let lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  },
});

let database: Database;
let app: App;
beforeAll(async () => {
  database = await openTestDatabase();
  const deps = { ...testDeps(database), log: createLogger('info', sink) };
  await seedReferenceData(deps);
  await ensureFirstAdmin(deps, ADMIN_PASSWORD);
  app = await buildApp(deps, { cookieSecure: false, sessionTtlMinutes: 60, loginMaxPerMinute: 10, trustProxy: false, version: 'test' });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('logs carry no personal data', () => {
  it('redacts ID numbers, phones and passwords in fields', () => {
    lines = [];
    createLogger('info', sink).info({ idNumber: ID, subject: { phone: PHONE }, password: 'secret-1' }, 'x');
    expect(lines.join('\n')).not.toMatch(new RegExp(`${ID}|${PHONE}|secret-1`));
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ idNumber: '[redacted]', subject: { phone: '[redacted]' }, password: '[redacted]' });
  });

  it('keeps them out of request logs: searches, bodies, credentials', async () => {
    const admin = await signIn(app, 'admin');
    lines = [];
    await app.inject({ method: 'GET', url: `/api/v1/subjects?name=x&idNumber=${ID}&limit=5`, headers: admin.headers });
    await app.inject({ method: 'GET', url: `/api/v1/subjects?phone=${PHONE}`, headers: admin.headers });
    await app.inject({ method: 'POST', url: '/api/v1/subjects', headers: admin.headers, payload: { kind: 'person', name: 'x', idNumber: ID, phone: PHONE, regionCode: 'bad' } });
    await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'wrong-password-99' } });
    const log = lines.join('\n');
    expect(lines.some((l) => l.includes('"incoming request"'))).toBe(true);
    expect(log).toContain('idNumber=[redacted]');
    expect(log).toContain('/api/v1/subjects?name=x&idNumber=[redacted]&limit=5');
    for (const secret of [ID, PHONE, 'wrong-password-99', admin.cookie.split('=')[1] ?? '']) expect(log).not.toContain(secret);
  });
});
