import type { App } from '../core/http/app-types.js';

/** Until the web console is built, `/` says what is here. */
export function registerLandingPage(app: App): void {
  app.get('/', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>免证 mianzheng</title></head>
<body><h1>免证 mianzheng</h1><p>无证明城市 · 政务小闹钟</p>
<ul><li><a href="/docs">API 文档 / API docs</a></li><li><a href="/openapi.json">OpenAPI 3.1</a></li><li><a href="/healthz">/healthz</a></li></ul></body></html>`),
  );
}
