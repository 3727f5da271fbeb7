import { describe, expect, it } from 'vitest';
import { validateIdNumber } from '../../core/ids/id-number.js';
import { organizationCodeCheckChar, validateUscc } from '../../core/ids/uscc.js';
import { yiyangRegions } from '../seed.js';
import { checkSubject } from '../subject.service.js';
import { addressCodeFor, syntheticOrganization, syntheticPerson, syntheticPlaces } from './synthetic.js';

const regions = yiyangRegions();
const places = syntheticPlaces(regions.filter((r) => r.level === 'township' || r.level === 'village').map((r) => r.code));
const known = new Set(regions.map((r) => r.code));
// GB/T 2260 county codes of Yiyang (functional zones 4309 7x have none) and the former 市辖区.
const addressCodes = new Set(['430901', ...regions.filter((r) => r.level === 'county' && r.code[4] !== '7').map((r) => r.code.slice(0, 6))]);
const rules = { today: new Date('2026-01-01T00:00:00Z'), isKnownAddressCode: (c: string) => addressCodes.has(c), regionExists: (c: string) => known.has(c) };

const N = 50_000;

describe('synthetic subjects', () => {
  it('gives 50,000 consecutive persons that are all valid and all distinct', () => {
    const ids = new Set<string>();
    const sexes = new Set<string>();
    for (let i = 0; i < N; i++) {
      const p = syntheticPerson(i, places);
      const { subject, errors } = checkSubject(p, rules);
      if (!subject) throw new Error(`person ${i} (${p.idNumber}) is invalid: ${JSON.stringify(errors)}`);
      const id = validateIdNumber(p.idNumber ?? '', rules);
      if (!id.ok) throw new Error(`person ${i}: ${id.reason}`);
      // The number carries the address code of the region the person is registered in.
      if (id.addressCode !== addressCodeFor(p.regionCode)) throw new Error(`person ${i}: ${id.addressCode} vs region ${p.regionCode}`);
      ids.add(id.idNumber);
      sexes.add(id.sex);
    }
    expect(ids.size).toBe(N);
    expect([...sexes].sort()).toEqual(['female', 'male']);
  });

  it('gives 50,000 consecutive organisations that are all valid and all distinct', () => {
    const codes = new Set<string>();
    for (let i = 0; i < N; i++) {
      const o = syntheticOrganization(i, places);
      const { subject, errors } = checkSubject(o, rules);
      if (!subject) throw new Error(`organisation ${i} (${o.uscc}) is invalid: ${JSON.stringify(errors)}`);
      const uscc = o.uscc ?? '';
      const r = validateUscc(uscc);
      if (!r.ok) throw new Error(`organisation ${i}: ${r.reason}`);
      if (r.regionCode !== addressCodeFor(o.regionCode)) throw new Error(`organisation ${i}: ${r.regionCode} vs region ${o.regionCode}`);
      // The organisation code (positions 9–17) carries its own GB 11714 check.
      if (organizationCodeCheckChar(uscc.slice(8, 16)) !== uscc[16]) throw new Error(`organisation ${i}: bad GB 11714 check in ${uscc}`);
      codes.add(uscc);
    }
    expect(codes.size).toBe(N);
  });

  it('is deterministic and keeps separate ranges apart', () => {
    expect(syntheticPerson(12_345, places)).toEqual(syntheticPerson(12_345, places));
    expect(syntheticOrganization(777, places)).toEqual(syntheticOrganization(777, places));
    // A far range (as `seed --offset` makes) shares no ID number with the first one.
    const first = new Set(Array.from({ length: 5_000 }, (_, i) => syntheticPerson(i, places).idNumber));
    for (let i = 10_000_000; i < 10_005_000; i++) expect(first.has(syntheticPerson(i, places).idNumber)).toBe(false);
  });
});
