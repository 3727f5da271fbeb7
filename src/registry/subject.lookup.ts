import { asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { FieldCipher } from '../core/crypto/field-cipher.js';
import { queryRows, type DbOrTx } from '../core/db/database.js';
import { normalizeIdNumber } from '../core/ids/id-number.js';
import { isUuid } from '../core/ids/uuid.js';
import { normalizePhone, type SubjectRow } from './subject.service.js';
import { subjects } from './subject.schema.js';

/**
 * Every subject registered with this mobile number, persons first, through the phone blind index.
 * No scope check or audit: for the portal, where the number's owner proved it with a one-time code.
 */
export async function findSubjectRowsByPhone(db: DbOrTx, cipher: FieldCipher, phone: string): Promise<SubjectRow[]> {
  return findSubjectRowsByPhoneIndex(db, cipher.blindIndex('phone', normalizePhone(phone)));
}

/** As findSubjectRowsByPhone, for a blind index already computed. */
export async function findSubjectRowsByPhoneIndex(db: DbOrTx, phoneIndex: Buffer): Promise<SubjectRow[]> {
  return db.select().from(subjects).where(eq(subjects.phoneIndex, phoneIndex)).orderBy(desc(subjects.kind), asc(subjects.id));
}

/** A subject row by id, without scope check or audit: for module functions that check access themselves. */
export async function findSubjectRow(db: DbOrTx, id: string): Promise<SubjectRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(subjects).where(eq(subjects.id, id));
  return row;
}

/** The subject's identifying code in clear: the ID number of a person, the USCC of an organisation. */
export function subjectCode(cipher: FieldCipher, row: SubjectRow): string {
  if (row.kind === 'organization') return row.uscc ?? '';
  if (!row.idNumberCipher) return '';
  return cipher.decrypt('idNumber', row.keyId, row.idNumberCipher);
}

/** Subject rows in id order, a page at a time, without scope check or audit: for seeding other modules' demo data. */
export async function listSubjectRowsAfter(db: DbOrTx, afterId: string | null, limit: number): Promise<SubjectRow[]> {
  const query = db.select().from(subjects);
  return (afterId ? query.where(gt(subjects.id, afterId)) : query).orderBy(asc(subjects.id)).limit(limit);
}

/** What a bulk import needs to know of a holder. */
export interface HolderSummary {
  id: string;
  kind: 'person' | 'organization';
  name: string;
  regionCode: string;
  birthDate: string | null;
}

/**
 * Subjects by their codes, a batch at a time (bulk imports): persons by normalised ID number through
 * the blind index, organisations by USCC; one statement for the whole batch, the codes travelling as
 * one JSON document. The result is keyed by the code as given. No scope check or audit: the caller checks.
 */
export async function findHoldersByCode(db: DbOrTx, cipher: FieldCipher, codes: { idNumbers: readonly string[]; usccs: readonly string[] }): Promise<Map<string, HolderSummary>> {
  const byIndex = new Map(codes.idNumbers.map((id) => [cipher.blindIndex('idNumber', normalizeIdNumber(id)).toString('hex'), id]));
  const found = new Map<string, HolderSummary>();
  if (byIndex.size === 0 && codes.usccs.length === 0) return found;
  const rows = await queryRows<{ id: string; kind: string; name: string; region_code: string; birth_date: string | null; idx: string | null; uscc: string | null }>(
    db,
    sql`select id, kind, name, region_code, birth_date::text as birth_date, encode(id_number_index, 'hex') as idx, uscc from subjects
        where id_number_index = any(array(select decode(value, 'hex') from json_array_elements_text(${JSON.stringify([...byIndex.keys()])}::json)))
        union all
        select id, kind, name, region_code, birth_date::text, null, uscc from subjects
        where uscc = any(array(select value::char(18) from json_array_elements_text(${JSON.stringify(codes.usccs)}::json)))`,
  );
  for (const r of rows) {
    const code = r.idx ? byIndex.get(r.idx) : r.uscc;
    if (code) found.set(code, { id: r.id, kind: r.kind === 'person' ? 'person' : 'organization', name: r.name, regionCode: r.region_code, birthDate: r.birth_date });
  }
  return found;
}
