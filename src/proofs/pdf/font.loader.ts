import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PDFDocument } from 'pdf-lib';
import { padGlyphsToEvenLength } from './truetype.pad.js';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type Font = ReturnType<Fontkit['create']>;

/**
 * The document typeface: Noto Serif SC (思源宋体, SIL OFL 1.1), TrueType outlines (glyf), from the
 * npm package `@expo-google-fonts/noto-serif-sc`, so a fresh machine needs no system font. Only
 * TrueType outlines subset into valid PDF fonts with pdf-lib; the CFF builds of Noto CJK do not.
 */
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const;

/** The weights a document uses: regular for text, bold for the title and the seal. */
export type FontWeight = keyof typeof FONT_FILES;

const require = createRequire(import.meta.url);
const bytes = new Map<FontWeight, Uint8Array>();
const parsed = new WeakMap<Uint8Array, Font>();

/** The TrueType file of a weight, read and glyph-padded once per process (~15 MB each; documents embed a subset). */
export function documentFontBytes(weight: FontWeight): Uint8Array {
  let data = bytes.get(weight);
  if (!data) {
    data = padGlyphsToEvenLength(new Uint8Array(readFileSync(require.resolve(FONT_FILES[weight]))));
    bytes.set(weight, data);
  }
  return data;
}

/** The parsed font of a weight (fontkit parses lazily; the parse and its glyph cache are shared by all documents). */
export function documentFont(weight: FontWeight): Font {
  return cachingFontkit.create(documentFontBytes(weight));
}

/**
 * A fontkit for pdf-lib's `registerFontkit` that parses each font file once and hands out that
 * parse again, instead of copying and parsing 15 MB for every document.
 */
export const cachingFontkit: Fontkit = {
  create(buffer: Uint8Array, postscriptName?: string): Font {
    if (postscriptName !== undefined) return fontkit.create(buffer, postscriptName);
    let font = parsed.get(buffer);
    if (!font) {
      font = fontkit.create(buffer);
      parsed.set(buffer, font);
    }
    return font;
  },
};

/** Reads and parses both weights now (about a second), so the first document a server renders is not slow. */
export function preloadDocumentFonts(): void {
  documentFont('regular');
  documentFont('bold');
}

/** The characters of a text that the document font cannot draw (they would print as empty boxes). */
export function missingGlyphs(text: string): string[] {
  const font = documentFont('regular');
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    if (cp === undefined || /\s/.test(ch)) continue;
    if (!font.hasGlyphForCodePoint(cp)) missing.add(ch);
  }
  return [...missing];
}

const widths = new Map<string, number>();

/**
 * Advance width in points of `text` set at `size` in a weight, measured as pdf-lib measures it (the
 * sum of the glyph advances after shaping), and cached: line breaking measures the same words often.
 */
export function textWidth(weight: FontWeight, text: string, size: number): number {
  const key = `${weight}\u0000${text}`;
  let em = widths.get(key);
  if (em === undefined) {
    const font = documentFont(weight);
    em = font.layout(text).glyphs.reduce((sum, g) => sum + g.advanceWidth, 0) / font.unitsPerEm;
    if (widths.size >= 50_000) widths.clear();
    widths.set(key, em);
  }
  return em * size;
}
