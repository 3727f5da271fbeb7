import ExcelJS from 'exceljs';
import { isUtf8 } from 'node:buffer';
import { createReadStream, existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { AppError } from '../errors.js';
import { CsvReader, type CsvRecord } from './csv-read.js';

/** One data row of a spreadsheet: its row number as a person sees it (header = 1) and its cells by header. */
export interface TableRow {
  row: number;
  values: Record<string, string>;
}

/** Throws `invalid` unless the file exists and is a .csv (or .txt) or .xlsx; commands call it before opening the database. */
export function checkTableFile(path: string): void {
  if (!existsSync(path)) throw new AppError('invalid', `file not found: ${path}`);
  const ext = extname(path).toLowerCase();
  if (!['.csv', '.txt', '.xlsx'].includes(ext)) throw new AppError('invalid', `unsupported file type "${ext}": use .csv or .xlsx`);
}

/**
 * Streams the rows of a .csv or .xlsx file (first sheet), never holding the whole file in memory.
 * Headers are mapped through `headerAliases` (e.g. 身份证号 → idNumber) so officials' own column
 * names work; unknown columns are kept under their original names.
 */
export async function* readTableRows(path: string, headerAliases: Record<string, string> = {}): AsyncGenerator<TableRow> {
  checkTableFile(path);
  const ext = extname(path).toLowerCase();
  const canonical = (h: string) => {
    const key = h.replace(/^\uFEFF/, '').trim();
    return headerAliases[key] ?? headerAliases[key.toLowerCase()] ?? key;
  };
  if (ext === '.csv' || ext === '.txt') {
    const reader = new CsvReader();
    let headers: string[] | undefined;
    const records = async function* (): AsyncGenerator<CsvRecord[]> {
      for await (const chunk of (await csvText(path)) as AsyncIterable<string>) yield reader.push(chunk);
      yield reader.end();
    };
    for await (const batch of records()) {
      for (const { row, cells } of batch) {
        if (!headers) {
          headers = cells.map(canonical);
          continue;
        }
        yield { row, values: zip(headers, cells) };
      }
    }
    return;
  }
  if (ext === '.xlsx') {
    // Styles are cached because only a cell's number format tells a date from a number.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', worksheets: 'emit', hyperlinks: 'ignore', styles: 'cache', entries: 'emit' });
    for await (const sheet of reader) {
      let headers: string[] | undefined;
      for await (const row of sheet) {
        const cells = (row.values as unknown[]).slice(1).map(cellText);
        if (!headers) {
          headers = cells.map(canonical);
          continue;
        }
        if (cells.every((c) => c === '')) continue;
        yield { row: row.number, values: zip(headers, cells) };
      }
      return; // first sheet only
    }
  }
}

/**
 * The text of a CSV, as a stream of strings: UTF-8 (with or without a BOM) as it is, anything else decoded as
 * GB18030 — what Excel on a Chinese Windows writes when asked for plain "CSV".
 */
async function csvText(path: string): Promise<Readable> {
  const file = await open(path);
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
  // The sample may end inside a multi-byte character: it is UTF-8 if it is up to its last few bytes.
  const utf8 = [0, 1, 2, 3].some((cut) => cut < head.length && isUtf8(head.subarray(0, head.length - cut))) || head.length === 0;
  if (utf8) return createReadStream(path, { encoding: 'utf8' });
  const decoder = new TextDecoder('gb18030');
  return createReadStream(path).pipe(
    new Transform({
      readableObjectMode: true, // strings out, as the UTF-8 stream gives them
      transform(chunk: Buffer, _encoding, callback) {
        callback(null, decoder.decode(chunk, { stream: true }));
      },
      flush(callback) {
        callback(null, decoder.decode());
      },
    }),
  );
}

function zip(headers: string[], cells: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((h, i) => {
    if (h) out[h] = (cells[i] ?? '').trim();
  });
  return out;
}

/** The text of an Excel cell, whatever form exceljs gives it (number, date, rich text, formula). */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { text?: unknown; richText?: { text: string }[]; result?: unknown };
    if (o.richText) return o.richText.map((r) => r.text).join('').trim();
    if (o.text !== undefined) return cellText(o.text);
    if (o.result !== undefined) return cellText(o.result);
  }
  return String(v).trim();
}
