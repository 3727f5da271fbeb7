/** True when a string has no unpaired UTF-16 surrogate, i.e. it is Unicode text (I-JSON, RFC 7493). */
export function isWellFormedUnicode(s: string): boolean {
  // Most text has no surrogate at all; only then is the pairing worth checking.
  return !SURROGATE.test(s) || !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** A string as canonical JSON; RFC 8785 takes I-JSON input, so an unpaired surrogate is refused. */
function canonicalString(s: string): string {
  if (!isWellFormedUnicode(s)) throw new TypeError('canonical JSON cannot represent a string with an unpaired surrogate');
  return JSON.stringify(s);
}

/**
 * JSON Canonicalization Scheme (RFC 8785): object keys sorted by UTF-16 code units, no whitespace,
 * numbers in ECMAScript shortest form, strings escaped as JSON.stringify does. What we sign and
 * hash is always these bytes, so any verifier can reproduce them.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON cannot represent NaN or Infinity');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return canonicalString(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${canonicalString(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot represent ${typeof value}`);
}
