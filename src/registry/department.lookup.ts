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

export type DepartmentRow = typeof departments.$inferSelect;

/** Departments by id (public catalogue data), for modules that stamp a department's name and code on documents. */
export async function findDepartmentsById(db: DbOrTx, ids: readonly string[]): Promise<Map<string, DepartmentRow>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db.select().from(departments).where(inArray(departments.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every department, ordered by code (catalogue seeding of other modules). */
export async function listAllDepartments(db: DbOrTx): Promise<DepartmentRow[]> {
  return db.select().from(departments).orderBy(departments.code);
}
