import { Type } from '@sinclair/typebox';
import { DateTime, Nullable, Uuid } from '../http/common.contract.js';

/** One event of the audit chain. */
export const AuditEventView = Type.Object(
  {
    seq: Type.Integer(),
    occurredAt: DateTime,
    actorKind: Type.String(),
    actorId: Nullable(Type.String()),
    actorName: Nullable(Type.String()),
    actorDepartmentId: Nullable(Uuid),
    action: Type.String(),
    targetType: Nullable(Type.String()),
    targetId: Nullable(Type.String()),
    purpose: Nullable(Type.String()),
    requestId: Nullable(Type.String()),
    subjectIds: Type.Array(Uuid),
    payload: Type.Record(Type.String(), Type.Unknown()),
    payloadDigest: Type.String(),
    prevHash: Type.String(),
    hash: Type.String(),
  },
  { $id: 'AuditEvent' },
);

/** Result of walking the chain. */
export const ChainVerificationView = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  headSeq: Type.Integer(),
  anchors: Type.Integer({ description: 'anchors checked (MAC, reach and hash)' }),
  broken: Type.Optional(Type.Object({ seq: Type.Integer(), reason: Type.String() })),
});
