import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, isWellFormedUnicode } from './canonical-json.js';

/** A double from its IEEE 754 bit pattern, as RFC 8785 Appendix B lists them. */
const ieee = (hex: string) => Buffer.from(hex, 'hex').readDoubleBE(0);

describe('canonical JSON (RFC 8785 JCS)', () => {
  it('reproduces the example of RFC 8785 §3.2.3 byte for byte', () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    // The UTF-8 bytes printed in the RFC.
    const expected =
      '7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273223a5b3333333333333333332e333333333333332c31652b33302c342e352c302e3030322c31652d32375d2c22737472696e67223a22e282ac245c753030' +
      '30665c6e4127425c225c5c5c5c5c222f227d';
    expect(Buffer.from(canonicalJson(JSON.parse(input)), 'utf8').toString('hex')).toBe(expected);
  });

  it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3 sorting example)', () => {
    const input = JSON.parse(String.raw`{
      "\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control", "\u00f6": "Latin Small Letter O With Diaeresis"
    }`) as Record<string, string>;
    const order = Object.keys(JSON.parse(canonicalJson(input)) as object).filter((k) => k !== '1');
    // (JSON.parse puts the integer-like key "1" first again; its place is checked on the text below.)
    expect(order.map((k) => input[k])).toEqual([
      'Carriage Return', 'Control', 'Latin Small Letter O With Diaeresis', 'Euro Sign', 'Emoji: Grinning Face', 'Hebrew Letter Dalet With Dagesh',
    ]);
    const text = canonicalJson(input);
    const positions = ['Carriage Return', 'One', 'Control', 'Latin Small', 'Euro Sign', 'Emoji', 'Hebrew'].map((v) => text.indexOf(v));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // U+1F600 (surrogates D83D DE00) sorts before U+FB33, although its code point is higher.
    expect(canonicalJson({ '\ufb33': 1, '\u{1F600}': 2 })).toBe('{"\u{1F600}":2,"\ufb33":1}');
  });

  it('writes numbers in the ECMAScript shortest form (RFC 8785 Appendix B)', () => {
    const table: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'], // minus zero
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [hex, text] of table) expect(canonicalJson(ieee(hex)), hex).toBe(text);
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson(1e21)).toBe('1e+21');
    expect(canonicalJson(1e20)).toBe('100000000000000000000');
    expect(canonicalJson(0.000001)).toBe('0.000001');
    expect(canonicalJson(1e-7)).toBe('1e-7');
  });

  it('refuses what JSON cannot carry', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, ieee('7fffffffffffffff'), ieee('7ff0000000000000')]) expect(() => canonicalJson(bad)).toThrow(TypeError);
    expect(() => canonicalJson({ a: 1n })).toThrow(TypeError);
    expect(() => canonicalJson([() => 1])).toThrow(TypeError);
  });

  it('refuses unpaired surrogates (RFC 8785 takes I-JSON), in values and in keys', () => {
    for (const bad of ['\ud800', 'a\udc00', '\udc00\ud800', 'x\ud83d']) {
      expect(isWellFormedUnicode(bad), JSON.stringify(bad)).toBe(false);
      expect(() => canonicalJson(bad)).toThrow(/unpaired surrogate/);
      expect(() => canonicalJson({ [bad]: 1 })).toThrow(/unpaired surrogate/);
      expect(() => canonicalJson({ a: [bad] })).toThrow(/unpaired surrogate/);
    }
    for (const good of ['', '😀', '\ud83d\ude00x', '免证']) expect(isWellFormedUnicode(good)).toBe(true);
  });

  it('escapes strings as RFC 8785 requires: short forms, lower-case \\u00xx for other controls, nothing else', () => {
    expect(canonicalJson('\b\t\n\f\r"\\')).toBe(String.raw`"\b\t\n\f\r\"\\"`);
    expect(canonicalJson('\u0000\u001f\u007f')).toBe('"\\u0000\\u001f\u007f"');
    expect(canonicalJson('/ 免证 € 😀')).toBe('"/ 免证 € 😀"');
  });

  it('drops undefined members, writes null for undefined array slots, and dates as ISO strings', () => {
    expect(canonicalJson({ b: undefined, a: [undefined, 1], d: new Date('2026-01-02T03:04:05.678Z') })).toBe('{"a":[null,1],"d":"2026-01-02T03:04:05.678Z"}');
  });

  it('sorts nested objects and leaves array order alone', () => {
    expect(canonicalJson({ z: { y: 1, x: [3, 1, { b: 2, a: 1 }] }, a: null })).toBe('{"a":null,"z":{"x":[3,1,{"a":1,"b":2}],"y":1}}');
  });

  it('property: the output is JSON for the same value, and does not depend on key insertion order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(text))).toBe(text); // idempotent
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
          const reversed = Object.fromEntries(Object.entries(value).reverse());
          expect(canonicalJson(reversed)).toBe(text);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
