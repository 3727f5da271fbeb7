import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../core/db/database.js';
import { openTestDatabase, testCtx, testDeps } from '../test/harness.js';
import { getRegion, listRegions, findRegionSubtree } from './region.service.js';
import { listDepartments } from './department.service.js';
import { seedDemo, seedReferenceData } from './seed.js';
import { validateUscc } from '../core/ids/uscc.js';
import { findSubjects } from './subject.service.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());

describe('reference data and demo seed', () => {
  it('seeds Yiyang regions and departments, idempotently', async () => {
    const deps = testDeps(database);
    const first = await seedReferenceData(deps);
    const second = await seedReferenceData(deps);
    expect(second).toEqual(first);
    const ctx = testCtx(deps);
    const [city] = await listRegions(ctx, {});
    expect(city?.name).toBe('益阳市');
    expect(city?.childCount).toBe(8);
    const heshan = await getRegion(ctx, '430903000000');
    expect(heshan.ancestors.map((a) => a.name)).toEqual(['湖南省', '益阳市']);
    expect(heshan.children.length).toBeGreaterThan(5);
    const subtree = await findRegionSubtree(deps.db, '430903000000');
    expect(subtree.every((r) => r.code.startsWith('430903'))).toBe(true);
    const municipal = await listDepartments(ctx, { regionCode: '430900000000', exactRegion: true, limit: 200 });
    expect(municipal.items.length).toBeGreaterThanOrEqual(30);
    const names = municipal.items.map((d) => d.name);
    for (const n of ['益阳市市场监督管理局', '益阳市公安局', '益阳市人力资源和社会保障局', '益阳市住房公积金管理中心', '中共益阳市委督查室']) expect(names).toContain(n);
    for (const d of municipal.items) expect(validateUscc(d.uscc).ok).toBe(true);
    const county = await listDepartments(ctx, { regionCode: '430921000000', limit: 200 });
    expect(county.items.map((d) => d.name)).toContain('南县市场监督管理局');
  });

  it('seeds demo staff and subjects once', async () => {
    const deps = testDeps(database);
    const a = await seedDemo(deps);
    const b = await seedDemo(deps);
    expect(a.subjects).toBeGreaterThan(100);
    expect(b).toEqual({ staff: 0, subjects: 0 });
    const page = await findSubjects(testCtx(deps), { limit: 5 });
    expect(page.items).toHaveLength(5);
    expect(page.items[0]?.idNumber ?? page.items[0]?.uscc).toBeTruthy();
  });
});
