import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../core/db/database.js';
import type { SubjectRow } from './subject.service.js';

/** What a bulk write did, by row. */
export interface BulkOutcome {
  /** Ids written (inserted or changed), in no particular order. */
  insertedIds: string[];
  updatedIds: string[];
  /** Rows that matched an existing subject with the same data. */
  unchanged: number;
}

const hex = (b: Buffer | null): string | null => (b ? b.toString('hex') : null);

/**
 * Writes many subjects in one statement per kind: columns travel as arrays and `unnest` turns them
 * back into rows (2–3× faster than row-by-row inserts, and the same SQL on PGlite and PostgreSQL).
 * `upsert` updates name, phone, region and legal representative of a subject already registered
 * under the same ID number or USCC when they differ; `insert` leaves existing subjects alone.
 * Rows in one call must not repeat an identifier.
 */
export async function writeSubjects(db: DbOrTx, rows: SubjectRow[], mode: 'insert' | 'upsert'): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { insertedIds: [], updatedIds: [], unchanged: 0 };
  for (const kind of ['person', 'organization'] as const) {
    const group = rows.filter((r) => r.kind === kind);
    if (group.length === 0) continue;
    const conflictTarget = kind === 'person' ? sql`(id_number_index)` : sql`(uscc)`;
    const onConflict =
      mode === 'insert'
        ? sql`do nothing`
        : sql`do update set
            name = excluded.name,
            phone_cipher = excluded.phone_cipher, phone_index = excluded.phone_index, phone_masked = excluded.phone_masked,
            id_number_cipher = excluded.id_number_cipher, key_id = excluded.key_id,
            region_code = excluded.region_code, legal_representative = excluded.legal_representative,
            updated_at = excluded.updated_at, version = subjects.version + 1
          where subjects.name is distinct from excluded.name
             or subjects.phone_index is distinct from excluded.phone_index
             or subjects.region_code is distinct from excluded.region_code
             or subjects.legal_representative is distinct from excluded.legal_representative`;
    const col = <T>(pick: (r: SubjectRow) => T) => sql.param(group.map(pick));
    const result = await queryRows<{ id: string; inserted: boolean }>(
      db,
      sql`insert into subjects (id, kind, name, id_number_cipher, id_number_index, id_number_masked, uscc, sex, birth_date,
            legal_representative, phone_cipher, phone_index, phone_masked, region_code, key_id,
            registered_by_department_id, created_at, updated_at, version)
          select u.id, u.kind, u.name, decode(u.idc, 'hex'), decode(u.idx, 'hex'), u.idm, u.uscc, u.sex, u.birth_date,
            u.legal, decode(u.phc, 'hex'), decode(u.phx, 'hex'), u.phm, u.region_code, u.key_id,
            u.dept, u.at, u.at, 1
          from unnest(
            ${col((r) => r.id)}::uuid[], ${col((r) => r.kind)}::text[], ${col((r) => r.name)}::text[],
            ${col((r) => hex(r.idNumberCipher))}::text[], ${col((r) => hex(r.idNumberIndex))}::text[], ${col((r) => r.idNumberMasked)}::text[],
            ${col((r) => r.uscc)}::text[], ${col((r) => r.sex)}::text[], ${col((r) => r.birthDate)}::date[],
            ${col((r) => r.legalRepresentative)}::text[], ${col((r) => hex(r.phoneCipher))}::text[], ${col((r) => hex(r.phoneIndex))}::text[],
            ${col((r) => r.phoneMasked)}::text[], ${col((r) => r.regionCode)}::text[], ${col((r) => r.keyId)}::text[],
            ${col((r) => r.registeredByDepartmentId)}::uuid[], ${col((r) => r.createdAt.toISOString())}::timestamptz[]
          ) as u(id, kind, name, idc, idx, idm, uscc, sex, birth_date, legal, phc, phx, phm, region_code, key_id, dept, at)
          on conflict ${conflictTarget} ${onConflict}
          returning id, (xmax = 0) as inserted`,
    );
    for (const r of result) (r.inserted ? outcome.insertedIds : outcome.updatedIds).push(r.id);
    outcome.unchanged += group.length - result.length;
  }
  return outcome;
}
