import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Nullable, PageQuery, RegionCode, Uuid } from '../core/http/common.contract.js';

const Ymd = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const HolderKind = Type.Union([Type.Literal('person'), Type.Literal('organization')]);

/** The statuses a proof shows: valid, revoked (撤销) or expired (past its last day). */
export const ProofStatusSchema = Type.Union([Type.Literal('valid'), Type.Literal('revoked'), Type.Literal('expired')]);

/** A proof type (证明事项) as the catalogue lists it. */
export const ProofTypeView = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    description: Type.String(),
    catalogueCode: Type.String({ description: 'GB/T 36904 type code: owner USCC + 3-digit sequence' }),
    issuingLine: Type.String({ description: 'department line that issues it (the holder\'s county counterpart, else the municipal one)' }),
    holderKinds: Type.Array(HolderKind),
    resources: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), holdingLine: Type.String() }), { description: 'the data the proof is drawn from' }),
    validityDays: Type.Integer(),
    fields: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
    template: Type.Array(Type.String(), { description: 'zh-CN paragraphs with {placeholders}' }),
  },
  { $id: 'ProofType' },
);
/** A proof type, as the API answers it. */
export type ProofTypeView = Static<typeof ProofTypeView>;

/** An issued proof (电子证明), the holder's ID number masked. */
export const ProofView = Type.Object(
  {
    id: Uuid,
    identifier: Type.String({ description: '证照标识 (GB/T 36904 form)' }),
    number: Type.String({ description: '证明编号' }),
    typeCode: Type.String(),
    typeName: Type.String(),
    holderId: Uuid,
    holderKind: HolderKind,
    holderName: Type.String(),
    holderCode: Type.String({ description: 'USCC, or masked ID number' }),
    issuerDepartmentId: Uuid,
    issuerName: Type.String(),
    issuerCode: Type.String(),
    regionCode: RegionCode,
    purpose: Type.String({ description: '用途' }),
    summary: Type.String({ description: 'what the proof states, in one line' }),
    fields: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), value: Type.String() })),
    paragraphs: Type.Array(Type.String(), { description: 'the text as printed' }),
    issuedOn: Ymd,
    validUntil: Ymd,
    status: ProofStatusSchema,
    statusLabel: Type.String(),
    statusReason: Nullable(Type.String()),
    verificationCode: Type.String(),
    verificationUrl: Type.String({ description: 'path of the public page the QR code opens' }),
    requestedByKind: Type.String({ description: 'staff | api_key | subject | system' }),
    requestedByDepartmentId: Nullable(Uuid),
    issuedAt: DateTime,
  },
  { $id: 'Proof' },
);
/** A proof, as the API answers it. */
export type ProofView = Static<typeof ProofView>;

const Purpose = Type.String({ minLength: 1, maxLength: 200, description: '用途: what the proof is for; printed on it and recorded with the data read' });

/** Request a proof for a subject (a clerk at any window, or a department system). */
export const IssueProofBody = Type.Object(
  { typeCode: Type.String({ minLength: 1, maxLength: 80 }), holderId: Uuid, purpose: Purpose },
  { additionalProperties: false },
);

/** Request a proof in the portal, for one of the session's subjects. */
export const PortalIssueProofBody = Type.Object(
  { subjectId: Uuid, typeCode: Type.String({ minLength: 1, maxLength: 80 }), purpose: Purpose },
  { additionalProperties: false },
);

/** Revoke (撤销) a proof. */
export const RevokeProofBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });

/** Filters of the proof list. */
export const ProofListQuery = Type.Object({
  holderId: Type.Optional(Uuid),
  typeCode: Type.Optional(Type.String({ maxLength: 80 })),
  status: Type.Optional(ProofStatusSchema),
  ...PageQuery,
});
/** The proof list's filters, as the API takes them. */
export type ProofListQuery = Static<typeof ProofListQuery>;
