import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countyCodeOf, isRegionCode, isWithinRegion, regionLevelOf, regionPrefix } from './region-code.js';

describe('statistical division codes', () => {
  it('accepts exactly twelve digits', () => {
    expect(isRegionCode('430903001000')).toBe(true);
    for (const bad of ['', '43090300100', '4309030010000', '43090300100a', ' 430903001000', '430903001000\n']) expect(isRegionCode(bad), JSON.stringify(bad)).toBe(false);
  });

  it('reads the level from the trailing zero groups', () => {
    expect(regionLevelOf('430000000000')).toBe('province');
    expect(regionLevelOf('430900000000')).toBe('city');
    expect(regionLevelOf('430903000000')).toBe('county');
    expect(regionLevelOf('430903001000')).toBe('township');
    expect(regionLevelOf('430903001901')).toBe('village');
  });

  it('gives the significant prefix of each level', () => {
    expect(regionPrefix('430000000000')).toBe('43');
    expect(regionPrefix('430900000000')).toBe('4309');
    expect(regionPrefix('430903000000')).toBe('430903');
    expect(regionPrefix('430903001000')).toBe('430903001');
    expect(regionPrefix('430903001901')).toBe('430903001901');
  });

  it('knows what lies within a region', () => {
    const heshanStreet = '430903001000'; // 赫山街道
    expect(isWithinRegion(heshanStreet, heshanStreet)).toBe(true);
    expect(isWithinRegion('430903001901', heshanStreet)).toBe(true);
    expect(isWithinRegion(heshanStreet, '430903000000')).toBe(true);
    expect(isWithinRegion(heshanStreet, '430900000000')).toBe(true);
    expect(isWithinRegion(heshanStreet, '430000000000')).toBe(true);
    // A neighbour, a parent, another county and another city are not.
    expect(isWithinRegion('430903002000', heshanStreet)).toBe(false);
    expect(isWithinRegion('430903000000', heshanStreet)).toBe(false);
    expect(isWithinRegion('430902005000', '430903000000')).toBe(false);
    expect(isWithinRegion('430100000000', '430900000000')).toBe(false);
  });

  it('takes the six-digit county part used by ID numbers and USCCs', () => {
    expect(countyCodeOf('430903001901')).toBe('430903');
  });

  it('property: a code lies within each of its ancestors and no unrelated code lies within it', () => {
    const part = (digits: number, min: number) => fc.integer({ min, max: 10 ** digits - 1 }).map((n) => String(n).padStart(digits, '0'));
    const village = fc.tuple(part(2, 11), part(2, 1), part(2, 1), part(3, 1), part(3, 1)).map((p) => p.join(''));
    fc.assert(
      fc.property(village, village, fc.nat({ max: 12 }), (code, stranger, shared) => {
        const other = code.slice(0, shared) + stranger.slice(shared); // shares the first `shared` digits
        const ancestors = [code.slice(0, 2).padEnd(12, '0'), code.slice(0, 4).padEnd(12, '0'), code.slice(0, 6).padEnd(12, '0'), code.slice(0, 9).padEnd(12, '0'), code];
        expect(ancestors.map(regionLevelOf)).toEqual(['province', 'city', 'county', 'township', 'village']);
        for (const a of ancestors) expect(isWithinRegion(code, a)).toBe(true);
        for (const a of ancestors.slice(1)) expect(isWithinRegion(a.slice(0, 2).padEnd(12, '0'), a)).toBe(false);
        const significant = [2, 4, 6, 9, 12];
        ancestors.forEach((a, i) => expect(isWithinRegion(other, a)).toBe(other.slice(0, significant[i]) === code.slice(0, significant[i])));
      }),
      { numRuns: 1000 },
    );
  });
});
