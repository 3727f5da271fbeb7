import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Departmental data records (数据资源记录): what one department holds about one subject under one
 * data resource, as a jsonb `facts` document shaped by the resource's schema (data-resource.catalogue.ts).
 * One row per (subject, resource): the holding department keeps it current. Distributed by
 * `subject_id` in a sharded deployment, co-located with the subject's licences and proofs.
 */
export const dataRecords = pgTable(
  'data_records',
  {
    /** The subject the record is about (the distribution column). */
    subjectId: uuid('subject_id').notNull(),
    /** Data resource code, e.g. `criminal_record` (see DATA_RESOURCES). */
    resourceCode: text('resource_code').notNull(),
    /** Department line that holds the record, e.g. `public_security`. */
    holdingLine: text('holding_line').notNull(),
    /** The record itself; validated against the resource's schema when written and when read. */
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    /** When the holding department last changed the record. */
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.subjectId, t.resourceCode] }), index('data_records_resource_idx').on(t.resourceCode, t.updatedAt)],
);
