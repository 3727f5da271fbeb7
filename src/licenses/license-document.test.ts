import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../core/crypto/canonical-json.js';
import { canonicalLicenseDocument, type LicenseDocument } from './license-document.js';

const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('益阳市赫山区市场监督管理局', 'a"b\\c\n\t\u0000', '😀', 'x\uD800y'));
const document: fc.Arbitrary<LicenseDocument> = fc.record({
  identifier: text,
  name: text,
  typeCode: text,
  number: text,
  holderName: text,
  holderCode: text,
  holderCodeType: fc.constantFrom('居民身份证', '统一社会信用代码'),
  issuerName: text,
  issuerCode: text,
  issuedOn: text,
  validFrom: text,
  validUntil: fc.option(text, { nil: null }),
  regionCode: text,
  previousIdentifier: fc.option(text, { nil: null }),
  fields: fc.array(fc.record({ key: text, label: text, value: text }), { maxLength: 4 }),
});

describe('canonicalLicenseDocument', () => {
  it('writes exactly the bytes of the general canonical JSON (RFC 8785), for any document', () => {
    fc.assert(
      fc.property(document, (doc) => {
        let expected: string | Error;
        try {
          expected = canonicalJson(doc);
        } catch (err) {
          expected = err as Error;
        }
        if (expected instanceof Error) expect(() => canonicalLicenseDocument(doc)).toThrow(expected.message); // an unpaired surrogate
        else expect(canonicalLicenseDocument(doc)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
