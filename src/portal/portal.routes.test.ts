import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/access/access.js';
import { fixedClock } from '../core/clock.js';
import { contextFor } from '../core/context.js';
import type { Database } from '../core/db/database.js';
import type { App } from '../core/http/app-types.js';
import { buildApp } from '../http/app.js';
import { departmentIdOf, findSubjects, getSubject } from '../registry/index.js';
import { engineName, openTestDatabase, testDeps } from '../test/harness.js';
import { recordingSender, seedPortalSubject } from '../test/portal-fixtures.js';
import type { AccessEntryView, PortalMe } from './portal.contract.js';

const PHONE = '13607370002';

/** A clerk of the municipal government service centre, acting on the subject. */
const clerk: Actor = {
  kind: 'staff',
  id: '00000000-0000-4000-8000-000000000001',
  name: 'clerk.test',
  departmentId: departmentIdOf('430900-government_services'),
  roles: ['clerk'],
  scope: { regionCode: '430900000000', departmentIds: [] },
};

describe(`portal HTTP API and who-read-my-data (${engineName})`, () => {
  let database: Database;
  let app: App;
  let subjectId: string;
  const sender = recordingSender();
  const clock = fixedClock(new Date('2026-03-02T09:00:00Z'));

  beforeAll(async () => {
    database = await openTestDatabase();
    const deps = testDeps(database, clock);
    subjectId = await seedPortalSubject(deps, PHONE, 21);
    const ctx = contextFor(deps, clerk);
    await findSubjects(ctx, { phone: PHONE, purpose: '核对办事人身份', limit: 10 });
    await getSubject(ctx, subjectId, '办理个体工商户登记');
    app = await buildApp(deps, { cookieSecure: false, sessionTtlMinutes: 60, loginMaxPerMinute: 100, trustProxy: false, version: 'test', otpSender: sender, webDir: null });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const cookieOf = (setCookie: string | string[] | undefined) => String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0] ?? '';

  async function logIn(): Promise<{ cookie: string; me: PortalMe }> {
    clock.advance(61_000);
    const sent = await app.inject({ method: 'POST', url: '/api/v1/portal/otp', payload: { phone: PHONE } });
    expect(sent.statusCode).toBe(202);
    await new Promise((r) => setImmediate(r));
    const res = await app.inject({ method: 'POST', url: '/api/v1/portal/login', payload: { phone: PHONE, code: sender.lastCodeFor(PHONE) } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/mz_portal=.*Path=\/api\/v1\/portal.*HttpOnly.*SameSite=Strict/);
    return { cookie: cookieOf(res.headers['set-cookie']), me: res.json() as PortalMe };
  }

  it('answers a registered and an unregistered number alike', async () => {
    const a = await app.inject({ method: 'POST', url: '/api/v1/portal/otp', payload: { phone: '13607379998' } });
    const b = await app.inject({ method: 'POST', url: '/api/v1/portal/otp', payload: { phone: '13607379997' } });
    expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
    expect(Object.keys(a.json() as object).sort()).toEqual(Object.keys(b.json() as object).sort());
    const bad = await app.inject({ method: 'POST', url: '/api/v1/portal/login', payload: { phone: '13607379998', code: '12345' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
  });

  it('lists who read the subject, with department and purpose, and not the subject itself', async () => {
    const { cookie, me } = await logIn();
    expect(me.subjects.map((s) => s.id)).toEqual([subjectId]);
    const profile = await app.inject({ method: 'GET', url: '/api/v1/portal/me', headers: { cookie } });
    expect(profile.statusCode).toBe(200);
    const log = await app.inject({ method: 'GET', url: '/api/v1/portal/access-log?limit=10', headers: { cookie } });
    expect(log.statusCode).toBe(200);
    const { items } = log.json() as { items: AccessEntryView[] };
    expect(items.map((e) => e.action)).toEqual(['subject.read', 'subject.search', 'subject.create']);
    expect(items[0]).toMatchObject({ departmentName: '益阳市政务服务中心', purpose: '办理个体工商户登记', actorKind: 'staff' });
    expect(items[1]).toMatchObject({ purpose: '核对办事人身份' });
    expect(items.some((e) => e.actorKind === 'subject' || e.action.startsWith('portal.'))).toBe(false);
    const paged = await app.inject({ method: 'GET', url: '/api/v1/portal/access-log?limit=1', headers: { cookie } });
    const first = paged.json() as { items: AccessEntryView[]; nextCursor: string };
    const second = await app.inject({ method: 'GET', url: `/api/v1/portal/access-log?limit=1&cursor=${first.nextCursor}`, headers: { cookie } });
    expect((second.json() as { items: AccessEntryView[] }).items[0]?.action).toBe('subject.search');
    const other = await app.inject({ method: 'GET', url: '/api/v1/portal/access-log?subjectId=00000000-0000-4000-8000-00000000abcd', headers: { cookie } });
    expect(other.statusCode).toBe(404);
  });

  it('needs the session cookie, and the CSRF token to log out', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/portal/me' })).statusCode).toBe(401);
    const { cookie, me } = await logIn();
    expect((await app.inject({ method: 'POST', url: '/api/v1/portal/logout', headers: { cookie } })).statusCode).toBe(403);
    const out = await app.inject({ method: 'POST', url: '/api/v1/portal/logout', headers: { cookie, 'x-csrf-token': me.csrfToken } });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/portal/me', headers: { cookie } })).statusCode).toBe(401);
    // A staff session cookie is no portal session.
    expect((await app.inject({ method: 'GET', url: '/api/v1/portal/me', headers: { cookie: 'mz_session=whatever' } })).statusCode).toBe(401);
  });

  it('serves a landing page that says the web apps are not built when there is no build', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('npm run build:web');
  });
});
