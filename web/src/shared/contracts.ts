/**
 * Request and response types of the API, taken from the server's TypeBox contracts (never retyped):
 * a change to a contract breaks the web build where it matters.
 */
import type { Static } from '@sinclair/typebox';
import type { AuditEventView as AuditEventSchema, ChainVerificationView } from '../../../src/core/audit/audit.contract.js';
import type { Page as PageSchema, Problem } from '../../../src/core/http/common.contract.js';
import type {
  AmendLicenseBody,
  EndLicenseBody,
  IssueLicenseBody,
  LicenseEventView,
  LicenseTypeView,
  LicenseView,
  SignedDocumentSchema,
  VerificationResult as VerificationResultSchema,
} from '../../../src/licenses/license.contract.js';
import type {
  IssueProofBody,
  PortalIssueProofBody,
  ProofListQuery as ProofListQuerySchema,
  ProofTypeView,
  ProofView,
  RevokeProofBody,
} from '../../../src/proofs/proof.contract.js';
import type { AccessEntryView as AccessEntrySchema, OtpSentView as OtpSentSchema, PortalMe as PortalMeSchema } from '../../../src/portal/portal.contract.js';
import type { DepartmentView as DepartmentSchema } from '../../../src/registry/department.contract.js';
import type { RegionDetail as RegionDetailSchema, RegionView as RegionSchema } from '../../../src/registry/region.contract.js';
import type {
  ApiKeyView as ApiKeySchema,
  Me as MeSchema,
  NewApiKeyBody as NewApiKeySchema,
  NewStaffBody as NewStaffSchema,
  StaffPatchBody as StaffPatchSchema,
  StaffView as StaffSchema,
} from '../../../src/registry/staff.contract.js';
import type { SubjectSearchQuery as SubjectSearchSchema, SubjectView as SubjectSchema } from '../../../src/registry/subject.contract.js';

export type ProblemBody = Static<typeof Problem>;
export type Me = Static<typeof MeSchema>;
export type Staff = Static<typeof StaffSchema>;
export type NewStaff = Static<typeof NewStaffSchema>;
export type StaffPatch = Static<typeof StaffPatchSchema>;
export type ApiKey = Static<typeof ApiKeySchema>;
export type NewApiKey = Static<typeof NewApiKeySchema>;
export type Region = Static<typeof RegionSchema>;
export type RegionDetail = Static<typeof RegionDetailSchema>;
export type Department = Static<typeof DepartmentSchema>;
export type Subject = Static<typeof SubjectSchema>;
export type SubjectSearch = Static<typeof SubjectSearchSchema>;
export type AuditEvent = Static<typeof AuditEventSchema>;
export type ChainVerification = Static<typeof ChainVerificationView>;
export type PortalMe = Static<typeof PortalMeSchema>;
export type OtpSent = Static<typeof OtpSentSchema>;
export type AccessEntry = Static<typeof AccessEntrySchema>;
export type LicenseType = Static<typeof LicenseTypeView>;
export type License = Static<typeof LicenseView>;
export type LicenseEvent = Static<typeof LicenseEventView>;
export type IssueLicense = Static<typeof IssueLicenseBody>;
export type AmendLicense = Static<typeof AmendLicenseBody>;
export type EndLicense = Static<typeof EndLicenseBody>;
export type SignedDocument = Static<typeof SignedDocumentSchema>;
export type VerificationResult = Static<typeof VerificationResultSchema>;
export type ProofType = Static<typeof ProofTypeView>;
export type Proof = Static<typeof ProofView>;
export type IssueProof = Static<typeof IssueProofBody>;
export type PortalIssueProof = Static<typeof PortalIssueProofBody>;
export type RevokeProof = Static<typeof RevokeProofBody>;
export type ProofListQuery = Static<typeof ProofListQuerySchema>;
/** A page of a cursor-paged list. */
export type Page<T> = Omit<Static<ReturnType<typeof PageSchema>>, 'items'> & { items: T[] };
/** What the staff login answers. */
export interface LoginResult {
  staff: Staff;
  csrfToken: string;
  expiresAt: string;
}
