import { Type } from '@sinclair/typebox';
import type { Deps } from '../core/context.js';
import type { App } from '../core/http/app-types.js';
import { DateTime, Nullable, Uuid, errorResponses } from '../core/http/common.contract.js';
import { AppError } from '../core/errors.js';
import { findDepartmentsById } from '../registry/index.js';
import { SignedDocumentSchema, VerificationResult } from './license.contract.js';
import { listPublishedKeys } from './signing.service.js';
import type { SignedDocument } from './signed-document.js';
import { verifySignedDocument, type RegistryLookup } from './verification.service.js';
import { renderVerificationPage, type PublicDocumentView } from './verification.page.js';

/** Where the public routes find documents: the registries by kind and the public views by code. */
export interface VerificationSources {
  registries: Partial<Record<SignedDocument['kind'], RegistryLookup>>;
  /** Tried in order; the first that knows the code answers. */
  publicViews: ((code: string) => Promise<PublicDocumentView | undefined>)[];
}

const PublishedKeyView = Type.Object({
  keyId: Uuid,
  departmentId: Uuid,
  departmentName: Type.String(),
  issuerCode: Type.String({ description: 'USCC of the department: must equal the document\'s issuerCode' }),
  publicKey: Type.String({ description: 'uncompressed SM2 point 04‖x‖y, hex' }),
  publicKeyPem: Type.String(),
  createdAt: DateTime,
  retiredAt: Nullable(DateTime),
});

/** Public verification: no sign-in needed. */
export function registerVerificationRoutes(app: App, deps: Deps, sources: VerificationSources): void {
  app.post(
    '/api/v1/verify',
    {
      config: { anonymous: true },
      schema: {
        tags: ['verification'],
        summary: '核验签名文档（证照或证明）/ verify a signed licence or proof document',
        security: [],
        body: Type.Ref(SignedDocumentSchema),
        response: { 200: VerificationResult, ...errorResponses(400) },
      },
    },
    async (req) => verifySignedDocument(deps.db, deps.clock, req.body as SignedDocument, sources.registries),
  );

  app.get(
    '/api/v1/keys',
    {
      config: { anonymous: true },
      schema: {
        tags: ['verification'],
        summary: '各部门签名公钥（含已停用）/ the departments\' published SM2 keys, for offline verification',
        security: [],
        response: { 200: Type.Object({ algorithm: Type.Literal('SM2-SM3'), signerId: Type.String(), items: Type.Array(PublishedKeyView) }) },
      },
    },
    async () => {
      const keys = await listPublishedKeys(deps.db);
      const departments = await findDepartmentsById(deps.db, keys.map((k) => k.departmentId));
      return {
        algorithm: 'SM2-SM3' as const,
        signerId: '1234567812345678',
        items: keys.flatMap((k) => {
          const d = departments.get(k.departmentId);
          return d ? [{ ...k, departmentName: d.name, issuerCode: d.uscc }] : [];
        }),
      };
    },
  );

  const findPublic = async (code: string) => {
    for (const view of sources.publicViews) {
      const found = await view(code);
      if (found) return found;
    }
    return undefined;
  };

  app.get(
    '/api/v1/verify/:code',
    {
      config: { anonymous: true },
      schema: {
        tags: ['verification'],
        summary: '按核验码查询公开信息 / what the QR code\'s page shows, as JSON',
        security: [],
        params: Type.Object({ code: Type.String({ maxLength: 20 }) }),
        response: { 200: Type.Record(Type.String(), Type.Unknown()), ...errorResponses(404) },
      },
    },
    async (req) => {
      const found = await findPublic(req.params.code.toUpperCase());
      if (!found) throw new AppError('not_found', `no document with verification code ${req.params.code}`);
      return found;
    },
  );

  app.get('/v/:code', { config: { anonymous: true }, schema: { hide: true, params: Type.Object({ code: Type.String({ maxLength: 20 }) }) } }, async (req, reply) => {
    const found = await findPublic(req.params.code.toUpperCase());
    reply.header('cache-control', 'no-store');
    reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    return reply.code(found ? 200 : 404).type('text/html; charset=utf-8').send(renderVerificationPage(req.params.code.toUpperCase(), found, deps.clock.now()));
  });
}
