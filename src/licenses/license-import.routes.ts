import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertCan } from '../core/access/access.js';
import type { Ctx, Deps } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { ERROR_REPORT_HEAD, errorReportLine } from '../core/files/csv-write.js';
import type { App } from '../core/http/app-types.js';
import { requestCtx } from '../core/http/auth-hook.js';
import { Page, PageQuery, Uuid, errorResponses } from '../core/http/common.contract.js';
import { uuidv7 } from '../core/ids/uuid.js';
import { IMPORT_MEDIA_TYPES, LicenseImportView } from './license-import.contract.js';
import {
  countCsvDataLines,
  createLicenseImport,
  getLicenseImport,
  licenseImportErrorRows,
  listLicenseImports,
  presentOneImport,
  runLicenseImportFile,
  type ImportFormat,
} from './license-import.service.js';
import type { BackgroundSigner } from './license.signer.js';

/** Where uploads wait and how large they may be; the signer to wake when an import ends. */
export interface LicenseImportRouteOptions {
  uploadDir: string;
  /** Bytes; default 200 MiB. */
  maxUploadBytes?: number;
  signer?: BackgroundSigner | undefined;
}

/** An uploaded file, streamed to disk by the content-type parser. */
interface Upload {
  path: string;
  format: ImportFormat;
  bytes: number;
}

const isUpload = (body: unknown): body is Upload => typeof body === 'object' && body !== null && 'path' in body && 'format' in body;

/** Sends text lines as a CSV download. */
function sendCsv(reply: FastifyReply, filename: string, lines: AsyncIterable<string>): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('cache-control', 'no-store')
    .send(Readable.from(lines));
}

/** Starts an import job in this process once its upload is registered; the signer follows it. */
function runInBackground(ctx: Ctx, importId: string, signer: BackgroundSigner | undefined): void {
  runLicenseImportFile(ctx, importId)
    .catch((err: unknown) => {
      // A failed job records its reason in license_imports; an unexpected error is also logged there.
      if (!(err instanceof AppError)) ctx.log.error({ err, importId }, 'licence import crashed');
    })
    .finally(() => signer?.kick());
}

/**
 * Bulk imports over HTTP: upload a CSV or XLSX as the request body (streamed to a temporary file,
 * up to 200 MiB) → 202 with the job; the import runs in the background; its progress, and the
 * rejected rows as a CSV, are read back by id.
 */
export async function registerLicenseImportRoutes(app: App, deps: Deps, options: LicenseImportRouteOptions): Promise<void> {
  const maxBytes = options.maxUploadBytes ?? 200 * 1024 * 1024;

  await app.register(async (scoped) => {
    const scope = scoped.withTypeProvider<TypeBoxTypeProvider>();
    // Only these routes take spreadsheets as bodies; the body goes to disk, never into memory.
    scope.addContentTypeParser(Object.keys(IMPORT_MEDIA_TYPES), { bodyLimit: maxBytes }, async (req: FastifyRequest, payload: IncomingMessage): Promise<Upload> => {
      const mediaType = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      const format = IMPORT_MEDIA_TYPES[mediaType as keyof typeof IMPORT_MEDIA_TYPES];
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > maxBytes) throw new AppError('payload_too_large', `the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB`);
      await mkdir(options.uploadDir, { recursive: true });
      const path = join(options.uploadDir, `${uuidv7()}.${format}`);
      let bytes = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          bytes += chunk.length;
          if (bytes > maxBytes) callback(new AppError('payload_too_large', `the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB`));
          else callback(null, chunk);
        },
      });
      try {
        await pipeline(payload, limit, createWriteStream(path));
      } catch (err) {
        await rm(path, { force: true });
        throw err;
      }
      return { path, format, bytes };
    });

    scope.post(
      '/api/v1/license-imports',
      {
        bodyLimit: maxBytes,
        // Refuse before a byte of the file is stored: who may upload is known from the headers.
        preParsing: async (req) => {
          assertCan(requestCtx(deps, req).actor, 'license.import');
        },
        schema: {
          tags: ['licenses'],
          summary: '批量导入证照（请求体为 CSV 或 XLSX 文件）/ import licences: the request body is the CSV or XLSX file',
          description:
            'Content-Type text/csv (UTF-8 or GB18030) or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, up to 200 MiB. ' +
            'Columns: 证照编号, 证照类型, 持证主体名称, 持证主体代码, 颁发日期, optionally 有效期起始, 有效期截止, 证照颁发机构代码, 证照状态, 公开字段, 证照标识, and the fields of the licence type by label or key. ' +
            'Answers 202 with the job; poll it for progress, then fetch errors.csv.',
          querystring: Type.Object({
            filename: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'the file name, as the console shows it' })),
            department: Type.Optional(Type.String({ maxLength: 80, description: 'issuing department (id or code) for rows without 证照颁发机构代码; default your own' })),
          }),
          response: { 202: Type.Ref(LicenseImportView), ...errorResponses(400, 401, 403, 413, 415) },
        },
      },
      async (req, reply) => {
        const ctx = requestCtx(deps, req);
        const upload = req.body;
        if (!isUpload(upload)) throw new AppError('invalid', 'send the file as the request body, with Content-Type text/csv or the xlsx type');
        try {
          if (upload.bytes === 0) throw new AppError('invalid', 'the file is empty');
          const expectedRows = upload.format === 'csv' ? await countCsvDataLines(upload.path) : null;
          const job = await createLicenseImport(ctx, { filename: req.query.filename ?? `upload.${upload.format}`, format: upload.format, filePath: upload.path, department: req.query.department, expectedRows });
          runInBackground(ctx, job.id, options.signer);
          return reply.code(202).header('location', `/api/v1/license-imports/${job.id}`).send(await presentOneImport(ctx, job));
        } catch (err) {
          await rm(upload.path, { force: true });
          throw err;
        }
      },
    );
  });

  app.get(
    '/api/v1/license-imports',
    {
      schema: {
        tags: ['licenses'],
        summary: '证照导入记录（本部门）/ recent licence imports of your departments',
        querystring: Type.Object({ ...PageQuery }),
        response: { 200: Page(Type.Ref(LicenseImportView)), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => listLicenseImports(requestCtx(deps, req), req.query),
  );

  app.get(
    '/api/v1/license-imports/:id',
    {
      schema: {
        tags: ['licenses'],
        summary: '证照导入进度 / an import\'s progress',
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Ref(LicenseImportView), ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requestCtx(deps, req);
      return presentOneImport(ctx, await getLicenseImport(ctx, req.params.id));
    },
  );

  app.get(
    '/api/v1/license-imports/:id/errors.csv',
    {
      schema: {
        tags: ['licenses'],
        summary: '导入错误报告（行号、字段、原因）/ the rejected rows: row, field, reason (UTF-8 CSV with BOM)',
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.String({ contentMediaType: 'text/csv' }), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const ctx = requestCtx(deps, req);
      const job = await getLicenseImport(ctx, req.params.id); // access errors before any byte is sent
      async function* lines() {
        yield ERROR_REPORT_HEAD;
        for await (const e of licenseImportErrorRows(ctx, job.id)) yield errorReportLine(e);
      }
      return sendCsv(reply, `${job.filename.replace(/\.(csv|xlsx)$/i, '')}.errors.csv`, lines());
    },
  );
}
