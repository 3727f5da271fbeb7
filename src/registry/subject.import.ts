import { appendAuditEvents } from '../core/audit/audit.service.js';
import type { Ctx } from '../core/context.js';
import { writePipeline } from '../core/db/pipeline.js';
import type { TableRow } from '../core/files/table-reader.js';
import { uuidv7 } from '../core/ids/uuid.js';
import { assertCan, inRegionScope } from '../core/access/access.js';
import { regions } from './region.schema.js';
import { addressCodeRule, regionCodeRange } from './region.service.js';
import { findRegisteredOutside, identifierOf, writeSubjects } from './subject.bulk.js';
import { checkSubject, sealSubject, type SubjectRow } from './subject.service.js';

/** Column names officials use, mapped to the fields of a subject. */
export const SUBJECT_HEADER_ALIASES: Record<string, string> = {
  类型: 'kind', 主体类型: 'kind',
  姓名: 'name', 名称: 'name', 单位名称: 'name', 企业名称: 'name',
  身份证号: 'idNumber', 身份证号码: 'idNumber', 公民身份号码: 'idNumber', idnumber: 'idNumber',
  统一社会信用代码: 'uscc',
  手机号: 'phone', 手机号码: 'phone', 联系电话: 'phone',
  区划代码: 'regionCode', 行政区划代码: 'regionCode', regioncode: 'regionCode',
  法定代表人: 'legalRepresentative', legalrepresentative: 'legalRepresentative',
};

const KIND_WORDS: Record<string, string> = { 自然人: 'person', 个人: 'person', 法人: 'organization', 企业: 'organization', 组织: 'organization' };

/** One rejected row: where, which field, why. */
export interface ImportError {
  row: number;
  field: string;
  reason: string;
}

export interface ImportReport {
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportOptions {
  batchSize?: number;
  /** Every rejected row, as soon as it is found (write it to the error file). */
  onError: (error: ImportError) => void;
  onProgress?: (report: ImportReport) => void;
}

/**
 * Imports subjects from spreadsheet rows: each row is validated, good rows are committed in
 * batches (a batch is one transaction with its audit event), bad rows are reported with row,
 * field and reason. Re-importing the same file changes nothing (upsert by ID number or USCC); a
 * subject registered outside the importer's region scope is never changed by it.
 */
export async function importSubjects(ctx: Ctx, rows: AsyncIterable<TableRow>, options: ImportOptions): Promise<ImportReport> {
  assertCan(ctx.actor, 'subject.import');
  const batchSize = options.batchSize ?? 1000;
  const report: ImportReport = { total: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const rule = await addressCodeRule(ctx.db);
  const known = new Set((await ctx.db.select({ code: regions.code }).from(regions)).map((r) => r.code));
  const today = ctx.clock.now();
  let batch: SubjectRow[] = [];
  // An identifier may appear once in a file, whichever batch its repeats fall into: later repeats are
  // reported, not written.
  const firstRow = new Map<string, number>();
  const scope = regionCodeRange(ctx.actor.scope.regionCode);
  const reject = (row: number, field: string, reason: string) => {
    report.rejected += 1;
    options.onError({ row, field, reason });
  };
  const pipeline = writePipeline();
  const write = async (unique: SubjectRow[]) => {
    await ctx.db.transaction(async (tx) => {
      const outcome = await writeSubjects(tx, unique, 'upsert');
      report.inserted += outcome.insertedIds.length;
      report.updated += outcome.updatedIds.length;
      report.unchanged += outcome.unchanged;
      await appendAuditEvents(tx, ctx, [{
        action: 'subject.import',
        targetType: 'subject',
        subjectIds: [...outcome.insertedIds, ...outcome.updatedIds],
        payload: { rows: unique.length, inserted: outcome.insertedIds.length, updated: outcome.updatedIds.length, unchanged: outcome.unchanged },
      }]);
    });
    options.onProgress?.({ ...report });
  };
  /** Hands the batch to the pipeline; the next batch is read and sealed while this one is written. */
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    // A row naming a subject registered outside the importer's scope would change that subject: refuse it.
    const outside = ctx.actor.kind === 'system' ? new Set<string>() : await findRegisteredOutside(ctx.db, current, scope);
    const unique = current.filter((sealed) => {
      const identifier = identifierOf(sealed);
      if (!outside.has(identifier)) return true;
      reject(firstRow.get(identifier) ?? 0, sealed.uscc ? 'uscc' : 'idNumber', 'already registered outside your scope');
      return false;
    });
    if (unique.length) await pipeline.submit(() => write(unique));
  };
  for await (const { row, values } of rows) {
    report.total += 1;
    const kind = KIND_WORDS[values.kind ?? ''] ?? (values.kind || (values.uscc ? 'organization' : 'person'));
    const { subject, errors } = checkSubject(
      { kind, name: values.name ?? '', idNumber: values.idNumber || undefined, uscc: values.uscc || undefined, phone: values.phone || undefined, regionCode: values.regionCode ?? '', legalRepresentative: values.legalRepresentative || undefined },
      { isKnownAddressCode: rule, today, regionExists: (code) => known.has(code) },
    );
    if (!subject) {
      for (const e of errors) reject(row, e.field, e.message);
      continue;
    }
    if (!inRegionScope(ctx.actor, subject.regionCode)) {
      reject(row, 'regionCode', 'outside your scope');
      continue;
    }
    const now = ctx.clock.now();
    const sealed = sealSubject(subject, ctx.cipher, { id: uuidv7(now.getTime()), now, departmentId: ctx.actor.departmentId });
    const key = identifierOf(sealed);
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      reject(row, sealed.uscc ? 'uscc' : 'idNumber', `same as row ${earlier}`);
      continue;
    }
    firstRow.set(key, row);
    batch.push(sealed);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await pipeline.drain();
  return report;
}
