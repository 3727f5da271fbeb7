/**
 * Unified social credit codes (统一社会信用代码) per GB 32100-2015: registering authority, category,
 * 6-digit region code, 9-character organisation code (GB 11714) and a MOD 31 check character.
 */

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Organisation categories allowed for each registering authority (position 1 → position 2). */
const CATEGORIES: Record<string, string> = {
  '1': '1239', // 机构编制: 机关, 事业单位, 群众团体, 其他
  '2': '19', '3': '129', '4': '19', '6': '19', '7': '19', '8': '19', 'A': '19', 'N': '129',
  '5': '1239', // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '9': '123', // 工商/市场监管: 企业, 个体工商户, 农民专业合作社
  'Y': '1',
};

export type UsccResult =
  | { ok: true; uscc: string; authority: string; category: string; regionCode: string }
  | { ok: false; reason: string };

/** The MOD 31 check character for the first 17 characters. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] ?? '?';
}

/** The GB 11714 check character of an organisation code's first 8 characters (position 17 of a USCC). */
export function organizationCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i] ?? '';
    const v = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55; // A=10 … Z=35
    sum += v * (ORG_WEIGHTS[i] ?? 0);
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/** Validates a USCC: alphabet, authority and category, region digits and the check character. */
export function validateUscc(raw: string): UsccResult {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return { ok: false, reason: 'must be 18 characters' };
  for (const c of code) {
    if (!USCC_ALPHABET.includes(c)) return { ok: false, reason: `character "${c}" is not allowed (no I, O, S, V, Z)` };
  }
  const authority = code[0] ?? '';
  const category = code[1] ?? '';
  const categories = CATEGORIES[authority];
  if (!categories) return { ok: false, reason: `registering authority "${authority}" is unknown` };
  if (!categories.includes(category)) {
    return { ok: false, reason: `category "${category}" is not valid for authority "${authority}"` };
  }
  const regionCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(regionCode)) return { ok: false, reason: 'positions 3–8 must be a 6-digit region code' };
  const expected = usccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return { ok: false, reason: `check character should be ${expected}` };
  return { ok: true, uscc: code, authority, category, regionCode };
}
