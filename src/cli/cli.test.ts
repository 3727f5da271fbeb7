import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from '../core/db/data-dir-lock.js';
import { seedReferenceData } from '../registry/index.js';
import { tamperWithAudit } from '../test/audit-tamper.js';
import { errorReportRows, openCliDatabase, runCli, type CliDatabase, type CliRun } from '../test/cli.js';
import { idNumberFrom, usccFrom, withWrongCheck } from '../test/identifiers.js';

/**
 * The real `mianzheng` command in a child process: on an embedded PGlite data directory, or on a
 * fresh PostgreSQL database when DATABASE_URL is set. Each run costs a few seconds, so they are few.
 */
const work = mkdtempSync(join(tmpdir(), 'mz-cli-'));
const dataDir = join(work, 'data');
let db: CliDatabase;
const withDatabase: CliDatabase['use'] = (fn) => db.use(fn);

beforeAll(async () => {
  db = await openCliDatabase(dataDir);
  await withDatabase((_, deps) => seedReferenceData(deps));
});
afterAll(async () => {
  await db?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Runs the CLI from the source tree, on the test's PostgreSQL database or the data directory. */
const cli = (args: string[], env: { embedded?: boolean } = {}): Promise<CliRun> => runCli(args, { dataDir, databaseUrl: env.embedded ? undefined : db.url });

const person = (n: number) => idNumberFrom(`43090219800101${String(200 + n)}`);

describe('mianzheng import subjects', () => {
  const csv = join(work, '主体名单.csv');

  it('imports the good rows of a CSV with Chinese headers and reports each bad row with row, field and reason', async () => {
    writeFileSync(
      csv,
      [
        '类型,姓名,身份证号,统一社会信用代码,法定代表人,手机号,区划代码',
        `自然人,张一,${person(1)},,,13807370001,430902005000`,
        `自然人,王二,${person(2).toLowerCase()},,,138 0737 0002,430903001000`,
        `自然人,李三,${withWrongCheck(person(3))},,,13807370003,430902005000`,
        `自然人,赵四,${person(4)},,,13807370004,430902999000`,
        `自然人,钱五,${person(5)},,,,430902005000`,
        `自然人,张一（重复）,${person(1)},,,13807370009,430902005000`,
        `自然人,"孙六, 七",${person(7)},,,13807370007,430902005000`,
        `法人,资阳测试有限公司,,${usccFrom('430902', 'MA4Q2001')},周八,0737-4220000,430902005000`,
      ].join('\n'),
    );
    const run = await cli(['import', 'subjects', csv]);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stdout).toContain('8 rows: 4 new, 0 updated, 0 unchanged, 4 rejected');
    expect(run.stdout).toContain(`${csv}.errors.csv`);
    expect(errorReportRows(`${csv}.errors.csv`)).toEqual([
      { row: '4', field: 'idNumber', reason: expect.stringMatching(/^check character should be/) },
      { row: '5', field: 'regionCode', reason: 'region 430902999000 does not exist' },
      { row: '6', field: 'phone', reason: 'is required' },
      { row: '7', field: 'idNumber', reason: 'same as row 2' },
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const run = await cli(['import', 'subjects', csv]);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stdout).toContain('8 rows: 0 new, 0 updated, 4 unchanged, 4 rejected');
  });

  it('imports an .xlsx, in batches, writing errors where it is told', async () => {
    const file = join(work, 'persons.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名单');
    sheet.addRow(['姓名', '公民身份号码', '手机号码', '行政区划代码']);
    sheet.addRow(['周九', person(9), 13807370009, '430903001000']);
    sheet.addRow(['吴十', idNumberFrom('43090219990230123'), 13807370010, '430903001000']);
    sheet.addRow(['郑十一', person(11), 13807370011, '430903001000']);
    await book.xlsx.writeFile(file);
    const errors = join(work, 'xlsx-errors.csv');
    const run = await cli(['import', 'subjects', file, '--errors', errors, '--batch-size', '1']);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stdout).toContain('3 rows: 2 new, 0 updated, 0 unchanged, 1 rejected');
    expect(errorReportRows(errors)).toEqual([{ row: '3', field: 'idNumber', reason: 'birth date 1999-02-30 does not exist' }]);
    expect(existsSync(`${file}.errors.csv`)).toBe(false);
  });
});

describe('bad arguments get a clear message and a non-zero exit', () => {
  it('refuses a bad number, an unknown command, a missing file and an unknown file type', async () => {
    writeFileSync(join(work, 'list.json'), '[]');
    const [persons, unknown, missing, json] = await Promise.all([
      cli(['seed', '--synthetic', '--persons', 'abc']),
      cli(['frobnicate']),
      cli(['import', 'subjects', join(work, 'nowhere.csv')]),
      cli(['import', 'subjects', join(work, 'list.json')]),
    ]);
    expect(persons.code).not.toBe(0);
    expect(persons.stderr).toContain("option '--persons <n>' argument 'abc' is invalid. must be a whole number ≥ 0");
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`mianzheng: file not found: ${join(work, 'nowhere.csv')}\n`);
    expect(json.code).toBe(2);
    expect(json.stderr).toBe('mianzheng: unsupported file type ".json": use .csv or .xlsx\n');
    for (const run of [persons, unknown]) expect(run.stderr).not.toMatch(/\n\s+at /); // no stack traces
  });
});

describe('mianzheng audit verify', () => {
  it('exits 0 on an intact chain, and 1 naming the first broken link after tampering', async () => {
    const intact = await cli(['audit', 'verify']);
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(/^audit chain intact: \d+ events, head at \d+, \d+ anchors hold\n$/);
    await withDatabase((database) => tamperWithAudit(database, sql`delete from audit_events where seq = 2`));
    const broken = await cli(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('audit chain BROKEN at event 2: event 2 is missing (next present is 3) (1 events before it are intact)');
  });
});

describe('the embedded database is one process\'s', () => {
  it('a second process is refused the data directory while this one holds it', async () => {
    // Hold the directory as openDatabase does, without starting a PGlite (on PostgreSQL runs there is none yet).
    mkdirSync(dataDir, { recursive: true });
    const lock = acquireDataDirLock(dataDir);
    try {
      const run = await cli(['audit', 'verify'], { embedded: true });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`the embedded database in ${dataDir} is in use by process ${process.pid}`);
      expect(run.stderr).toContain('mianzheng serve');
    } finally {
      lock.release();
    }
  });
});
