import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replaceChar, swapChars } from '../../test/corrupt.js';
import { idNumberCheckChar, isRealDate, normalizeIdNumber, validateIdNumber } from './id-number.js';

/** GB/T 2260 province codes, written out here independently of the implementation's list. */
const PROVINCES = [
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42',
  '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
];
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ALPHABET = '0123456789X';
const TODAY = new Date('2026-03-15T12:00:00Z');
const rules = { today: TODAY };

/** Completes 17 digits with their MOD 11-2 check character, so a test isolates one other rule. */
const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);

/** True when an 18-character string is well formed but its check character is wrong: the checksum itself caught it. */
const checksumFails = (id: string) => /^\d{17}[\dX]$/.test(id) && idNumberCheckChar(id.slice(0, 17)) !== id[17];

/** Any valid ID number: a known province, any address digits, a real birth day up to TODAY, any sequence. */
const validIdNumber = fc
  .record({
    province: fc.constantFrom(...PROVINCES),
    address: fc.integer({ min: 0, max: 9999 }),
    birth: fc.date({ min: new Date('1890-01-01T00:00:00Z'), max: new Date('2026-03-15T00:00:00Z'), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, address, birth, seq }) => {
    const ymd = birth.toISOString().slice(0, 10);
    const first17 = `${province}${String(address).padStart(4, '0')}${ymd.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
    return { id: withCheck(first17), ymd, sex: seq % 2 === 1 ? 'male' : 'female' };
  });

describe('resident ID numbers (GB 11643, ISO 7064 MOD 11-2)', () => {
  it('accepts the example of the standard and derives its parts', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(validateIdNumber('11010519491231002X', rules)).toEqual({
      ok: true,
      idNumber: '11010519491231002X',
      addressCode: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('treats a lower-case x and surrounding spaces as the same number', () => {
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
    const r = validateIdNumber(' 11010519491231002x', rules);
    expect(r.ok && r.idNumber).toBe('11010519491231002X');
  });

  it('derives sex from the parity of the sequence', () => {
    const male = validateIdNumber(withCheck('43090219900101123'), rules);
    const female = validateIdNumber(withCheck('43090219900101124'), rules);
    expect(male.ok && male.sex).toBe('male');
    expect(female.ok && female.sex).toBe('female');
  });

  it('refuses the wrong shapes', () => {
    for (const bad of ['', '110105491231002', '11010519491231002', '11010519491231002XX', '1101051949123100X2', '11010519491231002Y', '１１0105194912310028']) {
      const r = validateIdNumber(bad, rules);
      expect(r.ok, bad).toBe(false);
      expect(!r.ok && r.reason).toMatch(/18 characters/);
    }
  });

  it('refuses a wrong check character and says which one is right', () => {
    const r = validateIdNumber('110105194912310021', rules);
    expect(r).toEqual({ ok: false, reason: 'check character should be X' });
  });

  it('refuses impossible dates even with a correct check character', () => {
    for (const date of ['19990230', '19000229', '20230229', '19991301', '19990000', '19990431']) {
      const r = validateIdNumber(withCheck(`430902${date}123`), rules);
      expect(r.ok, date).toBe(false);
      expect(!r.ok && r.reason).toMatch(/does not exist/);
    }
    for (const date of ['20000229', '20040229', '19991231']) expect(validateIdNumber(withCheck(`430902${date}123`), rules).ok, date).toBe(true);
  });

  it('refuses births after today and before 1890', () => {
    expect(validateIdNumber(withCheck('43090220260315123'), rules).ok).toBe(true);
    const future = validateIdNumber(withCheck('43090220260316123'), rules);
    expect(!future.ok && future.reason).toMatch(/out of range/);
    const ancient = validateIdNumber(withCheck('43090218891231123'), rules);
    expect(!ancient.ok && ancient.reason).toMatch(/out of range/);
  });

  it('takes today as the civil date in China (UTC+8)', () => {
    const justAfterMidnightInBeijing = { today: new Date('2026-03-15T16:30:00Z') }; // 2026-03-16 00:30 in Beijing
    expect(validateIdNumber(withCheck('43090220260316123'), justAfterMidnightInBeijing).ok).toBe(true);
    expect(validateIdNumber(withCheck('43090220260317123'), justAfterMidnightInBeijing).ok).toBe(false);
    const lateEveningInBeijing = { today: new Date('2026-03-15T15:59:00Z') }; // 2026-03-15 23:59
    expect(validateIdNumber(withCheck('43090220260316123'), lateEveningInBeijing).ok).toBe(false);
  });

  it('refuses unknown provinces and, when told, unknown address codes', () => {
    for (const province of ['00', '10', '16', '39', '55', '66', '72', '83', '91', '99']) {
      const r = validateIdNumber(withCheck(`${province}090219900101123`), rules);
      expect(r.ok, province).toBe(false);
      expect(!r.ok && r.reason).toMatch(/no valid province/);
    }
    const known = (code: string) => code === '430902';
    expect(validateIdNumber(withCheck('43090219900101123'), { ...rules, isKnownAddressCode: known }).ok).toBe(true);
    const r = validateIdNumber(withCheck('43099919900101123'), { ...rules, isKnownAddressCode: known });
    expect(!r.ok && r.reason).toMatch(/not a known region/);
  });

  it('isRealDate follows the Gregorian calendar', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2100-02-29')).toBe(false);
    expect(isRealDate('2023-04-31')).toBe(false);
    expect(isRealDate('2023-4-3')).toBe(false);
  });

  it('isRealDate agrees with the calendar of Date on any YYYY-MM-DD', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const ymd = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        const date = new Date(`${ymd}T00:00:00Z`);
        expect(isRealDate(ymd)).toBe(!Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === ymd);
      }),
      { numRuns: 5000 },
    );
  });

  describe('properties', () => {
    it('every generated valid number validates, with its birth date and sex', () => {
      fc.assert(
        fc.property(validIdNumber, ({ id, ymd, sex }) => {
          const r = validateIdNumber(id, rules);
          expect(r).toEqual({ ok: true, idNumber: id, addressCode: id.slice(0, 6), birthDate: ymd, sex });
        }),
        { numRuns: 2000 },
      );
    });

    it('any single-character substitution is rejected, and by the checksum whenever it stays well formed', () => {
      // MOD 11-2: every weight is non-zero mod 11 and a digit changes by 1..9 (or the check by 1..10),
      // so the weighted sum always moves; only an X moved into the first 17 places is left to the format check.
      fc.assert(
        fc.property(validIdNumber, fc.nat({ max: 17 }), fc.integer({ min: 1, max: 10 }), ({ id }, pos, shift) => {
          const replacement = ALPHABET[(ALPHABET.indexOf(id[pos] ?? '') + shift) % ALPHABET.length] ?? '';
          const corrupt = replaceChar(id, pos, replacement);
          expect(corrupt).not.toBe(id);
          expect(validateIdNumber(corrupt, rules).ok).toBe(false);
          if (!(replacement === 'X' && pos < 17)) expect(checksumFails(corrupt)).toBe(true);
        }),
        { numRuns: 3000 },
      );
    });

    it('any adjacent transposition of two different characters is rejected by the checksum', () => {
      // Neighbouring weights differ (W[i] = 2·W[i+1] mod 11), and the check character weighs 1 against 2.
      fc.assert(
        fc.property(validIdNumber, fc.nat({ max: 16 }), ({ id }, pos) => {
          fc.pre(id[pos] !== id[pos + 1]); // swapping equal characters changes nothing: not an error
          const corrupt = swapChars(id, pos, pos + 1);
          expect(validateIdNumber(corrupt, rules).ok).toBe(false);
          if (!corrupt.slice(0, 17).includes('X')) expect(checksumFails(corrupt)).toBe(true);
        }),
        { numRuns: 3000 },
      );
    });

    it('any jump transposition (abc → cba) among the first 17 digits is rejected by the checksum', () => {
      fc.assert(
        fc.property(validIdNumber, fc.nat({ max: 14 }), ({ id }, pos) => {
          fc.pre(id[pos] !== id[pos + 2]);
          expect(checksumFails(swapChars(id, pos, pos + 2))).toBe(true);
        }),
        { numRuns: 2000 },
      );
    });

    it('is not a guard against two errors: compensating changes at equal weights pass the checksum', () => {
      // What the math cannot catch: +1 at one position and −1 at another of the same weight (positions 4 and 14).
      expect(WEIGHTS[3]).toBe(WEIGHTS[13]);
      const id = '11010519491231002X';
      const twice = `${id.slice(0, 3)}${Number(id[3]) + 1}${id.slice(4, 13)}${Number(id[13]) - 1}${id.slice(14)}`;
      expect(twice).toBe('11020519491230002X');
      expect(validateIdNumber(twice, rules).ok).toBe(true);
    });
  });
});
