/**
 * Resident identity numbers (居民身份证号码) per GB 11643-1999: 6-digit address code (GB/T 2260),
 * birth date YYYYMMDD, 3-digit sequence (odd = male, even = female) and an ISO 7064 MOD 11-2 check.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Province-level codes of GB/T 2260 (the first two digits of every address code). */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

export type Sex = 'male' | 'female';

export type IdNumberResult =
  | { ok: true; idNumber: string; addressCode: string; birthDate: string; sex: Sex }
  | { ok: false; reason: string };

export interface IdNumberRules {
  /** Whether a 6-digit address code is acceptable beyond the province check (e.g. known to the region table). */
  isKnownAddressCode?: (code: string) => boolean;
  /** Birth dates after this day (in China, UTC+8) are refused. */
  today?: Date;
}

/** The MOD 11-2 check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '?';
}

/** Upper-cases and trims an ID number so that `x` and `X` index the same. */
export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Validates a resident ID number: format, check character, birth date and address code. */
export function validateIdNumber(raw: string, rules: IdNumberRules = {}): IdNumberResult {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, reason: 'must be 18 characters: 17 digits and a digit or X' };
  }
  const expected = idNumberCheckChar(id.slice(0, 17));
  if (id[17] !== expected) return { ok: false, reason: `check character should be ${expected}` };
  const addressCode = id.slice(0, 6);
  if (!PROVINCE_CODES.has(addressCode.slice(0, 2))) {
    return { ok: false, reason: `address code ${addressCode} has no valid province` };
  }
  if (rules.isKnownAddressCode && !rules.isKnownAddressCode(addressCode)) {
    return { ok: false, reason: `address code ${addressCode} is not a known region` };
  }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(birthDate)) return { ok: false, reason: `birth date ${birthDate} does not exist` };
  // Birth dates are civil dates in China (UTC+8): just after midnight there, today's births are not in the future.
  const today = new Date((rules.today ?? new Date()).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  if (birthDate < '1890-01-01' || birthDate > today) {
    return { ok: false, reason: `birth date ${birthDate} is out of range` };
  }
  const sex: Sex = Number(id[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, idNumber: id, addressCode, birthDate, sex };
}

/** True when YYYY-MM-DD names a day of the Gregorian calendar. */
export function isRealDate(ymd: string): boolean {
  // Arithmetic, not a Date: imports check millions of dates.
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1] ?? 0);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
