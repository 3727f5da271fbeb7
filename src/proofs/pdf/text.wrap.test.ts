import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakUnits, wrapParagraph } from './text.wrap.js';

/** Ideographs and full-width punctuation one em wide, ASCII half an em: the shape of a CJK font. */
const measure = (t: string) => [...t].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x80 ? 0.5 : 1), 0);
const CLOSING = '，。、；：？！）》」”';
const OPENING = '（《「“';

describe('wrapParagraph', () => {
  it('breaks between ideographs and keeps ASCII runs whole', () => {
    expect(breakUnits('证明2019年http://x.cn/v/AB 核验')).toEqual(['证', '明', '2019', '年', 'http://x.cn/v/AB', ' ', '核', '验']);
    const lines = wrapParagraph('自2019年3月1日起居住于紫竹路18号', 6, measure);
    expect(lines.map((l) => l.text)).toEqual(['自2019年3月1', '日起居住于紫', '竹路18号']);
    expect(lines.map((l) => l.justify)).toEqual([true, true, false]);
  });

  it('hangs closing punctuation and carries opening punctuation (GB/T 15834 line-start and line-end rules)', () => {
    expect(wrapParagraph('甲乙丙丁，戊己', 4, measure).map((l) => l.text)).toEqual(['甲乙丙丁，', '戊己']);
    expect(wrapParagraph('甲乙丙《丁戊》', 4, measure).map((l) => l.text)).toEqual(['甲乙丙', '《丁戊》']);
  });

  it('splits an ASCII run longer than the line, and indents the first line', () => {
    expect(wrapParagraph('访问http://localhost:3000/v/ABCD2345', 8, measure).every((l) => l.width <= 8)).toBe(true);
    expect(wrapParagraph('一二三四五六', 4, measure, 2).map((l) => l.text)).toEqual(['一二', '三四五六']);
  });

  it('loses nothing, and no line starts with closing or ends with opening punctuation', () => {
    const char = fc.constantFrom(...'证明居住益阳市赫山区', ...CLOSING, ...OPENING, 'a', '1', '2', '-');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 120 }), fc.integer({ min: 3, max: 30 }), (chars, width) => {
        const text = chars.join('');
        const lines = wrapParagraph(text, width, measure);
        expect(lines.map((l) => l.text).join('')).toBe(text);
        for (const [i, line] of lines.entries()) {
          if (i > 0 && line.text.length > 1) expect(CLOSING).not.toContain(line.text[0]);
          if (i < lines.length - 1 && line.text.length > 1) expect(OPENING).not.toContain(line.text.at(-1));
        }
      }),
    );
  });
});
