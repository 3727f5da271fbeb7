import fastifyStatic from '@fastify/static';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../core/http/app-types.js';
import { problemBody, sendProblem } from '../core/http/problem.js';
import { registerLandingPage } from './landing.js';

/** The two web apps and the path each is served under. */
export const WEB_APPS = ['console', 'portal'] as const;

/** Placeholder in the built index.html replaced by each response's CSP nonce (antd's runtime styles carry it). */
const NONCE_PLACEHOLDER = '__CSP_NONCE__';

/**
 * The Content-Security-Policy of the web pages: scripts, fonts, styles and API calls from this
 * origin only; runtime <style> elements (Ant Design's CSS-in-JS) need the per-response nonce; style
 * attributes are allowed (ECharts and antd position elements with them); images may be data: URLs
 * (ECharts' image export); no frames, no plugins, no foreign form targets.
 */
export function webContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** True when both apps have been built into `webDir`. */
export function webBuildPresent(webDir: string | null): webDir is string {
  return webDir !== null && WEB_APPS.every((name) => existsSync(join(webDir, name, 'index.html')));
}

/**
 * Serves the console at /console/ and the portal at /portal/ from a Vite build: hashed assets with
 * long-lived caching (pre-compressed .br/.gz when present), and each app's index.html for every other
 * GET under its path so client-side routes survive a reload. `/` redirects to the console. Without a
 * build, `/` is a landing page that says how to build the apps. The pages are read once here: restart
 * the server after rebuilding the web.
 */
export async function registerWebApps(app: App, webDir: string | null): Promise<void> {
  if (!webBuildPresent(webDir)) {
    registerLandingPage(app, '网页控制台与门户尚未构建：运行 npm run build:web / the console and portal are not built: run npm run build:web');
    return;
  }
  await app.register(fastifyStatic, {
    root: join(webDir, 'assets'),
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    preCompressed: true,
    decorateReply: false,
    index: false,
  });
  app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/console/', 302));
  for (const name of WEB_APPS) {
    const html = readFileSync(join(webDir, name, 'index.html'), 'utf8');
    const page = async (req: FastifyRequest, reply: FastifyReply) => {
      // A missing file (a path whose last segment has an extension) is a 404, not the app.
      const last = req.url.split('?')[0]?.split('/').pop() ?? '';
      if (/\.[A-Za-z0-9]{1,8}$/.test(last)) return sendProblem(reply, problemBody(req, 'not_found', `no file ${req.url.split('?')[0]}`));
      const nonce = randomBytes(16).toString('base64');
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', webContentSecurityPolicy(nonce))
        .send(html.replaceAll(NONCE_PLACEHOLDER, nonce));
    };
    app.get(`/${name}`, { schema: { hide: true } }, async (_req, reply) => reply.redirect(`/${name}/`, 301));
    app.get(`/${name}/`, { schema: { hide: true } }, page);
    app.get(`/${name}/*`, { schema: { hide: true } }, page);
  }
}
