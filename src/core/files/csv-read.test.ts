import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReader, CsvSyntaxError, type CsvRecord } from './csv-read.js';
import { csvLine } from './csv-write.js';

/** Reads text given in the chunks that `cuts` marks. */
function read(text: string, cuts: number[] = []): CsvRecord[] {
  const reader = new CsvReader();
  const out: CsvRecord[] = [];
  let at = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= at || cut >= text.length) continue;
    out.push(...reader.push(text.slice(at, cut)));
    at = cut;
  }
  out.push(...reader.push(text.slice(at)));
  out.push(...reader.end());
  return out;
}

describe('CsvReader', () => {
  it('reads quoted cells, escaped quotes, line breaks in cells, CRLF, a BOM and blank lines', () => {
    const text = '\uFEFF名称,备注\r\n张三,"有逗号, 和 ""引号"""\r\n\r\n李四,"两\n行"\n\n王五,\n赵六';
    expect(read(text)).toEqual([
      { row: 1, cells: ['名称', '备注'] },
      { row: 2, cells: ['张三', '有逗号, 和 "引号"'] },
      { row: 4, cells: ['李四', '两\n行'] },
      { row: 6, cells: ['王五', ''] },
      { row: 7, cells: ['赵六'] },
    ]);
  });

  it('keeps stray quotes as text, and refuses a quoted cell that never closes', () => {
    expect(read('a"b,"c"d\n')).toEqual([{ row: 1, cells: ['a"b', 'cd'] }]);
    expect(() => read('a,"b\nc\n')).toThrow(CsvSyntaxError);
    expect(() => read('a,"b\nc\n')).toThrow('a quoted cell that starts on row 1 is never closed');
  });

  it('reads any table written as RFC 4180, however the text is cut into chunks, as csv-parse does', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('', ',', '"', '""', '\n', '\r\n', ' a ', '益阳,市', 'x"y'));
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(table, fc.array(fc.nat(400)), fc.boolean(), (rows, cuts, finalNewline) => {
        // A record of one empty cell is a blank line in CSV: a spreadsheet writes none.
        const records = rows.filter((r) => !(r.length === 1 && r[0] === ''));
        const text = records.map((r) => csvLine(r)).join('').replace(/\n$/, finalNewline ? '\n' : '');
        const got = read(text, cuts);
        expect(got.map((r) => r.cells)).toEqual(records);
        expect(got.map((r) => r.cells)).toEqual(text ? parse(text, { relax_column_count: true }) : []);
      }),
      { numRuns: 2000 },
    );
  });
});
