import { Type } from '@sinclair/typebox';
import type { Deps } from '../core/context.js';
import type { App } from '../core/http/app-types.js';
import { requestCtx } from '../core/http/auth-hook.js';
import { Page, PageQuery, RegionCode, errorResponses } from '../core/http/common.contract.js';
import { DepartmentView } from './department.contract.js';
import { getDepartment, listDepartments } from './department.service.js';
import { RegionDetail, RegionView } from './region.contract.js';
import { getRegion, listRegions } from './region.service.js';

/** Regions (行政区划) and departments (部门): read-only catalogues. */
export function registerCatalogRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/regions',
    {
      schema: {
        tags: ['regions'],
        summary: '行政区划：列出下级 / list the children of a region (default: the city)',
        querystring: Type.Object({ parent: Type.Optional(RegionCode) }),
        response: { 200: Type.Object({ items: Type.Array(Type.Ref(RegionView)) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => ({ items: await listRegions(requestCtx(deps, req), { parent: req.query.parent }) }),
  );

  app.get(
    '/api/v1/regions/:code',
    {
      schema: {
        tags: ['regions'],
        summary: '行政区划详情：上级路径与下级 / a region with its ancestors and children',
        params: Type.Object({ code: RegionCode }),
        response: { 200: RegionDetail, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => getRegion(requestCtx(deps, req), req.params.code),
  );

  app.get(
    '/api/v1/departments',
    {
      schema: {
        tags: ['departments'],
        summary: '部门列表 / list departments',
        querystring: Type.Object({
          regionCode: Type.Optional(RegionCode),
          exact: Type.Optional(Type.Boolean({ description: 'only departments of exactly this region, not its subtree' })),
          kind: Type.Optional(Type.String({ maxLength: 40 })),
          line: Type.Optional(Type.String({ maxLength: 60 })),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          ...PageQuery,
        }),
        response: { 200: Page(Type.Ref(DepartmentView)), ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      const q = req.query;
      return listDepartments(requestCtx(deps, req), { regionCode: q.regionCode, exactRegion: q.exact, kind: q.kind, line: q.line, q: q.q, cursor: q.cursor, limit: q.limit });
    },
  );

  app.get(
    '/api/v1/departments/:id',
    {
      schema: {
        tags: ['departments'],
        summary: '部门详情（按编号或代码）/ a department by id or code',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) }),
        response: { 200: Type.Ref(DepartmentView), ...errorResponses(401, 404) },
      },
    },
    async (req) => getDepartment(requestCtx(deps, req), req.params.id),
  );
}
