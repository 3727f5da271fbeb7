import type { App } from '../core/http/app-types.js';

/** Without a web build, `/` says what is here (and `note` why the console is missing). */
export function registerLandingPage(app: App, note?: string): void {
  const noteHtml = note ? `<p role="status">${note.replace(/[<>&]/g, '')}</p>` : '';
  app.get('/', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>免证 mianzheng</title></head>
<body><h1>免证 mianzheng</h1><p>无证明城市 · 政务小闹钟</p>${noteHtml}
<ul><li><a href="/docs">API 文档 / API docs</a></li><li><a href="/openapi.json">OpenAPI 3.1</a></li><li><a href="/healthz">/healthz</a></li></ul></body></html>`),
  );
}
