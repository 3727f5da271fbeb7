import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { safeEqual } from '../core/auth/secrets.js';
import type { App } from '../core/http/app-types.js';
import { Page, PageQuery, Uuid, errorResponses } from '../core/http/common.contract.js';
import { AppError } from '../core/errors.js';
import { listAccessToSubjectData, readOwnProfile } from './access-log.service.js';
import { sendLoginCode, verifyLoginCode, type PortalDeps } from './otp.service.js';
import { AccessEntryView, OtpRequestBody, OtpSentView, PortalLoginBody, PortalMe } from './portal.contract.js';
import { authenticatePortalSession, closePortalSession, type PortalSession } from './portal-session.service.js';
import { registerWalletRoutes } from './wallet.routes.js';
import { registerPortalProofRoutes } from './portal-proof.routes.js';

/** The portal session cookie; scoped to the portal API so the console never sends it. */
export const PORTAL_COOKIE = 'mz_portal';
const COOKIE_PATH = '/api/v1/portal';

/** Portal sessions last two hours. */
export const PORTAL_SESSION_MINUTES = 120;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The portal session of a request; 401 when there is none. Unsafe methods must echo its CSRF token. */
async function requirePortalSession(deps: PortalDeps, req: FastifyRequest): Promise<PortalSession & { token: string }> {
  const token = req.cookies[PORTAL_COOKIE];
  const session = token ? await authenticatePortalSession(deps.db, deps.clock, token) : undefined;
  if (!token || !session) throw new AppError('unauthorized', '请先登录 / log in first');
  if (!SAFE_METHODS.has(req.method)) {
    const presented = req.headers['x-csrf-token'];
    if (typeof presented !== 'string' || !safeEqual(presented, session.csrfToken)) throw new AppError('forbidden', 'missing or wrong X-CSRF-Token header');
  }
  return { ...session, token };
}

function setPortalCookie(reply: FastifyReply, token: string | null, secure: boolean, expires?: Date): void {
  if (token === null) {
    reply.clearCookie(PORTAL_COOKIE, { path: COOKIE_PATH });
    return;
  }
  reply.setCookie(PORTAL_COOKIE, token, { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure, ...(expires ? { expires } : {}) });
}

/** The citizen and enterprise portal: log in with a one-time code, see one's data, who read it, one's licences, and get proofs. */
export function registerPortalRoutes(app: App, deps: PortalDeps, settings: { cookieSecure: boolean; publicUrl: string }): void {
  const perAddress = (max: number) => ({ rateLimit: { max, timeWindow: 60_000, hook: 'preHandler' as const } });

  app.post(
    '/api/v1/portal/otp',
    {
      config: perAddress(30),
      schema: {
        tags: ['portal'],
        summary: '获取登录验证码 / send a login code to a mobile number (the answer never says whether it is registered)',
        security: [],
        body: OtpRequestBody,
        response: { 202: OtpSentView, ...errorResponses(400, 429, 503) },
      },
    },
    async (req, reply) => reply.code(202).send(await sendLoginCode(deps, { phone: req.body.phone, ip: req.ip })),
  );

  app.post(
    '/api/v1/portal/login',
    {
      config: perAddress(30),
      schema: {
        tags: ['portal'],
        summary: '验证码登录 / log in with the code (sets the mz_portal cookie)',
        security: [],
        body: PortalLoginBody,
        response: { 200: PortalMe, ...errorResponses(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const result = await verifyLoginCode(deps, { phone: req.body.phone, code: req.body.code, ip: req.ip, ttlMinutes: PORTAL_SESSION_MINUTES, requestId: req.id });
      setPortalCookie(reply, result.token, settings.cookieSecure, result.expiresAt);
      return { subjects: result.subjects, csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/v1/portal/logout',
    { schema: { tags: ['portal'], summary: '退出门户 / log out of the portal', security: [{ portal: [] }], response: { 204: Type.Null(), ...errorResponses(401, 403) } } },
    async (req, reply) => {
      const session = await requirePortalSession(deps, req);
      await closePortalSession(deps.db, deps.clock, session.token);
      setPortalCookie(reply, null, settings.cookieSecure);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/portal/me',
    { schema: { tags: ['portal'], summary: '我的信息（脱敏）/ my registered data, masked', security: [{ portal: [] }], response: { 200: PortalMe, ...errorResponses(401) } } },
    async (req) => {
      const session = await requirePortalSession(deps, req);
      return { subjects: await readOwnProfile(deps, session, req.id), csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
    },
  );

  app.get(
    '/api/v1/portal/access-log',
    {
      schema: {
        tags: ['portal'],
        summary: '谁查看了我的数据 / who has read my data (from the audit chain)',
        security: [{ portal: [] }],
        querystring: Type.Object({ subjectId: Type.Optional(Uuid), ...PageQuery }),
        response: { 200: Page(Type.Ref(AccessEntryView)), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      const session = await requirePortalSession(deps, req);
      return listAccessToSubjectData(deps, session, req.query);
    },
  );
  registerWalletRoutes(app, deps, (req) => requirePortalSession(deps, req));
  registerPortalProofRoutes(app, deps, (req) => requirePortalSession(deps, req), settings);
}
