import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/access/access.js';
import { queryRows, type Database } from '../core/db/database.js';
import { readTableRows, type TableRow } from '../core/files/table-reader.js';
import { openTestDatabase, testCtx, testDeps } from '../test/harness.js';
import { idNumberFrom, usccFrom, withWrongCheck } from '../test/identifiers.js';
import { seedReferenceData } from './seed.js';
import { SUBJECT_HEADER_ALIASES, importSubjects, type ImportError } from './subject.import.js';
import { subjects } from './subject.schema.js';

let database: Database;
const dir = mkdtempSync(join(tmpdir(), 'mz-import-'));

beforeAll(async () => {
  database = await openTestDatabase();
  await seedReferenceData(testDeps(database));
});
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Imports rows as the platform (or `actor`), collecting every rejected row. */
async function runImport(rows: AsyncIterable<TableRow>, options: { batchSize?: number; actor?: Actor } = {}) {
  const errors: ImportError[] = [];
  const report = await importSubjects(testCtx(testDeps(database), options.actor), rows, { batchSize: options.batchSize ?? 1000, onError: (e) => errors.push(e) });
  return { report, errors };
}

/** Every row of a spreadsheet, read as the importer reads it. */
async function readAll(file: string): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const r of readTableRows(file, SUBJECT_HEADER_ALIASES)) rows.push(r);
  return rows;
}

async function* rowsOf(values: Record<string, string>[]): AsyncGenerator<TableRow> {
  let row = 1;
  for (const v of values) yield { row: ++row, values: v };
}

const person = (n: number, extra: Record<string, string> = {}) => ({
  name: `导入${n}`,
  idNumber: idNumberFrom(`4309021985010${n % 10}${String(100 + n).padStart(3, '0')}`),
  phone: `1370737${String(n).padStart(4, '0')}`,
  regionCode: '430902005000',
  ...extra,
});

