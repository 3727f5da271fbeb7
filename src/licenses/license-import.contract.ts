import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Nullable, Uuid } from '../core/http/common.contract.js';

/** The MIME types an import accepts, and the file format each means. */
export const IMPORT_MEDIA_TYPES = {
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
} as const;

/** A licence import job as the console shows it (批量导入进度). */
export const LicenseImportView = Type.Object(
  {
    id: Uuid,
    filename: Type.String(),
    format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
    uploadedBy: Type.String({ description: 'name of the uploader at the time' }),
    departmentId: Nullable(Uuid),
    departmentName: Nullable(Type.String()),
    status: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
    expectedRows: Nullable(Type.Integer({ description: 'data rows counted in the file before the import (CSV); null when unknown' })),
    total: Type.Integer({ description: 'rows read so far' }),
    inserted: Type.Integer(),
    updated: Type.Integer(),
    unchanged: Type.Integer(),
    rejected: Type.Integer({ description: 'rows rejected (see errors.csv)' }),
    signed: Type.Integer({ description: 'licences of this import signed since by the background signer' }),
    error: Nullable(Type.String({ description: 'why the import failed as a whole' })),
    createdAt: DateTime,
    startedAt: Nullable(DateTime),
    finishedAt: Nullable(DateTime),
  },
  { $id: 'LicenseImport' },
);
export type LicenseImportView = Static<typeof LicenseImportView>;
