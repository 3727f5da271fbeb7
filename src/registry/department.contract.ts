import { Type, type Static } from '@sinclair/typebox';
import { DateTime, RegionCode, Uuid } from '../core/http/common.contract.js';
import { DEPARTMENT_KINDS } from './demo/yiyang-departments.js';

export const DepartmentKind = Type.Union(DEPARTMENT_KINDS.map((k) => Type.Literal(k)));

/** A department (部门). */
export const DepartmentView = Type.Object(
  {
    id: Uuid,
    code: Type.String({ description: 'stable short code, e.g. 430900-market_regulation' }),
    name: Type.String(),
    shortName: Type.String(),
    regionCode: RegionCode,
    kind: Type.String({ description: DEPARTMENT_KINDS.join(' | ') }),
    line: Type.String({ description: 'functional line shared by counterparts at every level' }),
    uscc: Type.String({ description: 'unified social credit code (demo values in the demo data)' }),
    createdAt: DateTime,
  },
  { $id: 'Department' },
);
export type DepartmentView = Static<typeof DepartmentView>;
