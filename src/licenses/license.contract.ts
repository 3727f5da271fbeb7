import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Nullable, RegionCode, Uuid } from '../core/http/common.contract.js';
import { LICENSE_STATUSES } from './license-status.js';

const Ymd = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

/** A licence type (证照类型). */
export const LicenseTypeView = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    catalogueCode: Type.String({ description: 'GB/T 36904 type code: owner USCC + 3-digit sequence' }),
    issuingLine: Type.String(),
    holderKinds: Type.Array(Type.String()),
    validity: Type.Union([
      Type.Object({ kind: Type.Literal('years'), years: Type.Integer() }),
      Type.Object({ kind: Type.Literal('permanent') }),
      Type.Object({ kind: Type.Literal('resident_id') }),
    ]),
    renewalServiceCode: Nullable(Type.String()),
    fields: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
  },
  { $id: 'LicenseType' },
);

/** A licence version as the console shows it (the holder's ID number masked). */
export const LicenseView = Type.Object(
  {
    id: Uuid,
    identifier: Type.String({ description: '证照标识 (GB/T 36904)' }),
    typeCode: Type.String(),
    typeName: Type.String(),
    number: Type.String({ description: '证照编号' }),
    version: Type.Integer(),
    previousId: Nullable(Uuid),
    holderId: Uuid,
    holderKind: Type.String(),
    holderName: Type.String(),
    holderCode: Type.String({ description: 'USCC, or masked ID number' }),
    issuerDepartmentId: Uuid,
    issuerName: Type.String(),
    issuerCode: Type.String(),
    regionCode: RegionCode,
    issuedOn: Ymd,
    validFrom: Ymd,
    validUntil: Nullable(Ymd),
    status: Type.String({ description: 'valid | expired | superseded | cancelled | revoked | withdrawn' }),
    statusCode: Type.String({ description: '01 有效, 03 撤销, 04 注销, 05 失效, 07 吊销, 99 其他' }),
    statusLabel: Type.String(),
    statusReason: Nullable(Type.String()),
    fields: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), value: Type.String() })),
    disclosure: Type.Array(Type.String()),
    verificationCode: Type.String(),
    verificationUrl: Type.String(),
    signed: Type.Boolean(),
    signedAt: Nullable(DateTime),
    createdAt: DateTime,
  },
  { $id: 'License' },
);
export type LicenseView = Static<typeof LicenseView>;

export const IssueLicenseBody = Type.Object(
  {
    typeCode: Type.String({ minLength: 1, maxLength: 80 }),
    holderId: Uuid,
    number: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    validFrom: Type.Optional(Ymd),
    validUntil: Type.Optional(Nullable(Ymd)),
    fields: Type.Optional(Type.Record(Type.String({ maxLength: 60 }), Type.String({ maxLength: 500 }))),
    disclosure: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 30 })),
    issuerDepartmentId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const AmendLicenseBody = Type.Object(
  {
    fields: Type.Optional(Type.Record(Type.String({ maxLength: 60 }), Type.String({ maxLength: 500 }))),
    validFrom: Type.Optional(Ymd),
    validUntil: Type.Optional(Nullable(Ymd)),
    disclosure: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 30 })),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const EndLicenseBody = Type.Object(
  {
    status: Type.Union([Type.Literal('cancelled'), Type.Literal('revoked'), Type.Literal('withdrawn')], { description: '注销 / 吊销 / 撤销' }),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

/** One history entry of a licence. */
export const LicenseEventView = Type.Object({
  id: Uuid,
  licenseId: Uuid,
  action: Type.String(),
  reason: Nullable(Type.String()),
  actorName: Type.String(),
  at: DateTime,
  details: Type.Record(Type.String(), Type.Unknown()),
});

/** The envelope a holder carries: document + department signature. */
export const SignedDocumentSchema = Type.Object(
  {
    format: Type.Literal('mianzheng-signed-document/1'),
    kind: Type.Union([Type.Literal('license'), Type.Literal('proof')]),
    document: Type.Record(Type.String(), Type.Unknown()),
    signature: Type.Object({
      algorithm: Type.Literal('SM2-SM3'),
      keyId: Type.String({ maxLength: 64 }),
      signerId: Type.String({ maxLength: 64 }),
      value: Type.String({ maxLength: 200, description: 'DER signature, base64' }),
    }),
  },
  { $id: 'SignedDocument' },
);

/** What verification concluded and why. */
export const VerificationResult = Type.Object({
  result: Type.Union([Type.Literal('valid'), Type.Literal('invalid'), Type.Literal('revoked'), Type.Literal('expired')]),
  reasons: Type.Array(Type.String()),
  kind: Nullable(Type.String()),
  identifier: Nullable(Type.String()),
  name: Nullable(Type.String()),
  issuerName: Nullable(Type.String()),
  status: Nullable(Type.String()),
  checkedAt: DateTime,
});
export type VerificationResult = Static<typeof VerificationResult>;

/** Filters of the licence list, shared by the list and its .xlsx export. */
export const LicenseFilters = {
  typeCode: Type.Optional(Type.String({ maxLength: 80 })),
  number: Type.Optional(Type.String({ maxLength: 60 })),
  holderId: Type.Optional(Uuid),
  holderName: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(Type.Union(Object.keys(LICENSE_STATUSES).map((s) => Type.Literal(s)))),
  expiringBy: Type.Optional(Type.String({ format: 'date' })),
  purpose: Type.Optional(Type.String({ maxLength: 200, description: 'why another department reads it (调取目的); with holderId: a retrieval of the holder\'s licences' })),
};
