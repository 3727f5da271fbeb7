import { Type, type Static } from '@sinclair/typebox';
import { ROLES } from '../core/access/access.js';
import { DateTime, Nullable, RegionCode, Uuid } from '../core/http/common.contract.js';

export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

/** A staff account (never its password). */
export const StaffView = Type.Object(
  {
    id: Uuid,
    username: Type.String(),
    displayName: Type.String(),
    departmentId: Nullable(Uuid),
    departmentName: Nullable(Type.String()),
    roles: Type.Array(RoleSchema),
    scopeRegionCode: RegionCode,
    scopeDepartmentIds: Type.Array(Uuid),
    status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
    mustChangePassword: Type.Boolean(),
    lastLoginAt: Nullable(DateTime),
    createdAt: DateTime,
  },
  { $id: 'Staff' },
);
export type StaffView = Static<typeof StaffView>;

export const NewStaffBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 40 }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.Optional(Type.String({ minLength: 12, maxLength: 256, description: 'omit to generate one (returned once)' })),
    departmentId: Type.Optional(Nullable(Uuid)),
    roles: Type.Array(RoleSchema, { minItems: 1 }),
    scopeRegionCode: RegionCode,
    scopeDepartmentIds: Type.Optional(Type.Array(Uuid)),
  },
  { additionalProperties: false },
);

export const StaffPatchBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    departmentId: Type.Optional(Nullable(Uuid)),
    roles: Type.Optional(Type.Array(RoleSchema, { minItems: 1 })),
    scopeRegionCode: Type.Optional(RegionCode),
    scopeDepartmentIds: Type.Optional(Type.Array(Uuid)),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** An API key as lists show it (never the secret). */
export const ApiKeyView = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    prefix: Type.String(),
    departmentId: Uuid,
    roles: Type.Array(RoleSchema),
    scopeRegionCode: RegionCode,
    scopeDepartmentIds: Type.Array(Uuid),
    createdAt: DateTime,
    expiresAt: Nullable(DateTime),
    revokedAt: Nullable(DateTime),
    lastUsedAt: Nullable(DateTime),
  },
  { $id: 'ApiKey' },
);
export type ApiKeyView = Static<typeof ApiKeyView>;

export const NewApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    departmentId: Uuid,
    roles: Type.Array(RoleSchema, { minItems: 1 }),
    scopeRegionCode: RegionCode,
    scopeDepartmentIds: Type.Optional(Type.Array(Uuid)),
    expiresAt: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

/** Who is signed in, what they may do, and the CSRF token to send back. */
export const Me = Type.Object({
  kind: Type.Union([Type.Literal('staff'), Type.Literal('api_key')]),
  staff: Nullable(Type.Ref(StaffView)),
  apiKey: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  roles: Type.Array(RoleSchema),
  permissions: Type.Array(Type.String()),
  scope: Type.Object({ regionCode: RegionCode, regionName: Type.String(), departmentIds: Type.Array(Uuid) }),
  csrfToken: Nullable(Type.String()),
  expiresAt: Nullable(DateTime),
});
