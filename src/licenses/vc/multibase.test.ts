import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase58btc, decodeBase64url, encodeBase58btc, encodeBase64url } from './multibase.js';

describe('multibase', () => {
  it('matches the multibase test vectors, leading zero bytes included', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(encodeBase58btc(text('yes mani !'))).toBe('z7paNL19xttacUY');
    expect(encodeBase58btc(text('\0yes mani !'))).toBe('z17paNL19xttacUY');
    expect(encodeBase58btc(text('\0\0yes mani !'))).toBe('z117paNL19xttacUY');
    expect(encodeBase64url(text('yes mani !'))).toBe('ueWVzIG1hbmkgIQ');
    expect(new TextDecoder().decode(decodeBase58btc('z7paNL19xttacUY'))).toBe('yes mani !');
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        expect([...decodeBase58btc(encodeBase58btc(bytes))]).toEqual([...bytes]);
        expect([...decodeBase64url(encodeBase64url(bytes))]).toEqual([...bytes]);
      }),
    );
  });

  it('refuses wrong prefixes, foreign characters and padding', () => {
    expect(() => decodeBase58btc('7paNL19xttacUY')).toThrow(/prefix/);
    expect(() => decodeBase58btc('z0OIl')).toThrow(/base58btc character/);
    expect(() => decodeBase64url('eWVzIG1hbmkgIQ')).toThrow(/prefix/);
    expect(() => decodeBase64url('ueWVzIG1hbmkgIQ==')).toThrow(/padding/);
    expect(() => decodeBase64url('ueWVz+G1hbmkgIQ')).toThrow(/padding/);
  });
});
