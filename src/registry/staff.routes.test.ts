import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../core/auth/secrets.js';
import { queryRows } from '../core/db/database.js';
import { DEMO_PASSWORD, departmentIdOf } from './seed.js';
import { apiKeys, sessions, staff } from './staff.schema.js';
import { expectProblem, seededAppPerFile, signIn } from '../test/http.js';
import { usccFrom } from '../test/identifiers.js';

const t = seededAppPerFile();

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });

const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });

async function auditActions(targetId: string): Promise<{ action: string; reason: unknown }[]> {
  const rows = await queryRows<{ action: string; payload: { reason?: unknown } }>(t.database.db, sql`select action, payload from audit_events where target_id = ${targetId} order by seq`);
  return rows.map((r) => ({ action: r.action, reason: r.payload.reason }));
}

async function staffId(username: string): Promise<string> {
  const [row] = await t.database.db.select({ id: staff.id }).from(staff).where(eq(staff.username, username));
  if (!row) throw new Error(`no staff ${username}`);
  return row.id;
}

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and returns the CSRF token', async () => {
    const res = await login('clerk.zwzx', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^mz_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Expires=/);
    expect(cookie).not.toMatch(/Secure/); // cookieSecure is off in tests, on in production
    const body = res.json() as { staff: Record<string, unknown>; csrfToken: string };
    expect(body.staff).toMatchObject({ username: 'clerk.zwzx', roles: ['clerk'], scopeRegionCode: '430900000000' });
    expect(body.staff).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(body)).not.toContain('$argon2');
    // Only the SHA-256 of the token is stored.
    const token = cookie.slice('mz_session='.length).split(';')[0] ?? '';
    expect(body.csrfToken).not.toBe(token);
    const [row] = await t.database.db.select().from(sessions).where(eq(sessions.tokenHash, sha256Hex(token)));
    expect(row?.csrfToken).toBe(body.csrfToken);
    expect(JSON.stringify(await queryRows(t.database.db, sql`select * from sessions`))).not.toContain(token);
    expect((await auditActions(await staffId('clerk.zwzx'))).at(-1)).toEqual({ action: 'auth.login', reason: undefined });
  });

  it('refuses a wrong password or an unknown user alike, as problem+json, without a cookie', async () => {
    const wrong = await login('clerk.dmtjd', 'not-the-password-1');
    const body = expectProblem(wrong, 401);
    expect(body.title).toBe('未登录或凭证无效');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const unknown = await login('nobody.here', 'not-the-password-1');
    expect(expectProblem(unknown, 401).detail).toBe(body.detail);
    expect(await auditActions(await staffId('clerk.dmtjd'))).toContainEqual({ action: 'auth.login_failed', reason: 'wrong_password' });
  });

  it('locks an account after five failures in a row, even against the right password', async () => {
    for (let i = 1; i <= 5; i++) expectProblem(await login('viewer', `wrong-password-${i}`), 401);
    const locked = expectProblem(await login('viewer', DEMO_PASSWORD), 401);
    expect(locked.detail).toMatch(/locked until/);
    const reasons = (await auditActions(await staffId('viewer'))).map((a) => a.reason);
    expect(reasons.slice(-2)).toEqual(['wrong_password_locked', 'locked']);
    // An admin's password reset unlocks it.
    const reset = await t.app.inject({ method: 'POST', url: `/api/v1/staff/${await staffId('viewer')}/reset-password`, headers: t.admin.headers });
    expect(reset.statusCode).toBe(200);
    const { password } = reset.json() as { password: string };
    expectProblem(await login('viewer', DEMO_PASSWORD), 401);
    expect((await login('viewer', password)).statusCode).toBe(200);
  });

  it('is rate limited per address and username (429 problem+json)', async () => {
    for (let i = 0; i < 10; i++) expectProblem(await login('ghost.user', 'whatever-password-1'), 401);
    const limited = await login('ghost.user', 'whatever-password-1');
    const body = expectProblem(limited, 429);
    expect(body.title).toBe('请求过于频繁，请稍后再试');
    expect(limited.headers['retry-after']).toBeDefined();
    // Another username from the same address is not held back.
    expectProblem(await login('ghost.other', 'whatever-password-1'), 401);
  });

  it('counts failures that arrive together: parallel guesses still lock the account', async () => {
    const created = await t.app.inject({
      method: 'POST', url: '/api/v1/staff', headers: t.admin.headers,
      payload: { username: 'parallel.target', displayName: '并发', roles: ['viewer'], scopeRegionCode: '430900000000', password: 'parallel-pass-2026' },
    });
    expect(created.statusCode).toBe(201);
    const guesses = await Promise.all(Array.from({ length: 8 }, (_, i) => login('parallel.target', `guess-number-${i}`)));
    for (const g of guesses) expectProblem(g, 401);
    expect(expectProblem(await login('parallel.target', 'parallel-pass-2026'), 401).detail).toMatch(/locked until/);
  });

  it('cannot be sidestepped by padding or re-casing the username', async () => {
    const variants = Array.from({ length: 10 }, (_, i) => `${' '.repeat(i % 3)}Ghost.Padded${' '.repeat(Math.floor(i / 3))}`);
    for (const username of variants) expectProblem(await login(username, 'whatever-password-1'), 401);
    expectProblem(await login('ghost.padded', 'whatever-password-1'), 429);
  });

  it('says who is signed in', async () => {
    const clerk = await signIn(t.app, 'clerk.hsjd');
    const res = await me({ cookie: clerk.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'staff',
      staff: { username: 'clerk.hsjd' },
      roles: ['clerk'],
      scope: { regionCode: '430903001000', regionName: '赫山街道', departmentIds: [departmentIdOf('430903001-government_services')] },
      csrfToken: clerk.csrf,
    });
    expect((res.json() as { permissions: string[] }).permissions).toEqual(expect.arrayContaining(['subject.read', 'subject.create']));
    expect((res.json() as { permissions: string[] }).permissions).not.toContain('staff.manage');
    expectProblem(await me({}), 401);
    expectProblem(await me({ cookie: 'mz_session=forged' }), 401);
  });
});

