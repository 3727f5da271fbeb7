import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './masking.js';

describe('masking of personal data', () => {
  it('keeps the address code and the last four of an ID number', () => {
    expect(maskIdNumber('430902199001011234')).toBe('430902********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('keeps the first three and last four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('073761234567')).toBe('073*****4567');
  });

  it('masks short values entirely rather than showing them', () => {
    expect(maskIdNumber('123456789')).toBe('*********');
    expect(maskPhone('123456')).toBe('******');
    expect(maskPhone('')).toBe('');
  });

  it('keeps only the family name of a person', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳')).toBe('欧*');
    expect(maskName('王')).toBe('王');
  });

  it('property: a masked ID number never shows the birth date or sequence, and keeps its length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(6, 14)).toBe('********');
        expect(masked.slice(0, 6) + masked.slice(14)).toBe(id.slice(0, 6) + id.slice(14));
      }),
    );
  });
});
