import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../access/access.js';
import type { Ctx, Deps } from '../context.js';
import { contextFor } from '../context.js';
import { AppError } from '../errors.js';
import { safeEqual } from '../auth/secrets.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'mz_session';

/** How a request was authenticated. */
export interface RequestAuth {
  actor: Actor;
  via: 'session' | 'api_key';
  /** Session requests only: the raw token (for logout) and its CSRF token. */
  sessionToken?: string;
  csrfToken?: string;
  expiresAt?: Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    /** Route takes no credentials (sign-in itself): a stale cookie must not trip the CSRF check. */
    anonymous?: boolean;
  }
}

/** Resolves credentials to an actor; supplied by the registry (which owns staff, sessions and keys). */
export interface Authenticator {
  session(token: string): Promise<{ actor: Actor; csrfToken: string; expiresAt: Date } | undefined>;
  apiKey(key: string): Promise<Actor | undefined>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authenticates every request: `Authorization: Bearer <api key>` for department systems, the
 * session cookie for the console. A cookie-authenticated request that changes state must echo the
 * session's CSRF token in `X-CSRF-Token` (the cookie is also SameSite=Strict).
 */
export function installAuthentication(app: FastifyInstance, authenticator: Authenticator): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    if (req.routeOptions.config.anonymous) return;
    const header = req.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const actor = match?.[1] ? await authenticator.apiKey(match[1]) : undefined;
      if (!actor) throw new AppError('unauthorized', 'the API key is invalid, revoked or expired');
      req.auth = { actor, via: 'api_key' };
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await authenticator.session(token);
    if (!session) return; // expired or revoked: the request proceeds unauthenticated
    if (!SAFE_METHODS.has(req.method)) {
      const presented = req.headers['x-csrf-token'];
      if (typeof presented !== 'string' || !safeEqual(presented, session.csrfToken)) {
        throw new AppError('forbidden', 'missing or wrong X-CSRF-Token header (send the csrfToken from /api/v1/auth/me)');
      }
    }
    req.auth = { actor: session.actor, via: 'session', sessionToken: token, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  });
}

/** The module-function context for an authenticated request; 401 when nobody is signed in. */
export function requestCtx(deps: Deps, req: FastifyRequest): Ctx {
  if (!req.auth) throw new AppError('unauthorized', '请先登录 / sign in first');
  return contextFor(deps, req.auth.actor, req.id);
}

/** Sets or clears the session cookie. */
export function setSessionCookie(reply: FastifyReply, token: string | null, options: { secure: boolean; expires?: Date }): void {
  if (token === null) {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return;
  }
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: options.secure, ...(options.expires ? { expires: options.expires } : {}) });
}
