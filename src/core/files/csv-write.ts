/** A CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. */
export function csvCell(s: string | number): string {
  const text = String(s);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line of cells, with its newline. */
export function csvLine(cells: readonly (string | number)[]): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

/** What an error report starts with: a BOM so that Excel opens it as UTF-8, and the header row,field,reason. */
export const ERROR_REPORT_HEAD = '\uFEFFrow,field,reason\n';

/** One rejected row of an error report. */
export function errorReportLine(e: { row: number; field: string; reason: string }): string {
  return csvLine([e.row, e.field, e.reason]);
}
