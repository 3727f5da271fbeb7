import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.js';
import type { Deps } from '../core/context.js';
import type { Database } from '../core/db/database.js';
import { AppError } from '../core/errors.js';
import { uuidv7 } from '../core/ids/uuid.js';
import { listSubjectRowsAfter, seedDemo, seedReferenceData } from '../registry/index.js';
import { engineName, openTestDatabase, testDeps } from '../test/harness.js';
import { dataRecords } from './data-record.schema.js';
import { deleteRecord, findRecords, writeRecords } from './data-record.service.js';
import { DATA_RESOURCES, RESOURCE_FACTS } from './data-resource.catalogue.js';
import { demoOrganizationRecords, demoPersonRecords, seedDemoRecords, type DemoPlace } from './demo-records.seed.js';

const clock = fixedClock(new Date('2026-03-01T02:00:00Z'));
const place: DemoPlace = { path: '湖南省益阳市赫山区赫山街道', county: '益阳市赫山区', village: false };

describe(`departmental data records (${engineName})`, () => {
  let database: Database;
  let deps: Deps;
  beforeAll(async () => {
    database = await openTestDatabase();
    deps = testDeps(database, clock);
  });
  afterAll(async () => database?.close());

  it('lists every resource once, with a schema and a holding line', () => {
    expect(new Set(DATA_RESOURCES.map((r) => r.code)).size).toBe(DATA_RESOURCES.length);
    expect(DATA_RESOURCES.map((r) => r.code).sort()).toEqual(Object.keys(RESOURCE_FACTS).sort());
    expect(DATA_RESOURCES.find((r) => r.code === 'criminal_record')?.holdingLine).toBe('public_security');
  });

  it('writes records checked against their schema and finds only the requested ones', async () => {
    const subjectId = uuidv7();
    await writeRecords(deps.db, clock.now(), [
      { subjectId, resourceCode: 'criminal_record', facts: { entries: [] } },
      { subjectId, resourceCode: 'marriage_registration', facts: { status: 'married', spouseName: '王建国', registeredOn: '2016-10-01', office: '益阳市赫山区民政局婚姻登记处' } },
    ]);
    const found = await findRecords(deps.db, subjectId, ['criminal_record', 'real_estate']);
    expect(Object.keys(found)).toEqual(['criminal_record']);
    expect(found.criminal_record).toMatchObject({ holdingLine: 'public_security', facts: { entries: [] } });
    expect(await findRecords(deps.db, uuidv7(), ['criminal_record'])).toEqual({});
    expect(await findRecords(deps.db, 'not-a-uuid', ['criminal_record'])).toEqual({});

    // 'replace' updates, 'keep' leaves the record as it was.
    await writeRecords(deps.db, clock.now(), [{ subjectId, resourceCode: 'criminal_record', facts: { entries: [{ offence: '盗窃罪', judgedOn: '2020-01-01', court: '益阳市赫山区人民法院' }] } }]);
    expect((await findRecords(deps.db, subjectId, ['criminal_record'])).criminal_record?.facts.entries).toHaveLength(1);
    expect(await writeRecords(deps.db, clock.now(), [{ subjectId, resourceCode: 'criminal_record', facts: { entries: [] } }], 'keep')).toBe(0);
    expect((await findRecords(deps.db, subjectId, ['criminal_record'])).criminal_record?.facts.entries).toHaveLength(1);
    expect(await deleteRecord(deps.db, subjectId, 'criminal_record')).toBe(true);
    expect(await deleteRecord(deps.db, subjectId, 'criminal_record')).toBe(false);
  });

  it('refuses facts that do not fit the resource, naming the field', async () => {
    const bad = { subjectId: uuidv7(), resourceCode: 'marriage_registration', facts: { status: 'engaged', spouseName: 'x', registeredOn: '2016-10-01', office: 'y' } };
    // The cast stands for data arriving from outside (a department feed) with the wrong shape.
    const error = await writeRecords(deps.db, clock.now(), [bad as never]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid');
    expect((error as AppError).errors[0]?.field).toMatch(/^0\.marriage_registration\.facts\.status/);
  });

  it('answers 503 for a stored record that no longer fits, rather than treating it as absent', async () => {
    const subjectId = uuidv7();
    await deps.db.insert(dataRecords).values({ subjectId, resourceCode: 'criminal_record', holdingLine: 'public_security', facts: { entries: 'none' }, updatedAt: clock.now() });
    const error = await findRecords(deps.db, subjectId, ['criminal_record']).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unavailable' });
  });

  it('generates the same demo records for the same subject, all fitting their schemas', () => {
    const person = { id: uuidv7(), kind: 'person', name: '刘德华', sex: 'male', birthDate: '1961-09-27', idNumberMasked: '430903********0017', uscc: null, regionCode: '430903001000' };
    const a = demoPersonRecords(person, place, '2026-03-01');
    expect(demoPersonRecords(person, place, '2026-03-01')).toEqual(a);
    expect(a.map((r) => r.resourceCode)).toContain('household_registration');
    const org = { id: uuidv7(), kind: 'organization', name: '赫山兴旺食品商行', sex: null, birthDate: null, idNumberMasked: null, uscc: '92430903MA4L00001X', regionCode: '430903001000' };
    const records = demoOrganizationRecords(org, place, '2026-03-01');
    expect(records.find((r) => r.resourceCode === 'market_entity')?.facts).toMatchObject({ entityType: 'individual' });
    expect(JSON.stringify(records)).toContain('（示例）');
  });

  it('seeds demo records for the demo subjects once', async () => {
    await seedReferenceData(deps);
    await seedDemo(deps);
    await deps.db.delete(dataRecords); // the records written by the tests above
    const written = await seedDemoRecords(deps);
    const subjects = await listSubjectRowsAfter(deps.db, null, 1000);
    expect(written).toBeGreaterThan(subjects.length * 3);
    expect(await seedDemoRecords(deps)).toBe(0); // first start only
    const person = subjects.find((s) => s.kind === 'person');
    if (!person) throw new Error('no demo person');
    const found = await findRecords(deps.db, person.id, DATA_RESOURCES.map((r) => r.code));
    expect(Object.keys(found).length).toBeGreaterThan(1);
    expect(found.household_registration?.facts.address).toMatch(/^湖南省益阳市/);
  });
});