describe('reading spreadsheets', () => {
  it('reads a CSV with a BOM and Chinese headers, numbering rows as a person sees them (header = 1)', async () => {
    const file = join(dir, 'people.csv');
    writeFileSync(file, '\uFEFF姓名,身份证号,手机号,区划代码,备注\n张三,110105194912310029,13812345678,430902005000,"有逗号, 和 ""引号"""\n\n李四,1,2,3\n');
    expect(await readAll(file)).toEqual([
      { row: 2, values: { name: '张三', idNumber: '110105194912310029', phone: '13812345678', regionCode: '430902005000', 备注: '有逗号, 和 "引号"' } },
      { row: 4, values: { name: '李四', idNumber: '1', phone: '2', regionCode: '3', 备注: '' } },
    ]);
  });

  it('reads the first sheet of an .xlsx, whatever form the cells take', async () => {
    const file = join(dir, 'people.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('主体');
    sheet.addRow(['姓名', '身份证号码', '联系电话', '行政区划代码', '出生']);
    sheet.addRow(['张三', '11010519491231002X', 13812345678, '430902005000', new Date('1949-12-31T00:00:00Z')]);
    sheet.addRow([]);
    sheet.addRow([{ richText: [{ text: '李' }, { text: '四' }] }, null, { formula: '1+1', result: 2 }]);
    book.addWorksheet('其他').addRow(['ignored']);
    await book.xlsx.writeFile(file);
    expect(await readAll(file)).toEqual([
      { row: 2, values: { name: '张三', idNumber: '11010519491231002X', phone: '13812345678', regionCode: '430902005000', 出生: '1949-12-31' } },
      { row: 4, values: { name: '李四', idNumber: '', phone: '2', regionCode: '', 出生: '' } },
    ]);
  });

  it('refuses a missing file and an unknown type', async () => {
    const read = async (path: string) => { for await (const _ of readTableRows(path)) { /* drain */ } };
    await expect(read(join(dir, 'missing.csv'))).rejects.toThrow(/file not found/);
    writeFileSync(join(dir, 'people.json'), '[]');
    await expect(read(join(dir, 'people.json'))).rejects.toThrow(/unsupported file type ".json"/);
  });

  it('reads a CSV that Excel saved as GB18030 (not UTF-8), also across chunk boundaries', async () => {
    const file = join(dir, 'gbk.csv');
    const gb = (text: string) => Buffer.concat([...text].map((c) => GB18030[c] ?? Buffer.from(c))); // ASCII is the same in both
    const filler = '张三'.repeat(40_000); // pushes rows past the first 64 KiB read
    writeFileSync(file, Buffer.concat([gb('姓名,区划代码\n'), gb(`${filler},1\n`), gb('李四,430902005000\n')]));
    const rows: TableRow[] = [];
    for await (const r of readTableRows(file, SUBJECT_HEADER_ALIASES)) rows.push(r);
    expect(rows.map((r) => r.values)).toEqual([{ name: filler, regionCode: '1' }, { name: '李四', regionCode: '430902005000' }]);
  });
});

/** GB18030 bytes of the few characters the test above writes. */
const GB18030: Record<string, Buffer> = {
  姓: Buffer.from([0xd0, 0xd5]), 名: Buffer.from([0xc3, 0xfb]), 区: Buffer.from([0xc7, 0xf8]), 划: Buffer.from([0xbb, 0xae]),
  代: Buffer.from([0xb4, 0xfa]), 码: Buffer.from([0xc2, 0xeb]), 张: Buffer.from([0xd5, 0xc5]), 三: Buffer.from([0xc8, 0xfd]),
  李: Buffer.from([0xc0, 0xee]), 四: Buffer.from([0xcb, 0xc4]),
};

describe('importing subjects', () => {
  it('commits good rows, reports each bad row with its field and reason, and is idempotent', async () => {
    const values = [
      person(1),
      person(2, { 类型: '自然人' }),
      { kind: '法人', name: '资阳导入有限公司', uscc: usccFrom('430902', 'MA4Q1001'), legalRepresentative: '王五', regionCode: '430902005000' },
      person(3, { idNumber: withWrongCheck(person(3).idNumber) }),
      person(4, { regionCode: '430902999000' }),
      person(5, { phone: '' }),
      person(1, { name: '重复' }),
      person(6, { name: 'a\u0000b' }),
    ];
    const first = await runImport(rowsOf(values));
    expect(first.report).toEqual({ total: 8, inserted: 3, updated: 0, unchanged: 0, rejected: 5 });
    expect(first.errors).toEqual([
      { row: 5, field: 'idNumber', reason: expect.stringMatching(/^check character should be/) },
      { row: 6, field: 'regionCode', reason: 'region 430902999000 does not exist' },
      { row: 7, field: 'phone', reason: 'is required' },
      { row: 8, field: 'idNumber', reason: 'same as row 2' },
      { row: 9, field: 'name', reason: 'must not contain the NUL character (U+0000)' },
    ]);
    const again = await runImport(rowsOf(values));
    expect(again.report).toEqual({ total: 8, inserted: 0, updated: 0, unchanged: 3, rejected: 5 });
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from subjects where name like '导入%' or name = '资阳导入有限公司'`);
    expect(n).toBe(3);
  });

  it('reports a repeated identifier even when it falls into a later batch', async () => {
    const values = [person(11), person(12), person(13), person(11, { phone: '13707379999' }), person(14)];
    const { report, errors } = await runImport(rowsOf(values), { batchSize: 2 });
    expect(errors).toEqual([{ row: 5, field: 'idNumber', reason: 'same as row 2' }]);
    expect(report).toEqual({ total: 5, inserted: 4, updated: 0, unchanged: 0, rejected: 1 });
  });

  it('updates changed subjects and counts them', async () => {
    const changed = [person(11, { phone: '13707370000' }), person(12), { ...person(13), name: '改名' }];
    const { report } = await runImport(rowsOf(changed), { batchSize: 2 });
    expect(report).toEqual({ total: 3, inserted: 0, updated: 2, unchanged: 1, rejected: 0 });
    const [row] = await database.db.select().from(subjects).where(eq(subjects.name, '改名'));
    expect(row?.version).toBe(2);
  });

  it('treats a blank type cell like a missing one', async () => {
    const { report, errors } = await runImport(rowsOf([person(21, { kind: '' }), { kind: '', name: '空类型合作社', uscc: usccFrom('430902', 'MA4Q1002'), legalRepresentative: '赵六', regionCode: '430902005000' }]));
    expect(errors).toEqual([]);
    expect(report.inserted).toBe(2);
  });

  it('does not let an importer change a subject registered outside her scope', async () => {
    await runImport(rowsOf([person(41), { kind: '法人', name: '资阳某合作社', uscc: usccFrom('430902', 'MA4Q1041'), legalRepresentative: '原法人', regionCode: '430902005000' }]));
    const officer: Actor = { kind: 'staff', id: 'o1', name: 'officer.heshan', departmentId: null, roles: ['officer'], scope: { regionCode: '430903001000', departmentIds: [] } };
    const takeover = [
      person(41, { name: '冒名', regionCode: '430903001000' }),
      { kind: '法人', name: '改名合作社', uscc: usccFrom('430902', 'MA4Q1041'), legalRepresentative: '新法人', regionCode: '430903001000' },
    ];
    const { report, errors } = await runImport(rowsOf(takeover), { actor: officer });
    expect(errors).toEqual([
      { row: 2, field: 'idNumber', reason: 'already registered outside your scope' },
      { row: 3, field: 'uscc', reason: 'already registered outside your scope' },
    ]);
    expect(report).toEqual({ total: 2, inserted: 0, updated: 0, unchanged: 0, rejected: 2 });
    const rows = await database.db.select().from(subjects).where(sql`${subjects.name} in ('导入41', '资阳某合作社', '冒名', '改名合作社')`);
    expect(rows.map((r) => [r.name, r.regionCode]).sort()).toEqual([['导入41', '430902005000'], ['资阳某合作社', '430902005000']]);
  });

  it('keeps an importing clerk to her scope, and audits each batch', async () => {
    const clerk: Actor = { kind: 'staff', id: 'c1', name: 'officer.test', departmentId: null, roles: ['officer'], scope: { regionCode: '430903001000', departmentIds: [] }, };
    const { report, errors } = await runImport(rowsOf([person(31, { regionCode: '430903001000', idNumber: idNumberFrom('43090319850101131') }), person(32)]), { actor: clerk });
    expect(report).toMatchObject({ inserted: 1, rejected: 1 });
    expect(errors).toEqual([{ row: 3, field: 'regionCode', reason: 'outside your scope' }]);
    const [event] = await queryRows<{ actor_name: string; payload: Record<string, unknown>; subject_ids: string[] }>(database.db, sql`select actor_name, payload, subject_ids from audit_events where action = 'subject.import' order by seq desc limit 1`);
    expect(event).toMatchObject({ actor_name: 'officer.test', payload: { rows: 1, inserted: 1, updated: 0, unchanged: 0 } });
    expect(event?.subject_ids).toHaveLength(1);
    await expect(runImport(rowsOf([]), { actor: { ...clerk, roles: ['clerk'] } })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
