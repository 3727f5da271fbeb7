import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/database.js';
import { departments } from './department.schema.js';

/** Names of departments by id (public catalogue data; no permission needed), for logs shown to citizens. */
export async function findDepartmentNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
