import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { contextFor, type Ctx, type Deps } from '../core/context.js';
import { AppError } from '../core/errors.js';
import type { App } from '../core/http/app-types.js';
import { Page, PageQuery, Uuid, errorResponses } from '../core/http/common.contract.js';
import { chinaDate } from '../licenses/index.js';
import {
  PortalIssueProofBody, ProofTypeView, ProofView, findProofHolderId, issueProof, listProofTypes, listProofs, pdfResponse, presentProof, presentProofType, proofPdf, sendPdf,
} from '../proofs/index.js';
import { subjectActor, type PortalSession } from './portal-session.service.js';

/** Resolves the portal session of a request (401 without one; unsafe methods need its CSRF token). */
export type PortalSessionOf = (req: FastifyRequest) => Promise<PortalSession>;

/** The context of one of the session's subjects; a subject that is not the session's is 404. */
function subjectCtx(deps: Deps, session: PortalSession, subjectId: string | undefined, requestId: string): Ctx {
  const subject = subjectId ? session.subjects.find((s) => s.id === subjectId) : session.subjects[0];
  if (!subject) throw new AppError('not_found', `subject ${subjectId ?? ''} is not yours`, [{ field: 'subjectId', message: 'is not one of your subjects' }]);
  return contextFor(deps, subjectActor(subject), requestId);
}

/** The portal's proofs: the catalogue, applying for a proof for one's own subjects, the list and the PDF. */
export function registerPortalProofRoutes(app: App, deps: Deps, sessionOf: PortalSessionOf, settings: { publicUrl: string }): void {
  app.get(
    '/api/v1/portal/proof-types',
    {
      schema: {
        tags: ['portal'],
        summary: '可在线开具的证明 / the proofs a citizen or enterprise can get online',
        security: [{ portal: [] }],
        response: { 200: Type.Object({ items: Type.Array(Type.Ref(ProofTypeView)) }), ...errorResponses(401) },
      },
    },
    async (req) => {
      await sessionOf(req);
      return { items: (await listProofTypes(deps.db)).map(presentProofType) };
    },
  );

  app.post(
    '/api/v1/portal/proofs',
    {
      schema: {
        tags: ['portal'],
        summary: '在线开具证明（仅限本人或本单位；数据不支持时返回 422 及原因）/ get a proof for one of my subjects; 422 with the reason when the data does not support it',
        security: [{ portal: [] }],
        body: PortalIssueProofBody,
        response: { 201: Type.Ref(ProofView), ...errorResponses(400, 401, 403, 404, 422, 503) },
      },
    },
    async (req, reply) => {
      const ctx = subjectCtx(deps, await sessionOf(req), req.body.subjectId, req.id);
      const proof = await issueProof(ctx, { typeCode: req.body.typeCode, holderId: ctx.actor.id, purpose: req.body.purpose });
      return reply.code(201).send(presentProof(proof, chinaDate(deps.clock.now())));
    },
  );

  app.get(
    '/api/v1/portal/proofs',
    {
      schema: {
        tags: ['portal'],
        summary: '我的证明 / my proofs (default: the first subject of the session)',
        security: [{ portal: [] }],
        querystring: Type.Object({ subjectId: Type.Optional(Uuid), ...PageQuery }),
        response: { 200: Page(Type.Ref(ProofView)), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      const ctx = subjectCtx(deps, await sessionOf(req), req.query.subjectId, req.id);
      return listProofs(ctx, { limit: req.query.limit, cursor: req.query.cursor });
    },
  );

  app.get(
    '/api/v1/portal/proofs/:id/pdf',
    {
      schema: {
        tags: ['portal'],
        summary: '下载证明 PDF / download my proof as a PDF',
        security: [{ portal: [] }],
        params: Type.Object({ id: Uuid }),
        response: { 200: pdfResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const session = await sessionOf(req);
      const holderId = await findProofHolderId(deps, req.params.id);
      if (!holderId || !session.subjects.some((s) => s.id === holderId)) throw new AppError('not_found', `proof ${req.params.id} not found`);
      return sendPdf(reply, await proofPdf(subjectCtx(deps, session, holderId, req.id), req.params.id, settings.publicUrl));
    },
  );
}
