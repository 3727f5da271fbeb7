import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSm3, sm3Hex } from './sm3.js';

describe('SM3 (GB/T 32905)', () => {
  it('matches the test vectors of the standard', () => {
    // Example 1: "abc"; example 2: "abcd" repeated 16 times (512 bits).
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3Hex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('hashes strings as UTF-8 and bytes as they are', () => {
    expect(sm3Hex('免证')).toBe(sm3Hex(Buffer.from('免证', 'utf8')));
    expect(sm3Hex(new Uint8Array([0x61, 0x62, 0x63]))).toBe(sm3Hex('abc'));
  });

  it('computes HMAC-SM3 as RFC 2104 defines it over SM3 (64-byte blocks)', () => {
    const sm3 = (...parts: Buffer[]) => createHash('sm3').update(Buffer.concat(parts)).digest();
    const hmacByHand = (key: Buffer, message: Buffer) => {
      const k = Buffer.alloc(64);
      (key.length > 64 ? sm3(key) : key).copy(k);
      const pad = (byte: number) => Buffer.from(k.map((b) => b ^ byte));
      return sm3(pad(0x5c), sm3(pad(0x36), message));
    };
    for (const key of [Buffer.alloc(32, 9), Buffer.alloc(100, 1), Buffer.from('key')]) {
      const message = Buffer.from('idNumber:11010519491231002X');
      expect(hmacSm3(key, message).toString('hex')).toBe(hmacByHand(key, message).toString('hex'));
    }
  });
});
