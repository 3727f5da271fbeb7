import { describe, expect, it } from 'vitest';
import { expectProblem, seededAppPerFile } from '../test/http.js';

const t = seededAppPerFile();

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
}

describe('API conventions', () => {
  it('publishes an OpenAPI 3.1 document that lists the routes and whose references all resolve', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as OpenApiDocument;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe('test');
    const expected: [string, string][] = [
      ['/api/v1/auth/login', 'post'], ['/api/v1/auth/logout', 'post'], ['/api/v1/auth/me', 'get'],
      ['/api/v1/regions', 'get'], ['/api/v1/regions/{code}', 'get'], ['/api/v1/departments', 'get'],
      ['/api/v1/staff', 'get'], ['/api/v1/staff', 'post'], ['/api/v1/staff/{id}', 'patch'], ['/api/v1/staff/{id}/reset-password', 'post'],
      ['/api/v1/api-keys', 'post'], ['/api/v1/api-keys/{id}', 'delete'],
      ['/api/v1/subjects', 'post'], ['/api/v1/subjects', 'get'], ['/api/v1/subjects/{id}', 'get'], ['/api/v1/subjects/{id}/reveal', 'post'],
      ['/api/v1/audit', 'get'], ['/api/v1/audit/verify', 'get'], ['/healthz', 'get'], ['/readyz', 'get'],
    ];
    for (const [path, method] of expected) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    for (const name of ['Problem', 'Subject', 'Staff', 'ApiKey', 'AuditEvent', 'Region', 'Department']) expect(doc.components.schemas).toHaveProperty(name);
    // Every $ref points at something in the document.
    const refs = [...res.body.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of new Set(refs)) expect(doc.components.schemas, ref).toHaveProperty(ref);
  });

  it('serves browsable docs at /docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/swagger/i);
  });

  it('answers health and readiness', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });

  it('puts a request id on every response: its own, or a valid one the caller sent', async () => {
    const responses = await Promise.all([
      t.app.inject({ method: 'GET', url: '/healthz' }),
      t.app.inject({ method: 'GET', url: '/api/v1/nowhere' }),
      t.app.inject({ method: 'GET', url: '/api/v1/auth/me' }),
      t.app.inject({ method: 'GET', url: '/api/v1/regions', headers: { cookie: t.admin.cookie } }),
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{', headers: { 'content-type': 'application/json' } }),
      t.app.inject({ method: 'GET', url: '/api/v1/subjects/%E0%A4%A' }),
    ]);
    for (const res of responses) expect(res.headers['x-request-id'], `${res.statusCode} ${res.body.slice(0, 80)}`).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(responses.map((r) => r.headers['x-request-id'])).size).toBe(responses.length);
    const given = await t.app.inject({ method: 'GET', url: '/api/v1/nowhere', headers: { 'x-request-id': 'gateway-42.a_b' } });
    expect(given.headers['x-request-id']).toBe('gateway-42.a_b');
    expect((given.json() as { requestId: string }).requestId).toBe('gateway-42.a_b');
    const unsafe = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'no spaces <script>' } });
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    for (const [method, url] of [['GET', '/api/v1/nowhere'], ['POST', '/api/v1/nowhere?x=1'], ['DELETE', '/api/v1/subjects']] as const) {
      const body = expectProblem(await t.app.inject({ method, url }), 404);
      expect(body).toMatchObject({ type: 'urn:mianzheng:problem:not_found', title: '资源不存在', instance: url.split('?')[0] });
    }
  });

  it('speaks English when the client prefers it, Chinese otherwise', async () => {
    const title = async (lang?: string) => expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/nowhere', headers: lang ? { 'accept-language': lang } : {} }), 404).title;
    expect(await title('en')).toBe('Not found');
    expect(await title('en-US,en;q=0.9,zh-CN;q=0.8')).toBe('Not found');
    expect(await title('zh-CN,zh;q=0.9,en;q=0.8')).toBe('资源不存在');
    expect(await title()).toBe('资源不存在');
    const unauthorized = expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { 'accept-language': 'en' } }), 401);
    expect(unauthorized.title).toBe('Not authenticated');
  });

  it('sets protective headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin' });
  });
});

describe('catalogues', () => {
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: t.admin.headers });

  it('browses regions: the city, children with counts, a township with its ancestors, 404 for unknown codes', async () => {
    expect((await get('/api/v1/regions')).json()).toMatchObject({ items: [{ code: '430900000000', name: '益阳市', childCount: 8 }] });
    const heshan = (await get('/api/v1/regions?parent=430903000000')).json() as { items: { code: string; level: string; childCount: number }[] };
    expect(heshan.items[0]).toMatchObject({ code: '430903001000', level: 'township', childCount: 2 });
    const street = (await get('/api/v1/regions/430903001000')).json() as { name: string; ancestors: { name: string }[]; children: { isExample: boolean }[] };
    expect(street.name).toBe('赫山街道');
    expect(street.ancestors.map((a) => a.name)).toEqual(['湖南省', '益阳市', '赫山区']);
    expect(street.children.every((c) => c.isExample)).toBe(true);
    expectProblem(await get('/api/v1/regions/430903999000'), 404);
    expectProblem(await get('/api/v1/regions?parent=430903999000'), 404);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/regions' }), 401);
  });

  it('pages through departments by code and finds one by code or id', async () => {
    const codes: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await get(`/api/v1/departments?regionCode=430900000000&exact=true&limit=7${cursor ? `&cursor=${cursor}` : ''}`)).json() as { items: { code: string }[]; nextCursor: string | null };
      codes.push(...page.items.map((d) => d.code));
      cursor = page.nextCursor;
    } while (cursor);
    expect(codes.length).toBeGreaterThanOrEqual(30);
    expect(codes).toEqual([...new Set(codes)].sort());
    const data = (await get('/api/v1/departments/430900-data')).json() as { id: string; name: string };
    expect(data.name).toBe('益阳市数据局');
    expect((await get(`/api/v1/departments/${data.id}`)).json()).toMatchObject({ code: '430900-data' });
    expect((await get('/api/v1/departments?q=%25')).json()).toEqual({ items: [], nextCursor: null }); // % is searched for, not a wildcard
    expectProblem(await get('/api/v1/departments/430900-nothing'), 404);
  });
});

