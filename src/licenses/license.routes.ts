import { Type } from '@sinclair/typebox';
import type { Deps } from '../core/context.js';
import type { App } from '../core/http/app-types.js';
import { requestCtx } from '../core/http/auth-hook.js';
import { Page, PageQuery, Uuid, errorResponses } from '../core/http/common.contract.js';
import { AmendLicenseBody, EndLicenseBody, IssueLicenseBody, LicenseEventView, LicenseFilters, LicenseTypeView, LicenseView, SignedDocumentSchema } from './license.contract.js';
import { getLicense, getLicenseHistory, listLicenses, presentLicense, signedLicenseDocument } from './license.read.js';
import { chinaDate } from './license-status.js';
import { findLicenseType, listLicenseTypes } from './license-type.service.js';
import { amendLicense, endLicense, issueLicense, renewLicense, type LicenseRow } from './license.service.js';

const Purpose = Type.Optional(Type.String({ maxLength: 200, description: 'why another department reads it (调取目的)' }));

/** Licence types and licences: issue, amend, renew, end, read, list, history, signed document. */
export function registerLicenseRoutes(app: App, deps: Deps): void {
  const present = async (row: LicenseRow) => {
    const type = await findLicenseType(deps.db, row.typeCode);
    return presentLicense(row, type ?? { name: row.typeCode, fields: [] }, chinaDate(deps.clock.now()));
  };

  app.get(
    '/api/v1/license-types',
    { schema: { tags: ['licenses'], summary: '证照目录 / the licence-type catalogue', response: { 200: Type.Object({ items: Type.Array(Type.Ref(LicenseTypeView)) }), ...errorResponses(401, 403) } } },
    async (req) => ({ items: await listLicenseTypes(requestCtx(deps, req)) }),
  );

  app.post(
    '/api/v1/licenses',
    {
      schema: {
        tags: ['licenses'],
        summary: '签发证照（SM2 签名）/ issue a licence, signed with the department key',
        body: IssueLicenseBody,
        response: { 201: Type.Ref(LicenseView), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await present(await issueLicense(requestCtx(deps, req), req.body))),
  );

  app.get(
    '/api/v1/licenses',
    {
      schema: {
        tags: ['licenses'],
        summary: '证照查询（本部门签发；或按持证主体调取，须说明目的）/ licences your departments issued, or a holder\'s licences for a stated purpose',
        querystring: Type.Object({ ...LicenseFilters, ...PageQuery }),
        response: { 200: Page(Type.Ref(LicenseView)), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => listLicenses(requestCtx(deps, req), req.query),
  );

  app.get(
    '/api/v1/licenses/:id',
    {
      schema: {
        tags: ['licenses'],
        summary: '证照详情（跨部门读取即调取，记入审计）/ one licence (a read by another department is an audited retrieval)',
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object({ purpose: Purpose }),
        response: { 200: Type.Ref(LicenseView), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => getLicense(requestCtx(deps, req), req.params.id, req.query.purpose),
  );

  app.get(
    '/api/v1/licenses/:id/history',
    {
      schema: {
        tags: ['licenses'],
        summary: '证照历史 / the licence\'s history across its versions',
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object({ purpose: Purpose }),
        response: { 200: Type.Object({ items: Type.Array(LicenseEventView) }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => ({ items: await getLicenseHistory(requestCtx(deps, req), req.params.id, req.query.purpose) }),
  );

  app.get(
    '/api/v1/licenses/:id/document',
    {
      schema: {
        tags: ['licenses'],
        summary: '签名文档（持证人或签发部门）/ the signed document, for its holder or issuing department',
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Ref(SignedDocumentSchema), ...errorResponses(401, 404, 409) },
      },
    },
    async (req) => signedLicenseDocument(requestCtx(deps, req), req.params.id),
  );

  app.post(
    '/api/v1/licenses/:id/amend',
    {
      schema: {
        tags: ['licenses'],
        summary: '变更（生成新版本）/ amend: a new version linked to this one',
        params: Type.Object({ id: Uuid }),
        body: AmendLicenseBody,
        response: { 201: Type.Ref(LicenseView), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await present(await amendLicense(requestCtx(deps, req), req.params.id, req.body))),
  );

  app.post(
    '/api/v1/licenses/:id/renew',
    {
      schema: {
        tags: ['licenses'],
        summary: '延续（新版本，有效期按目录规则顺延）/ renew: a new version with the next validity period',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
        response: { 201: Type.Ref(LicenseView), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await present(await renewLicense(requestCtx(deps, req), req.params.id, req.body.reason))),
  );

  app.post(
    '/api/v1/licenses/:id/end',
    {
      schema: {
        tags: ['licenses'],
        summary: '注销 / 吊销 / 撤销 / cancel, revoke or withdraw a licence',
        params: Type.Object({ id: Uuid }),
        body: EndLicenseBody,
        response: { 200: Type.Ref(LicenseView), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => present(await endLicense(requestCtx(deps, req), req.params.id, req.body.status, req.body.reason)),
  );
}
