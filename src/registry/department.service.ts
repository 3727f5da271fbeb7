import { and, asc, eq, gt, gte, ilike, lte, or, type SQL } from 'drizzle-orm';
import { assertCan } from '../core/access/access.js';
import type { Ctx } from '../core/context.js';
import type { DbOrTx } from '../core/db/database.js';
import { AppError, invalid } from '../core/errors.js';
import { isRegionCode } from '../core/ids/region-code.js';
import { isUuid } from '../core/ids/uuid.js';
import type { DepartmentView } from './department.contract.js';
import { departments } from './department.schema.js';
import { regionCodeRange } from './region.service.js';

export type Department = typeof departments.$inferSelect;

function present(d: Department): DepartmentView {
  return { ...d, createdAt: d.createdAt.toISOString() };
}

/** Filters for the department list. */
export interface DepartmentQuery {
  /** Only departments in this region's subtree. */
  regionCode?: string | undefined;
  /** Only departments of exactly this region (not its subtree). */
  exactRegion?: boolean | undefined;
  kind?: string | undefined;
  line?: string | undefined;
  q?: string | undefined;
  /** Departments after this code (cursor). */
  cursor?: string | undefined;
  limit: number;
}

/** Departments ordered by code (city first, then counties, then townships), a page at a time. */
export async function listDepartments(ctx: Ctx, q: DepartmentQuery): Promise<{ items: DepartmentView[]; nextCursor: string | null }> {
  assertCan(ctx.actor, 'department.read');
  const where: SQL[] = [];
  if (q.regionCode !== undefined) {
    if (!isRegionCode(q.regionCode)) throw invalid([{ field: 'regionCode', message: 'must be a 12-digit region code' }]);
    if (q.exactRegion) where.push(eq(departments.regionCode, q.regionCode));
    else {
      const [lo, hi] = regionCodeRange(q.regionCode);
      where.push(gte(departments.regionCode, lo), lte(departments.regionCode, hi));
    }
  }
  if (q.kind) where.push(eq(departments.kind, q.kind));
  if (q.line) where.push(eq(departments.line, q.line));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(departments.name, like), ilike(departments.shortName, like), ilike(departments.code, like));
    if (match) where.push(match);
  }
  if (q.cursor) where.push(gt(departments.code, q.cursor));
  const rows = await ctx.db.select().from(departments).where(and(...where)).orderBy(asc(departments.code)).limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { items: page.map(present), nextCursor: rows.length > q.limit ? (page.at(-1)?.code ?? null) : null };
}

/** One department by id or by code. */
export async function getDepartment(ctx: Ctx, idOrCode: string): Promise<DepartmentView> {
  assertCan(ctx.actor, 'department.read');
  const [row] = await ctx.db
    .select()
    .from(departments)
    .where(isUuid(idOrCode) ? eq(departments.id, idOrCode) : eq(departments.code, idOrCode));
  if (!row) throw new AppError('not_found', `department ${idOrCode} not found`);
  return present(row);
}

/** The id of the department with this code; `invalid` naming the code when there is none. */
export async function requireDepartmentId(db: DbOrTx, code: string): Promise<string> {
  const [row] = await db.select({ id: departments.id }).from(departments).where(eq(departments.code, code));
  if (!row) throw invalid([{ field: 'department', message: `no department has code "${code}" (see GET /api/v1/departments)` }]);
  return row.id;
}
