/**
 * Pads every glyph of a TrueType font (OpenType 1.9 `glyf`/`loca`) to an even length.
 *
 * Why: fontkit writes a subset's `loca` in the short format (offsets / 2) whenever the subset's
 * `glyf` is under 64 KiB, which every document subset is. Google's Noto builds store glyphs
 * unpadded, so halving an odd offset truncates the glyph before it, and viewers draw nothing for
 * it (text extraction still works, which hides the fault). The spec allows and recommends padding;
 * with every glyph even, the short format is exact.
 */
export function padGlyphsToEvenLength(font: Uint8Array): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const numTables = view.getUint16(4);
  const tables = new Map<string, { offset: number; length: number; record: number }>();
  for (let i = 0; i < numTables; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(font[record] ?? 0, font[record + 1] ?? 0, font[record + 2] ?? 0, font[record + 3] ?? 0);
    tables.set(tag, { offset: view.getUint32(record + 8), length: view.getUint32(record + 12), record });
  }
  const head = tables.get('head');
  const maxp = tables.get('maxp');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  if (!head || !maxp || !loca || !glyf) return font; // not a TrueType-outline font: nothing to do
  const longOffsets = view.getInt16(head.offset + 50) === 1;
  if (!longOffsets) return font; // short offsets are even by construction
  const numGlyphs = view.getUint16(maxp.offset + 4);
  const offsets: number[] = [];
  for (let i = 0; i <= numGlyphs; i++) offsets.push(view.getUint32(loca.offset + 4 * i));
  const odd = offsets.slice(1).filter((end, i) => (end - (offsets[i] ?? 0)) % 2 === 1).length;
  if (odd === 0) return font;

  // New glyf (each glyph padded to even) and loca (long offsets into it).
  const newGlyf = new Uint8Array(glyf.length + odd);
  const newLoca = new Uint8Array(4 * (numGlyphs + 1));
  const locaView = new DataView(newLoca.buffer);
  let at = 0;
  for (let i = 0; i < numGlyphs; i++) {
    const start = offsets[i] ?? 0;
    const end = offsets[i + 1] ?? start;
    locaView.setUint32(4 * i, at);
    newGlyf.set(font.subarray(glyf.offset + start, glyf.offset + end), at);
    at += end - start + ((end - start) % 2);
  }
  locaView.setUint32(4 * numGlyphs, at);

  // Reassemble: same directory order, each table 4-byte aligned, records updated.
  const replaced = new Map<string, Uint8Array>([['glyf', newGlyf.subarray(0, at)], ['loca', newLoca]]);
  const headerLength = 12 + 16 * numTables;
  let size = headerLength;
  for (const [tag, t] of tables) size += align4(replaced.get(tag)?.length ?? t.length);
  const out = new Uint8Array(size);
  const outView = new DataView(out.buffer);
  out.set(font.subarray(0, headerLength), 0);
  let offset = headerLength;
  for (const [tag, t] of tables) {
    const data = replaced.get(tag) ?? font.subarray(t.offset, t.offset + t.length);
    out.set(data, offset);
    outView.setUint32(t.record + 4, checksum(data));
    outView.setUint32(t.record + 8, offset);
    outView.setUint32(t.record + 12, data.length);
    offset += align4(data.length);
  }
  return out;
}

const align4 = (n: number) => (n + 3) & ~3;

/** OpenType table checksum: the sum of the table as big-endian uint32s, zero-padded. */
function checksum(data: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    sum = (sum + (((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0))) >>> 0;
  }
  return sum;
}
