import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../core/db/database.js';
import type { App } from '../core/http/app-types.js';
import { openTestDatabase, testDeps } from '../test/harness.js';
import { buildApp } from './app.js';

describe('web apps served from a build', () => {
  let database: Database;
  let app: App;
  const webDir = mkdtempSync(join(tmpdir(), 'mz-web-'));

  beforeAll(async () => {
    for (const name of ['console', 'portal']) {
      mkdirSync(join(webDir, name));
      writeFileSync(join(webDir, name, 'index.html'), `<!doctype html><meta name="csp-nonce" content="__CSP_NONCE__"><title>${name}</title>`);
    }
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'assets', 'entry-abc.js'), 'console.log(1)');
    database = await openTestDatabase();
    app = await buildApp(testDeps(database), { cookieSecure: false, sessionTtlMinutes: 60, loginMaxPerMinute: 10, trustProxy: false, version: 'test', webDir });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('redirects / to the console', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/console/');
  });

  it("answers every app route with that app's page, a fresh CSP nonce and no caching", async () => {
    for (const [url, title] of [['/console/', 'console'], ['/console/subjects/123', 'console'], ['/portal/access-log?x=1', 'portal']] as const) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`<title>${title}</title>`);
      const nonce = /content="([^"]+)"/.exec(res.body)?.[1] ?? '';
      expect(nonce).toMatch(/^[A-Za-z0-9+/=]{24}$/);
      expect(res.headers['content-security-policy']).toContain(`style-src 'self' 'nonce-${nonce}'`);
      expect(res.headers['content-security-policy']).toContain("script-src 'self';");
      expect(res.headers['cache-control']).toBe('no-store');
    }
    expect((await app.inject({ method: 'GET', url: '/console' })).headers.location).toBe('/console/');
  });

  it('serves hashed assets with long caching, and 404s a missing file', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/entry-abc.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/console/missing.png' })).statusCode).toBe(404);
  });

  it('leaves the API, docs and health checks alone', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/openapi.json' })).statusCode).toBe(200);
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/nothing' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/problem\+json/);
  });
});
