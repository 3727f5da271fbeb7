import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { Deps } from '../core/context.js';
import type { App } from '../core/http/app-types.js';
import { requestCtx } from '../core/http/auth-hook.js';
import { Page, Uuid, errorResponses } from '../core/http/common.contract.js';
import { chinaDate, SignedDocumentSchema } from '../licenses/index.js';
import { IssueProofBody, ProofListQuery, ProofTypeView, ProofView, RevokeProofBody } from './proof.contract.js';
import { getProof, listProofs, presentProof, presentProofType, proofPdf, signedProofDocument } from './proof.read.js';
import { listProofTypes } from './proof-type.service.js';
import { issueProof, revokeProof } from './proof.service.js';

/** What the proof routes need beyond the dependencies: the public address the QR codes point to. */
export interface ProofRouteSettings {
  /** MIANZHENG_PUBLIC_URL, e.g. https://zwfw.yiyang.gov.cn */
  publicUrl: string;
}

/** Documents the PDF response in OpenAPI. */
export const pdfResponse = Type.String({ description: 'an A4 PDF with seal and QR code', contentMediaType: 'application/pdf' });

/** Sends PDF bytes inline with a UTF-8 file name (RFC 6266 / RFC 5987). */
export function sendPdf(reply: FastifyReply, pdf: { bytes: Uint8Array; filename: string }): FastifyReply {
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="proof.pdf"; filename*=UTF-8''${encodeURIComponent(pdf.filename)}`)
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(pdf.bytes));
}

/** Proof types and proofs for staff and department systems: issue, read, list, signed document, PDF, revoke. */
export function registerProofRoutes(app: App, deps: Deps, settings: ProofRouteSettings): void {
  app.get(
    '/api/v1/proof-types',
    { schema: { tags: ['proofs'], summary: '证明事项目录 / the proof-type catalogue', response: { 200: Type.Object({ items: Type.Array(Type.Ref(ProofTypeView)) }), ...errorResponses(401) } } },
    async (req) => {
      requestCtx(deps, req);
      return { items: (await listProofTypes(deps.db)).map(presentProofType) };
    },
  );

  app.post(
    '/api/v1/proofs',
    {
      schema: {
        tags: ['proofs'],
        summary: '开具证明（按数据规则出具，以负责部门名义签发；不符合条件返回 422）/ issue a proof from the data, in the name of the responsible department; 422 when the data does not support it',
        body: IssueProofBody,
        response: { 201: Type.Ref(ProofView), ...errorResponses(400, 401, 403, 404, 422, 503) },
      },
    },
    async (req, reply) => reply.code(201).send(presentProof(await issueProof(requestCtx(deps, req), req.body), chinaDate(deps.clock.now()))),
  );

  app.get(
    '/api/v1/proofs',
    {
      schema: {
        tags: ['proofs'],
        summary: '证明查询（本部门签发或本窗口申请）/ proofs issued in your departments\' name or asked for at your windows',
        querystring: ProofListQuery,
        response: { 200: Page(Type.Ref(ProofView)), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => listProofs(requestCtx(deps, req), req.query),
  );

  app.get(
    '/api/v1/proofs/:id',
    { schema: { tags: ['proofs'], summary: '证明详情 / one proof', params: Type.Object({ id: Uuid }), response: { 200: Type.Ref(ProofView), ...errorResponses(400, 401, 404) } } },
    async (req) => getProof(requestCtx(deps, req), req.params.id),
  );

  app.get(
    '/api/v1/proofs/:id/document',
    {
      schema: {
        tags: ['proofs'],
        summary: '签名文档（持有人或签发部门）/ the signed document, for its holder or issuing department',
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Ref(SignedDocumentSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => signedProofDocument(requestCtx(deps, req), req.params.id),
  );

  app.get(
    '/api/v1/proofs/:id/pdf',
    {
      schema: {
        tags: ['proofs'],
        summary: '证明 PDF（电子印章、二维码、核验码）/ the proof as a PDF with seal, QR code and verification code',
        params: Type.Object({ id: Uuid }),
        response: { 200: pdfResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => sendPdf(reply, await proofPdf(requestCtx(deps, req), req.params.id, settings.publicUrl)),
  );

  app.post(
    '/api/v1/proofs/:id/revoke',
    {
      schema: {
        tags: ['proofs'],
        summary: '撤销证明（签发部门）/ revoke a proof (the issuing department)',
        params: Type.Object({ id: Uuid }),
        body: RevokeProofBody,
        response: { 200: Type.Ref(ProofView), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => presentProof(await revokeProof(requestCtx(deps, req), req.params.id, req.body.reason), chinaDate(deps.clock.now())),
  );
}