describe('a bad request gets problem+json, never a 500', () => {
  const send = (method: 'GET' | 'POST', url: string, payload?: string, contentType = 'application/json') =>
    t.app.inject({ method, url, ...(payload !== undefined ? { payload } : {}), headers: { ...t.admin.headers, 'content-type': contentType } });

  it('malformed, empty, wrongly typed and oversized bodies', async () => {
    expect(expectProblem(await send('POST', '/api/v1/subjects', '{"kind": "person",'), 400).detail).toMatch(/not valid JSON/);
    expectProblem(await send('POST', '/api/v1/auth/login', '{"username": '), 400);
    expectProblem(await send('POST', '/api/v1/subjects', ''), 400);
    expectProblem(await send('POST', '/api/v1/subjects', '[]'), 400);
    expectProblem(await send('POST', '/api/v1/subjects', 'null'), 400);
    expectProblem(await send('POST', '/api/v1/subjects', '{"__proto__": {"admin": true}}'), 400);
    expectProblem(await send('POST', '/api/v1/subjects', 'kind=person', 'application/x-www-form-urlencoded'), 415);
    const big = JSON.stringify({ kind: 'person', name: 'x'.repeat(1_100_000) });
    expectProblem(await send('POST', '/api/v1/subjects', big), 413);
  });

  it('bad query strings and path parameters, with the field named', async () => {
    const limit = expectProblem(await send('GET', '/api/v1/departments?limit=abc'), 400);
    expect(limit.errors).toContainEqual({ field: 'querystring.limit', message: 'must be integer' });
    expectProblem(await send('GET', '/api/v1/subjects/not-a-uuid'), 400);
    expectProblem(await send('GET', '/api/v1/regions/123'), 400);
    expectProblem(await send('GET', '/api/v1/audit?from=yesterday'), 400);
    expectProblem(await send('GET', '/api/v1/staff?role=king'), 400);
    expect(expectProblem(await send('GET', '/api/v1/staff?cursor=abc'), 400).errors).toEqual([{ field: 'cursor', message: 'is not a cursor from a previous page' }]);
  });

  it('URLs Fastify cannot route (bad percent-encoding, over-long parameters)', async () => {
    expectProblem(await send('GET', '/api/v1/subjects/%E0%A4%A'), 400);
    expectProblem(await send('GET', `/api/v1/departments/${'x'.repeat(200)}`), 414);
  });

  it('the NUL character, which PostgreSQL text cannot hold, anywhere in the input', async () => {
    const cases: [string, ReturnType<typeof send>][] = [
      ['querystring.name', send('GET', '/api/v1/subjects?name=%00')],
      ['querystring.purpose', send('GET', '/api/v1/subjects?purpose=a%00b')],
      ['querystring.action', send('GET', '/api/v1/audit?action=%00')],
      ['querystring.q', send('GET', '/api/v1/staff?q=%00')],
      ['params.id', send('GET', '/api/v1/departments/%00')],
      ['name', send('POST', '/api/v1/subjects', JSON.stringify({ kind: 'person', name: 'a\u0000b', idNumber: '11010519491231002X', phone: '13812345678', regionCode: '430903001000' }))],
      ['username', t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin\u0000', password: 'x' } })],
    ];
    for (const [field, request] of cases) {
      expect(expectProblem(await request, 400).errors, field).toEqual([{ field, message: 'must not contain the NUL character (U+0000)' }]);
    }
  });

  it('an unpaired surrogate, which the database would store as U+FFFD, so the audit chain could not verify', async () => {
    const [subject] = (await t.app.inject({ method: 'GET', url: '/api/v1/subjects?limit=1', headers: t.admin.headers })).json().items as { id: string }[];
    const reveal = await send('POST', `/api/v1/subjects/${subject?.id}/reveal`, '{"purpose": "核对\\ud800身份"}');
    expect(expectProblem(reveal, 400).errors).toEqual([{ field: 'purpose', message: 'must be well-formed Unicode (no unpaired surrogate)' }]);
    const key = await send('POST', '/api/v1/api-keys', '{"name": "\\udc00", "departmentId": "00000000-0000-0000-0000-000000000000", "roles": ["viewer"], "scopeRegionCode": "430900000000"}');
    expect(expectProblem(key, 400).errors?.[0]?.field).toBe('name');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: t.admin.headers })).json()).toMatchObject({ ok: true });
  });
});
