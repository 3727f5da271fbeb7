import { char, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../core/db/columns.js';
import type { ProofDocument } from './proof-document.js';

/** Proof types (证明事项目录); a catalogue (reference table). The rule of each lives in code, by code. */
export const proofTypes = pgTable('proof_types', {
  /** Stable code, e.g. no_criminal_record. */
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** What the proof certifies, one line. */
  description: text('description').notNull(),
  /** GB/T 36904 type code: catalogue owner's USCC + 3-digit sequence (proofs from 501). */
  catalogueCode: char('catalogue_code', { length: 21 }).notNull().unique(),
  /** Department line that issues it; the holder's county counterpart, else the municipal department. */
  issuingLine: text('issuing_line').notNull(),
  holderKinds: text('holder_kinds').array().notNull(),
  /** Data resources its rule reads (exchange module codes). */
  resources: text('resources').array().notNull(),
  /** Days a proof stays valid, counting the day of issue. */
  validityDays: integer('validity_days').notNull(),
  /** Facts printed in the holder table. */
  fields: jsonb('fields').$type<{ key: string; label: string }[]>().notNull(),
  /** zh-CN paragraphs with {placeholders}; the last is 特此证明。 */
  template: jsonb('template').$type<string[]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * Issued proofs (电子证明). Distributed by `holder_id` in a sharded deployment. The document is stored
 * as issued, with the holder's ID number masked; the signed document carries the number in clear,
 * which is kept encrypted in `holder_code_cipher`.
 */
export const proofs = pgTable(
  'proofs',
  {
    id: uuid('id').primaryKey(),
    holderId: uuid('holder_id').notNull(),
    typeCode: text('type_code').notNull(),
    /** 证明编号 as printed. */
    number: text('number').notNull(),
    /** GB/T 36904-style identifier (证照标识); unique. */
    identifier: text('identifier').notNull(),
    holderKind: text('holder_kind').notNull(),
    holderName: text('holder_name').notNull(),
    /** Organisations: USCC; persons: masked ID number (the clear one is in holder_code_cipher). */
    holderCode: text('holder_code').notNull(),
    holderCodeCipher: bytea('holder_code_cipher'),
    /** Data key of holder_code_cipher. */
    keyId: text('key_id'),
    /** The department in whose name it is issued (the type's line, responsible for the holder's county). */
    issuerDepartmentId: uuid('issuer_department_id').notNull(),
    issuerCode: char('issuer_code', { length: 18 }).notNull(),
    issuerName: text('issuer_name').notNull(),
    /** The holder's region at issue. */
    regionCode: char('region_code', { length: 12 }).notNull(),
    /** What the applicant needs it for (用途), printed on the proof. */
    purpose: text('purpose').notNull(),
    /** One-line statement shown on the public verification page. */
    summary: text('summary').notNull(),
    /** The records the rule read: resource, holding line, last update and the facts as they were. */
    factsUsed: jsonb('facts_used').$type<Record<string, unknown>>().notNull(),
    /** The document as issued (holder code masked). */
    document: jsonb('document').$type<ProofDocument>().notNull(),
    /** SM3 of the canonical JSON that was signed (the document with the clear holder code). */
    documentDigest: text('document_digest').notNull(),
    /** DER SM2 signature by the issuing department's key. */
    signature: bytea('signature').notNull(),
    signingKeyId: uuid('signing_key_id').notNull(),
    /** Short code for the QR link /v/{code}. */
    verificationCode: text('verification_code').notNull(),
    /** valid | revoked (expiry is computed from valid_until). */
    status: text('status').notNull(),
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Position in the status list shared with licences (W3C Bitstring Status List). */
    statusListIndex: integer('status_list_index').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    /** Who asked for it: staff | api_key | subject | system, their id and name. */
    requestedByKind: text('requested_by_kind').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedByName: text('requested_by_name').notNull(),
    /** The department whose window (or system) asked; null for the portal. */
    requestedByDepartmentId: uuid('requested_by_department_id'),
  },
  (t) => [
    uniqueIndex('proofs_identifier_uq').on(t.identifier),
    uniqueIndex('proofs_number_uq').on(t.number),
    uniqueIndex('proofs_verification_code_uq').on(t.verificationCode),
    uniqueIndex('proofs_status_list_index_uq').on(t.statusListIndex),
    index('proofs_holder_idx').on(t.holderId, t.id),
    index('proofs_issuer_idx').on(t.issuerDepartmentId, t.id),
    index('proofs_requester_idx').on(t.requestedByDepartmentId, t.id),
  ],
);

/** History of every proof (append-only): issue, revoke. */
export const proofEvents = pgTable(
  'proof_events',
  {
    id: uuid('id').primaryKey(),
    proofId: uuid('proof_id').notNull(),
    holderId: uuid('holder_id').notNull(),
    action: text('action').notNull(),
    reason: text('reason'),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('proof_events_proof_idx').on(t.proofId, t.at)],
);
