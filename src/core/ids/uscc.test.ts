import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replaceChar, swapChars } from '../../test/corrupt.js';
import { USCC_ALPHABET, organizationCodeCheckChar, usccCheckChar, validateUscc } from './uscc.js';

/** Registering authority → organisation categories that tests generate (a subset GB 32100 allows). */
const AUTHORITY_CATEGORIES: [string, string][] = [['1', '1239'], ['5', '1239'], ['9', '123'], ['Y', '1']];

const withCheck = (first17: string) => first17 + usccCheckChar(first17);

/** True when the code uses the alphabet but its check character is wrong: the checksum itself caught it. */
const checksumFails = (code: string) => [...code].every((c) => USCC_ALPHABET.includes(c)) && usccCheckChar(code.slice(0, 17)) !== code[17];

const alphabetChar = fc.constantFrom(...USCC_ALPHABET);

/** Any valid USCC: a known authority and category, 6 region digits, 9 organisation-code characters, the MOD 31 check. */
const validUscc = fc
  .record({
    authority: fc.constantFrom(...AUTHORITY_CATEGORIES),
    pick: fc.nat(),
    region: fc.integer({ min: 110000, max: 829999 }),
    org: fc.array(alphabetChar, { minLength: 9, maxLength: 9 }),
  })
  .map(({ authority: [a, cats], pick, region, org }) => withCheck(`${a}${cats[pick % cats.length]}${region}${org.join('')}`));

describe('unified social credit codes (GB 32100, MOD 31)', () => {
  it('accepts the real examples and reads their parts', () => {
    expect(validateUscc('11100000000013338W')).toEqual({ ok: true, uscc: '11100000000013338W', authority: '1', category: '1', regionCode: '100000' });
    expect(validateUscc('11430000006122244L')).toEqual({ ok: true, uscc: '11430000006122244L', authority: '1', category: '1', regionCode: '430000' });
    expect(usccCheckChar('11100000000013338')).toBe('W');
    expect(usccCheckChar('11430000006122244')).toBe('L');
  });

  it('computes the GB 11714 organisation-code check (position 17) of the real examples', () => {
    expect(organizationCodeCheckChar('00001333')).toBe('8');
    expect(organizationCodeCheckChar('00612224')).toBe('4');
    // 11 − (S mod 11): 10 is written X and 11 is written 0.
    expect(organizationCodeCheckChar('00000000')).toBe('0');
    expect(organizationCodeCheckChar('00000006')).toBe('X');
  });

  it('accepts lower case and spaces around the code', () => {
    const r = validateUscc(' 11430000006122244l ');
    expect(r.ok && r.uscc).toBe('11430000006122244L');
  });

  it('refuses the letters GB 32100 leaves out (I, O, S, V, Z) and other characters', () => {
    for (const c of ['I', 'O', 'S', 'V', 'Z', '-', '中']) {
      const r = validateUscc(`1143000000612224${c}L`);
      expect(r.ok, c).toBe(false);
      expect(!r.ok && r.reason).toMatch(/not allowed/);
    }
  });

  it('refuses wrong lengths, unknown authorities, categories and region digits even with a right check character', () => {
    expect(validateUscc('1143000000612224L')).toEqual({ ok: false, reason: 'must be 18 characters' });
    const authority = validateUscc(withCheck('B1430000006122244'));
    expect(!authority.ok && authority.reason).toMatch(/authority "B" is unknown/);
    const category = validateUscc(withCheck('9443000000612224A'));
    expect(!category.ok && category.reason).toMatch(/category "4" is not valid for authority "9"/);
    const region = validateUscc(withCheck('914300A0006122244'));
    expect(!region.ok && region.reason).toMatch(/region code/);
  });

  it('refuses a wrong check character and names the right one', () => {
    expect(validateUscc('11430000006122244M')).toEqual({ ok: false, reason: 'check character should be L' });
  });

  describe('properties', () => {
    it('every generated valid code validates', () => {
      fc.assert(
        fc.property(validUscc, (code) => {
          const r = validateUscc(code);
          expect(r).toEqual({ ok: true, uscc: code, authority: code[0], category: code[1], regionCode: code.slice(2, 8) });
        }),
        { numRuns: 2000 },
      );
    });

    it('any single substitution within the alphabet is rejected by the checksum', () => {
      // 31 is prime, every weight is a power of 3 (non-zero mod 31) and two symbols differ by 1..30,
      // so the weighted sum always moves.
      fc.assert(
        fc.property(validUscc, fc.nat({ max: 17 }), fc.integer({ min: 1, max: 30 }), (code, pos, shift) => {
          const replacement = USCC_ALPHABET[(USCC_ALPHABET.indexOf(code[pos] ?? '') + shift) % 31] ?? '';
          const corrupt = replaceChar(code, pos, replacement);
          expect(validateUscc(corrupt).ok).toBe(false);
          expect(checksumFails(corrupt)).toBe(true);
        }),
        { numRuns: 3000 },
      );
    });

    it('a substitution by a letter outside the alphabet is rejected by the alphabet check', () => {
      fc.assert(
        fc.property(validUscc, fc.nat({ max: 17 }), fc.constantFrom('I', 'O', 'S', 'V', 'Z'), (code, pos, letter) => {
          const r = validateUscc(replaceChar(code, pos, letter));
          expect(!r.ok && r.reason).toMatch(/not allowed/);
        }),
        { numRuns: 500 },
      );
    });

    it('any adjacent transposition of two different characters is rejected by the checksum', () => {
      // Neighbouring weights differ by a factor 3 (w − 3w = −2w ≠ 0 mod 31), the check weighs 1 against 28.
      fc.assert(
        fc.property(validUscc, fc.nat({ max: 16 }), (code, pos) => {
          fc.pre(code[pos] !== code[pos + 1]);
          const corrupt = swapChars(code, pos, pos + 1);
          expect(validateUscc(corrupt).ok).toBe(false);
          expect(checksumFails(corrupt)).toBe(true);
        }),
        { numRuns: 3000 },
      );
    });

    it('is not a guard against two errors: changes that cancel mod 31 pass the checksum', () => {
      // Weights 1 (position 1) and 3 (position 2): +3 at position 1 and −1 at position 2 leave the sum unchanged.
      const code = '91430000006122244L'.slice(0, 17);
      const twice = `C${String(Number(code[1]) - 1)}${code.slice(2)}`; // 9 → C (12 = 9 + 3), 1 → 0
      expect(usccCheckChar(twice)).toBe(usccCheckChar(code));
    });
  });
});
