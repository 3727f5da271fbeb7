import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEvents } from '../core/audit/audit.service.js';
import { fixedClock } from '../core/clock.js';
import type { Deps } from '../core/context.js';
import type { Database } from '../core/db/database.js';
import { seedDemoRecords } from '../exchange/index.js';
import { seedLicensing } from '../licenses/seed.js';
import { seedDemo, seedReferenceData } from '../registry/index.js';
import { engineName, openTestDatabase, testCtx, testDeps } from '../test/harness.js';
import { listProofs } from './proof.read.js';
import { seedDemoProofs, seedProofing } from './seed.js';

describe(`the proofs demo (${engineName})`, () => {
  let database: Database;
  let deps: Deps;
  beforeAll(async () => {
    database = await openTestDatabase();
    deps = testDeps(database, fixedClock(new Date('2026-03-01T02:00:00Z')));
    await seedReferenceData(deps);
    await seedDemo(deps);
    await seedLicensing(deps);
  });
  afterAll(async () => database?.close());

  it('seeds the catalogue idempotently, with a GB/T 36904 type code per type', async () => {
    expect((await seedProofing(deps)).proofTypes).toBeGreaterThanOrEqual(30);
    expect((await seedProofing(deps)).proofTypes).toBeGreaterThanOrEqual(30);
  });

  it('issues a few demo proofs at the window once, some refused, one revoked', async () => {
    expect(await seedDemoRecords(deps)).toBeGreaterThan(1000);
    const issued = await seedDemoProofs(deps);
    expect(issued).toBeGreaterThan(20);
    expect(await seedDemoProofs(deps)).toBe(0);
    const all = await listProofs(testCtx(deps), { limit: 200 });
    expect(all.items).toHaveLength(issued);
    expect(all.items.filter((p) => p.status === 'revoked')).toHaveLength(1);
    expect(new Set(all.items.map((p) => p.holderKind))).toEqual(new Set(['person', 'organization']));
    expect(all.items.every((p) => p.requestedByKind === 'staff')).toBe(true);
    expect((await findAuditEvents(deps.db, { action: 'proof.refuse', limit: 100 })).length).toBe(40 - issued);
  });
});
