import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../core/db/database.js';
import type { App } from '../core/http/app-types.js';
import { issueLicense, seedLicensing } from '../licenses/index.js';
import { seedProofing } from '../proofs/index.js';
import { createStaff, departmentIdOf, ensureFirstAdmin, seedReferenceData } from '../registry/index.js';
import { openTestDatabase, testCtx, testDeps } from '../test/harness.js';
import { seedPortalSubject } from '../test/portal-fixtures.js';
import { buildApp } from './app.js';

const PASSWORD = 'export-test-password-1';

describe('xlsx exports', () => {
  let database: Database;
  let app: App;
  let cookie = '';
  let officerCookie = '';
  let clerkCookie = '';

  beforeAll(async () => {
    database = await openTestDatabase();
    const deps = testDeps(database);
    await seedReferenceData(deps);
    await ensureFirstAdmin(deps, PASSWORD);
    const holderId = await seedPortalSubject(deps, '13707370003', 31);
    // A market-regulation officer and two licences of theirs (one ending soon), for the licence export.
    await seedLicensing(deps);
    const market = departmentIdOf('430900-market_regulation');
    await createStaff(testCtx(deps), { username: 'officer.export', displayName: '导出测试', password: PASSWORD, departmentId: market, roles: ['officer'], scopeRegionCode: '430900000000' });
    for (const [number, validUntil] of [['ZYYS-0001', '2031-01-31'], ['ZYYS-0002', '2026-12-31']] as const) {
      await issueLicense(testCtx(deps), { typeCode: 'licensed_pharmacist', holderId, number, validFrom: '2026-01-01', validUntil, fields: { employer: '益阳示例大药房' }, issuerDepartmentId: market });
    }
    // A window clerk of the municipal service centre and two proofs asked for there (the holder has no records: 未婚).
    await seedProofing(deps);
    await createStaff(testCtx(deps), { username: 'clerk.export', displayName: '导出测试窗口', password: PASSWORD, departmentId: departmentIdOf('430900-government_services'), roles: ['clerk'], scopeRegionCode: '430900000000' });
    app = await buildApp(deps, { cookieSecure: false, sessionTtlMinutes: 60, loginMaxPerMinute: 100, trustProxy: false, version: 'test', webDir: null });
    const clerk = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'clerk.export', password: PASSWORD } });
    clerkCookie = String(clerk.headers['set-cookie']).split(';')[0] ?? '';
    const { csrfToken } = clerk.json() as { csrfToken: string };
    for (const typeCode of ['marital_status', 'unmarried']) {
      const issued = await app.inject({ method: 'POST', url: '/api/v1/proofs', headers: { cookie: clerkCookie, 'x-csrf-token': csrfToken }, payload: { typeCode, holderId, purpose: '入学' } });
      expect(issued.statusCode, issued.body).toBe(201);
    }
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: PASSWORD } });
    cookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
    const officer = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'officer.export', password: PASSWORD } });
    officerCookie = String(officer.headers['set-cookie']).split(';')[0] ?? '';
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  async function workbook(url: string, as = cookie): Promise<ExcelJS.Worksheet> {
    const res = await app.inject({ method: 'GET', url, headers: { cookie: as } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toMatch(/attachment; .*filename\*=UTF-8''/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    return sheet;
  }

  /** The payload of the newest audit event of an action. An export is recorded once its workbook is written, which may be just after the response ends: poll. */
  async function latestPayload(action: string): Promise<Record<string, unknown> | undefined> {
    const audit = await app.inject({ method: 'GET', url: `/api/v1/audit?action=${action}&limit=1`, headers: { cookie } });
    return (audit.json() as { items: { payload: Record<string, unknown> }[] }).items[0]?.payload;
  }

  it('exports subjects masked, and audits the export', async () => {
    const sheet = await workbook('/api/v1/exports/subjects.xlsx?name=%E5%BC%A0');
    expect(sheet.rowCount).toBe(2);
    expect(String(sheet.getRow(2).getCell(4).value)).toMatch(/^430902\*{8}/);
    expect(String(sheet.getRow(2).getCell(5).value)).toBe('137****0003');
    await expect.poll(() => latestPayload('subject.export')).toMatchObject({ rows: 1, complete: true, filters: { name: 'prefix' } });
  });

  it('exports departments, staff and the audit log', async () => {
    expect((await workbook('/api/v1/exports/departments.xlsx?regionCode=430900000000')).rowCount).toBeGreaterThan(30);
    const staff = await workbook('/api/v1/exports/staff.xlsx');
    expect(staff.getColumn(1).values).toContain('admin');
    expect((await workbook('/api/v1/exports/audit.xlsx?action=auth.*')).rowCount).toBeGreaterThan(1);
  });

  it('exports the licences of the officer\'s department, holders masked, with the list\'s filters, and audits it', async () => {
    const all = await workbook('/api/v1/exports/licenses.xlsx', officerCookie);
    expect(all.rowCount).toBe(3);
    expect(all.getRow(1).getCell(2).value).toBe('证照编号 Number');
    const numbers = [all.getRow(2).getCell(2).value, all.getRow(3).getCell(2).value];
    expect(numbers.sort()).toEqual(['ZYYS-0001', 'ZYYS-0002']);
    expect(String(all.getRow(2).getCell(5).value)).toMatch(/^430902\*{8}\d{3}[\dX]$/);
    expect(all.getRow(2).getCell(6).value).toBe('益阳市市场监督管理局');
    const expiring = await workbook('/api/v1/exports/licenses.xlsx?status=valid&expiringBy=2027-03-31', officerCookie);
    expect(expiring.rowCount).toBe(2);
    expect(expiring.getRow(2).getCell(2).value).toBe('ZYYS-0002');
    await expect.poll(() => latestPayload('license.export')).toMatchObject({ rows: 1, complete: true, filters: { status: 'valid', expiringBy: '2027-03-31' } });
    // The admin's department issued none; a status the list does not know is a 400.
    expect((await workbook('/api/v1/exports/licenses.xlsx')).rowCount).toBe(1);
    const bad = await app.inject({ method: 'GET', url: '/api/v1/exports/licenses.xlsx?status=lost', headers: { cookie: officerCookie } });
    expect(bad.statusCode).toBe(400);
  });

  it('exports the proofs asked for at the clerk\'s window, applicants masked, with the list\'s filters, and audits it', async () => {
    const all = await workbook('/api/v1/exports/proofs.xlsx', clerkCookie);
    expect(all.rowCount).toBe(3);
    expect(all.getRow(1).getCell(2).value).toBe('证明编号 Number');
    expect(String(all.getRow(2).getCell(4).value)).toMatch(/^430902\*{8}\d{3}[\dX]$/);
    expect(all.getRow(2).getCell(5).value).toBe('益阳市资阳区民政局');
    expect(all.getRow(2).getCell(6).value).toBe('入学');
    const unmarried = await workbook('/api/v1/exports/proofs.xlsx?typeCode=unmarried&status=valid', clerkCookie);
    expect(unmarried.rowCount).toBe(2);
    expect(unmarried.getRow(2).getCell(1).value).toBe('未婚证明（无婚姻登记记录证明）');
    await expect.poll(() => latestPayload('proof.export')).toMatchObject({ rows: 1, complete: true, filters: { typeCode: 'unmarried', status: 'valid' } });
    // The market-regulation officer's departments issued none and asked for none; a status the list does not know is a 400.
    expect((await workbook('/api/v1/exports/proofs.xlsx', officerCookie)).rowCount).toBe(1);
    const bad = await app.inject({ method: 'GET', url: '/api/v1/exports/proofs.xlsx?status=lost', headers: { cookie: clerkCookie } });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses without a session, with problem+json', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/exports/subjects.xlsx' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});