describe('CSRF and sign-out', () => {
  it('refuses a cookie-authenticated POST without the right X-CSRF-Token', async () => {
    const payload = { username: 'csrf.victim', displayName: 'CSRF', roles: ['viewer'], scopeRegionCode: '430900000000', password: 'csrf-password-123' };
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/staff', payload, headers: { cookie: t.admin.cookie } });
    expect(expectProblem(missing, 403).detail).toMatch(/X-CSRF-Token/);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/staff', payload, headers: { cookie: t.admin.cookie, 'x-csrf-token': `${t.admin.csrf.slice(0, -1)}${t.admin.csrf.endsWith('A') ? 'B' : 'A'}` } });
    expectProblem(wrong, 403);
    expect(await t.database.db.select().from(staff).where(eq(staff.username, 'csrf.victim'))).toEqual([]);
    // A safe method needs no token; the right token lets the POST through.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/staff?limit=1', headers: { cookie: t.admin.cookie } })).statusCode).toBe(200);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/staff', payload, headers: t.admin.headers });
    expect(ok.statusCode).toBe(201);
  });

  it('sign-in ignores a stale cookie rather than asking for its CSRF token', async () => {
    const res = await login('clerk.zwzx', DEMO_PASSWORD, { cookie: t.admin.cookie });
    expect(res.statusCode).toBe(200);
  });

  it('logout ends the session for good', async () => {
    const s = await signIn(t.app, 'supervisor.dcs');
    expect((await me({ cookie: s.cookie })).statusCode).toBe(200);
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie } }), 403);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^mz_session=;/);
    expectProblem(await me({ cookie: s.cookie }), 401);
    const token = s.cookie.slice('mz_session='.length);
    const [row] = await t.database.db.select().from(sessions).where(eq(sessions.tokenHash, sha256Hex(token)));
    expect(row?.revokedAt).toBeInstanceOf(Date);
  });
});

