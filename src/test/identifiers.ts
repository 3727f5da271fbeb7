import { idNumberCheckChar } from '../core/ids/id-number.js';
import { organizationCodeCheckChar, usccCheckChar } from '../core/ids/uscc.js';

/** A valid resident ID number (GB 11643) from its first 17 digits. */
export function idNumberFrom(first17: string): string {
  return first17 + idNumberCheckChar(first17);
}

/** A valid USCC (GB 32100) of an enterprise (authority 9, category 1) in `county`, from an 8-character organisation code body. */
export function usccFrom(county: string, org8: string): string {
  const first17 = `91${county}${org8}${organizationCodeCheckChar(org8)}`;
  return first17 + usccCheckChar(first17);
}

/** An ID number or USCC with its check character replaced by another one. */
export function withWrongCheck(code: string): string {
  return `${code.slice(0, 17)}${code.endsWith('0') ? '1' : '0'}`;
}
