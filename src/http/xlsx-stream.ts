import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** One column of an exported sheet. */
export interface XlsxColumn<T> {
  header: string;
  width: number;
  value: (row: T) => string | number | null;
}

/**
 * Streams rows into an .xlsx download (exceljs' streaming writer: memory stays flat however long
 * the list). The first row is pulled before any byte is sent, so access errors still become
 * problem+json. A failure after that cuts the download short and is logged; the result says how
 many rows were written and whether the workbook was completed.
 */
export async function sendXlsx<T>(
  reply: FastifyReply,
  options: { filename: string; sheet: string; columns: XlsxColumn<T>[]; rows: AsyncIterable<T> },
): Promise<{ rows: number; complete: boolean }> {
  const iterator = options.rows[Symbol.asyncIterator]();
  let next = await iterator.next();
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(options.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = options.columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${options.filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(options.filename)}`)
    .header('cache-control', 'no-store');
  void reply.send(out);
  let count = 0;
  try {
    while (!next.done) {
      const row = next.value;
      sheet.addRow(options.columns.map((c) => c.value(row))).commit();
      count += 1;
      next = await iterator.next();
    }
    sheet.commit();
    await workbook.commit();
    return { rows: count, complete: true };
  } catch (err) {
    reply.log.error({ err, rows: count }, 'xlsx export failed midway');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
    return { rows: count, complete: false };
  }
}

/** Walks a cursor-paged list function page by page, up to `max` rows. */
export async function* pagesOf<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  max: number,
): AsyncGenerator<T> {
  let cursor: string | undefined;
  let yielded = 0;
  for (;;) {
    const page = await fetchPage(cursor);
    for (const item of page.items) {
      if (yielded >= max) return;
      yield item;
      yielded += 1;
    }
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
