import { Type } from '@sinclair/typebox';
import type { Deps } from '../core/context.js';
import type { App } from '../core/http/app-types.js';
import { requestCtx } from '../core/http/auth-hook.js';
import { Nullable, Page, PageQuery, RegionCode, Uuid, errorResponses } from '../core/http/common.contract.js';
import { NewSubjectBody, SubjectSearchQuery, SubjectView } from './subject.contract.js';
import { countSubjectsByCounty, createSubject, findSubjects, getSubject, revealSubjectIdentity } from './subject.service.js';

/** Subjects (办事主体): register, find, read (audited), reveal for a stated purpose. */
export function registerSubjectRoutes(app: App, deps: Deps): void {
  app.post(
    '/api/v1/subjects',
    {
      schema: {
        tags: ['subjects'],
        summary: '登记自然人或法人 / register a person or an organisation',
        body: NewSubjectBody,
        response: { 201: Type.Ref(SubjectView), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await createSubject(requestCtx(deps, req), req.body)),
  );

  app.get(
    '/api/v1/subjects',
    {
      schema: {
        tags: ['subjects'],
        summary: '查找办事主体（证件号精确匹配，姓名前缀）/ find subjects (exact identifiers, name prefix)',
        querystring: Type.Composite([SubjectSearchQuery, Type.Object(PageQuery)]),
        response: { 200: Page(Type.Ref(SubjectView)), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => findSubjects(requestCtx(deps, req), req.query),
  );

  app.get(
    '/api/v1/subjects/:id',
    {
      schema: {
        tags: ['subjects'],
        summary: '办事主体详情（记入审计）/ one subject (the read is audited)',
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object({ purpose: Type.Optional(Type.String({ maxLength: 200, description: 'why the data is read (调取目的)' })) }),
        response: { 200: Type.Ref(SubjectView), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => getSubject(requestCtx(deps, req), req.params.id, req.query.purpose),
  );

  app.post(
    '/api/v1/subjects/:id/reveal',
    {
      schema: {
        tags: ['subjects'],
        summary: '查看完整证件号与手机号（须说明目的，记入审计）/ the full ID number and phone, for a stated purpose',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ purpose: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ idNumber: Nullable(Type.String()), phone: Nullable(Type.String()) }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => revealSubjectIdentity(requestCtx(deps, req), req.params.id, req.body.purpose),
  );

  app.get(
    '/api/v1/stats/subjects-by-county',
    {
      schema: {
        tags: ['subjects'],
        summary: '各县市区办事主体数 / subjects per county in your scope',
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ countyCode: RegionCode, persons: Type.Integer(), organizations: Type.Integer() })) }), ...errorResponses(401, 403) },
      },
    },
    async (req) => ({ items: await countSubjectsByCounty(requestCtx(deps, req)) }),
  );
}
