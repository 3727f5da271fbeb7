/**
 * E-licence identifiers (证照标识) per GB/T 36904 as the provincial platforms implement them:
 * `1.2.156.3005.2.{type code}.{issuer code}.{serial}.{version}.{check}` where the type code is the
 * catalogue owner's USCC + a 3-digit sequence (21 chars), the issuer code the issuing body's USCC,
 * the serial alphanumeric, the version 3 digits, and the check one ISO/IEC 7064 MOD 37,36 character
 * over type + issuer + serial + version.
 */

export const LICENSE_ID_ROOT = '1.2.156.3005.2';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO/IEC 7064 MOD 37,36 check character of an alphanumeric string. */
export function mod3736CheckChar(data: string): string {
  let p = 36;
  for (const c of data.toUpperCase()) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) throw new RangeError(`"${c}" is not 0-9 or A-Z`);
    p = (p + v) % 36;
    if (p === 0) p = 36;
    p = (p * 2) % 37;
  }
  return ALPHABET[(37 - p) % 36] ?? '0';
}

export interface LicenseIdParts {
  /** Catalogue owner's USCC + 3-digit sequence. */
  typeCode: string;
  /** Issuing body's USCC. */
  issuerCode: string;
  serial: string;
  /** 1–999. */
  version: number;
}

/** Builds an identifier with its check character. */
export function formatLicenseId(parts: LicenseIdParts): string {
  const version = String(parts.version).padStart(3, '0');
  const body = `${parts.typeCode}${parts.issuerCode}${parts.serial}${version}`;
  return `${LICENSE_ID_ROOT}.${parts.typeCode}.${parts.issuerCode}.${parts.serial}.${version}.${mod3736CheckChar(body)}`;
}

export type LicenseIdResult = ({ ok: true } & LicenseIdParts) | { ok: false; reason: string };

/** Parses and checks an identifier: root, field shapes and the MOD 37,36 check character. */
export function parseLicenseId(raw: string): LicenseIdResult {
  const id = raw.trim().toUpperCase();
  if (!id.startsWith(`${LICENSE_ID_ROOT}.`)) return { ok: false, reason: `must start with ${LICENSE_ID_ROOT}.` };
  const fields = id.slice(LICENSE_ID_ROOT.length + 1).split('.');
  if (fields.length !== 5) return { ok: false, reason: 'must have type, issuer, serial, version and check after the root' };
  const [typeCode = '', issuerCode = '', serial = '', version = '', check = ''] = fields;
  if (!/^[0-9A-Z]{18}\d{3}$/.test(typeCode)) return { ok: false, reason: 'type code must be a USCC and a 3-digit sequence' };
  if (!/^[0-9A-Z]{18}$/.test(issuerCode)) return { ok: false, reason: 'issuer code must be an 18-character USCC' };
  if (!/^[0-9A-Z]{1,40}$/.test(serial)) return { ok: false, reason: 'serial must be 1–40 letters or digits' };
  if (!/^\d{3}$/.test(version) || version === '000') return { ok: false, reason: 'version must be 001–999' };
  const expected = mod3736CheckChar(`${typeCode}${issuerCode}${serial}${version}`);
  if (check !== expected) return { ok: false, reason: `check character should be ${expected}` };
  return { ok: true, typeCode, issuerCode, serial, version: Number(version) };
}
