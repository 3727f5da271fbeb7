import { Type, type Static } from '@sinclair/typebox';
import { Nullable, RegionCode } from '../core/http/common.contract.js';

export const RegionLevel = Type.Union(['province', 'city', 'county', 'township', 'village'].map((l) => Type.Literal(l)));

/** A region with the number of its direct children. */
export const RegionView = Type.Object(
  {
    code: RegionCode,
    name: Type.String(),
    level: Type.String({ description: 'province | city | county | township | village' }),
    parentCode: Nullable(Type.String()),
    isExample: Type.Boolean({ description: 'generated demo village (示例), not a real division' }),
    childCount: Type.Integer(),
  },
  { $id: 'Region' },
);
export type RegionView = Static<typeof RegionView>;

export const RegionDetail = Type.Composite([
  Type.Omit(RegionView, []),
  Type.Object({ ancestors: Type.Array(Type.Omit(RegionView, ['childCount'])), children: Type.Array(Type.Ref(RegionView)) }),
]);
