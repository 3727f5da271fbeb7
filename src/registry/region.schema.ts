import { boolean, char, index, pgTable, text, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** Administrative divisions (行政区划), province down to village; a catalogue (reference table). */
export const regions = pgTable(
  'regions',
  {
    /** 12-digit statistical division code. */
    code: char('code', { length: 12 }).primaryKey(),
    name: text('name').notNull(),
    /** province | city | county | township | village */
    level: text('level').notNull(),
    parentCode: char('parent_code', { length: 12 }).references((): AnyPgColumn => regions.code),
    /** Generated demo rows (示例) that are not real divisions. */
    isExample: boolean('is_example').notNull().default(false),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode), index('regions_code_prefix_idx').on(t.code.op('bpchar_pattern_ops'))],
);
