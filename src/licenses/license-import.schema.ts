import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Bulk imports of licences from department systems (批量导入), one row per uploaded file: its state
 * and counters live here, not in a process, so the console shows progress from any replica and a
 * restarted server knows what was interrupted.
 */
export const licenseImports = pgTable(
  'license_imports',
  {
    id: uuid('id').primaryKey(),
    /** File name as uploaded (for people; the file itself is a temporary file). */
    filename: text('filename').notNull(),
    /** csv | xlsx */
    format: text('format').notNull(),
    /** Who uploaded it: staff id, API key id or `cli`, and the name at the time. */
    uploadedById: text('uploaded_by_id').notNull(),
    uploadedByName: text('uploaded_by_name').notNull(),
    /** Issuing department the rows default to; null for a platform import whose rows name their issuer. */
    departmentId: uuid('department_id'),
    /** queued | running | done | failed */
    status: text('status').notNull(),
    /** Where the uploaded file waits while queued or running (on the replica that received it). */
    filePath: text('file_path'),
    /** Data rows the file holds, counted before the import (CSV lines); null when unknown (xlsx). */
    expectedRows: integer('expected_rows'),
    total: integer('total').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    /** Licences this import wrote that the background signer has signed since. */
    signed: integer('signed').notNull().default(0),
    /** Why the import failed as a whole (a row's problem is a license_import_errors row instead). */
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    /** Refreshed with every committed batch; a running import whose heartbeat is stale was interrupted. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('license_imports_department_idx').on(t.departmentId, t.createdAt), index('license_imports_status_idx').on(t.status, t.heartbeatAt)],
);

/** Rejected rows of an import: where (row as the spreadsheet numbers it, header = 1), which field, why. */
export const licenseImportErrors = pgTable(
  'license_import_errors',
  {
    importId: uuid('import_id').notNull(),
    /** Order of discovery within the import, so the error report reads as the file does. */
    seq: integer('seq').notNull(),
    row: integer('row').notNull(),
    field: text('field').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] }), index('license_import_errors_row_idx').on(t.importId, t.row, t.seq)],
);
