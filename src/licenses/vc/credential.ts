/**
 * Electronic licences and proofs as W3C Verifiable Credentials Data Model v2.0 (Recommendation,
 * 15 May 2025), so a holder can carry one offline and any verifier can check it: JSON-LD with the
 * v2 context, the issuing department as `issuer`, the licence fields as claims about the holder,
 * a Bitstring Status List entry for revocation. Terms we add (`ElectronicLicenseCredential`, the
 * licence fields) resolve through the v2 context's issuer-dependent `@vocab` (§5.2).
 */

/** A JSON value (what canonical JSON can carry). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Any credential, secured or not: what Data Integrity signs and verifies. */
export interface CredentialBase {
  '@context': string[];
  id?: string;
  type: string[];
  issuer: { id: string; name: string };
  [key: string]: unknown;
}

/** The VC v2.0 base context; it must come first (§4.3). */
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/** `ElectronicLicenseCredential` for 电子证照, `ElectronicProofCredential` for 电子证明. */
export const CREDENTIAL_TYPES = { license: 'ElectronicLicenseCredential', proof: 'ElectronicProofCredential' } as const;

/** What the registry knows about a licence or proof, in the words of the credential. */
export interface CredentialInput {
  kind: keyof typeof CREDENTIAL_TYPES;
  /** The credential's id: the verification URL, or the licence identifier as a URN. */
  id: string;
  /** 证照名称 / 证明名称, e.g. 食品经营许可证. */
  name: string;
  /** The issuing department: `did:web:…` or https URL, and its name (证照颁发机构). */
  issuer: { id: string; name: string };
  /** The holder (持证主体): a URI that is not a personal number (omit it for a bearer credential), and the name. */
  holder: { id?: string; name: string };
  /** Licence fields, as claims about the holder (证照编号, 证照类型代码, 经营范围 …). */
  claims: Record<string, JsonValue>;
  /** First valid day `YYYY-MM-DD` (Beijing) or an ISO 8601 date-time with offset. */
  validFrom: string;
  /** Last valid day `YYYY-MM-DD` (valid to its end, Beijing) or a date-time; null for 长期. */
  validUntil: string | null;
  /** Where the department's revocation list lives and this credential's bit in it. */
  status: { statusListCredential: string; statusListIndex: number };
}

/** A `BitstringStatusListEntry` (Bitstring Status List v1.0 §2.1). */
export interface StatusListEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: 'revocation';
  statusListIndex: string;
  statusListCredential: string;
}

/** A licence or proof credential before its proof is added. */
export interface UnsecuredLicenseCredential extends CredentialBase {
  id: string;
  type: ['VerifiableCredential', (typeof CREDENTIAL_TYPES)[keyof typeof CREDENTIAL_TYPES]];
  name: string;
  validFrom: string;
  validUntil?: string;
  credentialSubject: { id?: string; name: string; [claim: string]: JsonValue | undefined };
  credentialStatus: StatusListEntry;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An xsd:dateTimeStamp as VC v2.0 §4.9 requires for validFrom/validUntil. A calendar day is a
 * Beijing day (UTC+8): valid from its first second, or until its last.
 */
export function toDateTimeStamp(value: string, edge: 'start' | 'end'): string {
  if (DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    return `${value}T${edge === 'start' ? '00:00:00' : '23:59:59'}+08:00`;
  }
  if (DATE_TIME_STAMP.test(value) && !Number.isNaN(Date.parse(value))) return value;
  throw new Error(`not a YYYY-MM-DD date or a date-time with offset: ${value}`);
}

/** True when a string is an absolute URI (RFC 3986 scheme ":" …), as VC ids must be. */
export function isUri(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value);
}

/** Builds the unsecured credential for a licence or proof (VC Data Model v2.0 §4). */
export function toUnsecuredCredential(input: CredentialInput): UnsecuredLicenseCredential {
  for (const [field, value] of [['id', input.id], ['issuer.id', input.issuer.id], ['status.statusListCredential', input.status.statusListCredential], ['holder.id', input.holder.id]] as const) {
    if (value !== undefined && !isUri(value)) throw new Error(`${field} must be a URI: ${value}`);
  }
  if (!Number.isSafeInteger(input.status.statusListIndex) || input.status.statusListIndex < 0) {
    throw new Error(`status.statusListIndex must be a whole number ≥ 0: ${input.status.statusListIndex}`);
  }
  const { statusListCredential, statusListIndex } = input.status;
  const credential: UnsecuredLicenseCredential = {
    '@context': [VC_V2_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', CREDENTIAL_TYPES[input.kind]],
    name: input.name,
    issuer: { id: input.issuer.id, name: input.issuer.name },
    validFrom: toDateTimeStamp(input.validFrom, 'start'),
    credentialSubject: { ...input.claims, ...(input.holder.id ? { id: input.holder.id } : {}), name: input.holder.name },
    credentialStatus: {
      id: `${statusListCredential}#${statusListIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(statusListIndex),
      statusListCredential,
    },
  };
  if (input.validUntil !== null) credential.validUntil = toDateTimeStamp(input.validUntil, 'end');
  return credential;
}
