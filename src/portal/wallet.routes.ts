import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../core/context.js';
import type { App } from '../core/http/app-types.js';
import { Page, PageQuery, Uuid, errorResponses } from '../core/http/common.contract.js';
import { LicenseView, SignedDocumentSchema } from '../licenses/index.js';
import type { PortalSession } from './portal-session.service.js';
import { getWalletLicense, listWalletLicenses, walletLicenseDocument } from './wallet.service.js';

/** Which of the session's subjects (default: the first); another subject's id is 404. */
const SubjectQuery = { subjectId: Type.Optional(Uuid) };

/**
 * 我的证照 (the licence wallet) for a portal session: the subject's licences, one licence, and its
 * signed document. `requireSession` is the portal's session check (401 without one).
 */
export function registerWalletRoutes(app: App, deps: Deps, requireSession: (req: FastifyRequest) => Promise<PortalSession>): void {
  app.get(
    '/api/v1/portal/licenses',
    {
      schema: {
        tags: ['portal'],
        summary: '我的证照（不含已被变更替代的旧版本）/ my licences, with their status today',
        security: [{ portal: [] }],
        querystring: Type.Object({ ...SubjectQuery, ...PageQuery }),
        response: { 200: Page(Type.Ref(LicenseView)), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => listWalletLicenses(deps, await requireSession(req), req.query, req.id),
  );

  app.get(
    '/api/v1/portal/licenses/:id',
    {
      schema: {
        tags: ['portal'],
        summary: '我的一张证照 / one of my licences',
        security: [{ portal: [] }],
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object(SubjectQuery),
        response: { 200: Type.Ref(LicenseView), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => getWalletLicense(deps, await requireSession(req), req.params.id, req.query.subjectId, req.id),
  );

  app.get(
    '/api/v1/portal/licenses/:id/document',
    {
      schema: {
        tags: ['portal'],
        summary: '下载电子证照（签名文档）/ the signed document of one of my licences, to carry and verify',
        security: [{ portal: [] }],
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object(SubjectQuery),
        response: { 200: Type.Ref(SignedDocumentSchema), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (req) => walletLicenseDocument(deps, await requireSession(req), req.params.id, req.query.subjectId, req.id),
  );
}
