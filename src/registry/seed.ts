import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { systemActor, type Role } from '../core/access/access.js';
import { appendAuditEvents, recordAudit } from '../core/audit/audit.service.js';
import { generatePassword, hashPassword } from '../core/auth/secrets.js';
import type { Deps } from '../core/context.js';
import { invalid } from '../core/errors.js';
import { writePipeline } from '../core/db/pipeline.js';
import { regionLevelOf } from '../core/ids/region-code.js';
import { stableUuid, uuidv7 } from '../core/ids/uuid.js';
import { packagePath } from '../core/paths.js';
import { departments } from './department.schema.js';
import { syntheticOrganization, syntheticPerson, syntheticPlaces, type SyntheticPlaces } from './demo/synthetic.js';
import { yiyangDepartments } from './demo/yiyang-departments.js';
import { addressCodeRule } from './region.service.js';
import { regions } from './region.schema.js';
import { staff } from './staff.schema.js';
import { writeSubjects } from './subject.bulk.js';
import { checkSubject, sealSubject, type SubjectInput, type SubjectRow } from './subject.service.js';

type RegionRow = typeof regions.$inferInsert;

/** Yiyang's divisions from reference/yiyang-regions.csv, under the province root, plus two example villages per township. */
export function yiyangRegions(): RegionRow[] {
  const csv = parse(readFileSync(packagePath('reference', 'yiyang-regions.csv')), { columns: true, skip_empty_lines: true }) as {
    code: string;
    name: string;
    level: string;
    parent_code: string;
  }[];
  const rows: RegionRow[] = [{ code: '430000000000', name: '湖南省', level: 'province', parentCode: null, isExample: false }];
  for (const r of csv) {
    if (regionLevelOf(r.code) !== r.level) throw new Error(`reference region ${r.code} says level ${r.level}`);
    rows.push({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, isExample: false });
  }
  for (const t of csv.filter((r) => r.level === 'township')) {
    for (const [suffix, label] of [['901', '一'], ['902', '二']] as const) {
      rows.push({ code: `${t.code.slice(0, 9)}${suffix}`, name: `${t.name}示例${label}村（示例）`, level: 'village', parentCode: t.code, isExample: true });
    }
  }
  return rows;
}

/** Regions and departments: the catalogues every installation needs. Idempotent. */
export async function seedReferenceData(deps: Deps): Promise<{ regions: number; departments: number }> {
  const regionRows = yiyangRegions();
  const townships = regionRows.filter((r) => r.level === 'township').map((r) => ({ code: r.code, name: r.name, parentCode: r.parentCode ?? '' }));
  const now = deps.clock.now();
  const deptRows = yiyangDepartments(townships).map((d) => ({ ...d, id: stableUuid(`department:${d.code}`), createdAt: now }));
  await deps.db.transaction(async (tx) => {
    // One statement per table: foreign keys are checked at its end, so parents and children may share it.
    await tx
      .insert(regions)
      .values(regionRows)
      .onConflictDoUpdate({ target: regions.code, set: { name: sql`excluded.name`, level: sql`excluded.level`, parentCode: sql`excluded.parent_code`, isExample: sql`excluded.is_example` } });
    for (let i = 0; i < deptRows.length; i += 200) {
      await tx
        .insert(departments)
        .values(deptRows.slice(i, i + 200))
        .onConflictDoUpdate({
          target: departments.code,
          set: { name: sql`excluded.name`, shortName: sql`excluded.short_name`, kind: sql`excluded.kind`, line: sql`excluded.line`, regionCode: sql`excluded.region_code` },
        });
    }
  });
  return { regions: regionRows.length, departments: deptRows.length };
}

/** The id of a seeded department by its code (e.g. `430900-data`). */
export function departmentIdOf(code: string): string {
  return stableUuid(`department:${code}`);
}

/**
 * Creates the first admin (username `admin`, the city data bureau, the whole city) when there is
 * none. Returns the password when it was generated, so the caller can print it once.
 */
export async function ensureFirstAdmin(deps: Deps, password: string | undefined): Promise<{ created: boolean; generatedPassword?: string }> {
  const [existing] = await deps.db.select({ id: staff.id }).from(staff).where(eq(staff.username, 'admin'));
  if (existing) return { created: false };
  const secret = password ?? generatePassword();
  const now = deps.clock.now();
  const id = uuidv7(now.getTime());
  await deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(staff)
      .values({
        id,
        username: 'admin',
        displayName: '系统管理员',
        passwordHash: await hashPassword(secret),
        departmentId: departmentIdOf('430900-data'),
        roles: ['admin'],
        scopeRegionCode: '430900000000',
        scopeDepartmentIds: [],
        status: 'active',
        mustChangePassword: password === undefined,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: staff.id });
    if (inserted.length) await recordAudit(tx, { ...deps, actor: systemActor }, { action: 'staff.create', targetType: 'staff', targetId: id, payload: { username: 'admin', roles: ['admin'] } });
  });
  return password === undefined ? { created: true, generatedPassword: secret } : { created: true };
}

/** The password of every demo account (documented in the README; demo data only). */
export const DEMO_PASSWORD = 'mianzheng-demo-2026';

