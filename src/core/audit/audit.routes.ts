import { Type } from '@sinclair/typebox';
import type { Deps } from '../context.js';
import type { App } from '../http/app-types.js';
import { requestCtx } from '../http/auth-hook.js';
import { DateTime, Page, PageQuery, Uuid, errorResponses } from '../http/common.contract.js';
import { AuditEventView, ChainVerificationView } from './audit.contract.js';
import { verifyAuditTrailAs } from './audit-anchor.js';
import { listAuditEvents, type AuditEventRow } from './audit.service.js';

function present(e: AuditEventRow) {
  return { ...e, occurredAt: e.occurredAt.toISOString() };
}

/** The audit log for auditors: search it, and check the chain. */
export function registerAuditRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志（新在前）/ audit events, newest first',
        querystring: Type.Object({
          action: Type.Optional(Type.String({ maxLength: 80, description: 'exact, or a prefix ending in .* (e.g. subject.*)' })),
          actorId: Type.Optional(Type.String({ maxLength: 80 })),
          targetType: Type.Optional(Type.String({ maxLength: 40 })),
          targetId: Type.Optional(Type.String({ maxLength: 80 })),
          subjectId: Type.Optional(Uuid),
          from: Type.Optional(DateTime),
          to: Type.Optional(DateTime),
          ...PageQuery,
        }),
        response: { 200: Page(Type.Ref(AuditEventView)), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const { from, to, ...rest } = req.query;
      const page = await listAuditEvents(requestCtx(deps, req), { ...rest, ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}) });
      return { items: page.items.map(present), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: '校验审计链及锚点 / walk the hash chain and its anchors and name the first broken link',
        response: { 200: ChainVerificationView, ...errorResponses(401, 403) },
      },
    },
    async (req) => verifyAuditTrailAs(requestCtx(deps, req)),
  );
}
