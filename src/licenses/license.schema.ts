import { sql } from 'drizzle-orm';
import { char, date, index, integer, jsonb, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../core/db/columns.js';
import type { ValidityRule } from './catalogue/license-types.data.js';

/** Licence types (证照目录); a catalogue (reference table). */
export const licenseTypes = pgTable('license_types', {
  /** Stable code, e.g. food_business_license. */
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** GB/T 36904 type code: catalogue owner's USCC + 3-digit sequence (21 characters). */
  catalogueCode: char('catalogue_code', { length: 21 }).notNull().unique(),
  /** Department line that issues it; any department of that line may issue. */
  issuingLine: text('issuing_line').notNull(),
  holderKinds: text('holder_kinds').array().notNull(),
  validity: jsonb('validity').$type<ValidityRule>().notNull(),
  /** Service item that renews it (resolved by the service catalogue); null when it does not expire. */
  renewalServiceCode: text('renewal_service_code'),
  /** Type-specific fields printed on the licence. */
  fields: jsonb('fields').$type<{ key: string; label: string }[]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** One status-list position per signed document (licence or proof), for W3C Bitstring Status Lists. */
export const statusListSeq = pgSequence('status_list_seq', { startWith: 1 });

/**
 * Licences (电子证照), one row per version: amending writes a new version linked to the previous
 * one. Distributed by `holder_id` in a sharded deployment; nothing references a licence across holders.
 */
export const licenses = pgTable(
  'licenses',
  {
    id: uuid('id').primaryKey(),
    holderId: uuid('holder_id').notNull(),
    /** 证照标识 (GB/T 36904), version included; unique. */
    identifier: text('identifier').notNull(),
    typeCode: text('type_code').notNull(),
    /** 证照编号 as printed. */
    number: text('number').notNull(),
    /** Serial part of the identifier, shared by every version of one licence. */
    serial: text('serial').notNull(),
    version: integer('version').notNull(),
    /** 关联证照标识: the version this one replaced. */
    previousId: uuid('previous_id'),
    holderKind: text('holder_kind').notNull(),
    holderName: text('holder_name').notNull(),
    /** Organisations: USCC in clear; persons: masked ID number (the clear one is in holder_code_cipher). */
    holderCode: text('holder_code').notNull(),
    holderCodeCipher: bytea('holder_code_cipher'),
    /** Data key of holder_code_cipher. */
    keyId: text('key_id'),
    issuerDepartmentId: uuid('issuer_department_id').notNull(),
    issuerCode: char('issuer_code', { length: 18 }).notNull(),
    issuerName: text('issuer_name').notNull(),
    /** 证照所属管辖属地编码. */
    regionCode: char('region_code', { length: 12 }).notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    /** Null = 长期 (no expiry). */
    validUntil: date('valid_until', { mode: 'string' }),
    /** valid | superseded | cancelled | revoked | withdrawn | expired (codes in license-status.ts). */
    status: text('status').notNull(),
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true, mode: 'date' }),
    /** 照面信息: the type-specific fields. */
    fields: jsonb('fields').$type<Record<string, string>>().notNull(),
    /** Fields the holder agreed to show on the public verification page. */
    disclosure: text('disclosure').array().notNull(),
    /** SM3 of the canonical JSON that is (or will be) signed. */
    documentDigest: text('document_digest').notNull(),
    /** DER SM2 signature; null while a bulk import's signing is still queued. */
    signature: bytea('signature'),
    signingKeyId: uuid('signing_key_id'),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }),
    /** Short code for the QR link /v/{code}. */
    verificationCode: text('verification_code').notNull(),
    statusListIndex: integer('status_list_index').notNull(),
    /** The bulk import that last wrote this row (license_imports.id); null when issued one at a time. */
    importId: uuid('import_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('licenses_identifier_uq').on(t.identifier),
    uniqueIndex('licenses_verification_code_uq').on(t.verificationCode),
    uniqueIndex('licenses_status_list_index_uq').on(t.statusListIndex),
    // (type, issuer, serial, version) needs no index of its own: the identifier is made of exactly
    // these, so its unique index already keeps them unique — and each index costs bulk imports time.
    index('licenses_holder_idx').on(t.holderId),
    index('licenses_issuer_idx').on(t.issuerDepartmentId, t.id),
    index('licenses_expiry_idx').on(t.validUntil, t.typeCode),
    index('licenses_number_idx').on(t.number),
    // Rows whose signature is still queued (bulk imports sign in the background).
    index('licenses_unsigned_idx').on(t.createdAt).where(sql`signature is null`),
  ],
);

/** History of every licence (append-only): issue, amend, cancel, revoke, withdraw, expire, sign. */
export const licenseEvents = pgTable(
  'license_events',
  {
    id: uuid('id').primaryKey(),
    licenseId: uuid('license_id').notNull(),
    holderId: uuid('holder_id').notNull(),
    action: text('action').notNull(),
    reason: text('reason'),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('license_events_license_idx').on(t.licenseId, t.at)],
);

/** Departments' SM2 signing keys; the private key is encrypted at rest with the platform's data key. */
export const signingKeys = pgTable(
  'signing_keys',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    /** Uncompressed public key 04‖x‖y, hex. */
    publicKey: text('public_key').notNull(),
    privateKeyCipher: bytea('private_key_cipher').notNull(),
    /** Data key that encrypted the private key. */
    keyId: text('key_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Set when replaced: old signatures stay verifiable, new ones use the successor. */
    retiredAt: timestamp('retired_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('signing_keys_department_idx').on(t.departmentId), uniqueIndex('signing_keys_active_uq').on(t.departmentId).where(sql`retired_at is null`)],
);