/** Demo accounts: one per role, at city, county and township level. */
export const DEMO_STAFF: readonly {
  username: string;
  displayName: string;
  department: string;
  roles: Role[];
  region: string;
  /** Also acts for every department of its line in its region (业务指导: the city bureau over the county bureaus). */
  wholeLine?: boolean;
}[] = [
  { username: 'officer.scjg', displayName: '刘建国（市市场监管局）', department: '430900-market_regulation', roles: ['officer'], region: '430900000000', wholeLine: true },
  { username: 'officer.hs.scjg', displayName: '陈丽（赫山区市场监管局）', department: '430903-market_regulation', roles: ['officer'], region: '430903000000' },
  { username: 'clerk.hsjd', displayName: '王芳（赫山街道便民服务中心）', department: '430903001-government_services', roles: ['clerk'], region: '430903001000' },
  { username: 'clerk.dmtjd', displayName: '李娜（大码头街道便民服务中心）', department: '430902005-government_services', roles: ['clerk'], region: '430902005000' },
  { username: 'clerk.zwzx', displayName: '周敏（市政务服务中心）', department: '430900-government_services', roles: ['clerk'], region: '430900000000' },
  { username: 'supervisor.dcs', displayName: '赵强（市委督查室）', department: '430900-supervision', roles: ['supervisor'], region: '430900000000' },
  { username: 'auditor', displayName: '孙静（市数据局审计）', department: '430900-data', roles: ['auditor'], region: '430900000000' },
  { username: 'viewer', displayName: '吴磊（只读）', department: '430900-data', roles: ['viewer'], region: '430900000000' },
];

/** Demo population size; synthetic, deterministic, re-seeding adds nothing. */
const DEMO_PERSONS = 400;
const DEMO_ORGANIZATIONS = 80;

/** The Yiyang demo: demo accounts and a few hundred synthetic subjects. Idempotent. */
export async function seedDemo(deps: Deps): Promise<{ staff: number; subjects: number }> {
  const now = deps.clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let staffCreated = 0;
  await deps.db.transaction(async (tx) => {
    const allDepartments = await tx.select({ id: departments.id, line: departments.line, regionCode: departments.regionCode }).from(departments);
    for (const s of DEMO_STAFF) {
      const line = s.department.split('-')[1];
      const prefix = s.region.slice(0, 4);
      const scopeDepartmentIds = s.wholeLine ? allDepartments.filter((d) => d.line === line && d.regionCode.startsWith(prefix)).map((d) => d.id) : [];
      const id = stableUuid(`staff:${s.username}`);
      const inserted = await tx
        .insert(staff)
        .values({ id, username: s.username, displayName: s.displayName, passwordHash, departmentId: departmentIdOf(s.department), roles: s.roles, scopeRegionCode: s.region, scopeDepartmentIds, status: 'active', createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning({ id: staff.id });
      if (inserted.length) {
        staffCreated += 1;
        await recordAudit(tx, { ...deps, actor: systemActor }, { action: 'staff.create', targetType: 'staff', targetId: id, payload: { username: s.username, roles: s.roles, demo: true } });
      }
    }
  });
  const created = await seedSyntheticSubjects(deps, { persons: DEMO_PERSONS, organizations: DEMO_ORGANIZATIONS });
  return { staff: staffCreated, subjects: created };
}

/** Regions synthetic subjects live in: townships and villages within `root`. */
export async function loadSyntheticPlaces(deps: Deps, root = '430900000000'): Promise<SyntheticPlaces> {
  const [lo, hi] = [root.slice(0, 4).padEnd(12, '0'), root.slice(0, 4).padEnd(12, '9')];
  const rows = await deps.db
    .select({ code: regions.code, level: regions.level })
    .from(regions)
    .where(and(gte(regions.code, lo), lte(regions.code, hi)));
  const codes = rows.filter((r) => r.level === 'township' || r.level === 'village').map((r) => r.code);
  if (codes.length === 0) throw new Error('no townships: seed the reference data first (mianzheng migrate && mianzheng seed)');
  return syntheticPlaces(codes);
}

export interface SyntheticOptions {
  persons: number;
  organizations: number;
  /** First index, so separate runs can add disjoint populations. */
  offset?: number;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Inserts synthetic persons and organisations (validated, encrypted, blind-indexed) in batches
 * through the bulk path; existing ones are left alone. Returns how many were new.
 */
export async function seedSyntheticSubjects(deps: Deps, options: SyntheticOptions): Promise<number> {
  const places = await loadSyntheticPlaces(deps);
  const rule = await addressCodeRule(deps.db);
  const known = new Set(places.all);
  const batchSize = options.batchSize ?? 2000;
  const offset = options.offset ?? 0;
  const total = options.persons + options.organizations;
  const today = deps.clock.now();
  const departmentId = departmentIdOf('430900-government_services');
  let done = 0;
  let created = 0;
  const pipeline = writePipeline();
  const prepare = (inputs: SubjectInput[]): SubjectRow[] => {
    const now = deps.clock.now();
    return inputs.map((input) => {
      const { subject, errors } = checkSubject(input, { isKnownAddressCode: rule, today, regionExists: (c) => known.has(c) });
      if (!subject) throw invalid(errors);
      return sealSubject(subject, deps.cipher, { id: uuidv7(now.getTime()), now, departmentId });
    });
  };
  const write = async (rows: SubjectRow[]) => {
    await deps.db.transaction(async (tx) => {
      const outcome = await writeSubjects(tx, rows, 'insert');
      created += outcome.insertedIds.length;
      if (outcome.insertedIds.length) {
        await appendAuditEvents(tx, { ...deps, actor: systemActor }, [{ action: 'subject.seed', targetType: 'subject', payload: { inserted: outcome.insertedIds.length, synthetic: true } }]);
      }
    });
    done += rows.length;
    options.onProgress?.(done, total);
  };
  for (const [count, make] of [[options.persons, syntheticPerson], [options.organizations, syntheticOrganization]] as const) {
    for (let start = 0; start < count; start += batchSize) {
      const inputs: SubjectInput[] = [];
      for (let i = start; i < Math.min(count, start + batchSize); i++) inputs.push(make(offset + i, places));
      const rows = prepare(inputs); // runs while the previous batch is being written
      await pipeline.submit(() => write(rows));
    }
  }
  await pipeline.drain();
  return created;
}
