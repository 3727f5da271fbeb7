import { createWriteStream, type WriteStream } from 'node:fs';
import { ERROR_REPORT_HEAD, errorReportLine } from '../core/files/csv-write.js';

/** The error file of an import: created at the first rejected row (none when every row is good). */
export interface ErrorReportFile {
  write(error: { row: number; field: string; reason: string }): void;
  /** Flushes and closes the file, if one was written. */
  close(): Promise<void>;
}

/** An error file at `path` (BOM, row,field,reason), written only if a row is rejected. */
export function errorReportFile(path: string): ErrorReportFile {
  let file: WriteStream | undefined;
  return {
    write(error) {
      if (!file) {
        file = createWriteStream(path);
        file.write(ERROR_REPORT_HEAD);
      }
      file.write(errorReportLine(error));
    },
    close: () => new Promise<void>((resolve) => (file ? file.end(resolve) : resolve())),
  };
}
