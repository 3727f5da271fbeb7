import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../core/db/database.js';
import { openTestDatabase, testCtx, testDeps } from '../test/harness.js';
import { createApiKey } from './auth.service.js';
import { departmentIdOf, seedReferenceData } from './seed.js';
import { actorFromStaff, createStaff, findStaffByUsername } from './staff.service.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await seedReferenceData(testDeps(database));
});
afterAll(async () => database?.close());

describe('granting departments', () => {
  it('keeps a county admin from granting departments or keys outside the county', async () => {
    const deps = testDeps(database);
    await createStaff(testCtx(deps), { username: 'admin.hs', displayName: '赫山区管理员', roles: ['admin'], scopeRegionCode: '430903000000', departmentId: departmentIdOf('430903-data'), password: 'county-admin-2026' });
    const row = await findStaffByUsername(deps.db, 'admin.hs');
    if (!row) throw new Error('admin.hs missing');
    const county = testCtx(deps, actorFromStaff(row));
    const cityDept = departmentIdOf('430900-market_regulation');
    await expect(createStaff(county, { username: 'x.city', displayName: 'X', roles: ['officer'], scopeRegionCode: '430903000000', departmentId: cityDept })).rejects.toMatchObject({
      code: 'invalid',
      errors: [{ field: 'departmentId', message: expect.stringContaining('outside your own scope') }],
    });
    await expect(createApiKey(county, { name: 'city system', departmentId: cityDept, roles: ['officer'], scopeRegionCode: '430903000000' })).rejects.toMatchObject({ code: 'invalid' });
    const own = await createStaff(county, { username: 'x.county', displayName: 'Y', roles: ['officer'], scopeRegionCode: '430903001000', departmentId: departmentIdOf('430903-market_regulation') });
    expect(own.staff.departmentName).toBe('益阳市赫山区市场监督管理局');
  });
});
