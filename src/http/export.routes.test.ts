import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../core/db/database.js';
import type { App } from '../core/http/app-types.js';
import { ensureFirstAdmin, seedReferenceData } from '../registry/index.js';
import { openTestDatabase, testDeps } from '../test/harness.js';
import { seedPortalSubject } from '../test/portal-fixtures.js';
import { buildApp } from './app.js';

const PASSWORD = 'export-test-password-1';

describe('xlsx exports', () => {
  let database: Database;
  let app: App;
  let cookie = '';

  beforeAll(async () => {
    database = await openTestDatabase();
    const deps = testDeps(database);
    await seedReferenceData(deps);
    await ensureFirstAdmin(deps, PASSWORD);
    await seedPortalSubject(deps, '13707370003', 31);
    app = await buildApp(deps, { cookieSecure: false, sessionTtlMinutes: 60, loginMaxPerMinute: 100, trustProxy: false, version: 'test', webDir: null });
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: PASSWORD } });
    cookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  async function workbook(url: string): Promise<ExcelJS.Worksheet> {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toMatch(/attachment; .*filename\*=UTF-8''/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    return sheet;
  }

  it('exports subjects masked, and audits the export', async () => {
    const sheet = await workbook('/api/v1/exports/subjects.xlsx?name=%E5%BC%A0');
    expect(sheet.rowCount).toBe(2);
    expect(String(sheet.getRow(2).getCell(4).value)).toMatch(/^430902\*{8}/);
    expect(String(sheet.getRow(2).getCell(5).value)).toBe('137****0003');
    const audit = await app.inject({ method: 'GET', url: '/api/v1/audit?action=subject.export', headers: { cookie } });
    const [event] = (audit.json() as { items: { payload: Record<string, unknown> }[] }).items;
    expect(event?.payload).toMatchObject({ rows: 1, complete: true, filters: { name: 'prefix' } });
  });

  it('exports departments, staff and the audit log', async () => {
    expect((await workbook('/api/v1/exports/departments.xlsx?regionCode=430900000000')).rowCount).toBeGreaterThan(30);
    expect((await workbook('/api/v1/exports/staff.xlsx')).getRow(2).getCell(1).value).toBe('admin');
    expect((await workbook('/api/v1/exports/audit.xlsx?action=auth.*')).rowCount).toBeGreaterThan(1);
  });

  it('refuses without a session, with problem+json', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/exports/subjects.xlsx' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});
