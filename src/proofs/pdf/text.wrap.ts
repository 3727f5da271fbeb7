/**
 * Line breaking for Chinese text (GB/T 15834 punctuation, the kinsoku rules of Chinese typesetting,
 * W3C "Requirements for Chinese Text Layout" §3.1.7): any ideograph may end a line, a run of
 * Latin letters or digits stays whole, closing punctuation never starts a line (it hangs into the
 * margin instead) and opening punctuation never ends one.
 */

/** Measures the advance width of a piece of text in points. */
export type MeasureText = (text: string) => number;

/** One laid-out line: its text, natural width and whether it may be stretched to the full measure. */
export interface WrappedLine {
  text: string;
  width: number;
  /** True for every line of a paragraph but the last: those are justified (两端对齐). */
  justify: boolean;
}

const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}']);
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{']);

/**
 * Splits text into units that are never broken: one ideograph or punctuation mark, one run of
 * printable ASCII (a word, a number, a URL), or one space. A run wider than `maxWidth` is split
 * into its characters.
 */
export function breakUnits(text: string, maxWidth = Infinity, measure?: MeasureText): string[] {
  const units = text.match(/[\x21-\x7e]+|\s|./gsu) ?? [];
  if (!measure || maxWidth === Infinity) return units;
  return units.flatMap((u) => (u.length > 1 && measure(u) > maxWidth ? [...u] : [u]));
}

/**
 * Wraps a paragraph to `maxWidth` points. `firstIndent` is the first line's indent (two ideographs in
 * body text). Closing punctuation that does not fit hangs past the measure rather than starting a line.
 */
export function wrapParagraph(text: string, maxWidth: number, measure: MeasureText, firstIndent = 0): WrappedLine[] {
  const units = breakUnits(text.replace(/\s+/g, ' ').trim(), maxWidth - firstIndent, measure);
  const lines: WrappedLine[] = [];
  let current: string[] = [];
  let width = 0;
  let limit = maxWidth - firstIndent;
  const flush = () => {
    while (current.length > 0 && current[current.length - 1] === ' ') current.pop();
    const lineText = current.join('');
    lines.push({ text: lineText, width: measure(lineText), justify: true });
    current = [];
    width = 0;
    limit = maxWidth;
  };
  for (const unit of units) {
    if (unit === ' ' && current.length === 0) continue;
    const w = measure(unit);
    if (width + w <= limit + 0.01 || current.length === 0 || NO_LINE_START.has(unit)) {
      current.push(unit);
      width += w;
      continue;
    }
    // Opening punctuation may not end a line: carry it to the next line with what it opens.
    const carried: string[] = [];
    while (current.length > 1 && NO_LINE_END.has(current[current.length - 1] ?? '')) carried.unshift(current.pop() ?? '');
    flush();
    for (const c of [...carried, unit]) {
      if (c === ' ') continue;
      current.push(c);
      width += measure(c);
    }
  }
  if (current.length > 0) flush();
  const last = lines[lines.length - 1];
  if (last) last.justify = false;
  return lines;
}
