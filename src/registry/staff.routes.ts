import { Type } from '@sinclair/typebox';
import { permissionsOf } from '../core/access/access.js';
import type { Deps } from '../core/context.js';
import type { App, HttpSettings } from '../core/http/app-types.js';
import { requestCtx, setSessionCookie } from '../core/http/auth-hook.js';
import { DateTime, Page, PageQuery, Uuid, errorResponses } from '../core/http/common.contract.js';
import { createApiKey, listApiKeys, login, logout, revokeApiKey } from './auth.service.js';
import { findRegion } from './region.service.js';
import { ApiKeyView, LoginBody, Me, NewApiKeyBody, NewStaffBody, RoleSchema, StaffPatchBody, StaffView } from './staff.contract.js';
import { changeOwnPassword, createStaff, getOwnAccount, getStaff, listStaff, resetStaffPassword, updateStaff } from './staff.service.js';

/** Sign-in, sessions, staff accounts and API keys. */
export function registerStaffRoutes(app: App, deps: Deps, settings: HttpSettings): void {
  app.post(
    '/api/v1/auth/login',
    {
      config: {
        anonymous: true,
        rateLimit: {
          max: settings.loginMaxPerMinute,
          timeWindow: 60_000,
          hook: 'preHandler',
          // Per address and username, so one person's typos do not lock out an office behind one NAT. The
          // username is normalised as sign-in does, so padding or re-casing it does not buy more attempts.
          keyGenerator: (req) => `${req.ip}:${String((req.body as { username?: unknown } | undefined)?.username ?? '').trim().toLowerCase()}`,
        },
      },
      schema: {
        tags: ['auth'],
        summary: '登录 / sign in (sets an HttpOnly session cookie)',
        body: LoginBody,
        response: {
          200: Type.Object({ staff: Type.Ref(StaffView), csrfToken: Type.String(), expiresAt: DateTime }),
          ...errorResponses(400, 401, 429),
        },
      },
    },
    async (req, reply) => {
      const result = await login(
        { db: deps.db, clock: deps.clock, requestId: req.id },
        { username: req.body.username, password: req.body.password, ip: req.ip, userAgent: req.headers['user-agent'] ?? '', ttlMinutes: settings.sessionTtlMinutes },
      );
      setSessionCookie(reply, result.token, { secure: settings.cookieSecure, expires: result.expiresAt });
      return { staff: result.staff, csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录 / sign out', response: { 204: Type.Null(), ...errorResponses(401, 403) } } },
    async (req, reply) => {
      const ctx = requestCtx(deps, req);
      if (req.auth?.sessionToken) await logout(ctx, req.auth.sessionToken);
      setSessionCookie(reply, null, { secure: settings.cookieSecure });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    { schema: { tags: ['auth'], summary: '当前用户 / who is signed in', response: { 200: Me, ...errorResponses(401) } } },
    async (req) => {
      const ctx = requestCtx(deps, req);
      const actor = ctx.actor;
      const region = await findRegion(deps.db, actor.scope.regionCode);
      const staffView = actor.kind === 'staff' ? await getOwnAccount(ctx) : null;
      return {
        kind: actor.kind === 'staff' ? ('staff' as const) : ('api_key' as const),
        staff: staffView,
        apiKey: actor.kind === 'api_key' ? { id: actor.id, name: actor.name } : null,
        roles: actor.roles,
        permissions: permissionsOf(actor),
        scope: { regionCode: actor.scope.regionCode, regionName: region?.name ?? actor.scope.regionCode, departmentIds: actor.scope.departmentIds },
        csrfToken: req.auth?.csrfToken ?? null,
        expiresAt: req.auth?.expiresAt?.toISOString() ?? null,
      };
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改本人密码 / change your own password',
        body: Type.Object({ currentPassword: Type.String({ maxLength: 256 }), newPassword: Type.String({ maxLength: 256 }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      await changeOwnPassword(requestCtx(deps, req), req.body.currentPassword, req.body.newPassword);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/staff',
    {
      schema: {
        tags: ['staff'],
        summary: '工作人员列表 / list staff accounts in your scope',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          departmentId: Type.Optional(Uuid),
          role: Type.Optional(RoleSchema),
          status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
          ...PageQuery,
        }),
        response: { 200: Page(Type.Ref(StaffView)), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => listStaff(requestCtx(deps, req), req.query),
  );

  app.post(
    '/api/v1/staff',
    {
      schema: {
        tags: ['staff'],
        summary: '新建工作人员账号 / create a staff account (admin)',
        body: NewStaffBody,
        response: { 201: Type.Object({ staff: Type.Ref(StaffView), password: Type.Optional(Type.String({ description: 'generated password, shown once' })) }), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await createStaff(requestCtx(deps, req), req.body)),
  );

  app.get(
    '/api/v1/staff/:id',
    { schema: { tags: ['staff'], summary: '工作人员详情 / one staff account', params: Type.Object({ id: Uuid }), response: { 200: Type.Ref(StaffView), ...errorResponses(400, 401, 403, 404) } } },
    async (req) => getStaff(requestCtx(deps, req), req.params.id),
  );

  app.patch(
    '/api/v1/staff/:id',
    {
      schema: {
        tags: ['staff'],
        summary: '修改角色、范围或状态 / change roles, scope or status (admin)',
        params: Type.Object({ id: Uuid }),
        body: StaffPatchBody,
        response: { 200: Type.Ref(StaffView), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => updateStaff(requestCtx(deps, req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/staff/:id/reset-password',
    {
      schema: {
        tags: ['staff'],
        summary: '重置密码 / reset a password (admin; the new one is shown once)',
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Object({ password: Type.String() }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => resetStaffPassword(requestCtx(deps, req), req.params.id),
  );

  app.get(
    '/api/v1/api-keys',
    { schema: { tags: ['api-keys'], summary: 'API 密钥列表 / list API keys (admin)', response: { 200: Type.Object({ items: Type.Array(Type.Ref(ApiKeyView)) }), ...errorResponses(401, 403) } } },
    async (req) => ({ items: await listApiKeys(requestCtx(deps, req)) }),
  );

  app.post(
    '/api/v1/api-keys',
    {
      schema: {
        tags: ['api-keys'],
        summary: '签发 API 密钥 / issue an API key for a department system (shown once)',
        body: NewApiKeyBody,
        response: { 201: Type.Object({ key: Type.String({ description: 'send as Authorization: Bearer <key>; shown only now' }), apiKey: Type.Ref(ApiKeyView) }), ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await createApiKey(requestCtx(deps, req), req.body)),
  );

  app.delete(
    '/api/v1/api-keys/:id',
    { schema: { tags: ['api-keys'], summary: '吊销 API 密钥 / revoke an API key', params: Type.Object({ id: Uuid }), response: { 200: Type.Ref(ApiKeyView), ...errorResponses(400, 401, 403, 404) } } },
    async (req) => revokeApiKey(requestCtx(deps, req), req.params.id),
  );
}
