import { TypeCompiler } from '@sinclair/typebox/compiler';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/database.js';
import { AppError, invalid, type FieldError } from '../core/errors.js';
import { isUuid } from '../core/ids/uuid.js';
import { dataRecords } from './data-record.schema.js';
import { RESOURCE_FACTS, dataResource, isResourceCode, type ResourceCode, type ResourceFacts } from './data-resource.catalogue.js';

/**
 * Reading and writing departmental data records. This is the minimal store the e-proofs draw on;
 * issue 5 puts the exchange around it — a purpose and a legal basis or the subject's consent for
 * each retrieval, the retrieval audit, and department feeds with access checks. Until then the
 * callers (the proofs module) audit every use with the subject id and purpose themselves.
 */

/** One department's record about one subject, with its facts typed by the resource. */
export interface DataRecord<K extends ResourceCode = ResourceCode> {
  resourceCode: K;
  holdingLine: string;
  facts: ResourceFacts[K];
  updatedAt: Date;
}

/** The records found for a subject, by resource code; a code without a record is absent. */
export type DataRecordSet = { [K in ResourceCode]?: DataRecord<K> };

/** A record to write: the resource code decides the shape of the facts. */
export type DataRecordInput = { [K in ResourceCode]: { subjectId: string; resourceCode: K; facts: ResourceFacts[K] } }[ResourceCode];

const checkers = new Map(Object.entries(RESOURCE_FACTS).map(([code, schema]) => [code, TypeCompiler.Compile(schema)]));

/** What is wrong with a facts document for a resource (empty when it fits the resource's schema). */
export function factsProblems(code: ResourceCode, facts: unknown): FieldError[] {
  const checker = checkers.get(code);
  if (!checker) return [{ field: 'resourceCode', message: `unknown data resource ${code}` }];
  return [...checker.Errors(facts)].slice(0, 5).map((e) => ({ field: `facts${e.path.replace(/\//g, '.')}`, message: e.message }));
}

/**
 * The subject's records for the given resources. A record that no longer fits its schema is an
 * error (503), never treated as absent: for a proof, absence can mean "nothing on file", which a
 * broken record must not be mistaken for.
 */
export async function findRecords(db: DbOrTx, subjectId: string, resourceCodes: readonly ResourceCode[]): Promise<DataRecordSet> {
  const found: Partial<Record<ResourceCode, DataRecord>> = {};
  if (!isUuid(subjectId) || resourceCodes.length === 0) return {};
  const rows = await db
    .select()
    .from(dataRecords)
    .where(and(eq(dataRecords.subjectId, subjectId), inArray(dataRecords.resourceCode, [...new Set(resourceCodes)])));
  for (const row of rows) {
    if (!isResourceCode(row.resourceCode)) continue;
    if (!checkers.get(row.resourceCode)?.Check(row.facts)) {
      throw new AppError('unavailable', `${dataResource(row.resourceCode).name}数据格式异常，暂无法使用 / the ${row.resourceCode} record of subject ${subjectId} does not fit its schema`);
    }
    found[row.resourceCode] = { resourceCode: row.resourceCode, holdingLine: row.holdingLine, facts: row.facts as ResourceFacts[typeof row.resourceCode], updatedAt: row.updatedAt };
  }
  return found as DataRecordSet;
}

/**
 * Writes records (seeding and department feeds), each validated against its resource's schema;
 * `replace` updates existing ones, `keep` leaves them as they are. Returns how many rows were written.
 */
export async function writeRecords(db: DbOrTx, now: Date, inputs: readonly DataRecordInput[], onConflict: 'replace' | 'keep' = 'replace'): Promise<number> {
  const errors: FieldError[] = [];
  inputs.forEach((input, i) => {
    if (!isUuid(input.subjectId)) errors.push({ field: `${i}.subjectId`, message: 'must be a UUID' });
    for (const e of factsProblems(input.resourceCode, input.facts)) errors.push({ ...e, field: `${i}.${input.resourceCode}.${e.field}` });
  });
  if (errors.length) throw invalid(errors.slice(0, 20));
  let written = 0;
  for (let i = 0; i < inputs.length; i += 500) {
    const rows = inputs.slice(i, i + 500).map((input) => ({
      subjectId: input.subjectId,
      resourceCode: input.resourceCode,
      holdingLine: dataResource(input.resourceCode).holdingLine,
      facts: input.facts as Record<string, unknown>,
      updatedAt: now,
    }));
    const insert = db.insert(dataRecords).values(rows);
    const done =
      onConflict === 'keep'
        ? await insert.onConflictDoNothing().returning({ id: dataRecords.subjectId })
        : await insert
            .onConflictDoUpdate({ target: [dataRecords.subjectId, dataRecords.resourceCode], set: { facts: sql`excluded.facts`, holdingLine: sql`excluded.holding_line`, updatedAt: sql`excluded.updated_at` } })
            .returning({ id: dataRecords.subjectId });
    written += done.length;
  }
  return written;
}

/** Removes a subject's record of one resource (a department withdrew it). Returns whether one existed. */
export async function deleteRecord(db: DbOrTx, subjectId: string, resourceCode: ResourceCode): Promise<boolean> {
  if (!isUuid(subjectId)) return false;
  const rows = await db.delete(dataRecords).where(and(eq(dataRecords.subjectId, subjectId), eq(dataRecords.resourceCode, resourceCode))).returning({ id: dataRecords.subjectId });
  return rows.length > 0;
}
