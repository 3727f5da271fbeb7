import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { assertCan } from '../core/access/access.js';
import type { Ctx } from '../core/context.js';
import { queryRows, type DbOrTx } from '../core/db/database.js';
import { AppError } from '../core/errors.js';
import { isRegionCode, regionPrefix } from '../core/ids/region-code.js';
import type { RegionView } from './region.contract.js';
import { regions } from './region.schema.js';

export type Region = typeof regions.$inferSelect;

/** The lowest and highest 12-digit codes in a region's subtree, for index range scans. */
export function regionCodeRange(code: string): [string, string] {
  const prefix = regionPrefix(code);
  return [prefix.padEnd(12, '0'), prefix.padEnd(12, '9')];
}

/** A region by code, or undefined. */
export async function findRegion(db: DbOrTx, code: string): Promise<Region | undefined> {
  if (!isRegionCode(code)) return undefined;
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row;
}

/** Direct children of a region, by code. */
export async function findRegionChildren(db: DbOrTx, parentCode: string): Promise<Region[]> {
  return db.select().from(regions).where(eq(regions.parentCode, parentCode)).orderBy(asc(regions.code));
}

/** The region and everything below it. */
export async function findRegionSubtree(db: DbOrTx, code: string): Promise<Region[]> {
  const [lo, hi] = regionCodeRange(code);
  return db.select().from(regions).where(and(gte(regions.code, lo), lte(regions.code, hi))).orderBy(asc(regions.code));
}

/** Ancestors from the root down to the region's parent. */
export async function findRegionAncestors(db: DbOrTx, code: string): Promise<Region[]> {
  const rows = await queryRows<{ code: string; name: string; level: string; parent_code: string | null; is_example: boolean; depth: number }>(
    db,
    sql`with recursive up as (
          select r.*, 0 as depth from regions r where r.code = ${code}
          union all
          select p.*, up.depth + 1 from regions p join up on p.code = up.parent_code
        ) select * from up where depth > 0 order by depth desc`,
  );
  return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, isExample: r.is_example }));
}

/** Children counts for a set of regions, so the console can show which nodes expand. */
async function countChildren(db: DbOrTx, codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await queryRows<{ parent_code: string; n: number | string }>(
    db,
    sql`select parent_code, count(*) as n from regions where parent_code in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)}) group by parent_code`,
  );
  return new Map(rows.map((r) => [r.parent_code, Number(r.n)]));
}

/** Lists the children of `parent` (default: the city's counties under the root), for the region browser. */
export async function listRegions(ctx: Ctx, q: { parent?: string | undefined }): Promise<RegionView[]> {
  assertCan(ctx.actor, 'region.read');
  let parent = q.parent;
  if (parent === undefined) {
    const [root] = await ctx.db.select().from(regions).where(eq(regions.level, 'city')).orderBy(asc(regions.code)).limit(1);
    if (!root) return [];
    const counts = await countChildren(ctx.db, [root.code]);
    return [{ ...root, childCount: counts.get(root.code) ?? 0 }];
  }
  if (!(await findRegion(ctx.db, parent))) throw new AppError('not_found', `region ${parent} not found`);
  const children = await findRegionChildren(ctx.db, parent);
  const counts = await countChildren(ctx.db, children.map((c) => c.code));
  return children.map((c) => ({ ...c, childCount: counts.get(c.code) ?? 0 }));
}

/** One region with its ancestors and direct children. */
export async function getRegion(ctx: Ctx, code: string): Promise<RegionView & { ancestors: Region[]; children: RegionView[] }> {
  assertCan(ctx.actor, 'region.read');
  const region = await findRegion(ctx.db, code);
  if (!region) throw new AppError('not_found', `region ${code} not found`);
  const [ancestors, children] = await Promise.all([findRegionAncestors(ctx.db, code), findRegionChildren(ctx.db, code)]);
  const counts = await countChildren(ctx.db, [code, ...children.map((c) => c.code)]);
  return {
    ...region,
    childCount: counts.get(code) ?? 0,
    ancestors,
    children: children.map((c) => ({ ...c, childCount: counts.get(c.code) ?? 0 })),
  };
}

/**
 * The rule for ID-number address codes: inside Yiyang (4309xx) the county must be one we know
 * (or 430901, the former 市辖区); elsewhere any GB/T 2260 province is accepted, since people are
 * born everywhere and pre-1994 Yiyang numbers start 4323xx. Cached per database handle.
 */
const addressRules = new WeakMap<object, Promise<(code6: string) => boolean>>();
export function addressCodeRule(db: DbOrTx): Promise<(code6: string) => boolean> {
  let rule = addressRules.get(db);
  if (!rule) {
    rule = db
      .select({ code: regions.code })
      .from(regions)
      .where(eq(regions.level, 'county'))
      .then((rows) => {
        if (rows.length === 0) addressRules.delete(db); // not seeded yet: look again next time
        // Functional zones (4309 7x) have statistical codes but no GB/T 2260 address code.
        const counties = rows.map((r) => r.code.slice(0, 6)).filter((c) => c[4] !== '7');
        const known = new Set(['430901', ...counties]);
        return (code6: string) => !code6.startsWith('4309') || known.has(code6);
      });
    addressRules.set(db, rule);
  }
  return rule;
}