describe('API keys', () => {
  const newKey = { name: '市市场监管局业务系统', departmentId: departmentIdOf('430900-market_regulation'), roles: ['officer'], scopeRegionCode: '430900000000' };

  it('are shown once, stored hashed, used as Bearer tokens and stop working when revoked', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', payload: newKey, headers: t.admin.headers });
    expect(created.statusCode).toBe(201);
    const { key, apiKey } = created.json() as { key: string; apiKey: { id: string; prefix: string; revokedAt: string | null } };
    expect(key).toMatch(/^mz_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    const secret = key.slice(key.lastIndexOf('_') + 1);
    // Never shown again, never stored in clear.
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: t.admin.headers });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(apiKey.id);
    expect(list.body).not.toContain(secret);
    expect(JSON.stringify(await queryRows(t.database.db, sql`select * from api_keys`))).not.toContain(secret);

    const bearer = { authorization: `Bearer ${key}` };
    const who = await me(bearer);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ kind: 'api_key', staff: null, apiKey: { id: apiKey.id, name: newKey.name }, roles: ['officer'], csrfToken: null });
    // A key needs no CSRF token: it is not sent by browsers on their own.
    const subject = await t.app.inject({
      method: 'POST', url: '/api/v1/subjects', headers: bearer,
      payload: { kind: 'organization', name: '益阳市测试食品有限公司', uscc: usccFrom('430902', 'MA4T0001'), legalRepresentative: '张三', regionCode: '430902005000' },
    });
    expect(subject.statusCode).toBe(201);
    expect(subject.json()).toMatchObject({ registeredByDepartmentId: newKey.departmentId });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/subjects?limit=1', headers: bearer })).statusCode).toBe(200);
    const [row] = await t.database.db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row?.lastUsedAt).toBeInstanceOf(Date);

    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${apiKey.id}`, headers: t.admin.headers });
    expect(revoked.statusCode).toBe(200);
    expect((revoked.json() as { revokedAt: string | null }).revokedAt).not.toBeNull();
    expect(expectProblem(await me(bearer), 401).detail).toMatch(/invalid, revoked or expired/);
  });

  it('refuses malformed and forged keys', async () => {
    for (const authorization of ['Bearer', 'Bearer nonsense', 'Basic YWRtaW46YWRtaW4=', `Bearer mz_${'0'.repeat(32)}_${'A'.repeat(43)}`]) {
      expectProblem(await me({ authorization }), 401);
    }
  });

  it('are for admins only, and never carry the admin role', async () => {
    const clerk = await signIn(t.app, 'clerk.hsjd');
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', payload: newKey, headers: clerk.headers }), 403);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: clerk.headers }), 403);
    const adminKey = expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', payload: { ...newKey, roles: ['admin'] }, headers: t.admin.headers }), 400);
    expect(adminKey.errors).toContainEqual({ field: 'roles', message: '"admin" cannot be given to an API key' });
  });
});

describe('staff administration', () => {
  it('an admin creates an account (the generated password is shown once), and it can sign in', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/staff', headers: t.admin.headers,
      payload: { username: 'New.Clerk', displayName: '新窗口人员', departmentId: departmentIdOf('430902005-government_services'), roles: ['clerk'], scopeRegionCode: '430902005000' },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json() as { staff: { id: string; username: string; mustChangePassword: boolean; departmentName: string }; password: string };
    expect(body.staff).toMatchObject({ username: 'new.clerk', mustChangePassword: true, departmentName: expect.stringContaining('大码头街道') });
    expect(body.password).toHaveLength(20);
    const session = await signIn(t.app, 'new.clerk', body.password);
    expect((await me({ cookie: session.cookie })).json()).toMatchObject({ staff: { mustChangePassword: true } });
    // The password is never shown again.
    const again = await t.app.inject({ method: 'GET', url: `/api/v1/staff/${body.staff.id}`, headers: t.admin.headers });
    expect(again.statusCode).toBe(200);
    expect(again.body).not.toContain(body.password);
  });

  it('refuses a taken username (409) and bad fields (400, per field)', async () => {
    const base = { displayName: 'X', roles: ['viewer'], scopeRegionCode: '430900000000', password: 'long-enough-password-1' };
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/staff', headers: t.admin.headers, payload: { ...base, username: 'auditor' } }), 409);
    const bad = expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/v1/staff', headers: t.admin.headers, payload: { ...base, username: 'fine.name', roles: ['king'], scopeRegionCode: '43090000000X', extra: 1 } }),
      400,
    );
    expect(bad.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['extra', 'roles.0', 'scopeRegionCode']));
    const weak = expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/staff', headers: t.admin.headers, payload: { ...base, username: 'weak.one', password: 'onlylettersxx' } }), 400);
    expect(weak.errors).toContainEqual({ field: 'password', message: 'must contain letters and digits' });
    const nowhere = expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/staff', headers: t.admin.headers, payload: { ...base, username: 'nowhere.one', scopeRegionCode: '430999000000' } }), 400);
    expect(nowhere.errors?.[0]?.field).toBe('scopeRegionCode');
  });

  it('an admin changes roles and disables an account; disabling ends its sessions', async () => {
    const id = await staffId('officer.hs.scjg');
    const officer = await signIn(t.app, 'officer.hs.scjg');
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${id}`, headers: t.admin.headers, payload: { roles: ['officer', 'viewer'], displayName: '陈丽' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ roles: ['officer', 'viewer'], displayName: '陈丽', status: 'active' });
    const disabled = await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${id}`, headers: t.admin.headers, payload: { status: 'disabled' } });
    expect(disabled.json()).toMatchObject({ status: 'disabled' });
    expectProblem(await me({ cookie: officer.cookie }), 401);
    expectProblem(await login('officer.hs.scjg', DEMO_PASSWORD), 401);
    expect((await auditActions(id)).map((a) => a.action)).toEqual(expect.arrayContaining(['staff.update', 'auth.login_failed']));
    // An admin cannot disable their own account.
    const self = expectProblem(await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${await staffId('admin')}`, headers: t.admin.headers, payload: { status: 'disabled' } }), 400);
    expect(self.errors?.[0]?.field).toBe('status');
  });

  it('a reset password replaces the old one and ends the sessions', async () => {
    const id = await staffId('officer.scjg');
    const officer = await signIn(t.app, 'officer.scjg');
    const reset = await t.app.inject({ method: 'POST', url: `/api/v1/staff/${id}/reset-password`, headers: t.admin.headers });
    const { password } = reset.json() as { password: string };
    expectProblem(await me({ cookie: officer.cookie }), 401);
    expectProblem(await login('officer.scjg', DEMO_PASSWORD), 401);
    const fresh = await signIn(t.app, 'officer.scjg', password);
    // The holder then sets their own password.
    const change = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: fresh.headers, payload: { currentPassword: password, newPassword: 'my-own-password-2026' } });
    expect(change.statusCode).toBe(204);
    expect((await login('officer.scjg', 'my-own-password-2026')).statusCode).toBe(200);
  });

  it('is forbidden to a clerk, and out-of-scope accounts do not exist for a county admin', async () => {
    const clerk = await signIn(t.app, 'clerk.hsjd');
    const id = await staffId('auditor');
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/staff', headers: clerk.headers, payload: { username: 'by.clerk', displayName: 'X', roles: ['viewer'], scopeRegionCode: '430903001000' } }), 403);
    expectProblem(await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${id}`, headers: clerk.headers, payload: { status: 'disabled' } }), 403);
    expectProblem(await t.app.inject({ method: 'POST', url: `/api/v1/staff/${id}/reset-password`, headers: clerk.headers }), 403);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/staff', headers: clerk.headers }), 403);

    const created = await t.app.inject({
      method: 'POST', url: '/api/v1/staff', headers: t.admin.headers,
      payload: { username: 'admin.heshan', displayName: '赫山区管理员', roles: ['admin'], scopeRegionCode: '430903000000', password: 'heshan-admin-pass-1' },
    });
    expect(created.statusCode).toBe(201);
    const countyAdmin = await signIn(t.app, 'admin.heshan', 'heshan-admin-pass-1');
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/staff/${id}`, headers: countyAdmin.headers }), 404);
    const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/staff?limit=200', headers: countyAdmin.headers })).json() as { items: { scopeRegionCode: string }[] };
    expect(listed.items.length).toBeGreaterThan(0);
    expect(listed.items.every((s) => s.scopeRegionCode.startsWith('430903'))).toBe(true);
    const outside = expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/v1/staff', headers: countyAdmin.headers, payload: { username: 'too.wide', displayName: 'X', roles: ['viewer'], scopeRegionCode: '430900000000', password: 'too-wide-password-1' } }),
      400,
    );
    expect(outside.errors).toContainEqual({ field: 'scopeRegionCode', message: 'outside your own scope' });
  });
});
