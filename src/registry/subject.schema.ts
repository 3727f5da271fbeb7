import { char, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../core/db/columns.js';
import { regions } from './region.schema.js';

/**
 * Subjects (办事主体): persons and organisations. ID numbers and phones are stored encrypted
 * (AES-256-GCM, `key_id` names the key) with an HMAC blind index for exact lookup and a masked
 * form for display. Distributed by `id` (the holder id) in a sharded deployment.
 */
export const subjects = pgTable(
  'subjects',
  {
    id: uuid('id').primaryKey(),
    /** person | organization */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    idNumberCipher: bytea('id_number_cipher'),
    /** HMAC-SM3 of the normalised ID number, 16 bytes; unique. */
    idNumberIndex: bytea('id_number_index'),
    /** `430902********1234`, for display without decrypting. */
    idNumberMasked: text('id_number_masked'),
    /** Organisations only: the USCC is public information, stored in clear. */
    uscc: char('uscc', { length: 18 }),
    /** Persons only, derived from the ID number. */
    sex: text('sex'),
    birthDate: date('birth_date', { mode: 'string' }),
    legalRepresentative: text('legal_representative'),
    phoneCipher: bytea('phone_cipher'),
    phoneIndex: bytea('phone_index'),
    phoneMasked: text('phone_masked'),
    regionCode: char('region_code', { length: 12 }).notNull().references(() => regions.code),
    /** Id of the data key that encrypted this row's ciphertexts (for rotation). */
    keyId: text('key_id').notNull(),
    /** Department that registered the subject; reads by any other department are retrievals. */
    registeredByDepartmentId: uuid('registered_by_department_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('subjects_id_number_index_uq').on(t.idNumberIndex),
    uniqueIndex('subjects_uscc_uq').on(t.uscc),
    index('subjects_phone_index_idx').on(t.phoneIndex),
    index('subjects_region_idx').on(t.regionCode, t.id),
    index('subjects_name_idx').on(t.name.op('text_pattern_ops'), t.id),
  ],
);
