import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Nullable, RegionCode, Uuid } from '../core/http/common.contract.js';

export const SubjectKind = Type.Union([Type.Literal('person'), Type.Literal('organization')]);

/** A subject with personal data masked, as every response shows it. */
export const SubjectView = Type.Object(
  {
    id: Uuid,
    kind: SubjectKind,
    name: Type.String(),
    idNumber: Nullable(Type.String({ description: 'masked, e.g. 430902********1234' })),
    uscc: Nullable(Type.String()),
    sex: Nullable(Type.Union([Type.Literal('male'), Type.Literal('female')])),
    birthDate: Nullable(Type.String({ format: 'date' })),
    legalRepresentative: Nullable(Type.String()),
    phone: Nullable(Type.String({ description: 'masked, e.g. 138****5678' })),
    regionCode: RegionCode,
    registeredByDepartmentId: Nullable(Uuid),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Subject' },
);
export type SubjectView = Static<typeof SubjectView>;

export const NewSubjectBody = Type.Object(
  {
    kind: SubjectKind,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    idNumber: Type.Optional(Type.String({ maxLength: 30, description: 'persons: resident ID number (GB 11643); surrounding spaces are ignored' })),
    uscc: Type.Optional(Type.String({ maxLength: 30, description: 'organisations: unified social credit code (GB 32100); surrounding spaces are ignored' })),
    phone: Type.Optional(Type.String({ maxLength: 20 })),
    regionCode: RegionCode,
    legalRepresentative: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const SubjectSearchQuery = Type.Object({
  idNumber: Type.Optional(Type.String({ maxLength: 30 })),
  uscc: Type.Optional(Type.String({ maxLength: 30 })),
  phone: Type.Optional(Type.String({ maxLength: 20 })),
  name: Type.Optional(Type.String({ maxLength: 100 })),
  kind: Type.Optional(SubjectKind),
  regionCode: Type.Optional(RegionCode),
  purpose: Type.Optional(Type.String({ maxLength: 200 })),
});
