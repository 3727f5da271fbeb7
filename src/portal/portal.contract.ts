import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Nullable, Uuid } from '../core/http/common.contract.js';
// Contracts are the shapes shared with other modules and the web; the registry's functions come through its index.ts.
import { SubjectView } from '../registry/subject.contract.js';

/** Ask for a login code. */
export const OtpRequestBody = Type.Object(
  { phone: Type.String({ minLength: 11, maxLength: 20, description: 'mainland mobile number, e.g. 13812345678' }) },
  { additionalProperties: false },
);

/** The same answer whether or not the number is registered. */
export const OtpSentView = Type.Object({
  sentTo: Type.String({ description: 'masked number, e.g. 138****5678' }),
  expiresInSeconds: Type.Integer(),
  resendAfterSeconds: Type.Integer(),
});
export type OtpSentView = Static<typeof OtpSentView>;

/** Log in with the number and the code it received. */
export const PortalLoginBody = Type.Object(
  { phone: Type.String({ minLength: 11, maxLength: 20 }), code: Type.String({ pattern: '^[0-9]{6}$' }) },
  { additionalProperties: false },
);

/** Who is logged in to the portal: the subjects registered with the number (masked). */
export const PortalMe = Type.Object({
  subjects: Type.Array(Type.Ref(SubjectView)),
  csrfToken: Type.String(),
  expiresAt: DateTime,
});
export type PortalMe = Static<typeof PortalMe>;

/** One access to a subject's data, as the subject sees it (谁查看了我的数据). */
export const AccessEntryView = Type.Object(
  {
    seq: Type.Integer(),
    occurredAt: DateTime,
    action: Type.String({ description: 'e.g. subject.read, subject.search, subject.reveal, subject.create' }),
    actorKind: Type.String({ description: 'staff | api_key | system' }),
    departmentId: Nullable(Uuid),
    departmentName: Nullable(Type.String()),
    purpose: Nullable(Type.String()),
  },
  { $id: 'PortalAccessEntry' },
);
export type AccessEntryView = Static<typeof AccessEntryView>;
