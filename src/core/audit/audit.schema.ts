import { bigint, index, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained record of every action (the database refuses UPDATE, DELETE and
 * TRUNCATE on it). Keyed by a gapless sequence, so it can be range-partitioned by `seq` when it grows.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    /** Position in the chain, 1, 2, 3 … with no gaps. */
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** staff | api_key | subject | system | anonymous */
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id'),
    /** Username or key name at the time, so the log reads without joins. */
    actorName: text('actor_name'),
    actorDepartmentId: uuid('actor_department_id'),
    /** Dotted verb, e.g. subject.create, access.denied, auth.login. */
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /** Why personal data was read (required for cross-department reads). */
    purpose: text('purpose'),
    requestId: text('request_id'),
    /** Subjects whose data this event touched, so a subject can ask who read their data. */
    subjectIds: uuid('subject_ids').array().notNull(),
    /** Details without personal data (ids, counts, reasons). */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** SM3 of the canonical JSON of payload. */
    payloadDigest: text('payload_digest').notNull(),
    prevHash: text('prev_hash').notNull(),
    /** SM3 of the canonical JSON of every field above. */
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_target_idx').on(t.targetType, t.targetId),
    index('audit_events_action_idx').on(t.action, t.occurredAt),
    index('audit_events_actor_idx').on(t.actorId),
    index('audit_events_occurred_idx').on(t.occurredAt),
    index('audit_events_subject_ids_idx').using('gin', t.subjectIds),
  ],
);

/** The chain's head: one row, locked by each append so concurrent writers still form one chain. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: smallint('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/**
 * Periodic anchors of the chain head, each with a MAC under a key that lives in the platform's
 * configuration, not in the database: someone who can write the database but not read the
 * configuration can neither rewrite the chain past an anchor nor cut it short without it showing.
 */
export const auditAnchors = pgTable('audit_anchors', {
  /** Chain position anchored. */
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  /** Hash of the event at that position. */
  hash: text('hash').notNull(),
  anchoredAt: timestamp('anchored_at', { withTimezone: true, mode: 'date' }).notNull(),
  /** HMAC-SM3 (hex) of the canonical JSON of seq, hash and anchoredAt. */
  mac: text('mac').notNull(),
});
