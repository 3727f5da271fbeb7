import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { padGlyphsToEvenLength } from './truetype.pad.js';

const require = createRequire(import.meta.url);
const original = new Uint8Array(readFileSync(require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf')));
const TEXT = '兹证明张晓梅自2019年3月1日起居住于益阳市赫山区，特此证明。';

/** Glyph offsets from a font's `loca` (long format). */
function glyphOffsets(font: Uint8Array): number[] {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, number>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const r = 12 + 16 * i;
    tables.set(String.fromCharCode(...font.subarray(r, r + 4)), view.getUint32(r + 8));
  }
  const numGlyphs = view.getUint16((tables.get('maxp') ?? 0) + 4);
  const loca = tables.get('loca') ?? 0;
  return Array.from({ length: numGlyphs + 1 }, (_, i) => view.getUint32(loca + 4 * i));
}

/** Subsets `text` with fontkit as pdf-lib does, reads the subset back, and lists the glyphs whose outline changed. */
async function damagedGlyphs(fontBytes: Uint8Array, text: string): Promise<string[]> {
  const font = fontkit.create(fontBytes);
  const subset = font.createSubset();
  const { glyphs } = font.layout(text);
  const ids = glyphs.map((g) => subset.includeGlyph(g));
  const parts: Uint8Array[] = [];
  await new Promise<void>((resolve) => subset.encodeStream().on('data', (d) => parts.push(d)).on('end', () => resolve()));
  const encoded = new Uint8Array(Buffer.concat(parts));
  const reread = fontkit.create(encoded);
  const damaged: string[] = [];
  glyphs.forEach((g, i) => {
    let after = '';
    try {
      after = reread.getGlyph(ids[i] ?? 0).path.toSVG();
    } catch {
      after = 'unreadable';
    }
    if (after !== g.path.toSVG()) damaged.push(String.fromCodePoint(...g.codePoints));
  });
  return damaged;
}

describe('padGlyphsToEvenLength', () => {
  it('pads every glyph of the Noto Serif SC build to an even length without changing any outline', () => {
    const padded = padGlyphsToEvenLength(original);
    const before = glyphOffsets(original);
    const after = glyphOffsets(padded);
    expect(after).toHaveLength(before.length);
    expect(before.slice(1).some((end, i) => (end - (before[i] ?? 0)) % 2 === 1)).toBe(true);
    expect(after.every((offset) => offset % 2 === 0)).toBe(true);
    const a = fontkit.create(original);
    const b = fontkit.create(padded);
    expect(b.numGlyphs).toBe(a.numGlyphs);
    for (const ch of TEXT) {
      const cp = ch.codePointAt(0) ?? 0;
      expect(b.glyphForCodePoint(cp).path.toSVG()).toBe(a.glyphForCodePoint(cp).path.toSVG());
    }
  });

  it("makes fontkit's subsets exact: unpadded, glyphs come out truncated (blank on the page), padded, none do", async () => {
    expect((await damagedGlyphs(original, TEXT)).length).toBeGreaterThan(0);
    expect(await damagedGlyphs(padGlyphsToEvenLength(original), TEXT)).toEqual([]);
  });

  it('leaves an already even font as it is', () => {
    const padded = padGlyphsToEvenLength(original);
    expect(padGlyphsToEvenLength(padded)).toBe(padded);
  });
});
