import { Type } from '@sinclair/typebox';
import type { Deps } from '../core/context.js';
import type { App } from '../core/http/app-types.js';
import { requestCtx } from '../core/http/auth-hook.js';
import { Uuid, errorResponses } from '../core/http/common.contract.js';
import { STATUS_LIST_TTL_MS, licenseCredential, statusListCredential } from './license.credential.js';

/** A credential is JSON-LD; its shape is the W3C VC Data Model 2.0's, not restated here. */
const Credential = Type.Record(Type.String(), Type.Unknown(), { description: 'W3C Verifiable Credential 2.0 with a DataIntegrityProof (cryptosuite sm2-jcs-2025)' });

/** W3C Verifiable Credential export of licences, and the public Bitstring Status Lists they point at. */
export function registerLicenseCredentialRoutes(app: App, deps: Deps, options: { publicUrl: string }): void {
  app.get(
    '/api/v1/licenses/:id/credential',
    {
      schema: {
        tags: ['licenses'],
        summary: '证照的 W3C 可验证凭证（持证人或签发部门）/ the licence as a W3C Verifiable Credential 2.0, for its holder or issuing department',
        params: Type.Object({ id: Uuid }),
        response: { 200: Credential, ...errorResponses(401, 404) },
      },
    },
    async (req, reply) => reply.type('application/vc+ld+json; charset=utf-8').header('cache-control', 'no-store').send(await licenseCredential(requestCtx(deps, req), req.params.id, options.publicUrl)),
  );

  app.get(
    '/api/v1/status-lists/:n',
    {
      config: { anonymous: true },
      schema: {
        tags: ['verification'],
        summary: '吊销状态列表（W3C Bitstring Status List）/ revocation status list n, positions n×131072 … (n+1)×131072−1',
        security: [],
        params: Type.Object({ n: Type.Integer({ minimum: 0, maximum: 16_383 }) }),
        response: { 200: Credential, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) =>
      reply
        .type('application/vc+ld+json; charset=utf-8')
        .header('cache-control', `public, max-age=${STATUS_LIST_TTL_MS / 1000}`)
        .send(await statusListCredential(deps, req.params.n, options.publicUrl)),
  );
}
