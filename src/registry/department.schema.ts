import { char, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions } from './region.schema.js';

/** Government departments (部门) at every level; a catalogue (reference table). */
export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey(),
    /** Stable short code used in configuration and imports, e.g. `430900-scjgj`. */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    regionCode: char('region_code', { length: 12 }).notNull().references(() => regions.code),
    /** constituent | directly_affiliated | special | administered | institution | party (see docs/glossary.md) */
    kind: text('kind').notNull(),
    /** Functional line shared by counterparts at every level, e.g. market_regulation, public_security. */
    line: text('line').notNull(),
    uscc: char('uscc', { length: 18 }).notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('departments_region_idx').on(t.regionCode), index('departments_line_idx').on(t.line)],
);
