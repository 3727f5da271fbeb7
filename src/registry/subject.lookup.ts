import { asc, desc, eq, gt } from 'drizzle-orm';
import type { FieldCipher } from '../core/crypto/field-cipher.js';
import type { DbOrTx } from '../core/db/database.js';
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
